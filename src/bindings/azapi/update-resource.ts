import { Construct } from 'constructs';
import { AZAPI } from './provider';
import { BindingResource } from '../base';
import { BindingMetaConfig } from '../meta';

/** Configuration of {@link AzapiUpdateResource}. */
export interface AzapiUpdateResourceConfig extends BindingMetaConfig {
  /** Resource type and API version (`type`), e.g. `Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01`. */
  readonly resourceType: string;
  /** ID of the existing resource to update. Changing it replaces this Terraform resource. */
  readonly resourceId: string;
  /** The properties to set, merged into the resource's current body (an HCL object). */
  readonly body: { [key: string]: any };
}

/**
 * The `azapi_update_resource` resource (azapi 2.x): sets properties on a resource that Terraform does
 * not otherwise manage. Destroying it changes nothing in Azure.
 */
export class AzapiUpdateResource extends BindingResource {
  /** The Terraform type of this resource. */
  public static readonly tfResourceType = 'azapi_update_resource';

  /** Resource type with API version. */
  public readonly resourceType: string;
  /** ID of the updated resource. */
  public readonly resourceId: string;
  /** The body set on the resource. */
  public readonly body: { [key: string]: any };

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform address, so keep it stable
   * @param config its arguments, as Terraform names them in camelCase
   */
  constructor(scope: Construct, id: string, config: AzapiUpdateResourceConfig) {
    super(scope, id, AzapiUpdateResource.tfResourceType, AZAPI, config, { resourceType: 'type' });
    this.resourceType = config.resourceType;
    this.resourceId = config.resourceId;
    this.body = config.body;
  }
}
