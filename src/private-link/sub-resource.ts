import { Token } from 'cdktf';
import { AZURE_RESOURCE_TYPES, findResourceType, sameArmType, STORAGE_ACCOUNT } from '../core/azure-resource-types';
import { ValidationError } from '../core/validation';

const COSMOS = 'Microsoft.DocumentDB/databaseAccounts';

/** The sub-resources of the table, one instance per type and group ID, built on first use. */
let KNOWN: Map<string, PrivateLinkSubResource> | undefined;

/**
 * A Private Link sub-resource (the `group_id` of a private endpoint), with the Azure resource
 * types it applies to.
 *
 * Use the constants for well-known targets and {@link PrivateLinkSubResource.custom} for any other
 * Private-Link-enabled service.
 */
export class PrivateLinkSubResource {
  /** Azure Storage, Blob service (`blob`). */
  public static readonly BLOB = PrivateLinkSubResource.known(STORAGE_ACCOUNT, 'blob');
  /** Azure Storage, Data Lake Storage Gen2 (`dfs`). ADLS Gen2 needs both `blob` and `dfs`. */
  public static readonly DFS = PrivateLinkSubResource.known(STORAGE_ACCOUNT, 'dfs');
  /** Azure Storage, Files (`file`). */
  public static readonly FILE = PrivateLinkSubResource.known(STORAGE_ACCOUNT, 'file');
  /** Azure Storage, Queues (`queue`). */
  public static readonly QUEUE = PrivateLinkSubResource.known(STORAGE_ACCOUNT, 'queue');
  /** Azure Storage, Tables (`table`). */
  public static readonly TABLE = PrivateLinkSubResource.known(STORAGE_ACCOUNT, 'table');
  /** Azure Storage, static website (`web`). */
  public static readonly WEB = PrivateLinkSubResource.known(STORAGE_ACCOUNT, 'web');
  /** Azure SQL logical server (`sqlServer`). */
  public static readonly SQL_SERVER = PrivateLinkSubResource.known('Microsoft.Sql/servers', 'sqlServer');
  /** Azure Key Vault (`vault`). */
  public static readonly KEY_VAULT = PrivateLinkSubResource.known('Microsoft.KeyVault/vaults', 'vault');
  /** Azure Cosmos DB for NoSQL (`Sql`). */
  public static readonly COSMOS_DB_SQL = PrivateLinkSubResource.known(COSMOS, 'Sql');
  /** Azure Cosmos DB for MongoDB (`MongoDB`). */
  public static readonly COSMOS_DB_MONGODB = PrivateLinkSubResource.known(COSMOS, 'MongoDB');
  /** Azure Cosmos DB for Apache Cassandra (`Cassandra`). */
  public static readonly COSMOS_DB_CASSANDRA = PrivateLinkSubResource.known(COSMOS, 'Cassandra');
  /** Azure Cosmos DB for Apache Gremlin (`Gremlin`). */
  public static readonly COSMOS_DB_GREMLIN = PrivateLinkSubResource.known(COSMOS, 'Gremlin');
  /** Azure Cosmos DB for Table (`Table`). */
  public static readonly COSMOS_DB_TABLE = PrivateLinkSubResource.known(COSMOS, 'Table');
  /** Event Hubs namespace (`namespace`). */
  public static readonly EVENT_HUBS_NAMESPACE = PrivateLinkSubResource.known('Microsoft.EventHub/namespaces', 'namespace');
  /** Service Bus namespace (`namespace`). */
  public static readonly SERVICE_BUS_NAMESPACE = PrivateLinkSubResource.known('Microsoft.ServiceBus/namespaces', 'namespace');
  /** Azure AI Search (`searchService`). */
  public static readonly SEARCH_SERVICE = PrivateLinkSubResource.known('Microsoft.Search/searchServices', 'searchService');
  /** Azure Container Registry (`registry`). */
  public static readonly CONTAINER_REGISTRY = PrivateLinkSubResource.known('Microsoft.ContainerRegistry/registries', 'registry');
  /** Azure Database for MySQL flexible server (`mysqlServer`). */
  public static readonly MYSQL_SERVER = PrivateLinkSubResource.known('Microsoft.DBforMySQL/flexibleServers', 'mysqlServer');
  /** Azure Database for PostgreSQL flexible server (`postgresqlServer`). */
  public static readonly POSTGRESQL_SERVER = PrivateLinkSubResource.known('Microsoft.DBforPostgreSQL/flexibleServers', 'postgresqlServer');

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
      throw new ValidationError('PrivateLinkSubResource.custom', 'groupId', groupId, 'a group ID is a single word such as "sites" or "blob"',
        'pass the sub-resource name from the target service\'s Private Link documentation.');
    }
    return new PrivateLinkSubResource(groupId, resourceTypes ?? []);
  }

  /** The well-known sub-resources that apply to an ARM resource type (case-insensitive). */
  public static forResourceType(resourceType: string): PrivateLinkSubResource[] {
    const row = findResourceType(resourceType);
    return row ? row.groupIds.map((groupId) => PrivateLinkSubResource.known(row.armType, groupId)) : [];
  }

  /** The instance of a sub-resource of the table (one per type and group ID). */
  private static known(armType: string, groupId: string): PrivateLinkSubResource {
    if (!KNOWN) {
      KNOWN = new Map();
      for (const row of AZURE_RESOURCE_TYPES) {
        for (const g of row.groupIds) {
          KNOWN.set(`${row.armType}|${g}`, new PrivateLinkSubResource(g, [row.armType]));
        }
      }
    }
    const found = KNOWN.get(`${armType}|${groupId}`);
    if (!found) {
      throw new Error(`internal: sub-resource ${groupId} of ${armType} is not in the table of Azure resource types`);
    }
    return found;
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
    return this.resourceTypes.some((t) => sameArmType(t, resourceType));
  }
}
