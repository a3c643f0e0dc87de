/**
 * Azure public-cloud regions for Azure Databricks serverless networking: [ARM name, display name, service-tag suffix].
 *
 * Sources (see README, "Regions"): the suffix is the PascalCase region name every regional service tag uses
 * (`AzureDatabricksServerless.<Suffix>` is a network security perimeter service tag, listed by
 * `az network perimeter service-tag list`; the suffixes here were taken from the regional `Storage.<Suffix>`
 * tags of Microsoft's ServiceTags_Public.json, change number 376, and DenmarkEast from change number 398);
 * the regions are the public physical regions of `az account list-locations` that have regional service
 * tags, without the EUAP canary, staging and restricted regions (Azure China and Government are separate
 * clouds); display names as `az account list-locations` prints them. 38 of them are on Microsoft Learn's
 * "Azure Databricks regions" page; the other 20 (austriaeast ... uaecentral) were added for their
 * regional service tags.
 */
export const REGION_ROWS: ReadonlyArray<readonly [string, string, string]> = [
  ['australiacentral', 'Australia Central', 'AustraliaCentral'],
  ['australiacentral2', 'Australia Central 2', 'AustraliaCentral2'],
  ['australiaeast', 'Australia East', 'AustraliaEast'],
  ['australiasoutheast', 'Australia Southeast', 'AustraliaSoutheast'],
  ['austriaeast', 'Austria East', 'AustriaEast'],
  ['belgiumcentral', 'Belgium Central', 'BelgiumCentral'],
  ['brazilsouth', 'Brazil South', 'BrazilSouth'],
  ['brazilsoutheast', 'Brazil Southeast', 'BrazilSoutheast'],
  ['canadacentral', 'Canada Central', 'CanadaCentral'],
  ['canadaeast', 'Canada East', 'CanadaEast'],
  ['centralindia', 'Central India', 'CentralIndia'],
  ['centralus', 'Central US', 'CentralUS'],
  ['chilecentral', 'Chile Central', 'ChileCentral'],
  ['denmarkeast', 'Denmark East', 'DenmarkEast'],
  ['eastasia', 'East Asia', 'EastAsia'],
  ['eastus', 'East US', 'EastUS'],
  ['eastus2', 'East US 2', 'EastUS2'],
  ['francecentral', 'France Central', 'FranceCentral'],
  ['francesouth', 'France South', 'FranceSouth'],
  ['germanynorth', 'Germany North', 'GermanyNorth'],
  ['germanywestcentral', 'Germany West Central', 'GermanyWestCentral'],
  ['indonesiacentral', 'Indonesia Central', 'IndonesiaCentral'],
  ['israelcentral', 'Israel Central', 'IsraelCentral'],
  ['italynorth', 'Italy North', 'ItalyNorth'],
  ['japaneast', 'Japan East', 'JapanEast'],
  ['japanwest', 'Japan West', 'JapanWest'],
  ['jioindiacentral', 'Jio India Central', 'JioIndiaCentral'],
  ['jioindiawest', 'Jio India West', 'JioIndiaWest'],
  ['koreacentral', 'Korea Central', 'KoreaCentral'],
  ['koreasouth', 'Korea South', 'KoreaSouth'],
  ['malaysiawest', 'Malaysia West', 'MalaysiaWest'],
  ['mexicocentral', 'Mexico Central', 'MexicoCentral'],
  ['newzealandnorth', 'New Zealand North', 'NewZealandNorth'],
  ['northcentralus', 'North Central US', 'NorthCentralUS'],
  ['northeurope', 'North Europe', 'NorthEurope'],
  ['norwayeast', 'Norway East', 'NorwayEast'],
  ['norwaywest', 'Norway West', 'NorwayWest'],
  ['polandcentral', 'Poland Central', 'PolandCentral'],
  ['qatarcentral', 'Qatar Central', 'QatarCentral'],
  ['southafricanorth', 'South Africa North', 'SouthAfricaNorth'],
  ['southafricawest', 'South Africa West', 'SouthAfricaWest'],
  ['southcentralus', 'South Central US', 'SouthCentralUS'],
  ['southeastasia', 'Southeast Asia', 'SoutheastAsia'],
  ['southindia', 'South India', 'SouthIndia'],
  ['spaincentral', 'Spain Central', 'SpainCentral'],
  ['swedencentral', 'Sweden Central', 'SwedenCentral'],
  ['switzerlandnorth', 'Switzerland North', 'SwitzerlandNorth'],
  ['switzerlandwest', 'Switzerland West', 'SwitzerlandWest'],
  ['uaecentral', 'UAE Central', 'UAECentral'],
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
