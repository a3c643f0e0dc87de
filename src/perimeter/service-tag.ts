import { Token } from 'cdktf';
import { AzureRegions, suggestRegions } from '../core/regions';

const DATABRICKS_SERVERLESS = 'AzureDatabricksServerless';
const TAG = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)?$/;

/**
 * An Azure service tag for network security perimeter inbound rules.
 */
export class ServiceTag {
  /**
   * The tag of Azure Databricks serverless compute: global (`AzureDatabricksServerless`) without a
   * region, or regional (`AzureDatabricksServerless.<Region>`, e.g. `AzureDatabricksServerless.UKSouth`)
   * from the region table. Prefer the regional tag: the global one admits serverless compute of every
   * Databricks region.
   *
   * @param region ARM or display name of a region where Azure Databricks runs; must be literal.
   */
  public static databricksServerless(region?: string): ServiceTag {
    if (region === undefined) {
      return new ServiceTag(DATABRICKS_SERVERLESS);
    }
    if (Token.isUnresolved(region)) {
      throw new Error(
        'ServiceTag.databricksServerless: invalid region (a token): the regional tag is chosen at synth from the region table. ' +
          'Fix: pass the region as a literal (e.g. "eastus2"), or call databricksServerless() for the global tag.',
      );
    }
    const found = AzureRegions.tryFind(region);
    if (!found) {
      throw new Error(
        `ServiceTag.databricksServerless: invalid region ${JSON.stringify(region)}: it is not an Azure region where Azure Databricks runs, ` +
          `so there is no regional tag to use. Fix: ${suggestRegions(region)}`,
      );
    }
    return new ServiceTag(`${DATABRICKS_SERVERLESS}.${found.serviceTagSuffix}`);
  }

  /**
   * Any other service tag, e.g. `Storage.WestEurope`. Write it exactly as Azure names it.
   */
  public static of(name: string): ServiceTag {
    if (!Token.isUnresolved(name) && !TAG.test(name)) {
      throw new Error(
        `ServiceTag.of: invalid name ${JSON.stringify(name)}: a service tag is a name with an optional ".<Region>" suffix, such as "AzureMonitor" or "Storage.WestEurope". ` +
          'Fix: use the tag name from Azure\'s service tag list.',
      );
    }
    return new ServiceTag(name);
  }

  /** The tag string, e.g. `AzureDatabricksServerless.EastUS2`. */
  public readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }

  /** Whether this is the Databricks serverless tag (global or regional). */
  public get isDatabricksServerless(): boolean {
    return this.name === DATABRICKS_SERVERLESS || this.name.startsWith(`${DATABRICKS_SERVERLESS}.`);
  }
}
