import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import type { IPrivateEndpointRuleRef } from './rule-ref';
import { PrivateLinkTarget } from './targets';
import { sameArmType } from '../core/azure-resource-types';
import { invalidProp } from '../core/validation';

/** The target type of a rule from its literal ID, its sub-resource or its domain names; undefined when unknown. */
export function deriveTargetType(rule: IPrivateEndpointRuleRef): PrivateLinkTarget | undefined {
  if (rule.resourceType) {
    return PrivateLinkTarget.fromResourceType(rule.resourceType);
  }
  if (rule.subResource) {
    const types = rule.subResource.resourceTypes;
    return types.length === 1 ? PrivateLinkTarget.fromResourceType(types[0]) : undefined;
  }
  return PrivateLinkTarget.PRIVATE_LINK_SERVICE;
}

/** The target type an automatic approval uses: the one given (which must fit a literal ID), or the derived one. */
export function resolveTargetType(scope: IConstruct, rule: IPrivateEndpointRuleRef, explicit: PrivateLinkTarget | undefined): PrivateLinkTarget {
  const literalType = rule.resourceType;
  if (explicit) {
    if (literalType && !Token.isUnresolved(explicit.resourceType) && !sameArmType(literalType, explicit.resourceType)) {
      invalidProp(
        scope,
        'targetType',
        explicit.resourceType,
        `the rule's resource ID is a ${literalType}`,
        'leave targetType out (it is derived from the resource ID) or pass the matching type',
      );
    }
    return explicit;
  }
  const derived = deriveTargetType(rule);
  if (derived) {
    return derived;
  }
  if (literalType) {
    invalidProp(
      scope,
      'targetType',
      undefined,
      `${literalType} is not in the approval table`,
      `pass targetType: PrivateLinkTarget.custom("${literalType}", "<api version with privateEndpointConnections>")`,
    );
  }
  return invalidProp(
    scope,
    'targetType',
    undefined,
    'the target type cannot be derived: the resource ID is a token and the sub-resource fits more than one type (or is custom)',
    'pass targetType, e.g. PrivateLinkTarget.STORAGE_ACCOUNT or PrivateLinkTarget.custom("<Namespace>/<type>", "<api version>")',
  );
}
