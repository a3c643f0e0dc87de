import { Token } from 'cdktf';
import { AZURE_RESOURCE_TYPES, AzureResourceType, findResourceType, PRIVATE_LINK_SERVICE, STORAGE_ACCOUNT } from '../core/azure-resource-types';
import { ARM_API_VERSION, ARM_RESOURCE_TYPE } from '../core/patterns';
import { ValidationError } from '../core/validation';

/** The targets of the table, one instance per type, built on first use. */
let KNOWN: Map<string, PrivateLinkTarget> | undefined;

/**
 * A Private Link target type: an ARM resource type whose private endpoint connections the library can
 * approve, with the API version used for its `privateEndpointConnections` child type.
 *
 * The constants and {@link PrivateLinkTarget.all} come from the library's one table of Azure resource
 * types; {@link PrivateLinkTarget.custom} covers any other.
 */
export class PrivateLinkTarget {
  /** Storage account. */
  public static readonly STORAGE_ACCOUNT = PrivateLinkTarget.known(STORAGE_ACCOUNT);
  /** Key Vault. */
  public static readonly KEY_VAULT = PrivateLinkTarget.known('Microsoft.KeyVault/vaults');
  /** Azure SQL logical server. */
  public static readonly SQL_SERVER = PrivateLinkTarget.known('Microsoft.Sql/servers');
  /** Cosmos DB account (all APIs). */
  public static readonly COSMOS_DB_ACCOUNT = PrivateLinkTarget.known('Microsoft.DocumentDB/databaseAccounts');
  /** Event Hubs namespace. */
  public static readonly EVENT_HUBS_NAMESPACE = PrivateLinkTarget.known('Microsoft.EventHub/namespaces');
  /** Service Bus namespace. */
  public static readonly SERVICE_BUS_NAMESPACE = PrivateLinkTarget.known('Microsoft.ServiceBus/namespaces');
  /** Azure AI Search service. */
  public static readonly SEARCH_SERVICE = PrivateLinkTarget.known('Microsoft.Search/searchServices');
  /** Container registry. */
  public static readonly CONTAINER_REGISTRY = PrivateLinkTarget.known('Microsoft.ContainerRegistry/registries');
  /** Azure Database for MySQL flexible server. */
  public static readonly MYSQL_FLEXIBLE_SERVER = PrivateLinkTarget.known('Microsoft.DBforMySQL/flexibleServers');
  /** Azure Database for PostgreSQL flexible server. */
  public static readonly POSTGRESQL_FLEXIBLE_SERVER = PrivateLinkTarget.known('Microsoft.DBforPostgreSQL/flexibleServers');
  /** Private Link Service (behind a Standard Load Balancer). */
  public static readonly PRIVATE_LINK_SERVICE = PrivateLinkTarget.known(PRIVATE_LINK_SERVICE);

  /** Every target type in the table. */
  public static all(): PrivateLinkTarget[] {
    return AZURE_RESOURCE_TYPES.filter(isTarget).map((row) => PrivateLinkTarget.known(row.armType));
  }

  /** The table entry for an ARM resource type (case-insensitive), or `undefined`. */
  public static fromResourceType(resourceType: string): PrivateLinkTarget | undefined {
    const row = findResourceType(resourceType);
    return row && isTarget(row) ? PrivateLinkTarget.known(row.armType) : undefined;
  }

  /**
   * Any other Private Link target.
   * @param resourceType the ARM resource type, e.g. `Microsoft.Web/sites`
   * @param apiVersion an API version in which `<resourceType>/privateEndpointConnections` exists
   */
  public static custom(resourceType: string, apiVersion: string): PrivateLinkTarget {
    if (!Token.isUnresolved(resourceType) && !ARM_RESOURCE_TYPE.test(resourceType)) {
      throw new ValidationError('PrivateLinkTarget.custom', 'resourceType', resourceType, 'expected <Namespace>/<type> such as "Microsoft.Web/sites"',
        'pass the ARM resource type of the target.');
    }
    if (!Token.isUnresolved(apiVersion) && !ARM_API_VERSION.test(apiVersion)) {
      throw new ValidationError('PrivateLinkTarget.custom', 'apiVersion', apiVersion, 'expected YYYY-MM-DD or YYYY-MM-DD-preview',
        'use an API version of the resource provider in which privateEndpointConnections exists.');
    }
    return new PrivateLinkTarget(resourceType, apiVersion);
  }

  /** The instance of a target of the table. */
  private static known(armType: string): PrivateLinkTarget {
    if (!KNOWN) {
      KNOWN = new Map(
        AZURE_RESOURCE_TYPES.filter(isTarget).map((row) => [row.armType, new PrivateLinkTarget(row.armType, row.connectionsApiVersion!)]),
      );
    }
    const found = KNOWN.get(armType);
    if (!found) {
      throw new Error(`internal: ${armType} is not an approval target in the table of Azure resource types`);
    }
    return found;
  }

  /** ARM resource type, e.g. `Microsoft.Storage/storageAccounts`. */
  public readonly resourceType: string;
  /** API version used for the `privateEndpointConnections` child type. */
  public readonly apiVersion: string;

  private constructor(resourceType: string, apiVersion: string) {
    this.resourceType = resourceType;
    this.apiVersion = apiVersion;
  }

  /** The azapi type string of the target's private endpoint connections, `<type>/privateEndpointConnections@<api>`. */
  public get connectionsType(): string {
    return `${this.resourceType}/privateEndpointConnections@${this.apiVersion}`;
  }
}

function isTarget(row: AzureResourceType): boolean {
  return row.connectionsApiVersion !== undefined;
}
