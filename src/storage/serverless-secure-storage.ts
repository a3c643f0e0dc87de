import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { ServerlessSecureStorageProps } from './props';
import { createSecureAccount } from './secure-account';
import { StorageAccess } from './storage-access';
import {
  accountLocation,
  checkAccountSource,
  monthlyEndpointCost,
  factsForChecks,
  serviceTagFor,
  storageSubResources,
} from './validation';
import type { ConstructCheckFacts } from '../checks/facts';
import { useChecks } from '../checks/pack';
import { openCreationStackScope } from '../core/creation-stacks';
import { invalidProp } from '../core/validation';
import { ServerlessEgressPolicy } from '../egress/policy';
import type { IServerlessEgressPolicy } from '../egress/props';
import { PrivateEndpointRule } from '../ncc/private-endpoint-rule';
import { NspAccessMode } from '../perimeter/access-mode';
import { NetworkSecurityPerimeterAssociation } from '../perimeter/association';
import { NetworkSecurityPerimeter } from '../perimeter/perimeter';
import { INetworkSecurityPerimeterProfile, NetworkSecurityPerimeterProfile } from '../perimeter/profile';
import { ServiceTag } from '../perimeter/service-tag';
import { PrivateEndpointApproval } from '../private-link/approval';

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
  /** The account's name (for an existing account, the last segment of its ID). */
  public readonly storageAccountName: string;
  /**
   * Whether the account has a hierarchical namespace (ADLS Gen2), when this construct creates it.
   * @default - not known (an existing account)
   */
  public readonly hierarchicalNamespace?: boolean;
  /** The resource group of an account this construct creates. */
  public readonly resourceGroupName?: string;
  /** The location of the account, when known at synth (normalised), else undefined. */
  public readonly location?: string;
  private readonly checkFacts: ConstructCheckFacts;
  private readonly resourceInstances: string[] = [];

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param props its configuration
   */
  constructor(scope: Construct, id: string, props: ServerlessSecureStorageProps) {
    super(scope, id);
    const stacks = openCreationStackScope(this);
    try {
      const ncc = props.networkConnectivityConfig;
      this.access = props.access ?? StorageAccess.PRIVATE_ENDPOINTS;
      const access = this.access;

      checkAccountSource(this, props);
      const location = accountLocation(this, props);
      if (access.usesServiceTag) {
        this.serviceTag = serviceTagFor(this, props, location);
      }

      if (props.storageAccount) {
        if (props.storageAccount.accessConnectorId) {
          this.resourceInstances.push(props.storageAccount.accessConnectorId);
        }
        this.storageAccount = createSecureAccount(this, props.storageAccount, access, location!, this.resourceInstances);
        this.storageAccountId = this.storageAccount.id;
      } else {
        this.storageAccountId = props.storageAccountId!;
      }
      this.storageAccountName = storageAccountName(this.storageAccount, this.storageAccountId);
      this.hierarchicalNamespace = props.storageAccount ? props.storageAccount.hierarchicalNamespace ?? true : undefined;
      this.resourceGroupName = props.storageAccount?.resourceGroupName;
      this.location = location;
      this.checkFacts = factsForChecks(this, props, access, this.storageAccountId, this.serviceTag);
      useChecks(this);

      // Private endpoints: one rule per sub-resource, each approved on the account.
      for (const sub of storageSubResources(this, props, access)) {
        const rule = new PrivateEndpointRule(this, `Rule-${sub.groupId}`, {
          networkConnectivityConfig: ncc,
          resourceId: this.storageAccountId,
          subResource: sub,
        });
        this.rules.push(rule);
        this.approvals.push(rule.approve(props.approval ?? {}));
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
        // Owned by this construct (not the profile), so several accounts can share one profile.
        this.association = new NetworkSecurityPerimeterAssociation(this, 'Association', {
          profile,
          resourceId: this.storageAccountId,
          accessMode: mode,
          // Unique per perimeter, as Azure requires: named after the account.
          name: `assoc-${props.storageAccount?.name ?? storageAccountName(undefined, this.storageAccountId)}`,
        });
      }

      if (props.egressPolicy) {
        this.allowOnPolicy(props.egressPolicy);
      }

      this.estimatedMonthlyPrivateEndpointCost = monthlyEndpointCost(this, props, this.rules.length);
    } finally {
      stacks.close();
    }
  }

  /**
   * Admits a resource instance through the account's firewall (a resource-instance rule,
   * `network_rules.private_link_access`), e.g. a Databricks access connector whose identity Unity Catalog
   * uses: a default-deny account refuses it otherwise. Only for an account this construct creates (the
   * firewall of an existing account is not managed here: add the rule where it is managed).
   *
   * @param resourceId the ARM resource ID of the instance (e.g. an access connector's)
   */
  public allowResourceInstance(resourceId: string): void {
    if (!this.storageAccount) {
      invalidProp(
        this,
        'allowResourceInstance(resourceId)',
        resourceId,
        'this construct does not manage the firewall of an existing account (storageAccountId)',
        'add the resource-instance rule (network_rules.private_link_access) where the account is managed',
      );
    }
    if (!this.resourceInstances.includes(resourceId)) {
      this.resourceInstances.push(resourceId);
    }
  }

  /** Tells the checks what the stack's JSON does not say (see factsForChecks). @internal */
  public _checkFacts(): ConstructCheckFacts {
    return this.checkFacts;
  }

  /** Number of private endpoints the account gets. */
  public get privateEndpointCount(): number {
    return this.rules.length;
  }

  /** Adds the account to the policy's storage destinations, for the services serverless compute reaches it on. */
  private allowOnPolicy(policy: IServerlessEgressPolicy): void {
    const services = this.rules.length ? this.rules.map((r) => r.subResource!.groupId) : ['blob', 'dfs'];
    const destination = { storageAccountName: storageAccountName(this.storageAccount, this.storageAccountId), services };
    if (policy instanceof ServerlessEgressPolicy) {
      policy._addStorageFor(destination, this);
    } else {
      policy.allowStorage(destination);
    }
  }

  private createPerimeter(props: ServerlessSecureStorageProps): NetworkSecurityPerimeter {
    const account = props.storageAccount;
    if (!account) {
      return invalidProp(
        this,
        'perimeterProfile',
        undefined,
        'the service-tag path needs a perimeter, and none can be created next to an existing account whose resource group is unknown',
        'pass perimeterProfile (e.g. NetworkSecurityPerimeterProfile.fromProfileAttributes, or a profile of a NetworkSecurityPerimeter you create)',
      );
    }
    return new NetworkSecurityPerimeter(this, 'Perimeter', {
      name: `nsp-${account.name}`,
      resourceGroupName: account.resourceGroupName,
      location: account.location,
      tags: account.tags,
    });
  }
}

/** The account's name: the created account's, the last segment of a literal ID, or `basename(<id>)` for a token. */
function storageAccountName(account: StorageAccount | undefined, storageAccountId: string): string {
  if (account) {
    return account.name;
  }
  return Token.isUnresolved(storageAccountId) ? `\${basename(${storageAccountId})}` : storageAccountId.split('/').pop()!;
}
