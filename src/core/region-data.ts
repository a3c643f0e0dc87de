/**
 * The region table keeps two facts apart.
 *
 * Fact 1, where Azure Databricks runs: {@link DATABRICKS_REGION_NAMES}, the regions an NCC, a workspace
 * or an NCC binding may name. Fact 2, which regional `AzureDatabricksServerless.<Suffix>` service tags
 * exist: one for each Databricks region, spelled with that region's {@link REGION_ROWS} suffix.
 * {@link REGION_ROWS} itself holds every Azure public region the library knows, Databricks or not
 * (a storage account or a network security perimeter may live in any of them).
 */

/** Where the Databricks region list was read; quoted in the errors that refuse a non-Databricks region. */
export const DATABRICKS_REGIONS_SOURCE = 'Learn: "Azure Databricks regions", read 2026-12';

/**
 * Fact 1: the public-cloud regions of Microsoft Learn's "Azure Databricks regions" page
 * (learn.microsoft.com/azure/databricks/resources/supported-regions, "Supported regions list"), by ARM
 * name, as read 2026-12 from stored copies of the page: the zh-cn and zh-tw copies list exactly these 38
 * public regions (older en-gb, en-in and ja-jp copies lack mexicocentral, added since; the newest en-us copy
 * could only be read up to japanwest, so a region added after it is not here). The "System tables" table of
 * Learn's "Features with limited regional availability" page lists the same regions as far as its stored
 * excerpts go (australiacentral to switzerlandwest).
 * Left out on purpose: the Azure China (chinaeast2, chinaeast3, chinanorth2, chinanorth3) and Azure
 * Government (usgovaz, usgovva) regions, which are separate clouds, and the eastus2euap canary.
 * Not verified: the per-feature "Serverless" table of "Features with limited regional availability"
 * (serverless compute, serverless private connectivity) could not be read from the stored copies, so a
 * region here may still lack serverless compute or NCC private endpoints; the account API has the last word.
 *
 * Fact 2 follows: Learn "Configure a network security perimeter" (serverless-nsp-firewall) forms a
 * regional tag by appending the region to `AzureDatabricksServerless` (e.g. `AzureDatabricksServerless.EastUS2`)
 * and points to this same page "for the complete list of supported Azure regions", so only these
 * regions have a regional tag.
 */
export const DATABRICKS_REGION_NAMES: ReadonlyArray<string> = [
  'australiacentral',
  'australiacentral2',
  'australiaeast',
  'australiasoutheast',
  'brazilsouth',
  'canadacentral',
  'canadaeast',
  'centralindia',
  'centralus',
  'eastasia',
  'eastus',
  'eastus2',
  'francecentral',
  'germanywestcentral',
  'japaneast',
  'japanwest',
  'koreacentral',
  'mexicocentral',
  'northcentralus',
  'northeurope',
  'norwayeast',
  'qatarcentral',
  'southafricanorth',
  'southcentralus',
  'southeastasia',
  'southindia',
  'swedencentral',
  'switzerlandnorth',
  'switzerlandwest',
  'uaenorth',
  'uksouth',
  'ukwest',
  'westcentralus',
  'westeurope',
  'westindia',
  'westus',
  'westus2',
  'westus3',
];

/**
 * Azure public-cloud regions: [ARM name, display name, service-tag suffix], Databricks regions or not.
 *
 * Sources (see README, "Regions"): the regions are the public physical regions of `az account list-locations`
 * that have regional service tags, without the EUAP canary, staging and restricted regions (Azure China and
 * Government are separate clouds); display names as `az account list-locations` prints them. The suffix is the
 * PascalCase region name every regional service tag uses; the suffixes were taken from the regional
 * `Storage.<Suffix>` tags of Microsoft's ServiceTags_Public.json, change number 376, and DenmarkEast from
 * change number 398. 38 rows are Azure Databricks regions ({@link DATABRICKS_REGION_NAMES}); the other 20
 * (austriaeast ... uaecentral) are not on Learn's "Azure Databricks regions" page: they are valid storage
 * and perimeter locations, but no NCC, workspace or `AzureDatabricksServerless.<Suffix>` tag may name them.
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
