import { MwsNetworkConnectivityConfig } from '@cdktf/provider-databricks/lib/mws-network-connectivity-config';
import { TerraformProvider, TerraformResource, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { PrivateEndpointRule, PrivateEndpointRuleOptions } from './private-endpoint-rule';
import { NccWorkspaceBinding, NccWorkspaceBindingOptions } from './workspace-binding';
import type { ConstructCheckFacts } from '../checks/facts';
import { useChecks } from '../checks/pack';
import { DatabricksAccountLimits, resolveAccountLimits } from '../core/account-limits';
import { checkAccountProvider } from '../core/account-provider';
import { openCreationStackScope } from '../core/creation-stacks';
import { requireProvider } from '../core/provider-requirements';
import { normaliseDatabricksRegion } from '../core/regions';
import { invalidProp } from '../core/validation';

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
  /** The account limits the library warns about for this NCC, with the defaults filled in. */
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
   * Azure region of the NCC: an ARM name (`eastus2`) or display name (`East US 2`) of a region where
   * Azure Databricks runs (`AzureRegions.databricksRegions()`), normalised to the ARM name; any other
   * literal region is an error, a token is not checked. It must be the region of every workspace bound
   * to the NCC. Changing it replaces the NCC.
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

/** Attributes of an existing NCC, for {@link NetworkConnectivityConfig.fromNetworkConnectivityConfigAttributes}. */
export interface NetworkConnectivityConfigAttributes {
  /** The NCC's ID (`network_connectivity_config_id`). */
  readonly networkConnectivityConfigId: string;
  /** The NCC's region (ARM or display name; normalised). */
  readonly region: string;
  /**
   * The account-level Databricks provider that manages the NCC's bindings and rules.
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

/** What NCCs created in this app and imported NCCs share: workspace bindings and private endpoint rules. */
abstract class NetworkConnectivityConfigBase extends Construct implements INetworkConnectivityConfig {
  public abstract readonly networkConnectivityConfigId: string;
  public abstract readonly region: string;
  public abstract readonly accountProvider?: TerraformProvider;
  public readonly accountLimits: DatabricksAccountLimits;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param accountLimits the Databricks account limits the checks use (defaults filled in)
   */
  protected constructor(scope: Construct, id: string, accountLimits?: DatabricksAccountLimits) {
    super(scope, id);
    this.accountLimits = resolveAccountLimits(this, accountLimits);
    useChecks(this);
  }

  public bindWorkspace(id: string, options: NccWorkspaceBindingOptions): NccWorkspaceBinding {
    return new NccWorkspaceBinding(this, id, { ...options, networkConnectivityConfig: this });
  }

  public addPrivateEndpointRule(id: string, options: PrivateEndpointRuleOptions): PrivateEndpointRule {
    return new PrivateEndpointRule(this, id, { ...options, networkConnectivityConfig: this });
  }

  /** Tells the checks (ADBS-LIMIT-*) the NCC's region and limits, which its Terraform JSON does not hold. @internal */
  public _checkFacts(): ConstructCheckFacts {
    // Keyed by its resource when created here, by its literal ID when imported.
    const created = (this as { resource?: TerraformResource }).resource;
    const region = Token.isUnresolved(this.region) ? undefined : this.region;
    return { ncc: { key: created ?? this.networkConnectivityConfigId, region, limits: this.accountLimits } };
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
  /** Imports an existing NCC, to bind workspaces or add rules to it. */
  public static fromNetworkConnectivityConfigAttributes(
    scope: Construct,
    id: string,
    attrs: NetworkConnectivityConfigAttributes,
  ): INetworkConnectivityConfig {
    return new ImportedNetworkConnectivityConfig(scope, id, attrs);
  }

  /** The NCC's ID. */
  public readonly networkConnectivityConfigId: string;
  /** The NCC's region, normalised to the ARM name (or the token given). */
  public readonly region: string;
  /** The NCC's name. */
  public readonly name: string;
  public readonly accountProvider?: TerraformProvider;
  /** The underlying `databricks_mws_network_connectivity_config` resource. */
  public readonly resource: MwsNetworkConnectivityConfig;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param props its configuration
   */
  constructor(scope: Construct, id: string, props: NetworkConnectivityConfigProps) {
    super(scope, id, props.accountLimits);
    const stacks = openCreationStackScope(this);
    try {
      validateName(this, props.name);
      this.region = normaliseDatabricksRegion(this, 'region', props.region);
      this.name = props.name;
      this.accountProvider = props.accountProvider;
      checkAccountProvider(this, props.accountProvider);

      requireProvider(this, 'databricks');
      this.resource = new MwsNetworkConnectivityConfig(this, 'Resource', {
        name: props.name,
        region: this.region,
        provider: props.accountProvider,
      });
      this.networkConnectivityConfigId = this.resource.networkConnectivityConfigId;
    } finally {
      stacks.close();
    }
  }
}

/** An NCC created elsewhere. */
class ImportedNetworkConnectivityConfig extends NetworkConnectivityConfigBase {
  public readonly networkConnectivityConfigId: string;
  public readonly region: string;
  public readonly accountProvider?: TerraformProvider;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param attrs what is known of the existing object
   */
  constructor(scope: Construct, id: string, attrs: NetworkConnectivityConfigAttributes) {
    super(scope, id, attrs.accountLimits);
    const nccId = attrs.networkConnectivityConfigId;
    if (!Token.isUnresolved(nccId) && nccId.trim().length === 0) {
      invalidProp(this, 'networkConnectivityConfigId', nccId, 'the NCC ID is empty', 'pass the network_connectivity_config_id of the existing NCC');
    }
    this.networkConnectivityConfigId = nccId;
    this.region = normaliseDatabricksRegion(this, 'region', attrs.region);
    this.accountProvider = attrs.accountProvider;
    checkAccountProvider(this, attrs.accountProvider);
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
