/**
 * The two ends of the provider version ranges the library declares: every stack the tests validate or
 * plan with real Terraform is checked at both, against stand-in providers serving that end's schemas.
 */

export type End = 'oldest' | 'newest' | 'azurerm5';

/** The two ends every validate, plan and apply runs at. */
export const ENDS: readonly End[] = ['oldest', 'newest'];

/**
 * Every end the stand-in serves: the two ends, and `azurerm5`, the newest end with azurerm 5.x, for the
 * tests that move a state to azurerm 5 (a provider upgrade). No generated package of azurerm 5.x exists:
 * its schema is the newest end's azurerm cut to the names azurerm 5.2.0 has for the types the library
 * and its examples emit and for the provider block (schemas/azurerm-5x.json, recorded from upstream
 * source), with 5.x's value rules; every other azurerm type is served as at the newest end.
 */
export const ALL_ENDS: readonly End[] = [...ENDS, 'azurerm5'];

/** A provider package whose generated code gives a provider's schema. */
export interface SchemaPackage {
  /** npm name. */
  readonly name: string;
  /** npm version. */
  readonly version: string;
  /**
   * `installed`: a dev dependency, read from node_modules. `tarball`: fetched with `npm pack` into the
   * cache (its peer ranges do not resolve here, so it cannot be a dependency); only its generated
   * schema code is read, it is never loaded.
   */
  readonly from: 'installed' | 'tarball';
}

export interface EndSpec {
  /** The provider versions served at this end. */
  readonly versions: { readonly azurerm: string; readonly databricks: string; readonly azapi: string; readonly time: string };
  /** Where azurerm's and databricks's schemas come from (azapi and time: `schemas/supplement.json`). */
  readonly packages: { readonly azurerm: SchemaPackage; readonly databricks: SchemaPackage };
  /** The end whose per-end records (behaviours, validations, known attributes) this end takes. */
  readonly recordsOf?: End;
  /** azurerm served as 5.x: the package's azurerm cut to schemas/azurerm-5x.json. */
  readonly azurerm5x?: boolean;
}

/** The cdktn azurerm package: the newest end's azurerm, and the NSP types at both ends. */
export const CDKTN_AZURERM: SchemaPackage = { name: '@cdktn/provider-azurerm', version: '16.1.0', from: 'tarball' };

export const END_SPECS: Record<End, EndSpec> = {
  oldest: {
    versions: { azurerm: '4.55.0', databricks: '1.99.0', azapi: '2.0.1', time: '0.9.0' },
    packages: {
      azurerm: { name: '@cdktf/provider-azurerm', version: '14.23.1', from: 'installed' },
      databricks: { name: '@cdktf/provider-databricks', version: '15.16.1', from: 'installed' },
    },
  },
  newest: {
    versions: { azurerm: '4.73.0', databricks: '1.132.0', azapi: '2.12.0', time: '0.14.0' },
    packages: {
      azurerm: CDKTN_AZURERM,
      databricks: { name: '@cdktn/provider-databricks', version: '18.7.0', from: 'tarball' },
    },
  },
  azurerm5: {
    versions: { azurerm: '5.2.0', databricks: '1.132.0', azapi: '2.12.0', time: '0.14.0' },
    packages: {
      azurerm: CDKTN_AZURERM,
      databricks: { name: '@cdktn/provider-databricks', version: '18.7.0', from: 'tarball' },
    },
    recordsOf: 'newest',
    azurerm5x: true,
  },
};

/** The end whose per-end records an end takes (itself, or e.g. `newest` for `azurerm5`). */
export function recordsEnd(end: End): End {
  return END_SPECS[end].recordsOf ?? end;
}

/**
 * azurerm types served from the cdktn package at both ends. azurerm 4.55 has none of them; upstream
 * their schema is byte-identical from 4.58.0 through 5.2.0, and the library raises the azurerm floor
 * of a stack that uses them.
 */
export const NSP_TYPES = [
  'azurerm_network_security_perimeter',
  'azurerm_network_security_perimeter_profile',
  'azurerm_network_security_perimeter_access_rule',
  'azurerm_network_security_perimeter_association',
] as const;

/** E.g. `oldest end (azurerm 4.55.0, databricks 1.99.0, azapi 2.0.1, time 0.9.0)`. */
export function endLabel(end: End): string {
  const v = END_SPECS[end].versions;
  return `${end} end (azurerm ${v.azurerm}${END_SPECS[end].azurerm5x ? ' as recorded' : ''}, databricks ${v.databricks}, azapi ${v.azapi}, time ${v.time})`;
}

/** The environment variable holding an end's TF_REATTACH_PROVIDERS (set by the jest global setup). */
export function reattachVariable(end: End): string {
  return `TF_REATTACH_PROVIDERS_${end.toUpperCase()}`;
}

/** The environment variable holding the folder where the harness asks an end's stand-in for schema subsets. */
export function subsetsVariable(end: End): string {
  return `STANDIN_SUBSETS_${end.toUpperCase()}`;
}

/** The environment variable holding the path of an end's served schema file (set by the jest global setup). */
export function schemaVariable(end: End): string {
  return `STANDIN_SCHEMAS_${end.toUpperCase()}`;
}

/** -1, 0 or 1 for dotted numeric versions (`2.0.1` < `2.12.0`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
