import { MwsNccPrivateEndpointRule } from '@cdktf/provider-databricks/lib/mws-ncc-private-endpoint-rule';
import { IConstruct } from 'constructs';
import { PrivateLinkSubResource } from './sub-resource';

/**
 * What an approval needs from an NCC private endpoint rule: its target, how it names the target's
 * sub-resource, and the rule resource whose endpoint name, state and ID the approval reads.
 * `PrivateEndpointRule` implements it.
 */
export interface IPrivateEndpointRuleRef extends IConstruct {
  /** ARM resource ID of the target resource (literal or token). */
  readonly resourceId: string;
  /** The target's ARM resource type when it is known at synth. */
  readonly resourceType?: string;
  /** The sub-resource; absent when the rule names a Private Link Service by domain names. */
  readonly subResource?: PrivateLinkSubResource;
  /** ID of the NCC the rule belongs to. */
  readonly networkConnectivityConfigId: string;
  /** The `databricks_mws_ncc_private_endpoint_rule` resource. */
  readonly resource: MwsNccPrivateEndpointRule;
}
