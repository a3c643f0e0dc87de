/**
 * How Databricks serverless compute reaches a storage account.
 */
export class StorageAccess {
  /**
   * NCC private endpoint rules (blob and dfs by default), approved on the account; public network
   * access disabled. Dedicated to your Databricks account. Billed per endpoint-hour. The default.
   */
  public static readonly PRIVATE_ENDPOINTS = new StorageAccess('PRIVATE_ENDPOINTS', true, false);
  /**
   * Service endpoints admitted by a network security perimeter (Learning mode) that allows the regional
   * `AzureDatabricksServerless.<Region>` tag; public network access enabled with the firewall denying by
   * default. No endpoint charge, but the tag admits every Databricks customer's serverless compute in
   * the region.
   */
  public static readonly SERVICE_TAG = new StorageAccess('SERVICE_TAG', false, true);
  /**
   * Both paths: private endpoints, and the service-tag path through the perimeter. Public network
   * access stays enabled (firewall denying by default) so the tag path works.
   */
  public static readonly PRIVATE_ENDPOINTS_AND_SERVICE_TAG = new StorageAccess('PRIVATE_ENDPOINTS_AND_SERVICE_TAG', true, true);

  /** The model's name. */
  public readonly name: string;
  /** Whether NCC private endpoint rules are created. */
  public readonly usesPrivateEndpoints: boolean;
  /** Whether the account joins a perimeter that allows the Databricks serverless service tag. */
  public readonly usesServiceTag: boolean;

  private constructor(name: string, usesPrivateEndpoints: boolean, usesServiceTag: boolean) {
    this.name = name;
    this.usesPrivateEndpoints = usesPrivateEndpoints;
    this.usesServiceTag = usesServiceTag;
  }
}
