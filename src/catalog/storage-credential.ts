import { DatabricksAccessConnector } from '@cdktf/provider-azurerm/lib/databricks-access-connector';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Grants } from '@cdktf/provider-databricks/lib/grants';
import { StorageCredential } from '@cdktf/provider-databricks/lib/storage-credential';
import { TerraformProvider, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ServerlessExternalLocation, ServerlessExternalLocationOptions } from './external-location';
import { checkUcName } from './names';
import { checkGrants, UnityCatalogGrant } from './privileges';
import { useChecks } from '../checks/pack';
import { checkWorkspaceProvider } from '../core/account-provider';
import { claimOnce } from '../core/claims';
import { openCreationStackScope } from '../core/creation-stacks';
import { requireProvider } from '../core/provider-requirements';
import { invalidProp } from '../core/validation';
import { ServerlessSecureStorage } from '../storage/serverless-secure-storage';

/** An access connector that exists already (created elsewhere), whose managed identity the credential uses. */
export interface ExistingAccessConnector {
  /** Its ARM resource ID (`azurerm_databricks_access_connector.id`). */
  readonly id: string;
  /** The object (principal) ID of its system-assigned identity, which gets the roles on the account. */
  readonly principalId: string;
}

/** Properties of a {@link ServerlessStorageCredential}. */
export interface ServerlessStorageCredentialProps {
  /** The storage account, as the flagship pattern reaches it (a new or an existing account). */
  readonly storage: ServerlessSecureStorage;
  /** The credential's name in Unity Catalog (letters, digits, `_` and `-`). */
  readonly name: string;
  /**
   * The workspace-level Databricks provider (host: the workspace URL) that creates the Unity Catalog objects.
   * @default - the stack's default `databricks` provider, which must be workspace-level
   */
  readonly workspaceProvider?: TerraformProvider;
  /**
   * An existing access connector to use.
   * @default - a new access connector with a system-assigned identity, next to the account
   */
  readonly accessConnector?: ExistingAccessConnector;
  /**
   * Name of the new access connector.
   * @default - `ac-<credential name>`
   */
  readonly accessConnectorName?: string;
  /**
   * Resource group of the new access connector.
   * @default - the account's (required for an existing account)
   */
  readonly resourceGroupName?: string;
  /**
   * Location of the new access connector.
   * @default - the account's (required for an existing account)
   */
  readonly location?: string;
  /**
   * Let Unity Catalog read file events of the account: the identity also gets Storage Queue Data
   * Contributor and EventGrid EventSubscription Contributor on it (Databricks, "file events").
   * @default false
   */
  readonly fileEvents?: boolean;
  /**
   * A read-only credential (no writes through it).
   * @default false
   */
  readonly readOnly?: boolean;
  /**
   * Grants on the credential (e.g. `CREATE_EXTERNAL_LOCATION` for the platform team).
   * @default - none managed here
   */
  readonly grants?: UnityCatalogGrant[];
}

/** Azure built-in roles the identity gets on the storage account. */
const DATA_ROLE = 'Storage Blob Data Contributor';
const READ_ROLE = 'Storage Blob Data Reader';
const FILE_EVENT_ROLES = ['Storage Queue Data Contributor', 'EventGrid EventSubscription Contributor'];

/**
 * Unity Catalog's way into a storage account that serverless compute reaches privately: a Databricks
 * access connector (its managed identity, or a given connector), its roles on the account, a
 * resource-instance rule that admits it through the account's default-deny firewall (for an account
 * the flagship creates), and a storage credential (`databricks_storage_credential`,
 * `azure_managed_identity`). External locations on the account come from `addExternalLocation`.
 *
 * The Unity Catalog objects are workspace-level: give a workspace provider. A restricted serverless
 * egress policy allows Unity Catalog external locations by itself, so an account reached only through
 * them need not be listed on the policy.
 */
export class ServerlessStorageCredential extends Construct {
  /** The storage pattern the credential reaches. */
  public readonly storage: ServerlessSecureStorage;
  /** The credential's name. */
  public readonly credentialName: string;
  /** The access connector's resource ID. */
  public readonly accessConnectorId: string;
  /** The object ID of the identity that has the roles. */
  public readonly principalId: string;
  /** The new access connector (when none was given). */
  public readonly accessConnector?: DatabricksAccessConnector;
  /** The `databricks_storage_credential`. */
  public readonly resource: StorageCredential;
  /** The role assignments on the account. */
  public readonly roleAssignments: RoleAssignment[] = [];
  /** The workspace-level provider of the Unity Catalog objects. */
  public readonly workspaceProvider?: TerraformProvider;
  /** Whether the credential is read-only. */
  public readonly readOnly: boolean;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param props its configuration
   */
  constructor(scope: Construct, id: string, props: ServerlessStorageCredentialProps) {
    super(scope, id);
    const stacks = openCreationStackScope(this);
    try {
      useChecks(this);
      const storage = props.storage;
      this.storage = storage;
      this.readOnly = props.readOnly ?? false;
      this.workspaceProvider = props.workspaceProvider;
      checkUcName(this, 'name', props.name);
      checkWorkspaceProvider(this, props.workspaceProvider);
      if (storage.hierarchicalNamespace === false) {
        invalidProp(
          this,
          'storage',
          storage.node.path,
          'the account has no hierarchical namespace; Unity Catalog reaches it through abfss:// (the dfs endpoint), which needs ADLS Gen2',
          'create the account with hierarchicalNamespace: true (the default)',
        );
      }

      if (props.accessConnector) {
        this.accessConnectorId = props.accessConnector.id;
        this.principalId = props.accessConnector.principalId;
      } else {
        const resourceGroupName = props.resourceGroupName ?? storage.resourceGroupName;
        const location = props.location ?? storage.location;
        if (resourceGroupName === undefined || location === undefined) {
          invalidProp(
            this,
            resourceGroupName === undefined ? 'resourceGroupName' : 'location',
            undefined,
            'a new access connector needs a resource group and a location, and an existing account does not say them',
            'pass resourceGroupName and location, or accessConnector (an existing one)',
          );
        }
        requireProvider(this, 'azurerm');
        this.accessConnector = new DatabricksAccessConnector(this, 'AccessConnector', {
          name: props.accessConnectorName ?? `ac-${props.name}`,
          resourceGroupName: resourceGroupName!,
          location: location!,
          identity: { type: 'SystemAssigned' },
        });
        this.accessConnectorId = this.accessConnector.id;
        this.principalId = this.accessConnector.identity.principalId;
      }
      // One credential per connector, app-wide: a second one of the same identity only hides who uses what.
      claimOnce(this, 'storage-credential-connector', this.accessConnectorId, {
        prop: 'accessConnector',
        value: Token.isUnresolved(this.accessConnectorId) ? 'a reference' : this.accessConnectorId,
        problem: (where) => `more than one storage credential uses this access connector (${where})`,
        fix: 'use one credential per connector, and add external locations to it',
      });

      requireProvider(this, 'azurerm');
      const roles = [this.readOnly ? READ_ROLE : DATA_ROLE, ...(props.fileEvents ? FILE_EVENT_ROLES : [])];
      roles.forEach((role, i) => {
        this.roleAssignments.push(new RoleAssignment(this, `Role${i === 0 ? '' : i}`, {
          scope: storage.storageAccountId,
          roleDefinitionName: role,
          principalId: this.principalId,
          principalType: 'ServicePrincipal',
        }));
      });
      if (storage.storageAccount) {
        storage.allowResourceInstance(this.accessConnectorId);
      }

      requireProvider(this, 'databricks');
      this.credentialName = props.name;
      this.resource = new StorageCredential(this, 'Resource', {
        name: props.name,
        azureManagedIdentity: { accessConnectorId: this.accessConnectorId },
        readOnly: this.readOnly || undefined,
        comment: `Managed by cdktf-azure-databricks-serverless for storage account ${storage.node.path}`,
        provider: props.workspaceProvider,
        // The roles first: Databricks validates the credential against the account when it is created.
        dependsOn: this.roleAssignments,
      });
      if (props.grants?.length) {
        new Grants(this, 'Grants', { storageCredential: this.resource.name, grant: checkGrants(this, 'storageCredential', props.grants), provider: props.workspaceProvider });
      }
    } finally {
      stacks.close();
    }
  }

  /** An external location on a container (and path) of the account, through this credential. */
  public addExternalLocation(id: string, options: ServerlessExternalLocationOptions): ServerlessExternalLocation {
    return new ServerlessExternalLocation(this, id, { ...options, credential: this });
  }
}
