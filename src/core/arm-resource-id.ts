import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { findResourceType, resourceTypeOfTerraformType, sameArmType } from './azure-resource-types';
import { ARM_NAMESPACE, ARM_TYPE_SEGMENT, GUID } from './patterns';
import { resolveValue } from './resolved-index';
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
 * Refuses a reference to an attribute that holds no ID (`storageAccount.name` for `storageAccount.id` is a
 * common slip that Databricks or Azure only reject at apply): a reference to one attribute of a resource
 * or data source must be its `id` or an attribute named `*_id`. Other tokens (variables, locals,
 * expressions) pass.
 *
 * @param resolved the value as synth writes it
 */
export function checkIdReference(scope: IConstruct, prop: string, resolved: unknown): void {
  if (typeof resolved !== 'string') {
    return;
  }
  const ref = /^\$\{((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)\.([a-z][a-z0-9_]*)\}$/.exec(resolved);
  if (ref && ref[2] !== 'id' && !ref[2].endsWith('_id')) {
    invalidProp(scope, prop, resolved, `it refers to the "${ref[2]}" attribute of ${ref[1]}, which is not a resource ID`, `pass the resource's id (e.g. ${ref[1]}.id, storageAccount.id in code)`);
  }
}

/**
 * Checks an ARM resource ID prop: a token must not refer to a non-ID attribute; a literal must be well-formed and, when `expectedType`
 * is given, of that type (compared case-insensitively, as ARM does; with `exactCase`, the fixed segments
 * and the type must be cased exactly, for provider arguments validated case-sensitively). Throws naming
 * the property, the value and the fix.
 *
 * @returns the parts of a literal ID, `undefined` for a token
 */
export function checkArmId(scope: IConstruct, prop: string, id: string, expectedType?: string, exactCase = false): ArmResourceIdParts | undefined {
  if (Token.isUnresolved(id)) {
    checkIdReference(scope, prop, resolveValue(scope, id));
    return undefined;
  }
  const expected = expectedType === undefined ? undefined : findResourceType(expectedType);
  const example = `/subscriptions/<guid>/resourceGroups/<rg>/providers/${exampleTypePath(expectedType)}`;
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
  if (expectedType && exactCase) {
    const [namespace, ...types] = expectedType.split('/');
    const exact = `/subscriptions/${parsed.subscriptionId}/resourceGroups/`;
    const tail = [namespace, ...types].join('/');
    const segments = id.split('/');
    const typed = [segments[6], ...segments.slice(7).filter((_, i) => i % 2 === 0)].join('/');
    if (!id.startsWith(exact) || segments[5] !== 'providers' || typed !== tail) {
      invalidProp(
        scope,
        prop,
        id,
        `the provider matches this ID case-sensitively and expects the segments "subscriptions", "resourceGroups", "providers" and "${tail}" exactly so`,
        `write it as ${example}`,
      );
    }
  }
  return parsed;
}

/** `Microsoft.Network/networkSecurityPerimeters/profiles` -> `Microsoft.Network/networkSecurityPerimeters/<name>/profiles/<name>`. */
function exampleTypePath(armType: string | undefined): string {
  if (!armType) {
    return '<Namespace>/<type>/<name>';
  }
  const [namespace, ...types] = armType.split('/');
  return [namespace, ...types.map((t) => `${t}/<name>`)].join('/');
}
