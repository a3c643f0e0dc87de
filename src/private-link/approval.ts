import { TerraformLocal, TerraformProvider, Token } from 'cdktf';
import { Construct } from 'constructs';
import type { IPrivateEndpointRuleRef } from './rule-ref';
import { PrivateLinkTarget } from './targets';
import { AzapiProvider } from '../bindings/azapi/provider';
import { DataAzapiResourceList } from '../bindings/azapi/resource-list';
import { AzapiUpdateResource } from '../bindings/azapi/update-resource';
import { defaultProvider } from '../bindings/base';
import { TimeProvider } from '../bindings/time/provider';
import { TimeSleep } from '../bindings/time/sleep';
import { info, invalidProp } from '../core/validation';

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
   * How long to wait, in seconds, before each new look for the connection when the previous look
   * found none. The connection is looked for right after the rule is created and after each wait; the
   * total is the longest an apply waits before it fails with an actionable message.
   * @default [60, 120, 240] - looks at 0, 1, 3 and 7 minutes
   */
  readonly waitSeconds?: number[];
}

/** Properties of a {@link PrivateEndpointApproval}. */
export interface PrivateEndpointApprovalProps extends PrivateEndpointApprovalOptions {
  /** The rule whose connection is approved. */
  readonly rule: IPrivateEndpointRuleRef;
}

const DEFAULT_WAITS = [60, 120, 240];
const LIBRARY = 'cdktf-azure-databricks-serverless';

/**
 * Approves, on the target Azure resource, the private endpoint connection that an NCC private
 * endpoint rule creates, and nothing else.
 *
 * Automatic mode lists the target's `privateEndpointConnections` (azapi) after the rule exists and
 * selects the connection whose `properties.privateEndpoint.id` ends with
 * `/privateEndpoints/<endpoint_name>` of the rule (case-insensitive) and whose status is `Pending` (or
 * already `Approved`, which keeps later applies quiet). It refuses an empty endpoint name and
 * approves only when exactly one connection matches. Because databricks provider 1.99 can return while
 * the rule is still `CREATING`, it looks again after each of `waitSeconds` (waiting only while nothing
 * matches) and then fails with a message that says what to do.
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
  /** The private endpoint name to look for: the connection's private endpoint ID ends with `/privateEndpoints/<endpointName>`. */
  public readonly endpointName: string;
  /** The target type (automatic mode, or manual mode when it could be derived). */
  public readonly targetType?: PrivateLinkTarget;
  /** The looks at the target's connections, in order (automatic mode). */
  public readonly lookups: DataAzapiResourceList[] = [];
  /** The waits between looks (automatic mode). */
  public readonly waits: TimeSleep[] = [];
  /** The connections that match after each look, as HCL locals (automatic mode). */
  public readonly matches: TerraformLocal[] = [];
  /** The update that approves the connection (automatic mode). */
  public readonly approval?: AzapiUpdateResource;

  constructor(scope: Construct, id: string, props: PrivateEndpointApprovalProps) {
    super(scope, id);
    const rule = props.rule;
    this.rule = rule;
    this.mode = props.mode ?? ApprovalMode.AUTOMATIC;
    this.targetResourceId = rule.resourceId;
    this.endpointName = rule.resource.endpointName;

    if (this.mode === ApprovalMode.MANUAL) {
      this.targetType = props.targetType ?? this.tryDeriveTargetType();
      info(
        this,
        `Manual approval: approve on ${this.describeTarget()} the Pending private endpoint connection whose private endpoint ID ends with ` +
          `"/privateEndpoints/<endpoint_name>" of rule ${rule.node.path} (after apply: terraform state show on the rule, or its connection_state in the account console). ` +
          'Approve nothing else; the rule expires if not approved within 14 days.',
      );
      return;
    }

    const target = this.resolveTargetType(props.targetType);
    this.targetType = target;
    const waits = validateWaits(this, props.waitSeconds ?? DEFAULT_WAITS);
    const azapi = props.azapiProvider ?? defaultProvider(this, AzapiProvider.tfResourceType, (s) => new AzapiProvider(s, 'azapi'));
    const time =
      waits.length === 0
        ? undefined
        : props.timeProvider ?? defaultProvider(this, TimeProvider.tfResourceType, (s) => new TimeProvider(s, 'time'));

    const endpoint = rule.resource.endpointName;
    const suffix = new TerraformLocal(
      this,
      'EndpointSuffix',
      `\${(${endpoint} == null ? "" : ${endpoint}) == "" ? "" : lower(format("/privateEndpoints/%s", ${endpoint}))}`,
    );

    for (let i = 0; i <= waits.length; i++) {
      const lookup = new DataAzapiResourceList(this, `Lookup${i}`, {
        resourceType: target.connectionsType,
        parentId: rule.resourceId,
        // Asked for explicitly: with the provider's default output disabled, `output` would be empty.
        responseExportValues: ['value'],
        provider: azapi,
        // Read after the rule exists (at apply time while the rule or the previous wait changes).
        dependsOn: i === 0 ? [rule.resource] : [this.waits[i - 1]],
      });
      this.lookups.push(lookup);
      const matches = new TerraformLocal(this, `Matches${i}`, matchExpression(`${lookup.fqn}.output.value`, suffix.asString));
      this.matches.push(matches);
      if (i < waits.length) {
        this.waits.push(
          new TimeSleep(this, `Wait${i}`, {
            createDuration: `\${length(${matches.asString}) > 0 ? "0s" : "${waits[i]}s"}`,
            triggers: { rule_id: rule.resource.id },
            provider: time,
            lifecycle: { ignoreChanges: ['create_duration'] },
          }),
        );
      }
    }

    const final = this.matches[this.matches.length - 1].asString;
    const totalWait = waits.reduce((a, b) => a + b, 0);
    this.approval = new AzapiUpdateResource(this, 'Approve', {
      resourceType: target.connectionsType,
      resourceId: `\${length(${final}) == 1 ? ${final}[0].id : ""}`,
      body: {
        properties: {
          privateLinkServiceConnectionState: {
            status: 'Approved',
            description: `Approved by ${LIBRARY} for Databricks NCC ${rule.networkConnectivityConfigId}, rule ${rule.resource.ruleId}`,
          },
        },
      },
      provider: azapi,
      lifecycle: {
        precondition: [
          {
            condition: `\${length(${final}) == 1}`,
            errorMessage:
              `Private endpoint approval for NCC rule ${rule.node.path}: expected exactly one Pending or Approved private endpoint connection ` +
              `on the target whose private endpoint ID ends with "/privateEndpoints/\${coalesce(${endpoint}, "(no endpoint name yet)")}", found \${length(${final})} after waiting up to ${totalWait}s. ` +
              'If none: the Databricks rule may still be CREATING, or its connection was rejected or removed; check the rule\'s connection_state in the ' +
              'Databricks account console and run terraform apply again (raise waitSeconds if endpoints are slow in your region), or recreate an ' +
              'EXPIRED/REJECTED rule. If more than one: nothing was approved; remove the duplicate connections on the target. ' +
              'To approve by hand instead, use ApprovalMode.MANUAL.',
          },
        ],
      },
    });
  }

  private describeTarget(): string {
    return Token.isUnresolved(this.targetResourceId) ? 'the rule\'s target resource' : this.targetResourceId;
  }

  /** The target type from a literal ID, the sub-resource or the domain names; undefined when unknown. */
  private tryDeriveTargetType(): PrivateLinkTarget | undefined {
    const type = this.rule.resourceType;
    if (type) {
      return PrivateLinkTarget.fromResourceType(type);
    }
    if (this.rule.subResource) {
      const types = this.rule.subResource.resourceTypes;
      return types.length === 1 ? PrivateLinkTarget.fromResourceType(types[0]) : undefined;
    }
    return PrivateLinkTarget.PRIVATE_LINK_SERVICE;
  }

  private resolveTargetType(explicit: PrivateLinkTarget | undefined): PrivateLinkTarget {
    const literalType = this.rule.resourceType;
    if (explicit) {
      if (literalType && !Token.isUnresolved(explicit.resourceType) && literalType.toLowerCase() !== explicit.resourceType.toLowerCase()) {
        invalidProp(
          this,
          'targetType',
          explicit.resourceType,
          `the rule's resource ID is a ${literalType}`,
          'leave targetType out (it is derived from the resource ID) or pass the matching type',
        );
      }
      return explicit;
    }
    const derived = this.tryDeriveTargetType();
    if (derived) {
      return derived;
    }
    if (literalType) {
      invalidProp(
        this,
        'targetType',
        undefined,
        `${literalType} is not in the approval table`,
        `pass targetType: PrivateLinkTarget.custom("${literalType}", "<api version with privateEndpointConnections>")`,
      );
    }
    return invalidProp(
      this,
      'targetType',
      undefined,
      'the target type cannot be derived: the resource ID is a token and the sub-resource fits more than one type (or is custom)',
      'pass targetType, e.g. PrivateLinkTarget.STORAGE_ACCOUNT or PrivateLinkTarget.custom("<Namespace>/<type>", "<api version>")',
    );
  }
}

/**
 * The HCL expression (one `${...}` interpolation) that selects, from a list of private endpoint
 * connections, those of one private endpoint: the ID of the connection's private endpoint ends
 * with `suffix` (`/privateendpoints/<name>`, lowercased; empty means "match nothing") and the status
 * is Pending or Approved.
 */
export function matchExpression(connections: string, suffix: string): string {
  return (
    `\${[for c in try(${connections}, []) : c if ${suffix} != "" ` +
    `&& endswith(lower(try(c.properties.privateEndpoint.id, "")), ${suffix}) ` +
    '&& contains(["pending", "approved"], lower(try(c.properties.privateLinkServiceConnectionState.status, "")))]}'
  );
}

function validateWaits(scope: Construct, waits: number[]): number[] {
  if (waits.length > 10 || waits.some((w) => !Number.isInteger(w) || w < 1 || w > 3600)) {
    invalidProp(
      scope,
      'waitSeconds',
      waits,
      'expected at most 10 whole numbers of seconds, each from 1 to 3600',
      'use a short schedule such as [60, 120, 240], or [] to look only once',
    );
  }
  return waits;
}

