import { Construct } from 'constructs';
import { constraintFor, PROVIDER_RANGES } from '../../core/provider-versions';
import { BindingProvider, BindingProviderSpec } from '../base';

/** The azapi provider as our bindings declare it (range and reasons in `core/provider-versions.ts`). */
export const AZAPI: BindingProviderSpec = { name: 'azapi', source: PROVIDER_RANGES.azapi.source, versionConstraint: constraintFor('azapi') };

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
export class AzapiProvider extends BindingProvider {
  /** The Terraform type of this provider. */
  public static readonly tfResourceType = AZAPI.name;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform address, so keep it stable
   * @param config its arguments, as Terraform names them in camelCase
   */
  constructor(scope: Construct, id: string, config: AzapiProviderConfig = {}) {
    super(scope, id, AZAPI, config);
  }
}
