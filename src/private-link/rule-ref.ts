import { TerraformStack } from 'cdktf';
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

/**
 * An attribute of a rule as an approval writes it: `expression` inside an interpolation (`${...}`),
 * `value` as a whole value; `bare` is the plain reference (`<type>.<name>.<attribute>`) when the rule gave
 * one.
 */
export interface RuleAttribute {
  readonly expression: string;
  readonly value: string;
  readonly bare?: string;
}

/** A rule that names its resource's attributes without a token (the library's PrivateEndpointRule). */
interface AddressableRule {
  _attributeReference(attribute: string): string;
}

/**
 * An attribute of a rule for an element in `scope`. A rule of the same stack that names its attributes
 * itself gives a plain reference: what its attribute's token would resolve to, without the token (each
 * token captures a stack trace). Otherwise the attribute is read (`read`: a token).
 */
export function ruleAttribute(scope: IConstruct, rule: IPrivateEndpointRuleRef, attribute: string, read: () => string): RuleAttribute {
  const named = rule as Partial<AddressableRule> & IPrivateEndpointRuleRef;
  if (typeof named._attributeReference === 'function' && TerraformStack.of(rule) === TerraformStack.of(scope)) {
    const bare = named._attributeReference(attribute);
    return { expression: bare, value: `\${${bare}}`, bare };
  }
  const token = read();
  return { expression: token, value: token };
}
