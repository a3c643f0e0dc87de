import { Lazy, TerraformDataSource, TerraformLocal, TerraformProvider, TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { IPrivateEndpointRuleRef, ruleAttribute } from './rule-ref';
import { matchExpression } from './selection';
import { address, TargetConnections } from './target-connections';
import { deriveTargetType, resolveTargetType } from './target-type';
import { PrivateLinkTarget } from './targets';
import { AzapiProvider } from '../bindings/azapi/provider';
import { AzapiUpdateResource } from '../bindings/azapi/update-resource';
import { defaultProvider } from '../bindings/base';
import { TimeProvider } from '../bindings/time/provider';
import type { ConstructCheckFacts } from '../checks/facts';
import { useChecks } from '../checks/pack';
import { openCreationStackScope } from '../core/creation-stacks';
import { resolveValue } from '../core/resolved-index';
import { invalidProp } from '../core/validation';

/** How the private endpoint connection of a rule is approved on its target. */
export class ApprovalMode {
  /** Terraform approves the rule's own pending connection (exact match), in the same apply. */
  public static readonly AUTOMATIC = new ApprovalMode('AUTOMATIC');
  /** Nothing is created on the Azure side; an operator approves the connection (portal, CLI). */
  public static readonly MANUAL = new ApprovalMode('MANUAL');

  private constructor(
    /** The mode's name. */
    public readonly name: string,
  ) {}
}

/** Options of an approval, for `PrivateEndpointRule.approve()`. */
export interface PrivateEndpointApprovalOptions {
  /**
   * Automatic or manual approval.
   * @default ApprovalMode.AUTOMATIC
   */
  readonly mode?: ApprovalMode;
  /**
   * The target's type (which `privateEndpointConnections` type and API version to use).
   * @default - derived from a literal resource ID, or from the rule's sub-resource (e.g. `blob` means a
   * storage account) or domain names (a Private Link Service); required otherwise
   */
  readonly targetType?: PrivateLinkTarget;
  /**
   * The azapi provider that reads and updates the target's connections.
   * @default - the stack's default azapi provider, created when the stack has none
   */
  readonly azapiProvider?: TerraformProvider;
  /**
   * The time provider used to wait for the connection to appear.
   * @default - the stack's default time provider, created when the stack has none
   */
  readonly timeProvider?: TerraformProvider;
  /**
   * How long to wait, in seconds, before the target's connections are listed, when a rule is still
   * `CREATING` after Terraform created it (databricks provider 1.99 returns then; 1.121 and later can
   * wait themselves, see the README). No wait once the rule is `PENDING` or `ESTABLISHED`. Each rule
   * waits on its own; the target's connections are listed after every wait of the target. 0 never waits.
   * @default 180
   */
  readonly waitSeconds?: number;
}

/** Properties of a {@link PrivateEndpointApproval}. */
export interface PrivateEndpointApprovalProps extends PrivateEndpointApprovalOptions {
  /** The rule whose connection is approved. */
  readonly rule: IPrivateEndpointRuleRef;
}

const DEFAULT_WAIT_SECONDS = 180;
const LIBRARY = 'cdktf-azure-databricks-serverless';

/**
 * Approves, on the target Azure resource, the private endpoint connection that an NCC private
 * endpoint rule creates, and nothing else.
 *
 * Automatic mode lists the target's `privateEndpointConnections` (azapi) after the rule exists, once
 * per target for all its rules, and selects the connection whose `properties.privateEndpoint.id` ends
 * with `/privateEndpoints/<endpoint_name>` of the rule (case-insensitive) and whose status is `Pending`
 * (or already `Approved`, which keeps later applies quiet). It refuses an empty endpoint name and
 * approves only when exactly one connection matches. Because the databricks provider returns while the
 * rule is still `CREATING`, the list waits `waitSeconds` first, but only while the rule is `CREATING`;
 * if the connection is not there, apply fails with a message that says what to do.
 *
 * What the library owns: the act of approving, once. The approval PUTs `Approved` (with a description
 * naming the NCC and the endpoint) when it is created, and again only when its rule is replaced (a new
 * endpoint, a new connection). Afterwards the connection belongs to the target's owner: a later change of
 * its status or description is not written back (`ignore_changes` on `resource_id` and `body`), and a rule
 * added to the same target never replaces or updates this approval.
 *
 * Destroying the approval does not revoke it.
 */
export class PrivateEndpointApproval extends Construct {
  /** The approval mode. */
  public readonly mode: ApprovalMode;
  /** The rule whose connection is approved. */
  public readonly rule: IPrivateEndpointRuleRef;
  /** ID of the target resource whose connection is approved. */
  public readonly targetResourceId: string;
  /** The target type (automatic mode, or manual mode when it could be derived). */
  public readonly targetType?: PrivateLinkTarget;
  /** The list of the target's connections, shared by every automatic approval on the target (automatic mode). */
  public readonly lookup?: TerraformDataSource;
  /** The connections this rule's selection matches, as an HCL local (automatic mode). */
  public readonly selected?: TerraformLocal;
  /** The update that approves the connection (automatic mode). */
  public readonly approval?: TerraformResource;
  private readonly manualFact?: { ruleReference: string; message: string };

  /** The private endpoint name to look for: the connection's private endpoint ID ends with `/privateEndpoints/<endpointName>`. */
  public get endpointName(): string {
    return this.rule.endpointName;
  }

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param props its configuration
   */
  constructor(scope: Construct, id: string, props: PrivateEndpointApprovalProps) {
    super(scope, id);
    const stacks = openCreationStackScope(this);
    try {
      const rule = props.rule;
      this.rule = rule;
      this.mode = props.mode ?? ApprovalMode.AUTOMATIC;
      this.targetResourceId = rule.resourceId;
      useChecks(this);

      if (this.mode === ApprovalMode.MANUAL) {
        this.targetType = props.targetType ?? deriveTargetType(rule);
        this.manualFact = {
          ruleReference: rule.endpointName,
          message:
            `Manual approval: approve on ${this.describeTarget()} the Pending private endpoint connection whose private endpoint ID ends with ` +
            `"/privateEndpoints/<endpoint_name>" of rule ${rule.node.path} (after apply: terraform state show on the rule, or its connection_state in the account console). ` +
            'Approve nothing else; the rule expires if not approved within 14 days.',
        };
        return;
      }

      const target = resolveTargetType(this, rule, props.targetType);
      this.targetType = target;
      const waitSeconds = validateWait(this, props.waitSeconds ?? DEFAULT_WAIT_SECONDS);
      const azapi = props.azapiProvider ?? defaultProvider(this, AzapiProvider.tfResourceType, (s) => new AzapiProvider(s, 'azapi'));
      const time = () => props.timeProvider ?? defaultProvider(this, TimeProvider.tfResourceType, (s) => new TimeProvider(s, 'time'));
      // The rule's endpoint name, read once (a reference; every read of an attribute makes a token), or named
      // without a token by a rule of this stack that can.
      const endpoint = ruleAttribute(this, rule, 'endpoint_name', () => rule.endpointName);
      const connections = TargetConnections.of(this, rule, endpoint, target, azapi, waitSeconds, time);
      this.lookup = connections.lookup;

      const selected = new TerraformLocal(this, 'Selected', matchExpression(connections.connections, endpoint.expression));
      this.selected = selected;
      const matches = address(selected);
      // Read at synth, once (the endpoint's reference does not change once made).
      let triggeredBy: string | undefined;
      this.approval = new AzapiUpdateResource(this, 'Approve', {
        resourceType: target.connectionsType,
        resourceId: `\${length(${matches}) == 1 ? ${matches}[0].id : ""}`,
        body: {
          properties: {
            privateLinkServiceConnectionState: {
              status: 'Approved',
              description: `Approved by ${LIBRARY} for Databricks NCC ${rule.networkConnectivityConfigId}, private endpoint \${${endpoint.expression}}`,
            },
          },
        },
        provider: azapi,
        lifecycle: {
          // Approved once, then left to the target's owner: when a rule joins the target (or another rule is
          // replaced), the list is read at apply and `resource_id` is unknown at plan, which azapi's
          // RequiresReplace would turn into a replacement (a second PUT of Approved, which Storage refuses).
          // The approval follows its own rule instead: a replaced rule has a new endpoint, and a new connection.
          ignoreChanges: ['resource_id', 'body'],
          // A bare reference (Terraform reads replace_triggered_by as an expression, without `${}`), read at synth.
          replaceTriggeredBy: [endpoint.bare ?? Lazy.stringValue({ produce: () => (triggeredBy ??= bareReference(this, endpoint.expression)) })],
          precondition: [
            {
              condition: `\${length(${matches}) == 1}`,
              // The text is the stack's one local (see approvalMessage); each approval fills in its own.
              errorMessage:
                `\${format(${approvalMessage(this)}, ${hclString(rule.node.path)}, coalesce(${endpoint.expression}, "(no endpoint name yet)"), length(${matches}), ${waitSeconds})}`,
            },
          ],
        },
      });
    } finally {
      stacks.close();
    }
  }

  /** Tells the checks what to approve by hand (ADBS-MANUAL-APPROVAL). @internal */
  public _checkFacts(): ConstructCheckFacts {
    return this.manualFact ? { manualApproval: this.manualFact } : {};
  }

  private describeTarget(): string {
    return Token.isUnresolved(this.targetResourceId) ? 'the rule\'s target resource' : this.targetResourceId;
  }
}

/**
 * The precondition message of every automatic approval of a stack, written once as a local (a `format`
 * template: the rule's path, its endpoint name, the number of matches, the seconds waited), rather than
 * about 1 KB repeated on every approval. Returns its address.
 */
function approvalMessage(scope: Construct): string {
  const stack = TerraformStack.of(scope);
  let message = MESSAGES.get(stack);
  if (!message) {
    message = new TerraformLocal(stack, `${LIBRARY}_approval-message`,
      'Private endpoint approval for NCC rule %s: expected exactly one Pending or Approved private endpoint connection ' +
      'on the target whose private endpoint ID ends with "/privateEndpoints/%s", found %d after waiting up to %ds. ' +
      'If none: the Databricks rule may still be CREATING, or its connection was rejected or removed; check the rule\'s connection_state in the ' +
      'Databricks account console and run terraform apply again (raise waitSeconds if endpoints are slow in your region), or recreate an ' +
      'EXPIRED/REJECTED rule. If more than one: nothing was approved; remove the duplicate connections on the target. ' +
      'To approve by hand instead, use ApprovalMode.MANUAL.');
    MESSAGES.set(stack, message);
  }
  return address(message);
}
const MESSAGES = new WeakMap<TerraformStack, TerraformLocal>();

/** A literal as an HCL string inside an interpolation (JSON escapes; `${` and `%{` escaped as HCL templates want). */
function hclString(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

function validateWait(scope: Construct, seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 3600) {
    invalidProp(scope, 'waitSeconds', seconds, 'expected a whole number of seconds from 0 to 3600', 'use e.g. 180 (the default), or 0 never to wait');
  }
  return seconds;
}

/** A reference as Terraform's meta-arguments want it: `a.b.c` for a token that synth writes as `${a.b.c}`. */
function bareReference(scope: Construct, reference: string): string {
  const resolved = String(resolveValue(scope, reference));
  const m = /^\$\{([^{}]+)\}$/.exec(resolved);
  if (!m) {
    invalidProp(scope, 'rule.endpointName', resolved, 'not a reference to the rule\'s endpoint_name attribute', 'pass a rule whose endpointName is its resource\'s endpoint_name');
  }
  return m[1];
}
