import { Token } from 'cdktf';

/**
 * A Private Link target type: an ARM resource type whose private endpoint connections the library can
 * approve, with the API version used for its `privateEndpointConnections` child type.
 *
 * This class is the one table of target types; {@link PrivateLinkTarget.custom} covers any other.
 */
export class PrivateLinkTarget {
  /** Storage account. */
  public static readonly STORAGE_ACCOUNT = new PrivateLinkTarget('Microsoft.Storage/storageAccounts', '2023-05-01');
  /** Key Vault. */
  public static readonly KEY_VAULT = new PrivateLinkTarget('Microsoft.KeyVault/vaults', '2023-07-01');
  /** Azure SQL logical server. */
  public static readonly SQL_SERVER = new PrivateLinkTarget('Microsoft.Sql/servers', '2021-11-01');
  /** Cosmos DB account (all APIs). */
  public static readonly COSMOS_DB_ACCOUNT = new PrivateLinkTarget('Microsoft.DocumentDB/databaseAccounts', '2024-08-15');
  /** Event Hubs namespace. */
  public static readonly EVENT_HUBS_NAMESPACE = new PrivateLinkTarget('Microsoft.EventHub/namespaces', '2024-01-01');
  /** Service Bus namespace. */
  public static readonly SERVICE_BUS_NAMESPACE = new PrivateLinkTarget('Microsoft.ServiceBus/namespaces', '2024-01-01');
  /** Azure AI Search service. */
  public static readonly SEARCH_SERVICE = new PrivateLinkTarget('Microsoft.Search/searchServices', '2023-11-01');
  /** Container registry. */
  public static readonly CONTAINER_REGISTRY = new PrivateLinkTarget('Microsoft.ContainerRegistry/registries', '2023-07-01');
  /** Azure Database for MySQL flexible server. */
  public static readonly MYSQL_FLEXIBLE_SERVER = new PrivateLinkTarget('Microsoft.DBforMySQL/flexibleServers', '2023-06-30');
  /** Azure Database for PostgreSQL flexible server. */
  public static readonly POSTGRESQL_FLEXIBLE_SERVER = new PrivateLinkTarget('Microsoft.DBforPostgreSQL/flexibleServers', '2024-08-01');
  /** Private Link Service (behind a Standard Load Balancer). */
  public static readonly PRIVATE_LINK_SERVICE = new PrivateLinkTarget('Microsoft.Network/privateLinkServices', '2024-03-01');

  /** Every target type in the table. */
  public static all(): PrivateLinkTarget[] {
    const T = PrivateLinkTarget;
    return [
      T.STORAGE_ACCOUNT, T.KEY_VAULT, T.SQL_SERVER, T.COSMOS_DB_ACCOUNT, T.EVENT_HUBS_NAMESPACE, T.SERVICE_BUS_NAMESPACE,
      T.SEARCH_SERVICE, T.CONTAINER_REGISTRY, T.MYSQL_FLEXIBLE_SERVER, T.POSTGRESQL_FLEXIBLE_SERVER, T.PRIVATE_LINK_SERVICE,
    ];
  }

  /** The table entry for an ARM resource type (case-insensitive), or `undefined`. */
  public static fromResourceType(resourceType: string): PrivateLinkTarget | undefined {
    const wanted = resourceType.toLowerCase();
    return PrivateLinkTarget.all().find((t) => t.resourceType.toLowerCase() === wanted);
  }

  /**
   * Any other Private Link target.
   * @param resourceType the ARM resource type, e.g. `Microsoft.Web/sites`
   * @param apiVersion an API version in which `<resourceType>/privateEndpointConnections` exists
   */
  public static custom(resourceType: string, apiVersion: string): PrivateLinkTarget {
    if (!Token.isUnresolved(resourceType) && !/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+(\/[A-Za-z][A-Za-z0-9]*)+$/.test(resourceType)) {
      throw new Error(
        `PrivateLinkTarget.custom: invalid resourceType ${JSON.stringify(resourceType)}: expected <Namespace>/<type> such as "Microsoft.Web/sites". ` +
          'Fix: pass the ARM resource type of the target.',
      );
    }
    if (!Token.isUnresolved(apiVersion) && !/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(apiVersion)) {
      throw new Error(
        `PrivateLinkTarget.custom: invalid apiVersion ${JSON.stringify(apiVersion)}: expected YYYY-MM-DD or YYYY-MM-DD-preview. ` +
          'Fix: use an API version of the resource provider in which privateEndpointConnections exists.',
      );
    }
    return new PrivateLinkTarget(resourceType, apiVersion);
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
