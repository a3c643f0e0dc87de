import { IResolvable } from 'cdktf';
import { Construct } from 'constructs';
import { AZAPI } from './provider';
import { BindingDataSource } from '../base';
import { BindingMetaConfig } from '../meta';

/** Configuration of {@link DataAzapiResourceList}. */
export interface DataAzapiResourceListConfig extends BindingMetaConfig {
  /** The child resource type and API version to list (`type`), e.g. `Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01`. */
  readonly resourceType: string;
  /** ID of the parent resource whose children are listed. */
  readonly parentId: string;
  /**
   * The parts of the response to put in `output` (`["value"]` gives `output.value`, the list), whatever the
   * provider's `disable_default_output` says.
   * @default - the whole response, unless default output is disabled (then nothing)
   */
  readonly responseExportValues?: string[];
}

/**
 * The `azapi_resource_list` data source (azapi 2.x): lists the child resources of a type under a
 * parent. `output.value` is the list when `response_export_values = ["value"]`, or, without it, when the
 * provider's default output is on (`disable_default_output`, `ARM_DISABLE_DEFAULT_OUTPUT`).
 */
export class DataAzapiResourceList extends BindingDataSource {
  /** The Terraform type of this data source. */
  public static readonly tfResourceType = 'azapi_resource_list';

  /** The listed type with API version. */
  public readonly resourceType: string;
  /** The parent resource ID. */
  public readonly parentId: string;
  /** The exported parts of the response. */
  public readonly responseExportValues?: string[];

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform address, so keep it stable
   * @param config its arguments, as Terraform names them in camelCase
   */
  constructor(scope: Construct, id: string, config: DataAzapiResourceListConfig) {
    super(scope, id, DataAzapiResourceList.tfResourceType, AZAPI, config, { resourceType: 'type' });
    this.resourceType = config.resourceType;
    this.parentId = config.parentId;
    this.responseExportValues = config.responseExportValues;
  }

  /** The response, as a dynamic value (`output.value` is the list of children). */
  public get output(): IResolvable {
    return this.interpolationForAttribute('output');
  }
}
