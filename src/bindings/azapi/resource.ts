import { Construct } from 'constructs';
import { AZAPI } from './provider';
import { BindingResource } from '../base';
import { BindingMetaConfig } from '../meta';

/** Configuration of {@link AzapiResource}. */
export interface AzapiResourceConfig extends BindingMetaConfig {
  /** Resource type and API version (`type`), e.g. `Microsoft.Databricks/workspaces@2026-01-01`. */
  readonly resourceType: string;
  /** The resource's name. Changing it replaces the resource. */
  readonly name: string;
  /** ID of the parent (e.g. a resource group's ID). Changing it replaces the resource. */
  readonly parentId: string;
  /** The location. Changing it replaces the resource. */
  readonly location: string;
  /** The resource's body (an HCL object: `properties`, `sku`, ...). */
  readonly body: { [key: string]: any };
  /**
   * Paths of the response to export as `output` (e.g. `properties.workspaceId`).
   * @default - none
   */
  readonly responseExportValues?: string[];
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** The `azapi_resource` resource (azapi 2.x): an Azure resource managed through its ARM API. */
export class AzapiResource extends BindingResource {
  /** The Terraform type of this resource. */
  public static readonly tfResourceType = 'azapi_resource';

  /** Resource type with API version. */
  public readonly resourceType: string;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform address, so keep it stable
   * @param config its arguments, as Terraform names them in camelCase
   */
  constructor(scope: Construct, id: string, config: AzapiResourceConfig) {
    super(scope, id, AzapiResource.tfResourceType, AZAPI, config, { resourceType: 'type' });
    this.resourceType = config.resourceType;
  }

  /** The resource's ARM ID (`id`). */
  public get id(): string {
    return this.getStringAttribute('id');
  }
}
