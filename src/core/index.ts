// Public part of core; the validation and parsing helpers stay internal.
export { AzureRegions, AzureRegionInfo } from './regions';
