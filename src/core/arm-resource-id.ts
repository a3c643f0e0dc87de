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

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const NAMESPACE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;
const TYPE_SEGMENT = /^[A-Za-z][A-Za-z0-9]*$/;
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
  if (parts[4].toLowerCase() !== 'providers' || !NAMESPACE.test(parts[5])) {
    return 'the segment after the resource group must be "providers/<Namespace>" such as providers/Microsoft.Storage';
  }
  const rest = parts.slice(6);
  if (rest.length % 2 !== 0) {
    return 'the type and name segments after the namespace must come in pairs (<type>/<name>)';
  }
  const types: string[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    if (!TYPE_SEGMENT.test(rest[i]) || !NAME_SEGMENT.test(rest[i + 1])) {
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
