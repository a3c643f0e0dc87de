/**
 * Azure public-cloud regions where Azure Databricks runs: [ARM name, display name, service-tag suffix].
 *
 * Sources (see README, "Regions"): the region list of the Microsoft Learn page "Azure Databricks regions"
 * (public cloud only: Azure China, Azure Government and the EUAP canary are left out); the suffixes are the
 * PascalCase forms every regional service tag of Microsoft's ServiceTags_Public.json uses for the region
 * (e.g. Storage.EastUS2, Sql.UKSouth); display names as `az account list-locations` prints them.
 */
export const REGION_ROWS: ReadonlyArray<readonly [string, string, string]> = [
  ['australiacentral', 'Australia Central', 'AustraliaCentral'],
  ['australiacentral2', 'Australia Central 2', 'AustraliaCentral2'],
  ['australiaeast', 'Australia East', 'AustraliaEast'],
  ['australiasoutheast', 'Australia Southeast', 'AustraliaSoutheast'],
  ['brazilsouth', 'Brazil South', 'BrazilSouth'],
  ['canadacentral', 'Canada Central', 'CanadaCentral'],
  ['canadaeast', 'Canada East', 'CanadaEast'],
  ['centralindia', 'Central India', 'CentralIndia'],
  ['centralus', 'Central US', 'CentralUS'],
  ['eastasia', 'East Asia', 'EastAsia'],
  ['eastus', 'East US', 'EastUS'],
  ['eastus2', 'East US 2', 'EastUS2'],
  ['francecentral', 'France Central', 'FranceCentral'],
  ['germanywestcentral', 'Germany West Central', 'GermanyWestCentral'],
  ['japaneast', 'Japan East', 'JapanEast'],
  ['japanwest', 'Japan West', 'JapanWest'],
  ['koreacentral', 'Korea Central', 'KoreaCentral'],
  ['mexicocentral', 'Mexico Central', 'MexicoCentral'],
  ['northcentralus', 'North Central US', 'NorthCentralUS'],
  ['northeurope', 'North Europe', 'NorthEurope'],
  ['norwayeast', 'Norway East', 'NorwayEast'],
  ['qatarcentral', 'Qatar Central', 'QatarCentral'],
  ['southafricanorth', 'South Africa North', 'SouthAfricaNorth'],
  ['southcentralus', 'South Central US', 'SouthCentralUS'],
  ['southeastasia', 'Southeast Asia', 'SoutheastAsia'],
  ['southindia', 'South India', 'SouthIndia'],
  ['swedencentral', 'Sweden Central', 'SwedenCentral'],
  ['switzerlandnorth', 'Switzerland North', 'SwitzerlandNorth'],
  ['switzerlandwest', 'Switzerland West', 'SwitzerlandWest'],
  ['uaenorth', 'UAE North', 'UAENorth'],
  ['uksouth', 'UK South', 'UKSouth'],
  ['ukwest', 'UK West', 'UKWest'],
  ['westcentralus', 'West Central US', 'WestCentralUS'],
  ['westeurope', 'West Europe', 'WestEurope'],
  ['westindia', 'West India', 'WestIndia'],
  ['westus', 'West US', 'WestUS'],
  ['westus2', 'West US 2', 'WestUS2'],
  ['westus3', 'West US 3', 'WestUS3'],
];
