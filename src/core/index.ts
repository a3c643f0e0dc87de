// Public part of core; the validation and parsing helpers stay internal.
export { AzureRegions } from './regions';
export type { AzureRegionInfo } from './regions';
export type { DatabricksAccountLimits } from './account-limits';
