import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { StorageAccess } from './storage-access';
import { parseArmResourceId } from '../core/arm-resource-id';
import { normaliseRegion } from '../core/regions';
import { resolveValue } from '../core/resolved-index';
import { info, invalidProp, isUnresolved, warn } from '../core/validation';
import type { INetworkConnectivityConfig } from '../ncc/network-connectivity-config';
import { NspAccessMode } from '../perimeter/access-mode';
import {
  INetworkSecurityPerimeterProfile,
  NetworkSecurityPerimeter,
  NetworkSecurityPerimeterAssociation,
  NetworkSecurityPerimeterProfile,
} from '../perimeter/perimeter';
import { ServiceTag } from '../perimeter/service-tag';
import { PrivateEndpointApproval, PrivateEndpointApprovalOptions } from '../private-link/approval';
import { PrivateEndpointRule } from '../private-link/private-endpoint-rule';
import { PrivateLinkSubResource } from '../private-link/sub-resource';

const STORAGE_TYPE = 'Microsoft.Storage/storageAccounts';
const LEGACY_DEADLINE = '9 June 2026';

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

/**
 * A storage account that Databricks serverless compute reaches the way you choose, and nothing else:
 * NCC private endpoint rules with exact automatic approval, and/or a network security perimeter
 * association that allows the regional `AzureDatabricksServerless` service tag, with the storage
 * firewall denying by default.
 */
export class ServerlessSecureStorage extends Construct {
  /** The access model. */
  public readonly access: StorageAccess;
  /** ID of the storage account. */
  public readonly storageAccountId: string;
  /** The created storage account (when not existing). */
  public readonly storageAccount?: StorageAccount;
  /** The private endpoint rules, one per sub-resource. */
  public readonly rules: PrivateEndpointRule[] = [];
  /** The approvals of the rules' connections. */
  public readonly approvals: PrivateEndpointApproval[] = [];
  /** The perimeter created for the account (service-tag path, new account, no profile given). */
  public readonly perimeter?: NetworkSecurityPerimeter;
  /** The perimeter profile the account is associated with. */
  public readonly perimeterProfile?: INetworkSecurityPerimeterProfile;
  /** The perimeter association. */
  public readonly association?: NetworkSecurityPerimeterAssociation;
  /** The service tag allowed on the service-tag path. */
  public readonly serviceTag?: ServiceTag;
  /** Estimated monthly price of the account's private endpoints (endpoints x hours x hourly price). */
  public readonly estimatedMonthlyPrivateEndpointCost: number;

  constructor(scope: Construct, id: string, props: ServerlessSecureStorageProps) {
    super(scope, id);
    const ncc = props.networkConnectivityConfig;
    this.access = props.access ?? StorageAccess.PRIVATE_ENDPOINTS;
    const access = this.access;

    if ((props.storageAccountId === undefined) === (props.storageAccount === undefined)) {
      invalidProp(
        this,
        'storageAccountId/storageAccount',
        props.storageAccountId,
        'give exactly one of storageAccountId (an existing account) and storageAccount (an account to create)',
        'pass the ID of the existing account, or the name, resource group and location of a new one',
      );
    }
    if (props.workspaceRootStorage) {
      this.checkWorkspaceRoot(props);
    }

    const location = this.accountLocation(props);
    if (access.usesServiceTag) {
      this.serviceTag = props.serviceTag ?? this.regionalTag(ncc, location);
      if (!this.serviceTag.isDatabricksServerless) {
        warn(this, `serviceTag ${this.serviceTag.name} is not a Databricks serverless tag; serverless compute is admitted only by AzureDatabricksServerless[.<Region>].`);
      } else if (!this.serviceTag.name.includes('.')) {
        warn(this, 'serviceTag is the global AzureDatabricksServerless tag: it admits serverless compute of every Databricks region and customer. Prefer the regional tag.');
      }
    }

    if (props.storageAccount) {
      this.storageAccount = this.createAccount(props.storageAccount, access, location!);
      this.storageAccountId = this.storageAccount.id;
    } else {
      this.storageAccountId = props.storageAccountId!;
    }
    this.checkLegacySubnets(props);

    // Private endpoints: one rule per sub-resource, each approved on the account.
    const subResources = access.usesPrivateEndpoints ? this.subResourcesOf(props) : [];
    for (const sub of subResources) {
      const rule = new PrivateEndpointRule(this, `Rule-${sub.groupId}`, {
        networkConnectivityConfig: ncc,
        resourceId: this.storageAccountId,
        subResource: sub,
      });
      this.rules.push(rule);
      this.approvals.push(rule.approve(props.approval ?? {}));
    }
    if (!access.usesPrivateEndpoints && props.subResources) {
      invalidProp(this, 'subResources', props.subResources.map((s) => s.groupId), `access ${access.name} creates no private endpoints`, 'leave subResources out, or use StorageAccess.PRIVATE_ENDPOINTS');
    }

    // Perimeter: the service-tag path, or a governance association the user asked for.
    if (access.usesServiceTag || props.perimeterProfile) {
      let profile = props.perimeterProfile;
      if (!profile) {
        this.perimeter = this.createPerimeter(props);
        profile = new NetworkSecurityPerimeterProfile(this.perimeter, 'Profile', { perimeter: this.perimeter, name: 'databricks-serverless' });
      }
      this.perimeterProfile = profile;
      if (access.usesServiceTag) {
        profile.allowInboundServiceTags(this.serviceTag!);
      }
      const mode = props.perimeterAccessMode ?? NspAccessMode.LEARNING;
      if (access.usesServiceTag && mode !== NspAccessMode.LEARNING) {
        warn(
          this,
          `perimeterAccessMode ${mode.value}: Databricks supports the service-tag path only with the association in Learning (Transition) mode.`,
        );
      }
      // Owned by this construct (not the profile), so several accounts can share one profile.
      this.association = new NetworkSecurityPerimeterAssociation(this, 'Association', {
        profile,
        resourceId: this.storageAccountId,
        accessMode: mode,
        name: this.associationName(props),
      });
      if (!access.usesServiceTag && mode === NspAccessMode.LEARNING) {
        this.warnReopening(profile);
      }
    }

    const hourly = props.privateEndpointHourlyPrice ?? 0.01;
    const hours = props.hoursPerMonth ?? 730;
    if (hourly < 0 || hours <= 0) {
      invalidProp(this, 'privateEndpointHourlyPrice/hoursPerMonth', [hourly, hours], 'the price must be >= 0 and the hours > 0', 'use the price per endpoint-hour of your agreement, e.g. 0.01');
    }
    this.estimatedMonthlyPrivateEndpointCost = Math.round(this.rules.length * hours * hourly * 100) / 100;
  }

  /** Number of private endpoints the account gets. */
  public get privateEndpointCount(): number {
    return this.rules.length;
  }

  private checkWorkspaceRoot(props: ServerlessSecureStorageProps): void {
    if (props.storageAccountId === undefined) {
      invalidProp(this, 'workspaceRootStorage', true, 'workspace root storage is an existing account in the workspace\'s managed resource group', 'pass its ID as storageAccountId instead of storageAccount');
    }
    const access = props.access ?? StorageAccess.PRIVATE_ENDPOINTS;
    if (access !== StorageAccess.PRIVATE_ENDPOINTS || props.perimeterProfile) {
      invalidProp(
        this,
        'access',
        access.name,
        'workspace root storage lives in a managed resource group that Databricks locks: it cannot join a perimeter',
        'use StorageAccess.PRIVATE_ENDPOINTS without perimeterProfile for workspace root storage',
      );
    }
    const subs = props.subResources?.map((s) => s.groupId);
    if (subs && !(subs.includes('blob') && subs.includes('dfs'))) {
      invalidProp(this, 'subResources', subs, 'workspace root storage needs both blob and dfs', 'leave subResources out (blob and dfs)');
    }
  }

  private accountLocation(props: ServerlessSecureStorageProps): string | undefined {
    if (props.storageAccount) {
      return normaliseRegion(this, 'storageAccount.location', props.storageAccount.location);
    }
    if (props.existingAccountLocation !== undefined) {
      return normaliseRegion(this, 'existingAccountLocation', props.existingAccountLocation);
    }
    if (props.storageAccountId && !Token.isUnresolved(props.storageAccountId)) {
      const parsed = parseArmResourceId(props.storageAccountId);
      if (typeof parsed === 'string' || parsed.resourceType.toLowerCase() !== STORAGE_TYPE.toLowerCase()) {
        invalidProp(
          this,
          'storageAccountId',
          props.storageAccountId,
          typeof parsed === 'string' ? `not a well-formed Azure resource ID: ${parsed}` : `expected a ${STORAGE_TYPE} ID, got a ${parsed.resourceType}`,
          'pass the ID of a storage account, e.g. /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<name>',
        );
      }
    }
    return undefined;
  }

  private regionalTag(ncc: INetworkConnectivityConfig, location: string | undefined): ServiceTag {
    if (Token.isUnresolved(ncc.region)) {
      invalidProp(
        this,
        'networkConnectivityConfig.region',
        'a token',
        'the regional AzureDatabricksServerless tag is chosen at synth from the NCC\'s region',
        'give the NCC a literal region, or pass serviceTag explicitly',
      );
    }
    if (location !== undefined && !Token.isUnresolved(location) && location !== ncc.region) {
      invalidProp(
        this,
        'storage location',
        location,
        `the account is in ${location} but NCC ${ncc.node.path} is in ${ncc.region}; the regional service tag only admits serverless compute of the NCC's region, and service endpoints only serve same-region storage`,
        `put the account in ${ncc.region}, or use an NCC in ${location} (or StorageAccess.PRIVATE_ENDPOINTS)`,
      );
    }
    return ServiceTag.databricksServerless(ncc.region);
  }

  private createAccount(options: ServerlessStorageAccountOptions, access: StorageAccess, location: string): StorageAccount {
    if (!Token.isUnresolved(options.name) && !/^[a-z0-9]{3,24}$/.test(options.name)) {
      invalidProp(this, 'storageAccount.name', options.name, 'a storage account name is 3-24 lowercase letters and digits', `use a name such as "${options.name.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 24) || 'stdatalake'}"`);
    }
    const replication = options.replicationType ?? 'LRS';
    if (!Token.isUnresolved(replication) && !['LRS', 'ZRS', 'GRS', 'RAGRS', 'GZRS', 'RAGZRS'].includes(replication)) {
      invalidProp(this, 'storageAccount.replicationType', replication, 'not a storage replication type', 'use one of LRS, ZRS, GRS, RAGRS, GZRS, RAGZRS');
    }
    if (!access.usesServiceTag && options.ipRules?.length) {
      invalidProp(this, 'storageAccount.ipRules', options.ipRules, `access ${access.name} disables public network access, so IP rules would never apply`, 'remove ipRules, or choose an access model with the service-tag path');
    }
    return new StorageAccount(this, 'Account', {
      name: options.name,
      resourceGroupName: options.resourceGroupName,
      location,
      accountKind: 'StorageV2',
      accountTier: 'Standard',
      accountReplicationType: replication,
      isHnsEnabled: options.hierarchicalNamespace ?? true,
      httpsTrafficOnlyEnabled: true,
      minTlsVersion: 'TLS1_2',
      sharedAccessKeyEnabled: options.sharedKeyAccess ?? false,
      defaultToOauthAuthentication: true,
      allowNestedItemsToBePublic: false,
      crossTenantReplicationEnabled: false,
      publicNetworkAccessEnabled: access.usesServiceTag,
      networkRules: {
        defaultAction: 'Deny',
        bypass: ['None'],
        virtualNetworkSubnetIds: options.virtualNetworkSubnetIds,
        ipRules: options.ipRules,
        privateLinkAccess: options.accessConnectorId ? [{ endpointResourceId: options.accessConnectorId }] : undefined,
      },
      tags: options.tags,
      lifecycle: options.preventDestroy ? { preventDestroy: true } : undefined,
    });
  }

  private subResourcesOf(props: ServerlessSecureStorageProps): PrivateLinkSubResource[] {
    const subs = props.subResources ?? [PrivateLinkSubResource.BLOB, PrivateLinkSubResource.DFS];
    if (subs.length === 0) {
      invalidProp(this, 'subResources', [], `access ${this.access.name} needs at least one private endpoint`, 'leave subResources out (blob and dfs), or use StorageAccess.SERVICE_TAG');
    }
    const seen = new Set<string>();
    for (const s of subs) {
      if (!s.fitsResourceType(STORAGE_TYPE)) {
        invalidProp(this, 'subResources', s.groupId, `"${s.groupId}" is not a storage sub-resource`, 'use BLOB, DFS, FILE, QUEUE, TABLE or WEB');
      }
      if (seen.has(s.groupId)) {
        invalidProp(this, 'subResources', s.groupId, 'listed twice', 'list each sub-resource once');
      }
      seen.add(s.groupId);
    }
    const hns = props.storageAccount ? props.storageAccount.hierarchicalNamespace ?? true : false;
    if ((hns || props.workspaceRootStorage) && !(seen.has('blob') && seen.has('dfs'))) {
      warn(this, 'ADLS Gen2 (hierarchical namespace) needs private endpoints for both blob and dfs; with only one, some Databricks operations fail.');
    }
    return subs;
  }

  private createPerimeter(props: ServerlessSecureStorageProps): NetworkSecurityPerimeter {
    const account = props.storageAccount;
    if (!account) {
      return invalidProp(
        this,
        'perimeterProfile',
        undefined,
        'the service-tag path needs a perimeter, and none can be created next to an existing account whose resource group is unknown',
        'pass perimeterProfile (e.g. NetworkSecurityPerimeterProfile.fromProfileId, or a profile of a NetworkSecurityPerimeter you create)',
      );
    }
    return new NetworkSecurityPerimeter(this, 'Perimeter', {
      name: `nsp-${account.name}`,
      resourceGroupName: account.resourceGroupName,
      location: account.location,
      tags: account.tags,
    });
  }

  private associationName(props: ServerlessSecureStorageProps): string | undefined {
    const name = props.storageAccount?.name;
    return name && !Token.isUnresolved(name) ? `assoc-${name}` : undefined;
  }

  private warnReopening(profile: INetworkSecurityPerimeterProfile): void {
    const known = profile instanceof NetworkSecurityPerimeterProfile;
    const inbound = (profile as NetworkSecurityPerimeterProfile).inboundRuleElements ?? 0;
    if (!known || inbound > 0) {
      warn(
        this,
        'Private-endpoints-only account associated in Learning mode with a profile that ' +
          (known ? 'has inbound rules' : 'may have inbound rules (an imported profile)') +
          ': in Learning mode the account accepts what those rules allow even with public network access disabled, which silently reopens it. ' +
          'Associate it in Enforced or Audit mode, or with a profile without inbound rules.',
      );
    }
  }

  private checkLegacySubnets(props: ServerlessSecureStorageProps): void {
    const firewall = props.storageAccount?.virtualNetworkSubnetIds ?? props.existingFirewallSubnetIds ?? [];
    if (firewall.length === 0) {
      return;
    }
    const known = new Set((props.nccServerlessSubnetIds ?? []).filter((s) => !isUnresolved(s)).map((s) => s.toLowerCase()));
    // A reference to the NCC's computed egress_config (the legacy subnets), as a whole list or per element.
    const referencesEgress = (v: unknown) => {
      const resolved = JSON.stringify(resolveValue(this, v));
      return resolved.includes('databricks_mws_network_connectivity_config.') && resolved.includes('egress_config');
    };
    const legacy = Token.isUnresolved(firewall)
      ? referencesEgress(firewall) ? ['(reference to egress_config)'] : []
      : firewall.filter((s) => (isUnresolved(s) ? referencesEgress(s) : known.has(s.toLowerCase())));
    if (legacy.length === 0) {
      return;
    }
    warn(
      this,
      `The storage firewall allowlists the NCC's serverless subnets (${legacy.length}): this legacy service-endpoint path ended on ${LEGACY_DEADLINE} and the account is non-compliant. ` +
        'Migrate: (1) deploy StorageAccess.SERVICE_TAG (or PRIVATE_ENDPOINTS_AND_SERVICE_TAG), which associates the account with a perimeter in Learning mode that allows ' +
        'AzureDatabricksServerless.<Region>; (2) check serverless access in the perimeter\'s access logs; (3) remove the subnet IDs from the firewall.',
    );
    info(this, `Legacy serverless subnets found in the firewall: ${legacy.map((s) => (isUnresolved(s) ? '(reference)' : s)).join(', ')}`);
  }
}

