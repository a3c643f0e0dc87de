import { IConstruct } from 'constructs';
import { PrivateLinkSubResource } from './sub-resource';

/**
 * What an approval needs from an NCC private endpoint rule: its target, how it names the target's
 * sub-resource, and the attributes of the rule the approval reads (plain references, known after
 * apply). `PrivateEndpointRule` implements it; its default child (`node.defaultChild`) is the rule's
 * Terraform resource, which an approval that does not wait (`waitSeconds: 0`) depends on.
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
  /** The rule's ID (`rule_id`). */
  readonly ruleId: string;
  /** The name of the private endpoint Databricks creates (`endpoint_name`): its connection's private endpoint ID ends with `/privateEndpoints/<endpointName>`. */
  readonly endpointName: string;
  /** The rule's state (`connection_state`): `CREATING`, `PENDING`, `ESTABLISHED`, ... */
  readonly connectionState: string;
}
