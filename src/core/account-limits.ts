import { IConstruct } from 'constructs';
import { invalidProp } from './validation';

/**
 * Databricks account limits that the library warns about. Databricks documents them per cloud and
 * may change them; override them when your account has other values.
 */
export interface DatabricksAccountLimits {
  /**
   * NCCs per region per account.
   * @default 10
   */
  readonly maxNccsPerRegion?: number;
  /**
   * Workspaces bound to one NCC.
   * @default 50
   */
  readonly maxWorkspacesPerNcc?: number;
  /**
   * Private endpoints per region, across all NCCs of the account.
   * @default 100
   */
  readonly maxPrivateEndpointsPerRegion?: number;
  /**
   * Private endpoint rules of one NCC that Terraform creates at the same time. Creating many rules in
   * parallel has hit Databricks API throttling, so each rule waits (`depends_on`) for the rule this
   * many places before it on the same NCC. Changing it changes only dependencies, never resources.
   * @default 5
   */
  readonly maxParallelRuleCreations?: number;
}

/** The account limits with every value set. */
export type ResolvedAccountLimits = Required<DatabricksAccountLimits>;

/** The defaults, the one place they are written. */
export const DEFAULT_ACCOUNT_LIMITS: ResolvedAccountLimits = {
  maxNccsPerRegion: 10,
  maxWorkspacesPerNcc: 50,
  maxPrivateEndpointsPerRegion: 100,
  maxParallelRuleCreations: 5,
};

/** Fills in the defaults and checks the values; once per NCC (created or imported). */
export function resolveAccountLimits(scope: IConstruct, limits: DatabricksAccountLimits = {}): ResolvedAccountLimits {
  const resolved = { ...DEFAULT_ACCOUNT_LIMITS, ...limits };
  const parallel = resolved.maxParallelRuleCreations;
  if (!Number.isInteger(parallel) || parallel < 1) {
    invalidProp(scope, 'accountLimits.maxParallelRuleCreations', parallel, 'expected a whole number >= 1', 'use e.g. 5 (the default), or 1 to create rules one by one');
  }
  return resolved;
}

/** A limit of an NCC: the value it resolved, or the default for an NCC implemented elsewhere. */
export function accountLimit(limits: DatabricksAccountLimits, key: keyof DatabricksAccountLimits): number {
  return limits[key] ?? DEFAULT_ACCOUNT_LIMITS[key];
}
