import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { REGION_ROWS } from './region-data';
import { invalidProp } from './validation';

/**
 * An Azure public-cloud region where Azure Databricks runs.
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
}

const REGIONS: AzureRegionInfo[] = REGION_ROWS.map(([name, displayName, serviceTagSuffix]) => ({
  name,
  displayName,
  serviceTagSuffix,
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
 * The table of Azure public regions where Azure Databricks runs, with their ARM names,
 * display names and service-tag suffixes.
 */
export class AzureRegions {
  /** Every region in the table, sorted by ARM name. */
  public static all(): AzureRegionInfo[] {
    return REGIONS.map((r) => ({ ...r }));
  }

  /**
   * Finds a region by ARM name or display name, ignoring case, spaces and hyphens
   * (`eastus2`, `East US 2` and `EASTUS2` all find `eastus2`).
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
      throw new Error(`Unknown Azure Databricks region ${JSON.stringify(region)}. ${suggestRegions(region)}`);
    }
    return found;
  }

  /**
   * Normalises a region to its ARM name (`East US 2` -> `eastus2`). Tokens pass through unchanged.
   * Throws like {@link find} for an unknown literal region.
   */
  public static normalize(region: string): string {
    if (Token.isUnresolved(region)) {
      return region;
    }
    return AzureRegions.find(region).name;
  }
}

/** "Did you mean ..." text naming the closest known regions. */
export function suggestRegions(input: string): string {
  const k = key(input);
  const scored = REGIONS.map((r) => ({
    r,
    d: Math.min(distance(k, key(r.name)), distance(k, key(r.displayName))),
  })).sort((a, b) => a.d - b.d || a.r.name.localeCompare(b.r.name));
  const close = scored.slice(0, 3).map((s) => `${s.r.name} (${s.r.displayName})`);
  return `Did you mean ${close.join(', ')}? Use the ARM region name or display name of a region where Azure Databricks runs.`;
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

/** Normalises a literal region prop to its ARM name, or throws naming the property and the closest regions. Tokens pass through. */
export function normaliseRegion(scope: IConstruct, prop: string, region: string): string {
  if (Token.isUnresolved(region)) {
    return region;
  }
  const found = AzureRegions.tryFind(region);
  if (!found) {
    invalidProp(scope, prop, region, 'it is not an Azure region where Azure Databricks runs', suggestRegions(region));
  }
  return found.name;
}
