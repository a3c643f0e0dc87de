import { MwsNccPrivateEndpointRule } from '@cdktf/provider-databricks/lib/mws-ncc-private-endpoint-rule';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { AccountState } from './account-state';
import type { INetworkConnectivityConfig } from './network-connectivity-config';
import { useChecks } from '../checks/pack';
import { accountLimit } from '../core/account-limits';
import { armTypeOfResolved, checkArmId, checkIdReference } from '../core/arm-resource-id';
import { PRIVATE_LINK_SERVICE, sameArmType } from '../core/azure-resource-types';
import { claimOnce } from '../core/claims';
import { openCreationStackScope } from '../core/creation-stacks';
import { DNS_NAME } from '../core/patterns';
import { requireProvider } from '../core/provider-requirements';
import { resolveString } from '../core/resolved-index';
import { invalidProp, isUnresolved } from '../core/validation';
import { PrivateEndpointApproval, PrivateEndpointApprovalOptions } from '../private-link/approval';
import { IPrivateEndpointRuleRef } from '../private-link/rule-ref';
import { PrivateLinkSubResource } from '../private-link/sub-resource';

/** What a private endpoint rule connects to. Give exactly one of `subResource` and `domainNames`. */
export interface PrivateEndpointRuleOptions {
  /** ARM resource ID of the target Azure resource (literal or token). */
  readonly resourceId: string;
  /**
   * The Private Link sub-resource (group ID) to connect to, e.g. `PrivateLinkSubResource.BLOB`.
   * @default - none; `domainNames` must be given
   */
  readonly subResource?: PrivateLinkSubResource;
  /**
   * Domain names served by an Azure Private Link Service (behind a Standard Load Balancer) target.
   * Public preview in Databricks.
   * @default - none; `subResource` must be given
   */
  readonly domainNames?: string[];
}

/** Properties of a {@link PrivateEndpointRule}. */
export interface PrivateEndpointRuleProps extends PrivateEndpointRuleOptions {
  /** The NCC the rule belongs to. */
  readonly networkConnectivityConfig: INetworkConnectivityConfig;
}

/**
 * A private endpoint rule of an NCC (`databricks_mws_ncc_private_endpoint_rule`): Databricks creates
 * a private endpoint from its serverless compute plane to the target resource, and the target
 * receives a pending private endpoint connection that its owner must approve.
 *
 * Lifecycle of `connectionState`: `CREATING` → `PENDING` (awaiting approval) → `ESTABLISHED` (only now
 * in use); also `REJECTED`, `DISCONNECTED`, `CREATE_FAILED`, and `EXPIRED` when not approved within 14 days.
 */
export class PrivateEndpointRule extends Construct implements IPrivateEndpointRuleRef {
  /** The NCC the rule belongs to. */
  public readonly networkConnectivityConfig: INetworkConnectivityConfig;
  /** ARM resource ID of the target resource, as given. */
  public readonly resourceId: string;
  /**
   * The target's ARM resource type (e.g. `Microsoft.Storage/storageAccounts`) when it is known at synth:
   * from a literal resource ID, or from a reference to the `id` of a well-known azurerm resource.
   */
  public readonly resourceType?: string;
  /** The sub-resource, when the rule has one. */
  public readonly subResource?: PrivateLinkSubResource;
  /** The underlying `databricks_mws_ncc_private_endpoint_rule` resource. */
  public readonly resource: MwsNccPrivateEndpointRule;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param props its configuration
   */
  constructor(scope: Construct, id: string, props: PrivateEndpointRuleProps) {
    super(scope, id);
    const stacks = openCreationStackScope(this);
    try {
      useChecks(this);
      const ncc = props.networkConnectivityConfig;
      this.networkConnectivityConfig = ncc;
      this.resourceId = props.resourceId;
      this.subResource = props.subResource;

      if ((props.subResource === undefined) === (props.domainNames === undefined)) {
        invalidProp(
          this,
          'subResource/domainNames',
          props.subResource?.groupId ?? props.domainNames,
          'give exactly one of subResource (for an Azure service) and domainNames (for a Private Link Service)',
          'pass subResource such as PrivateLinkSubResource.BLOB, or domainNames for a Private Link Service target',
        );
      }

      this.resourceType = this.targetType(props.resourceId);
      if (props.subResource) {
        this.checkSubResource(props.subResource, this.resourceType);
      } else {
        this.checkDomainNames(props.domainNames!, this.resourceType);
      }

      // Bounded fan-out: wait for an earlier rule of the NCC (parallel rule creation hits API throttling).
      const state = AccountState.of(this);
      const waitFor = state.ruleToWaitFor(ncc, accountLimit(ncc.accountLimits, 'maxParallelRuleCreations'));
      // Updating domain_names in place works from databricks 1.106.0 on.
      requireProvider(this, 'databricks', props.domainNames ? 'private-link-service-rule' : undefined);
      this.resource = new MwsNccPrivateEndpointRule(this, 'Resource', {
        dependsOn: waitFor ? [waitFor] : undefined,
        networkConnectivityConfigId: ncc.networkConnectivityConfigId,
        resourceId: props.resourceId,
        groupId: props.subResource?.groupId,
        domainNames: props.domainNames,
        provider: ncc.accountProvider,
      });

      state.addRule(ncc, this.resource);
      this.refuseDuplicate(props);
    } finally {
      stacks.close();
    }
  }

  /**
   * Approves the private endpoint connection this rule creates on its target (see
   * {@link PrivateEndpointApproval}). One approval per rule.
   */
  public approve(options: PrivateEndpointApprovalOptions = {}): PrivateEndpointApproval {
    if (this.node.tryFindChild('Approval')) {
      invalidProp(this, 'approve()', 'called twice', 'a rule has one approval', 'call approve() once per rule');
    }
    return new PrivateEndpointApproval(this, 'Approval', { ...options, rule: this });
  }

  /** ID of the NCC the rule belongs to. */
  public get networkConnectivityConfigId(): string {
    return this.networkConnectivityConfig.networkConnectivityConfigId;
  }

  /**
   * A plain reference to an attribute of the rule's resource (`<type>.<name>.<attribute>`), as its token
   * would resolve in this stack, without making a token: for the library's elements of this stack that
   * read the rule. Names the resource as the token would (its name is fixed from here on). @internal
   */
  public _attributeReference(attribute: string): string {
    return `${this.resource.terraformResourceType}.${this.resource.friendlyUniqueId}${this.resource.forEach ? '.*' : ''}.${attribute}`;
  }

  /** The rule's ID (`rule_id`). */
  public get ruleId(): string {
    return this.resource.ruleId;
  }

  /**
   * Name of the private endpoint Databricks creates (e.g. `databricks-<uuid>-pe-<hex>`); the pending
   * connection on the target has a private endpoint ID ending in `/privateEndpoints/<endpointName>`.
   */
  public get endpointName(): string {
    return this.resource.endpointName;
  }

  /** `CREATING`, `PENDING`, `ESTABLISHED`, `REJECTED`, `DISCONNECTED`, `EXPIRED` or `CREATE_FAILED`. */
  public get connectionState(): string {
    return this.resource.connectionState;
  }

  /**
   * One NCC with two rules for the same target and sub-resource (or the same domain names) pays for two
   * endpoints, and the second's connection can never be approved as the only match: an error at synth
   * naming both (compared as synth writes them, so two references to one attribute are one target).
   */
  private refuseDuplicate(props: PrivateEndpointRuleProps): void {
    const what = props.subResource ? props.subResource.groupId : [...props.domainNames!].sort().join(',');
    claimOnce(this, 'private-endpoint-rule', `${this.networkConnectivityConfigId}|${props.resourceId}|${what}`, {
      prop: props.subResource ? 'subResource' : 'domainNames',
      value: what,
      problem: (where) =>
        `rules ${where} of one NCC connect to the same target and ${props.subResource ? 'sub-resource' : 'domain names'}: ` +
        'each is a billed endpoint, and neither connection could be approved as the only match',
      fix: 'keep one rule per target and sub-resource in an NCC',
      separator: ' and ',
    });
  }

  /** The target's ARM type: from a literal ID (which must be well-formed), or from a reference to a well-known azurerm resource. */
  private targetType(resourceId: string): string | undefined {
    if (Token.isUnresolved(resourceId)) {
      // Resolved once per stack for a token given to several rules (an account's ID, to blob and dfs).
      const resolved = resolveString(this, resourceId);
      checkIdReference(this, 'resourceId', resolved);
      return armTypeOfResolved(resolved);
    }
    return checkArmId(this, 'resourceId', resourceId)!.resourceType;
  }

  private checkSubResource(subResource: PrivateLinkSubResource, resourceType: string | undefined): void {
    if (!resourceType || Token.isUnresolved(subResource.groupId)) {
      return;
    }
    if (sameArmType(resourceType, PRIVATE_LINK_SERVICE)) {
      invalidProp(
        this,
        'subResource',
        subResource.groupId,
        'a Private Link Service target has no sub-resource',
        'pass domainNames (the names the service answers to) instead of subResource',
      );
    }
    if (!subResource.fitsResourceType(resourceType)) {
      const fitting = PrivateLinkSubResource.forResourceType(resourceType).map((s) => s.groupId);
      invalidProp(
        this,
        'subResource',
        subResource.groupId,
        `sub-resource "${subResource.groupId}" does not apply to a ${resourceType} target (it applies to ${subResource.resourceTypes.join(', ')})`,
        fitting.length > 0
          ? `use one of ${fitting.map((g) => `"${g}"`).join(', ')} for this target`
          : 'use PrivateLinkSubResource.custom("<groupId>") with the sub-resource from the target service\'s Private Link documentation',
      );
    }
  }

  private checkDomainNames(domainNames: string[], resourceType: string | undefined): void {
    if (resourceType && !sameArmType(resourceType, PRIVATE_LINK_SERVICE)) {
      invalidProp(
        this,
        'domainNames',
        domainNames,
        `domain names are only for Private Link Service targets, and ${resourceType} is not one`,
        `pass subResource instead${describeFitting(resourceType)}`,
      );
    }
    if (Token.isUnresolved(domainNames)) {
      return;
    }
    if (domainNames.length === 0) {
      invalidProp(this, 'domainNames', domainNames, 'the list is empty', 'list at least one domain name the Private Link Service answers to');
    }
    for (const name of domainNames) {
      if (!isUnresolved(name) && !DNS_NAME.test(name)) {
        invalidProp(this, 'domainNames', name, 'not a fully qualified domain name', 'use a name such as "db.internal.example.com" (no scheme, port or wildcard)');
      }
    }
  }
}

function describeFitting(resourceType: string): string {
  const fitting = PrivateLinkSubResource.forResourceType(resourceType).map((s) => `"${s.groupId}"`);
  return fitting.length > 0 ? ` (one of ${fitting.join(', ')})` : '';
}
