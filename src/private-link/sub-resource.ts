import { Token } from 'cdktf';

const STORAGE = 'Microsoft.Storage/storageAccounts';
const COSMOS = 'Microsoft.DocumentDB/databaseAccounts';

/**
 * A Private Link sub-resource (the `group_id` of a private endpoint), with the Azure resource
 * types it applies to.
 *
 * Use the constants for well-known targets and {@link PrivateLinkSubResource.custom} for any other
 * Private-Link-enabled service.
 */
export class PrivateLinkSubResource {
  /** Azure Storage, Blob service (`blob`). */
  public static readonly BLOB = new PrivateLinkSubResource('blob', [STORAGE]);
  /** Azure Storage, Data Lake Storage Gen2 (`dfs`). ADLS Gen2 needs both `blob` and `dfs`. */
  public static readonly DFS = new PrivateLinkSubResource('dfs', [STORAGE]);
  /** Azure Storage, Files (`file`). */
  public static readonly FILE = new PrivateLinkSubResource('file', [STORAGE]);
  /** Azure Storage, Queues (`queue`). */
  public static readonly QUEUE = new PrivateLinkSubResource('queue', [STORAGE]);
  /** Azure Storage, Tables (`table`). */
  public static readonly TABLE = new PrivateLinkSubResource('table', [STORAGE]);
  /** Azure Storage, static website (`web`). */
  public static readonly WEB = new PrivateLinkSubResource('web', [STORAGE]);
  /** Azure SQL logical server (`sqlServer`). */
  public static readonly SQL_SERVER = new PrivateLinkSubResource('sqlServer', ['Microsoft.Sql/servers']);
  /** Azure Key Vault (`vault`). */
  public static readonly KEY_VAULT = new PrivateLinkSubResource('vault', ['Microsoft.KeyVault/vaults']);
  /** Azure Cosmos DB for NoSQL (`Sql`). */
  public static readonly COSMOS_DB_SQL = new PrivateLinkSubResource('Sql', [COSMOS]);
  /** Azure Cosmos DB for MongoDB (`MongoDB`). */
  public static readonly COSMOS_DB_MONGODB = new PrivateLinkSubResource('MongoDB', [COSMOS]);
  /** Azure Cosmos DB for Apache Cassandra (`Cassandra`). */
  public static readonly COSMOS_DB_CASSANDRA = new PrivateLinkSubResource('Cassandra', [COSMOS]);
  /** Azure Cosmos DB for Apache Gremlin (`Gremlin`). */
  public static readonly COSMOS_DB_GREMLIN = new PrivateLinkSubResource('Gremlin', [COSMOS]);
  /** Azure Cosmos DB for Table (`Table`). */
  public static readonly COSMOS_DB_TABLE = new PrivateLinkSubResource('Table', [COSMOS]);
  /** Event Hubs namespace (`namespace`). */
  public static readonly EVENT_HUBS_NAMESPACE = new PrivateLinkSubResource('namespace', ['Microsoft.EventHub/namespaces']);
  /** Service Bus namespace (`namespace`). */
  public static readonly SERVICE_BUS_NAMESPACE = new PrivateLinkSubResource('namespace', ['Microsoft.ServiceBus/namespaces']);
  /** Azure AI Search (`searchService`). */
  public static readonly SEARCH_SERVICE = new PrivateLinkSubResource('searchService', ['Microsoft.Search/searchServices']);
  /** Azure Container Registry (`registry`). */
  public static readonly CONTAINER_REGISTRY = new PrivateLinkSubResource('registry', ['Microsoft.ContainerRegistry/registries']);
  /** Azure Database for MySQL flexible server (`mysqlServer`). */
  public static readonly MYSQL_SERVER = new PrivateLinkSubResource('mysqlServer', ['Microsoft.DBforMySQL/flexibleServers']);
  /** Azure Database for PostgreSQL flexible server (`postgresqlServer`). */
  public static readonly POSTGRESQL_SERVER = new PrivateLinkSubResource('postgresqlServer', ['Microsoft.DBforPostgreSQL/flexibleServers']);

  /**
   * Any other Private Link sub-resource.
   *
   * @param groupId the sub-resource (group ID) exactly as Azure names it
   * @param resourceTypes the ARM resource types it applies to (e.g. `Microsoft.Web/sites`); when
   *   given, a literal target resource ID of another type is an error at synth.
   * @default resourceTypes - any resource type is accepted
   */
  public static custom(groupId: string, resourceTypes?: string[]): PrivateLinkSubResource {
    if (!Token.isUnresolved(groupId) && !/^[A-Za-z][A-Za-z0-9_-]*$/.test(groupId)) {
      throw new Error(
        `PrivateLinkSubResource.custom: invalid groupId ${JSON.stringify(groupId)}: a group ID is a single word such as "sites" or "blob". ` +
          'Fix: pass the sub-resource name from the target service\'s Private Link documentation.',
      );
    }
    return new PrivateLinkSubResource(groupId, resourceTypes ?? []);
  }

  /** The well-known sub-resources that apply to an ARM resource type (case-insensitive). */
  public static forResourceType(resourceType: string): PrivateLinkSubResource[] {
    return KNOWN().filter((s) => s.resourceTypes.length > 0 && s.fitsResourceType(resourceType));
  }

  /** The sub-resource name sent as `group_id`. */
  public readonly groupId: string;

  /** The ARM resource types this sub-resource applies to; empty means any. */
  public readonly resourceTypes: string[];

  private constructor(groupId: string, resourceTypes: string[]) {
    this.groupId = groupId;
    this.resourceTypes = resourceTypes;
  }

  /** Whether this sub-resource applies to the ARM resource type (case-insensitive; always true for a custom one without types). */
  public fitsResourceType(resourceType: string): boolean {
    if (this.resourceTypes.length === 0) {
      return true;
    }
    const wanted = resourceType.toLowerCase();
    return this.resourceTypes.some((t) => t.toLowerCase() === wanted);
  }
}

function KNOWN(): PrivateLinkSubResource[] {
  const S = PrivateLinkSubResource;
  return [
    S.BLOB, S.DFS, S.FILE, S.QUEUE, S.TABLE, S.WEB, S.SQL_SERVER, S.KEY_VAULT,
    S.COSMOS_DB_SQL, S.COSMOS_DB_MONGODB, S.COSMOS_DB_CASSANDRA, S.COSMOS_DB_GREMLIN, S.COSMOS_DB_TABLE,
    S.EVENT_HUBS_NAMESPACE, S.SERVICE_BUS_NAMESPACE, S.SEARCH_SERVICE, S.CONTAINER_REGISTRY,
    S.MYSQL_SERVER, S.POSTGRESQL_SERVER,
  ];
}
