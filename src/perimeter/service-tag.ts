import { Token } from 'cdktf';
import { AzureRegions, notDatabricksProblem, suggestRegions } from '../core/regions';
import { ValidationError } from '../core/validation';

const DATABRICKS_SERVERLESS = 'AzureDatabricksServerless';
const TAG = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)?$/;
/** The fix for a regional Databricks serverless tag of a region where Azure Databricks does not run. */
const TAG_FIX =
  'pick a region where Azure Databricks runs (AzureRegions.databricksRegions() lists them), or use the global tag databricksServerless(); ' +
  'to use a region newer than this table, pass the tag name to ServiceTag.of() as a token (a Terraform variable)';

/**
 * An Azure service tag for network security perimeter inbound rules.
 */
export class ServiceTag {
  /**
   * The tag of Azure Databricks serverless compute: global (`AzureDatabricksServerless`) without a
   * region, or regional (`AzureDatabricksServerless.<Region>`, e.g. `AzureDatabricksServerless.UKSouth`)
   * from the region table. Prefer the regional tag: the global one admits serverless compute of every
   * Databricks region. Regional tags exist only for regions where Azure Databricks runs
   * (`AzureRegions.databricksRegions()`); any other region is an error.
   *
   * @param region ARM or display name of a region where Azure Databricks runs; must be literal.
   */
  public static databricksServerless(region?: string): ServiceTag {
    if (region === undefined) {
      return new ServiceTag(DATABRICKS_SERVERLESS);
    }
    if (Token.isUnresolved(region)) {
      throw new ValidationError('ServiceTag.databricksServerless', 'region', 'a token', 'the regional tag is chosen at synth from the region table',
        'pass the region as a literal (e.g. "eastus2"), or call databricksServerless() for the global tag.');
    }
    const found = AzureRegions.tryFind(region);
    if (!found) {
      throw new ValidationError('ServiceTag.databricksServerless', 'region', region,
        'it is not an Azure region where Azure Databricks runs, so there is no regional tag to use', suggestRegions(region, true));
    }
    if (!found.databricks) {
      throw new ValidationError('ServiceTag.databricksServerless', 'region', region,
        `${notDatabricksProblem(found)}, so there is no ${DATABRICKS_SERVERLESS}.${found.serviceTagSuffix} tag`, `${TAG_FIX}.`);
    }
    return new ServiceTag(`${DATABRICKS_SERVERLESS}.${found.serviceTagSuffix}`);
  }

  /**
   * Any other service tag, e.g. `Storage.WestEurope`. Write it exactly as Azure names it.
   * A literal `AzureDatabricksServerless.<Region>` naming a region of the table where Azure Databricks
   * does not run is an error (that tag does not exist); a token is not checked.
   */
  public static of(name: string): ServiceTag {
    if (Token.isUnresolved(name)) {
      return new ServiceTag(name);
    }
    if (!TAG.test(name)) {
      throw new ValidationError('ServiceTag.of', 'name', name,
        'a service tag is a name with an optional ".<Region>" suffix, such as "AzureMonitor" or "Storage.WestEurope"', 'use the tag name from Azure\'s service tag list.');
    }
    const [service, suffix] = name.split('.');
    const region = suffix === undefined ? undefined : AzureRegions.tryFind(suffix);
    if (service.toLowerCase() === DATABRICKS_SERVERLESS.toLowerCase() && region && !region.databricks) {
      throw new ValidationError('ServiceTag.of', 'name', name, `${notDatabricksProblem(region)}, so there is no regional ${DATABRICKS_SERVERLESS} tag for it`, `${TAG_FIX}.`);
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
