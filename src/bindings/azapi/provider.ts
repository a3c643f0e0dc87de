import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { registerDefaultProvider } from '../default-provider';

/** The `azure/azapi` version constraint our bindings need (2.x; 2.0.1 made `azapi_resource_list` output the response by default). */
export const AZAPI_VERSION_CONSTRAINT = '>= 2.0.1, < 3.0.0';

/** Configuration of the azapi provider. Authentication uses the same `ARM_*` environment variables and Azure CLI login as azurerm. */
export interface AzapiProviderConfig {
  /**
   * Alias, for more than one azapi configuration in a stack.
   * @default - the default azapi provider
   */
  readonly alias?: string;
  /**
   * Subscription ID.
   * @default - from `ARM_SUBSCRIPTION_ID` or the Azure CLI
   */
  readonly subscriptionId?: string;
  /**
   * Tenant ID.
   * @default - from `ARM_TENANT_ID` or the Azure CLI
   */
  readonly tenantId?: string;
}

/**
 * The `azure/azapi` provider (2.x). A small binding of our own: cdktf has no prebuilt azapi binding.
 * Emits `required_providers.azapi = { source = "azure/azapi", version = ">= 2.0.1, < 3.0.0" }`.
 */
export class AzapiProvider extends TerraformProvider {
  /** The Terraform type of this provider. */
  public static readonly tfResourceType = 'azapi';

  private readonly config: AzapiProviderConfig;

  private _alias?: string;

  /** The provider alias. */
  public get alias(): string | undefined {
    return this._alias;
  }

  public set alias(value: string | undefined) {
    this._alias = value;
  }

  constructor(scope: Construct, id: string, config: AzapiProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'azapi',
      terraformGeneratorMetadata: { providerName: 'azapi', providerVersionConstraint: AZAPI_VERSION_CONSTRAINT },
      terraformProviderSource: 'azure/azapi',
    });
    this.config = config;
    this._alias = config.alias;
    registerDefaultProvider(this, config.alias);
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      alias: this._alias,
      subscription_id: this.config.subscriptionId,
      tenant_id: this.config.tenantId,
    };
  }
}
