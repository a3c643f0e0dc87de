/**
 * What serverless compute may reach outside the destinations a network policy allows.
 */
export class EgressAccess {
  /**
   * Only the destinations the policy allows, plus Unity Catalog external locations and connections
   * (allowed automatically) and the Databricks services serverless compute needs. Package repositories
   * (PyPI, Maven) are blocked unless listed.
   */
  public static readonly RESTRICTED = new EgressAccess('RESTRICTED_ACCESS');
  /** Any destination on the internet and any storage account: no egress control. */
  public static readonly FULL = new EgressAccess('FULL_ACCESS');

  /** The `restriction_mode` value. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/** A serverless product that a dry-run policy can be limited to. */
export class DryRunProduct {
  /** Databricks SQL (serverless SQL warehouses). */
  public static readonly DBSQL = new DryRunProduct('DBSQL');
  /** Model Serving. */
  public static readonly ML_SERVING = new DryRunProduct('ML_SERVING');

  /** The `dry_run_mode_product_filter` value. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }
}

/**
 * Whether a restricted policy blocks what it does not allow, or only logs it (to
 * `system.access.outbound_network`). Roll out with a dry run, read the log, then enforce.
 */
export class EgressEnforcement {
  /** Denied connections are blocked (and logged). */
  public static readonly ENFORCED = new EgressEnforcement('ENFORCED', []);

  /**
   * Denied connections are only logged, not blocked.
   *
   * @param products the products to dry-run; the others are enforced. None: every product dry-runs.
   */
  public static dryRun(...products: DryRunProduct[]): EgressEnforcement {
    return new EgressEnforcement('DRY_RUN', products);
  }

  /** The `enforcement_mode` value. */
  public readonly mode: string;
  /** The products that dry-run (empty: all of them). */
  public readonly dryRunProducts: DryRunProduct[];

  private constructor(mode: string, dryRunProducts: DryRunProduct[]) {
    this.mode = mode;
    this.dryRunProducts = dryRunProducts;
  }
}
