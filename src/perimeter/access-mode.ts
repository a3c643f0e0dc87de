/**
 * How a network security perimeter treats an associated resource.
 */
export class NspAccessMode {
  /**
   * Learning (shown as "Transition" in the Azure portal): the perimeter's inbound rules are added to
   * the resource's own firewall; nothing that worked before is blocked. Databricks requires it for
   * storage reached through the `AzureDatabricksServerless` service tag.
   */
  public static readonly LEARNING = new NspAccessMode('Learning');
  /** Audit: logs what the perimeter would decide, enforces nothing. */
  public static readonly AUDIT = new NspAccessMode('Audit');
  /** Enforced: only the perimeter's rules admit traffic; public and trusted-service access is blocked. */
  public static readonly ENFORCED = new NspAccessMode('Enforced');

  /** The `access_mode` value. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}
