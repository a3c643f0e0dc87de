import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { findResourceType, resourceTypeOfTerraformType, sameArmType } from './azure-resource-types';
import { ARM_NAMESPACE, ARM_TYPE_SEGMENT, GUID } from './patterns';
import { invalidProp } from './validation';

/**
 * The parts of an Azure Resource Manager (ARM) resource ID.
 */
export interface ArmResourceIdParts {
  /** Subscription GUID. */
  readonly subscriptionId: string;
  /** Resource group name. */
  readonly resourceGroupName: string;
  /** Resource provider namespace, e.g. `Microsoft.Storage`. */
  readonly providerNamespace: string;
  /**
   * Full resource type including the namespace and any child types,
   * e.g. `Microsoft.Storage/storageAccounts`.
   */
  readonly resourceType: string;
  /** Name of the (last) resource in the ID. */
  readonly name: string;
}

const NAME_SEGMENT = /^[^\s/?#]+$/;

/**
 * Parses a literal ARM resource ID of the form
 * `/subscriptions/<guid>/resourceGroups/<rg>/providers/<Namespace>/<type>/<name>[/<childType>/<childName>]...`.
 *
 * Returns a string describing the problem instead of throwing, so callers can
 * phrase the error with the property name.
 */
export function parseArmResourceId(id: string): ArmResourceIdParts | string {
  if (id.trim() !== id || id.length === 0) {
    return 'it is empty or has leading/trailing white space';
  }
  const segments = id.split('/');
  if (segments[0] !== '') {
    return 'it must start with "/subscriptions/"';
  }
  const parts = segments.slice(1);
  if (parts.length < 8) {
    return 'it is too short for a resource ID (expected /subscriptions/<id>/resourceGroups/<name>/providers/<Namespace>/<type>/<name>)';
  }
  if (parts[0].toLowerCase() !== 'subscriptions' || !GUID.test(parts[1])) {
    return 'it must start with "/subscriptions/<subscription GUID>"';
  }
  if (parts[2].toLowerCase() !== 'resourcegroups' || !NAME_SEGMENT.test(parts[3])) {
    return 'the segment after the subscription must be "resourceGroups/<name>"';
  }
  if (parts[4].toLowerCase() !== 'providers' || !ARM_NAMESPACE.test(parts[5])) {
    return 'the segment after the resource group must be "providers/<Namespace>" such as providers/Microsoft.Storage';
  }
  const rest = parts.slice(6);
  if (rest.length % 2 !== 0) {
    return 'the type and name segments after the namespace must come in pairs (<type>/<name>)';
  }
  const types: string[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    if (!ARM_TYPE_SEGMENT.test(rest[i]) || !NAME_SEGMENT.test(rest[i + 1])) {
      return `the segment "${rest[i]}/${rest[i + 1]}" is not a valid <type>/<name> pair`;
    }
    types.push(rest[i]);
  }
  return {
    subscriptionId: parts[1],
    resourceGroupName: parts[3],
    providerNamespace: parts[5],
    resourceType: [parts[5], ...types].join('/'),
    name: rest[rest.length - 1],
  };
}

/**
 * The ARM resource type of a resource ID given as a value synth resolved: a literal ID, or a
 * reference to the `id` of a well-known azurerm resource (`${azurerm_storage_account.x.id}`).
 * `undefined` when it cannot be known at synth.
 */
export function armTypeOfResolved(resolved: unknown): string | undefined {
  if (typeof resolved !== 'string') {
    return undefined;
  }
  const ref = /^\$\{(azurerm_[a-z0-9_]+)\.[A-Za-z0-9_-]+\.id\}$/.exec(resolved);
  if (ref) {
    return resourceTypeOfTerraformType(ref[1])?.armType;
  }
  if (resolved.includes('${')) {
    return undefined;
  }
  const parsed = parseArmResourceId(resolved);
  return typeof parsed === 'string' ? undefined : parsed.resourceType;
}

/**
 * Checks a literal ARM resource ID prop (tokens pass): it must be well-formed and, when `expectedType`
 * is given, of that type (compared case-insensitively). Throws naming the property, the value and the fix.
 *
 * @returns the parts of a literal ID, `undefined` for a token
 */
export function checkArmId(scope: IConstruct, prop: string, id: string, expectedType?: string): ArmResourceIdParts | undefined {
  if (Token.isUnresolved(id)) {
    return undefined;
  }
  const expected = expectedType === undefined ? undefined : findResourceType(expectedType);
  const example = expectedType
    ? `/subscriptions/<guid>/resourceGroups/<rg>/providers/${expectedType}/<name>`
    : '/subscriptions/<guid>/resourceGroups/<rg>/providers/<Namespace>/<type>/<name>';
  const parsed = parseArmResourceId(id);
  if (typeof parsed === 'string') {
    invalidProp(scope, prop, id, `not a well-formed Azure resource ID: ${parsed}`, `pass the full ID, e.g. ${example}, or a reference such as resource.id`);
  }
  if (expectedType && !sameArmType(parsed.resourceType, expectedType)) {
    const what = expected ? ` (${expected.displayName})` : '';
    invalidProp(
      scope,
      prop,
      id,
      `expected the ID of a ${expectedType}${what}, got a ${parsed.resourceType}`,
      `pass the ID of a ${expected?.displayName ?? expectedType}, e.g. ${example}`,
    );
  }
  return parsed;
}
