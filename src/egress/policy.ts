import { AccountNetworkPolicy } from '@cdktf/provider-databricks/lib/account-network-policy';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { Lazy, TerraformProvider, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { EgressPolicyAssignment, EgressPolicyAssignmentOptions } from './assignment';
import { checkDomain, checkStorage, checkWorkspaceId, EgressStorageDestination, MAX_DESTINATIONS } from './destinations';
import { ImportedEgressPolicy } from './imported-policy';
import { ingressBlocks, OPEN_INGRESS } from './ingress';
import { EgressAccess, EgressEnforcement } from './modes';
import {
  DEFAULT_POLICY_ID,
  IServerlessEgressPolicy,
  POLICY_ID,
  ServerlessEgressPolicyAttributes,
  ServerlessEgressPolicyOptions,
  ServerlessEgressPolicyProps,
} from './props';
import { ImportBlock } from '../bindings/import-block';
import { useChecks } from '../checks/pack';
import { checkAccountProvider, defaultDatabricksProvider } from '../core/account-provider';
import { openCreationStackScope } from '../core/creation-stacks';
import { requireProvider, usesOlderForm } from '../core/provider-requirements';
import { resolveValue } from '../core/resolved-index';
import { describeInvalid, invalidProp } from '../core/validation';


/**
 * Serverless egress control: a Databricks account network policy (`databricks_account_network_policy`)
 * that decides what serverless compute (SQL warehouses, jobs, notebooks, model serving) of the workspaces
 * it is applied to may reach outside Databricks. Restricted by default: only the allowed domains and
 * storage accounts, plus Unity Catalog locations and connections. Roll out with
 * `EgressEnforcement.dryRun()`, read `system.access.outbound_network`, then enforce.
 *
 * Ingress (who may reach the workspaces, from where) is written open unless `ingress` sets rules; see
 * {@link ServerlessIngressOptions}. It always writes
 * `account_id`; classic compute is not covered (use your VNet's firewall).
 */
export class ServerlessEgressPolicy extends Construct implements IServerlessEgressPolicy {
  /** An existing policy, to apply to workspaces; its destinations are managed elsewhere. */
  public static fromPolicyAttributes(scope: Construct, id: string, attrs: ServerlessEgressPolicyAttributes): IServerlessEgressPolicy {
    return new ImportedEgressPolicy(scope, id, attrs);
  }

  /**
   * Manages the account's reserved `default-policy` (used by every workspace without an assignment):
   * Terraform imports it on the first apply (an `import` block, Terraform >= 1.5) instead of creating it,
   * and `prevent_destroy` keeps `terraform destroy` from trying to delete it.
   */
  public static adoptDefaultPolicy(scope: Construct, id: string, options: ServerlessEgressPolicyOptions = {}): ServerlessEgressPolicy {
    return new AdoptedDefaultPolicy(scope, id, { ...options, networkPolicyId: DEFAULT_POLICY_ID });
  }

  public readonly networkPolicyId: string;
  public readonly accountProvider?: TerraformProvider;
  /** What serverless compute may reach. */
  public readonly access: EgressAccess;
  /** Enforced or dry run. */
  public readonly enforcement: EgressEnforcement;
  /** The underlying `databricks_account_network_policy`. */
  public readonly resource: AccountNetworkPolicy;
  private readonly domains = new Map<string, string>();
  private readonly blocked = new Map<string, string>();
  private readonly workspaces = new Map<string, string>();
  private readonly storage = new Map<string, { account: string; service: string; by: string }>();

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param props its configuration
   */
  constructor(scope: Construct, id: string, props: ServerlessEgressPolicyProps) {
    super(scope, id);
    const stacks = openCreationStackScope(this);
    try {
      useChecks(this);
      const policyId = props.networkPolicyId;
      if (!Token.isUnresolved(policyId) && !POLICY_ID.test(policyId)) {
        invalidProp(this, 'networkPolicyId', policyId, 'a policy ID is 1-32 letters, digits, "_", "." and "-"', 'use an ID such as "np-eastus2-restricted"');
      }
      const adopt = this instanceof AdoptedDefaultPolicy;
      if (policyId === DEFAULT_POLICY_ID && !adopt) {
        invalidProp(
          this,
          'networkPolicyId',
          policyId,
          'default-policy exists in every account and cannot be created',
          'manage it with ServerlessEgressPolicy.adoptDefaultPolicy(...), or apply it with ServerlessEgressPolicy.fromPolicyAttributes(...)',
        );
      }
      this.networkPolicyId = policyId;
      this.accountProvider = props.accountProvider;
      checkAccountProvider(this, props.accountProvider);
      this.access = props.access ?? EgressAccess.RESTRICTED;
      this.enforcement = props.enforcement ?? EgressEnforcement.ENFORCED;
      const accountId = props.accountId ?? providerAccountId(props.accountProvider ?? defaultDatabricksProvider(this));
      if (accountId === undefined) {
        invalidProp(
          this,
          'accountId',
          undefined,
          'the Databricks account ID is not known (no accountId, and the account provider sets none); databricks provider 1.99-1.112 fail after apply without it',
          'pass accountId, or set accountId on the account-level DatabricksProvider',
        );
      }

      requireProvider(this, 'databricks', 'network-policy');
      const products = this.enforcement.dryRunProducts.map((p) => p.value);
      this.resource = new AccountNetworkPolicy(this, 'Resource', {
        accountId,
        networkPolicyId: policyId,
        egress: {
          networkAccess: {
            restrictionMode: this.access.value,
            allowedInternetDestinations: Lazy.anyValue(
              { produce: () => (this.domains.size ? [...this.domains.values()].map((d) => ({ destination: d, internet_destination_type: 'DNS_NAME' })) : undefined) },
            ) as any,
            allowedStorageDestinations: Lazy.anyValue({
              produce: () => (this.storage.size
                ? [...this.storage.values()].map((s) => ({ storage_destination_type: 'AZURE_STORAGE', azure_storage_account: s.account, azure_storage_service: s.service }))
                : undefined),
            }) as any,
            policyEnforcement: { enforcementMode: this.enforcement.mode, dryRunModeProductFilter: products.length ? products : undefined },
          },
        },
        provider: props.accountProvider,
        lifecycle: adopt ? { preventDestroy: true } : undefined,
      });
      // The whole ingress, written as the API would fill it, so that the policy converges on current providers
      // (README "Serverless egress control", provider versions); not on a stack pinned below 1.113.0, whose
      // provider has no ingress. The prebuilt 1.99 binding has no ingress argument: an override, decided at synth.
      // Not in the prebuilt 1.99 binding: overrides, emitted only when used (their features raise the floor).
      this.resource.addOverride('egress.network_access.blocked_internet_destinations', Lazy.anyValue(
        { produce: () => (this.blocked.size ? [...this.blocked.values()].map((d) => ({ destination: d, internet_destination_type: 'DNS_NAME' })) : undefined) },
      ));
      // Workspace IDs as written (digits, or the reference): Terraform converts them to numbers exactly; a double would not.
      this.resource.addOverride('egress.network_access.allowed_databricks_destinations', Lazy.anyValue(
        { produce: () => (this.workspaces.size ? [{ workspace_ids: [...this.workspaces.values()] }] : undefined) },
      ));
      // Ingress rules (props.ingress) replace it, and need the versions that know all of it (feature network-ingress).
      const ingress = props.ingress ? ingressBlocks(this, props.ingress) : undefined;
      if (ingress) {
        requireProvider(this, 'databricks', 'network-ingress');
      }
      this.resource.addOverride('ingress', Lazy.anyValue({
        produce: () => ingress?.ingress ?? (usesOlderForm(this, 'databricks', 'network-policy') ? undefined : OPEN_INGRESS),
      }));
      if (ingress?.dryRun) {
        this.resource.addOverride('ingress_dry_run', ingress.dryRun);
      }
      if (adopt) {
        new ImportBlock(this, 'Import', this.resource, DEFAULT_POLICY_ID, props.accountProvider);
      }

      this.allowDomains(...(props.allowedDomains ?? []));
      (props.allowedStorage ?? []).forEach((d) => this.allowStorage(d));
      this.blockDomains(...(props.blockedDomains ?? []));
      this.allowWorkspaces(...(props.allowedWorkspaces ?? []));
      this.node.addValidation({ validate: () => this.validateDestinations() });
    } finally {
      stacks.close();
    }
  }

  public applyTo(id: string, options: EgressPolicyAssignmentOptions): EgressPolicyAssignment {
    // A reference, so Terraform creates (or adopts) the policy before it assigns it.
    return new EgressPolicyAssignment(this, id, {
      ...options,
      networkPolicyId: this.resource.networkPolicyId,
      policyPath: this.node.path,
      accountProvider: this.accountProvider,
    });
  }

  public allowDomains(...domains: string[]): void {
    for (const domain of domains) {
      const value = checkDomain(this, 'allowedDomains', domain);
      if (this.domains.has(value)) {
        invalidProp(this, 'allowedDomains', domain, 'listed twice', 'list each domain once');
      }
      if (this.blocked.has(value)) {
        invalidProp(this, 'allowedDomains', domain, 'the domain is also blocked (blockedDomains), and a blocked domain is refused whatever allows it', 'either allow it or block it');
      }
      this.domains.set(value, value);
    }
  }

  public blockDomains(...domains: string[]): void {
    for (const domain of domains) {
      const value = checkDomain(this, 'blockedDomains', domain);
      if (this.access === EgressAccess.FULL) {
        invalidProp(this, 'blockedDomains', domain, 'a policy with full access enforces no block list (the API enforces blocked destinations under restricted access only)', 'use EgressAccess.RESTRICTED, with the domains it needs allowed');
      }
      if (this.blocked.has(value)) {
        invalidProp(this, 'blockedDomains', domain, 'listed twice', 'list each domain once');
      }
      if (this.domains.has(value)) {
        invalidProp(this, 'blockedDomains', domain, 'the domain is also allowed (allowedDomains), and a blocked domain is refused whatever allows it', 'either allow it or block it');
      }
      this.blocked.set(value, value);
      requireProvider(this, 'databricks', 'egress-blocked-domains');
    }
  }

  public allowWorkspaces(...workspaceIds: string[]): void {
    for (const workspaceId of workspaceIds) {
      const key = JSON.stringify(Token.isUnresolved(workspaceId) ? resolveValue(this, workspaceId) : checkWorkspaceId(this, 'allowedWorkspaces', workspaceId));
      if (this.workspaces.has(key)) {
        invalidProp(this, 'allowedWorkspaces', workspaceId, 'listed twice', 'list each workspace once');
      }
      this.workspaces.set(key, workspaceId);
      requireProvider(this, 'databricks', 'egress-workspace-destinations');
    }
  }

  public allowStorage(destination: EgressStorageDestination): void {
    this.addStorage(destination, 'allowedStorage', false);
  }

  /**
   * Adds a storage account on behalf of a pattern (e.g. `ServerlessSecureStorage`): destinations already
   * listed are kept once, not an error.
   *
   * @internal
   */
  public _addStorageFor(destination: EgressStorageDestination, by: IConstruct): void {
    this.addStorage(destination, `allowedStorage (from ${by.node.path})`, true);
  }

  private addStorage(destination: EgressStorageDestination, prop: string, quiet: boolean): void {
    const services = checkStorage(this, prop, destination);
    const account = destination.storageAccountName;
    for (const service of services) {
      const key = `${Token.isUnresolved(account) ? account : account.toLowerCase()}|${service}`;
      const existing = this.storage.get(key);
      if (existing && !quiet) {
        invalidProp(this, prop, `${account} ${service}`, `already allowed (by ${existing.by})`, 'allow each account and service once');
      }
      if (!existing) {
        this.storage.set(key, { account, service, by: quiet ? prop : 'allowedStorage' });
      }
    }
  }

  private validateDestinations(): string[] {
    const count = this.domains.size + this.storage.size;
    if (count > MAX_DESTINATIONS) {
      return [
        describeInvalid(
          'allowed destinations',
          `${count} destinations`,
          `a network policy holds at most ${MAX_DESTINATIONS} destinations, and Unity Catalog locations and connections count too`,
          'split the workspaces over more policies, or reach storage through Unity Catalog external locations',
        ),
      ];
    }
    return [];
  }
}

/** The account ID a Databricks provider sets, if it is one of the prebuilt `DatabricksProvider`. */
function providerAccountId(provider: TerraformProvider | undefined): string | undefined {
  return provider instanceof DatabricksProvider ? provider.accountId : undefined;
}

/** The account's `default-policy`, adopted (`ServerlessEgressPolicy.adoptDefaultPolicy`): imported, never destroyed. */
class AdoptedDefaultPolicy extends ServerlessEgressPolicy {}
