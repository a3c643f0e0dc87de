import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { DATABRICKS_REGION_NAMES, DATABRICKS_REGIONS_SOURCE, REGION_ROWS } from './region-data';
import { invalidProp, ValidationError } from './validation';

/**
 * An Azure public-cloud region known to the library's region table.
 */
export interface AzureRegionInfo {
  /** ARM name, lowercase, as `azurerm_*.location` returns it (e.g. `eastus2`). */
  readonly name: string;
  /** Display name as the Azure portal shows it (e.g. `East US 2`). */
  readonly displayName: string;
  /**
   * The PascalCase form Azure uses in regional service tags
   * (e.g. `EastUS2`, `UKSouth`, as in `AzureDatabricksServerless.EastUS2`).
   */
  readonly serviceTagSuffix: string;
  /**
   * Whether Azure Databricks runs in the region (it is on Microsoft Learn's "Azure Databricks regions"
   * page). Only such a region may hold an NCC or a workspace, and only it has a regional
   * `AzureDatabricksServerless.<serviceTagSuffix>` tag; any region may hold a storage account or a
   * network security perimeter.
   */
  readonly databricks: boolean;
}

const DATABRICKS = new Set(DATABRICKS_REGION_NAMES);

const REGIONS: AzureRegionInfo[] = REGION_ROWS.map(([name, displayName, serviceTagSuffix]) => ({
  name,
  displayName,
  serviceTagSuffix,
  databricks: DATABRICKS.has(name),
}));

/** Lookup key: lowercase letters and digits only ("East US 2", "EASTUS2", "east-us-2" -> "eastus2"). */
function key(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BY_KEY = new Map<string, AzureRegionInfo>();
for (const region of REGIONS) {
  BY_KEY.set(key(region.name), region);
  BY_KEY.set(key(region.displayName), region);
}

/**
 * The table of Azure public regions, with their ARM names, display names, service-tag suffixes and
 * whether Azure Databricks runs there.
 *
 * `find`, `tryFind` and `normalize` know every region of the table; `databricksRegions()` (or the
 * `databricks` field of a region) tells which ones Azure Databricks runs in.
 */
export class AzureRegions {
  /** Every region in the table, Databricks regions or not, sorted by ARM name. */
  public static all(): AzureRegionInfo[] {
    return REGIONS.map((r) => ({ ...r }));
  }

  /**
   * The regions where Azure Databricks runs (those with `databricks: true`), sorted by ARM name:
   * the regions an NCC or a workspace may name, and the ones with a regional
   * `AzureDatabricksServerless.<Region>` service tag.
   */
  public static databricksRegions(): AzureRegionInfo[] {
    return REGIONS.filter((r) => r.databricks).map((r) => ({ ...r }));
  }

  /**
   * Finds a region by ARM name or display name, ignoring case, spaces and hyphens
   * (`eastus2`, `East US 2` and `EASTUS2` all find `eastus2`). Finds every region of the table;
   * check `databricks` to know whether Azure Databricks runs there.
   *
   * @returns the region, or `undefined` when it is not in the table
   */
  public static tryFind(region: string): AzureRegionInfo | undefined {
    const found = BY_KEY.get(key(region));
    return found ? { ...found } : undefined;
  }

  /**
   * Finds a region like {@link tryFind}, and throws an error that suggests the closest known
   * names when it is not in the table.
   */
  public static find(region: string): AzureRegionInfo {
    const found = AzureRegions.tryFind(region);
    if (!found) {
      throw new ValidationError('AzureRegions.find', 'region', region, 'not an Azure region of the table', suggestRegions(region));
    }
    return found;
  }

  /**
   * Normalises a region to its ARM name (`East US 2` -> `eastus2`). Tokens pass through unchanged.
   * Throws like {@link find} for an unknown literal region; does not check that Azure Databricks runs there.
   */
  public static normalize(region: string): string {
    if (Token.isUnresolved(region)) {
      return region;
    }
    return AzureRegions.find(region).name;
  }
}

/**
 * "Did you mean ..." text naming the closest known regions: among the Databricks regions only when
 * `databricksOnly`, else among the whole table.
 */
export function suggestRegions(input: string, databricksOnly = false): string {
  const k = key(input);
  const pool = databricksOnly ? REGIONS.filter((r) => r.databricks) : REGIONS;
  const scored = pool.map((r) => ({
    r,
    d: Math.min(distance(k, key(r.name)), distance(k, key(r.displayName))),
  })).sort((a, b) => a.d - b.d || a.r.name.localeCompare(b.r.name));
  const close = scored.slice(0, 3).map((s) => `${s.r.name} (${s.r.displayName})`);
  const what = databricksOnly ? 'a region where Azure Databricks runs' : 'an Azure region';
  return `Did you mean ${close.join(', ')}? Use the ARM region name or display name of ${what}, ` +
    'or pass the region as a token (a Terraform variable) to use a region newer than this table.';
}

/** Levenshtein edit distance. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** Why a region of the table that is not a Databricks region is refused (the `problem` of {@link invalidProp}). */
export function notDatabricksProblem(region: AzureRegionInfo): string {
  return `${region.name} is an Azure region but Azure Databricks does not run there (${DATABRICKS_REGIONS_SOURCE})`;
}

/** How to fix it (the `fix` of {@link invalidProp}). */
export const NOT_DATABRICKS_FIX =
  'pick a region where Azure Databricks runs (AzureRegions.databricksRegions() lists them), ' +
  'or pass the region as a token (a Terraform variable) to use a region newer than this table';

/**
 * Normalises a literal region prop to its ARM name, or throws naming the property and the closest regions.
 * Any Azure region of the table is accepted (a storage account or a perimeter may live anywhere); use
 * {@link normaliseDatabricksRegion} for what must be a Databricks region. Tokens pass through.
 */
export function normaliseRegion(scope: IConstruct, prop: string, region: string): string {
  if (Token.isUnresolved(region)) {
    return region;
  }
  const found = AzureRegions.tryFind(region);
  if (!found) {
    invalidProp(scope, prop, region, 'it is not an Azure region known to this library', suggestRegions(region));
  }
  return found.name;
}

/**
 * Normalises a literal region prop that must be an Azure Databricks region (an NCC's, a workspace's) to
 * its ARM name. Throws naming the property for an unknown region (suggesting close Databricks regions)
 * and for an Azure region where Azure Databricks does not run. Tokens pass through unchecked.
 */
export function normaliseDatabricksRegion(scope: IConstruct, prop: string, region: string): string {
  if (Token.isUnresolved(region)) {
    return region;
  }
  const found = AzureRegions.tryFind(region);
  if (!found) {
    invalidProp(scope, prop, region, 'it is not an Azure region where Azure Databricks runs', suggestRegions(region, true));
  }
  if (!found.databricks) {
    invalidProp(scope, prop, region, notDatabricksProblem(found), NOT_DATABRICKS_FIX);
  }
  return found.name;
}
