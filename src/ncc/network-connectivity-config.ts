import { MwsNetworkConnectivityConfig } from '@cdktf/provider-databricks/lib/mws-network-connectivity-config';
import { TerraformProvider, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AccountState } from './account-state';
import { NccWorkspaceBinding, NccWorkspaceBindingOptions } from './workspace-binding';
import { normaliseRegion } from '../core/regions';
import { invalidProp, warn } from '../core/validation';
import { PrivateEndpointRule, PrivateEndpointRuleOptions } from '../private-link/private-endpoint-rule';

/**
 * Databricks account limits that the library warns about. Databricks documents them per cloud and
 * may change them; override them when your account has other values.
 */
export interface DatabricksAccountLimits {
  /**
   * NCCs per region per account.
   * @default 10
   */
  readonly maxNccsPerRegion?: number;
  /**
   * Workspaces bound to one NCC.
   * @default 50
   */
  readonly maxWorkspacesPerNcc?: number;
  /**
   * Private endpoints per region, across all NCCs of the account.
   * @default 100
   */
  readonly maxPrivateEndpointsPerRegion?: number;
  /**
   * Private endpoint rules of one NCC that Terraform creates at the same time. Creating many rules in
   * parallel has hit Databricks API throttling, so each rule waits (`depends_on`) for the rule this
   * many places before it on the same NCC. Changing it changes only dependencies, never resources.
   * @default 5
   */
  readonly maxParallelRuleCreations?: number;
}

/**
 * A network connectivity configuration (NCC), created by this app or imported.
 */
export interface INetworkConnectivityConfig extends IConstruct {
  /** The NCC's ID (`network_connectivity_config_id`). */
  readonly networkConnectivityConfigId: string;
  /** The NCC's region as a lowercase ARM name (e.g. `eastus2`), or a token. */
  readonly region: string;
  /**
   * The account-level Databricks provider that manages the NCC, its bindings and rules.
   * @default - the default `databricks` provider of the stack
   */
  readonly accountProvider?: TerraformProvider;
  /** The account limits the library warns about for this NCC. */
  readonly accountLimits: DatabricksAccountLimits;

  /**
   * Binds a workspace to this NCC (`databricks_mws_ncc_binding`). A workspace has exactly one NCC:
   * binding it to a second NCC silently replaces the first, so binding one workspace twice in an
   * app is an error. Destroying a binding does not detach the workspace.
   */
  bindWorkspace(id: string, options: NccWorkspaceBindingOptions): NccWorkspaceBinding;

  /** Adds a private endpoint rule to this NCC (`databricks_mws_ncc_private_endpoint_rule`). */
  addPrivateEndpointRule(id: string, options: PrivateEndpointRuleOptions): PrivateEndpointRule;
}

/** Properties of a {@link NetworkConnectivityConfig}. */
export interface NetworkConnectivityConfigProps {
  /** NCC name: 3 to 30 characters of letters, digits, `_` and `-`. Changing it replaces the NCC. */
  readonly name: string;
  /**
   * Azure region of the NCC: an ARM name (`eastus2`) or display name (`East US 2`), normalised to
   * the ARM name. It must be the region of every workspace bound to the NCC. Changing it replaces the NCC.
   */
  readonly region: string;
  /**
   * Account-level Databricks provider (host `https://accounts.azuredatabricks.net` and `account_id`).
   * NCCs, bindings and rules can only be managed at account level.
   * @default - the default `databricks` provider of the stack, which must then be account-level
   */
  readonly accountProvider?: TerraformProvider;
  /**
   * Account limits to warn about.
   * @default - 10 NCCs per region, 50 workspaces per NCC, 100 private endpoints per region, 5 rules
   * created in parallel per NCC
   */
  readonly accountLimits?: DatabricksAccountLimits;
}

const DEFAULT_LIMITS: Required<DatabricksAccountLimits> = {
  maxNccsPerRegion: 10,
  maxWorkspacesPerNcc: 50,
  maxPrivateEndpointsPerRegion: 100,
  maxParallelRuleCreations: 5,
};

/** What NCCs created in this app and imported NCCs share: workspace bindings and private endpoint rules. */
export abstract class NetworkConnectivityConfigBase extends Construct implements INetworkConnectivityConfig {
  public abstract readonly networkConnectivityConfigId: string;
  public abstract readonly region: string;
  public abstract readonly accountProvider?: TerraformProvider;
  public abstract readonly accountLimits: DatabricksAccountLimits;
  private boundWorkspaces = 0;

  public bindWorkspace(id: string, options: NccWorkspaceBindingOptions): NccWorkspaceBinding {
    const binding = new NccWorkspaceBinding(this, id, { ...options, networkConnectivityConfig: this });
    this.boundWorkspaces += 1;
    const limit = this.accountLimits.maxWorkspacesPerNcc ?? DEFAULT_LIMITS.maxWorkspacesPerNcc;
    if (this.boundWorkspaces > limit) {
      warn(
        binding,
        `This app binds ${this.boundWorkspaces} workspaces to NCC ${this.node.path}, more than the account limit of ${limit} per NCC. ` +
          'Databricks will reject the extra bindings: spread the workspaces over more NCCs in the region, or raise accountLimits.maxWorkspacesPerNcc if your account allows more.',
      );
    }
    return binding;
  }

  public addPrivateEndpointRule(id: string, options: PrivateEndpointRuleOptions): PrivateEndpointRule {
    return new PrivateEndpointRule(this, id, { ...options, networkConnectivityConfig: this });
  }
}

/**
 * A Databricks network connectivity configuration (NCC): the account-level, regional object that
 * manages how serverless compute reaches your Azure resources (private endpoint rules, and the
 * service-endpoint subnets Databricks computes).
 *
 * `egress_config` is never set: the server computes it, and setting it causes permanent drift.
 */
export class NetworkConnectivityConfig extends NetworkConnectivityConfigBase {
  /**
   * Imports an existing NCC by ID, to bind workspaces or add rules to it.
   *
   * @param nccId the NCC's ID
   * @param region the NCC's region (ARM or display name; normalised)
   * @param accountProvider the account-level Databricks provider
   */
  public static fromNetworkConnectivityConfigId(
    scope: Construct,
    id: string,
    nccId: string,
    region: string,
    accountProvider?: TerraformProvider,
  ): INetworkConnectivityConfig {
    class Import extends NetworkConnectivityConfigBase {
      public readonly networkConnectivityConfigId = nccId;
      public readonly region: string;
      public readonly accountProvider = accountProvider;
      public readonly accountLimits = {};
      constructor() {
        super(scope, id);
        if (!Token.isUnresolved(nccId) && nccId.trim().length === 0) {
          invalidProp(this, 'nccId', nccId, 'the NCC ID is empty', 'pass the network_connectivity_config_id of the existing NCC');
        }
        this.region = normaliseRegion(this, 'region', region);
      }
    }
    return new Import();
  }

  /** The NCC's ID. */
  public readonly networkConnectivityConfigId: string;
  /** The NCC's region, normalised to the ARM name (or the token given). */
  public readonly region: string;
  /** The NCC's name. */
  public readonly name: string;
  public readonly accountProvider?: TerraformProvider;
  public readonly accountLimits: DatabricksAccountLimits;
  /** The underlying `databricks_mws_network_connectivity_config` resource. */
  public readonly resource: MwsNetworkConnectivityConfig;

  constructor(scope: Construct, id: string, props: NetworkConnectivityConfigProps) {
    super(scope, id);
    validateName(this, props.name);
    this.region = normaliseRegion(this, 'region', props.region);
    this.name = props.name;
    this.accountProvider = props.accountProvider;
    this.accountLimits = { ...DEFAULT_LIMITS, ...props.accountLimits };
    const parallel = this.accountLimits.maxParallelRuleCreations!;
    if (!Number.isInteger(parallel) || parallel < 1) {
      invalidProp(this, 'accountLimits.maxParallelRuleCreations', parallel, 'expected a whole number >= 1', 'use e.g. 5 (the default), or 1 to create rules one by one');
    }

    this.resource = new MwsNetworkConnectivityConfig(this, 'Resource', {
      name: props.name,
      region: this.region,
      provider: props.accountProvider,
    });
    this.networkConnectivityConfigId = this.resource.networkConnectivityConfigId;

    const count = AccountState.of(this).addNcc(this.region);
    const limit = this.accountLimits.maxNccsPerRegion!;
    if (count > limit) {
      warn(
        this,
        `This app declares ${count} NCCs in region ${this.region}, more than the account limit of ${limit} per region. ` +
          'Databricks will reject the extra NCCs: share one NCC between workspaces of the region, or raise accountLimits.maxNccsPerRegion if your account allows more.',
      );
    }
  }
}

function validateName(scope: IConstruct, name: string): void {
  if (Token.isUnresolved(name)) {
    return;
  }
  if (!/^[0-9a-zA-Z_-]{3,30}$/.test(name)) {
    invalidProp(
      scope,
      'name',
      name,
      'an NCC name is 3 to 30 characters of letters, digits, "_" and "-" (no spaces or dots)',
      `use a name such as ${JSON.stringify(suggestName(name))}`,
    );
  }
}

function suggestName(name: string): string {
  const cleaned = name.replace(/[^0-9a-zA-Z_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30);
  return cleaned.length >= 3 ? cleaned : `ncc-${cleaned}`.slice(0, 30);
}
