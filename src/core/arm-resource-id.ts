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

/** ARM types of the azurerm resources whose `id` the library recognises in references. */
const AZURERM_ARM_TYPES: { [terraformType: string]: string } = {
  azurerm_storage_account: 'Microsoft.Storage/storageAccounts',
  azurerm_key_vault: 'Microsoft.KeyVault/vaults',
  azurerm_mssql_server: 'Microsoft.Sql/servers',
  azurerm_cosmosdb_account: 'Microsoft.DocumentDB/databaseAccounts',
  azurerm_eventhub_namespace: 'Microsoft.EventHub/namespaces',
  azurerm_servicebus_namespace: 'Microsoft.ServiceBus/namespaces',
  azurerm_search_service: 'Microsoft.Search/searchServices',
  azurerm_container_registry: 'Microsoft.ContainerRegistry/registries',
  azurerm_mysql_flexible_server: 'Microsoft.DBforMySQL/flexibleServers',
  azurerm_postgresql_flexible_server: 'Microsoft.DBforPostgreSQL/flexibleServers',
  azurerm_private_link_service: 'Microsoft.Network/privateLinkServices',
};

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
    return AZURERM_ARM_TYPES[ref[1]];
  }
  if (resolved.includes('${')) {
    return undefined;
  }
  const parsed = parseArmResourceId(resolved);
  return typeof parsed === 'string' ? undefined : parsed.resourceType;
}
