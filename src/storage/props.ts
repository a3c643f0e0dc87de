import { StorageAccess } from './storage-access';
import type { IServerlessEgressPolicy } from '../egress/props';
import type { INetworkConnectivityConfig } from '../ncc/network-connectivity-config';
import { NspAccessMode } from '../perimeter/access-mode';
import type { INetworkSecurityPerimeterProfile } from '../perimeter/profile';
import { ServiceTag } from '../perimeter/service-tag';
import { PrivateEndpointApprovalOptions } from '../private-link/approval';
import { PrivateLinkSubResource } from '../private-link/sub-resource';

/** A storage account to create, with secure defaults. */
export interface ServerlessStorageAccountOptions {
  /** Account name: 3-24 lowercase letters and digits, globally unique. */
  readonly name: string;
  /** Resource group. */
  readonly resourceGroupName: string;
  /** Azure region (ARM or display name; normalised). Must be the NCC's region for the service-tag path. */
  readonly location: string;
  /**
   * Replication (`LRS`, `ZRS`, `GRS`, `RAGRS`, `GZRS`, `RAGZRS`).
   * @default 'LRS'
   */
  readonly replicationType?: string;
  /**
   * Hierarchical namespace (ADLS Gen2).
   * @default true
   */
  readonly hierarchicalNamespace?: boolean;
  /**
   * Allow shared-key (account key, SAS) authorization. Off means Entra ID only; the azurerm provider then
   * needs `storage_use_azuread = true` to manage data-plane settings.
   * @default false
   */
  readonly sharedKeyAccess?: boolean;
  /**
   * Protect the account from `terraform destroy` (`lifecycle.prevent_destroy`).
   * @default false
   */
  readonly preventDestroy?: boolean;
  /**
   * Subnets (of your own VNets, e.g. classic compute) allowed by the firewall. Never list the NCC's
   * serverless subnets: that legacy path ended on 9 June 2026.
   * @default - none
   */
  readonly virtualNetworkSubnetIds?: string[];
  /**
   * Public IP ranges allowed by the firewall (only where public network access is enabled).
   * @default - none
   */
  readonly ipRules?: string[];
  /**
   * Resource ID of a Databricks Access Connector (Unity Catalog) admitted by a resource-instance rule.
   * @default - none
   */
  readonly accessConnectorId?: string;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Properties of a {@link ServerlessSecureStorage}. Give exactly one of `storageAccountId` and `storageAccount`. */
export interface ServerlessSecureStorageProps {
  /** The NCC of the workspaces whose serverless compute reaches the account. */
  readonly networkConnectivityConfig: INetworkConnectivityConfig;
  /**
   * How serverless compute reaches the account.
   * @default StorageAccess.PRIVATE_ENDPOINTS
   */
  readonly access?: StorageAccess;
  /**
   * An existing storage account, by ARM ID. Its own settings are left alone.
   * @default - create one from `storageAccount`
   */
  readonly storageAccountId?: string;
  /**
   * A storage account to create with secure defaults.
   * @default - use `storageAccountId`
   */
  readonly storageAccount?: ServerlessStorageAccountOptions;
  /**
   * `storageAccountId` is a workspace's root (DBFS) storage account in its managed resource group: only
   * the blob and dfs rules and their approvals are created; the account is never changed or associated.
   * @default false
   */
  readonly workspaceRootStorage?: boolean;
  /**
   * Location of the existing account, for the region check of the service-tag path.
   * @default - not checked
   */
  readonly existingAccountLocation?: string;
  /**
   * Subnet IDs the existing account's firewall allows (`network_rules.virtual_network_subnet_ids`), to
   * detect the legacy serverless subnet allowlist.
   * @default - not checked
   */
  readonly existingFirewallSubnetIds?: string[];
  /**
   * The NCC's legacy serverless subnet IDs (`egress_config.default_rules.azure_service_endpoint_rule.subnets`),
   * to detect them in the firewall. References to the NCC's `egress_config` are detected without this.
   * @default - only references are detected
   */
  readonly nccServerlessSubnetIds?: string[];
  /**
   * Sub-resources to create private endpoint rules for.
   * @default - blob and dfs (ADLS Gen2 and workspace root storage need both)
   */
  readonly subResources?: PrivateLinkSubResource[];
  /**
   * Approval of the private endpoint connections.
   * @default - automatic approval, with the default waits
   */
  readonly approval?: PrivateEndpointApprovalOptions;
  /**
   * The perimeter profile to join (service-tag path), or to associate a private-endpoints-only account
   * with (governance). The Databricks serverless tag rule is added to it for the service-tag path.
   * @default - for the service-tag path, a perimeter and profile are created next to a new account;
   * required for an existing account
   */
  readonly perimeterProfile?: INetworkSecurityPerimeterProfile;
  /**
   * Access mode of the perimeter association.
   * @default NspAccessMode.LEARNING (Databricks requires it for the service-tag path)
   */
  readonly perimeterAccessMode?: NspAccessMode;
  /**
   * The service tag to allow on the service-tag path. Widening it to the global tag is an explicit choice.
   * @default - the regional `AzureDatabricksServerless.<Region>` tag of the NCC's region
   */
  readonly serviceTag?: ServiceTag;
  /**
   * A serverless egress policy that must allow this account: the account is added to its allowed storage
   * destinations, one per storage service it is reached on (the sub-resources of its private endpoints,
   * or blob and dfs on the service-tag path).
   * @default - no policy is changed
   */
  readonly egressPolicy?: IServerlessEgressPolicy;
  /**
   * Price of one private endpoint per hour, for the cost estimate.
   * @default 0.01 (USD, Azure list price)
   */
  readonly privateEndpointHourlyPrice?: number;
  /**
   * Hours per month for the cost estimate.
   * @default 730
   */
  readonly hoursPerMonth?: number;
}
