/**
 * The one table of Azure resource types the library knows. Private Link sub-resources
 * (`PrivateLinkSubResource`), approval targets (`PrivateLinkTarget`), the ARM type of a reference
 * (`armTypeOfResolved`) and the expected type of an imported ID all derive from it.
 *
 * Adding a Private Link target type is one row here (plus, if you want one, a named constant on
 * `PrivateLinkSubResource`/`PrivateLinkTarget`), and its tests.
 */
export interface AzureResourceType {
  /** ARM resource type, e.g. `Microsoft.Storage/storageAccounts`. */
  readonly armType: string;
  /** What people call it, for messages (e.g. `storage account`). */
  readonly displayName: string;
  /** azurerm resource types whose `id` attribute is an ID of this type. */
  readonly terraformTypes: readonly string[];
  /** Private Link sub-resources (group IDs) of the type, in documentation order; empty when it has none. */
  readonly groupIds: readonly string[];
  /**
   * An API version in which `<armType>/privateEndpointConnections` exists in azapi's embedded type data
   * (2.0.1 and later), so its connections can be listed and approved. Absent: not an approval target.
   */
  readonly connectionsApiVersion?: string;
  /** A Private Link Service: NCC rules name it by domain names instead of a sub-resource. */
  readonly privateLinkService?: boolean;
}

export const STORAGE_ACCOUNT = 'Microsoft.Storage/storageAccounts';
export const PRIVATE_LINK_SERVICE = 'Microsoft.Network/privateLinkServices';
export const NETWORK_SECURITY_PERIMETER = 'Microsoft.Network/networkSecurityPerimeters';
export const NETWORK_SECURITY_PERIMETER_PROFILE = 'Microsoft.Network/networkSecurityPerimeters/profiles';

/** The table. API versions were checked against azapi's embedded type data (see README, "How it works"). */
export const AZURE_RESOURCE_TYPES: readonly AzureResourceType[] = [
  {
    armType: STORAGE_ACCOUNT,
    displayName: 'storage account',
    terraformTypes: ['azurerm_storage_account'],
    groupIds: ['blob', 'dfs', 'file', 'queue', 'table', 'web'],
    connectionsApiVersion: '2023-05-01',
  },
  {
    armType: 'Microsoft.KeyVault/vaults',
    displayName: 'key vault',
    terraformTypes: ['azurerm_key_vault'],
    groupIds: ['vault'],
    connectionsApiVersion: '2023-07-01',
  },
  {
    armType: 'Microsoft.Sql/servers',
    displayName: 'Azure SQL logical server',
    terraformTypes: ['azurerm_mssql_server'],
    groupIds: ['sqlServer'],
    connectionsApiVersion: '2021-11-01',
  },
  {
    armType: 'Microsoft.DocumentDB/databaseAccounts',
    displayName: 'Cosmos DB account',
    terraformTypes: ['azurerm_cosmosdb_account'],
    groupIds: ['Sql', 'MongoDB', 'Cassandra', 'Gremlin', 'Table'],
    connectionsApiVersion: '2024-08-15',
  },
  {
    armType: 'Microsoft.EventHub/namespaces',
    displayName: 'Event Hubs namespace',
    terraformTypes: ['azurerm_eventhub_namespace'],
    groupIds: ['namespace'],
    connectionsApiVersion: '2024-01-01',
  },
  {
    armType: 'Microsoft.ServiceBus/namespaces',
    displayName: 'Service Bus namespace',
    terraformTypes: ['azurerm_servicebus_namespace'],
    groupIds: ['namespace'],
    connectionsApiVersion: '2024-01-01',
  },
  {
    armType: 'Microsoft.Search/searchServices',
    displayName: 'Azure AI Search service',
    terraformTypes: ['azurerm_search_service'],
    groupIds: ['searchService'],
    connectionsApiVersion: '2023-11-01',
  },
  {
    armType: 'Microsoft.ContainerRegistry/registries',
    displayName: 'container registry',
    terraformTypes: ['azurerm_container_registry'],
    groupIds: ['registry'],
    connectionsApiVersion: '2023-07-01',
  },
  {
    armType: 'Microsoft.DBforMySQL/flexibleServers',
    displayName: 'Azure Database for MySQL flexible server',
    terraformTypes: ['azurerm_mysql_flexible_server'],
    groupIds: ['mysqlServer'],
    connectionsApiVersion: '2023-06-30',
  },
  {
    armType: 'Microsoft.DBforPostgreSQL/flexibleServers',
    displayName: 'Azure Database for PostgreSQL flexible server',
    terraformTypes: ['azurerm_postgresql_flexible_server'],
    groupIds: ['postgresqlServer'],
    connectionsApiVersion: '2024-08-01',
  },
  {
    armType: PRIVATE_LINK_SERVICE,
    displayName: 'Private Link Service',
    terraformTypes: ['azurerm_private_link_service'],
    groupIds: [],
    connectionsApiVersion: '2024-03-01',
    privateLinkService: true,
  },
  {
    armType: NETWORK_SECURITY_PERIMETER,
    displayName: 'network security perimeter',
    terraformTypes: [],
    groupIds: [],
  },
  {
    armType: NETWORK_SECURITY_PERIMETER_PROFILE,
    displayName: 'network security perimeter profile',
    terraformTypes: [],
    groupIds: [],
  },
];

const BY_ARM_TYPE = new Map(AZURE_RESOURCE_TYPES.map((t) => [t.armType.toLowerCase(), t]));
const BY_TERRAFORM_TYPE = new Map(AZURE_RESOURCE_TYPES.flatMap((t) => t.terraformTypes.map((tf) => [tf, t] as const)));

/** The row of an ARM resource type (case-insensitive, as ARM compares types), or `undefined`. */
export function findResourceType(armType: string): AzureResourceType | undefined {
  return BY_ARM_TYPE.get(armType.toLowerCase());
}

/** The row of a type that must be in the table (a programming error otherwise). */
export function resourceType(armType: string): AzureResourceType {
  const row = findResourceType(armType);
  if (!row) {
    throw new Error(`internal: ${armType} is not in the table of Azure resource types (src/core/azure-resource-types.ts)`);
  }
  return row;
}

/** The row whose azurerm resource type this is (e.g. `azurerm_storage_account`), or `undefined`. */
export function resourceTypeOfTerraformType(terraformType: string): AzureResourceType | undefined {
  return BY_TERRAFORM_TYPE.get(terraformType);
}

/** Whether two ARM resource types are the same (ARM compares them case-insensitively). */
export function sameArmType(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
