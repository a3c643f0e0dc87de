import { Testing, TerraformStack, TerraformVariable } from 'cdktf';
import { AzureRegions } from '../../src';
import { normaliseDatabricksRegion, normaliseRegion } from '../../src/core/regions';

describe('AzureRegions', () => {
  test.each(['eastus2', 'East US 2', 'EASTUS2', 'east-us-2', ' East  US 2 '])('finds eastus2 from %j', (input) => {
    expect(AzureRegions.find(input)).toEqual({ name: 'eastus2', displayName: 'East US 2', serviceTagSuffix: 'EastUS2', databricks: true });
  });

  test('finds an Azure region where Azure Databricks does not run, and says so', () => {
    expect(AzureRegions.find('Italy North')).toEqual({ name: 'italynorth', displayName: 'Italy North', serviceTagSuffix: 'ItalyNorth', databricks: false });
    expect(AzureRegions.normalize('ITALYNORTH')).toBe('italynorth');
  });

  test('unknown region is an error suggesting the closest names', () => {
    expect(() => AzureRegions.find('eastus3')).toThrow(/AzureRegions.find: invalid region "eastus3": not an Azure region of the table\. Fix: Did you mean eastus \(East US\), eastus2/);
    expect(AzureRegions.tryFind('mars-north')).toBeUndefined();
  });

  test('normalize passes tokens through', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const v = new TerraformVariable(stack, 'region', { type: 'string' });
    const token = v.stringValue;
    expect(AzureRegions.normalize(token)).toBe(token);
    expect(AzureRegions.normalize('UK South')).toBe('uksouth');
  });

  test('normaliseRegion names the property in its error', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    expect(() => normaliseRegion(stack, 'region', 'West Europa')).toThrow(
      /s: invalid region "West Europa": it is not an Azure region known to this library. Fix: Did you mean westeurope \(West Europe\)/,
    );
  });

  test('normaliseRegion (storage and other Azure locations) accepts a region where Azure Databricks does not run', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    expect(normaliseRegion(stack, 'storageAccount.location', 'Italy North')).toBe('italynorth');
    expect(normaliseRegion(stack, 'storageAccount.location', 'uaecentral')).toBe('uaecentral');
  });

  describe('normaliseDatabricksRegion (NCC and workspace regions)', () => {
    test('accepts and normalises a Databricks region', () => {
      const stack = new TerraformStack(Testing.app(), 's');
      expect(normaliseDatabricksRegion(stack, 'region', 'East US 2')).toBe('eastus2');
      expect(normaliseDatabricksRegion(stack, 'region', 'switzerlandwest')).toBe('switzerlandwest');
    });

    test('refuses an Azure region where Azure Databricks does not run, naming the property, the value, the source and the fix', () => {
      const stack = new TerraformStack(Testing.app(), 's');
      expect(() => normaliseDatabricksRegion(stack, 'region', 'Italy North')).toThrow(
        's: invalid region "Italy North": italynorth is an Azure region but Azure Databricks does not run there ' +
          '(Learn: "Azure Databricks regions", read 2026-12). Fix: pick a region where Azure Databricks runs ' +
          '(AzureRegions.databricksRegions() lists them), or pass the region as a token (a Terraform variable) to use a region newer than this table',
      );
    });

    test.each(AzureRegions.all().filter((r) => !r.databricks).map((r) => r.name))('refuses %s', (name) => {
      const stack = new TerraformStack(Testing.app(), 's');
      expect(() => normaliseDatabricksRegion(stack, 'region', name)).toThrow(/Azure Databricks does not run there/);
    });

    test('suggests only Databricks regions for an unknown one', () => {
      const stack = new TerraformStack(Testing.app(), 's');
      expect(() => normaliseDatabricksRegion(stack, 'region', 'italynorht')).toThrow(/invalid region "italynorht": it is not an Azure region where Azure Databricks runs. Fix: Did you mean/);
      let message = '';
      try {
        normaliseDatabricksRegion(stack, 'region', 'italynorht');
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).not.toMatch(/italynorth/);
    });

    test('passes a token through unchecked', () => {
      const stack = new TerraformStack(Testing.app(), 's');
      const token = new TerraformVariable(stack, 'region', { type: 'string' }).stringValue;
      expect(normaliseDatabricksRegion(stack, 'region', token)).toBe(token);
    });
  });

  describe('table', () => {
    const all = AzureRegions.all();

    test('has no duplicate names, display names or tag suffixes', () => {
      for (const field of ['name', 'displayName', 'serviceTagSuffix'] as const) {
        const values = all.map((r) => r[field].toLowerCase());
        expect(new Set(values).size).toBe(values.length);
      }
    });

    test.each(all.map((r) => [r.name, r]))('%s is self-consistent', (_name, r) => {
      // The ARM name is the display name without spaces, lowercased.
      expect(r.name).toMatch(/^[a-z]+[0-9]?$/);
      expect(r.displayName.replace(/ /g, '').toLowerCase()).toBe(r.name);
      // The tag suffix spells the same letters, in PascalCase with no separators.
      expect(r.serviceTagSuffix.toLowerCase()).toBe(r.name);
      expect(r.serviceTagSuffix[0]).toMatch(/[A-Z]/);
      expect(AzureRegions.find(r.displayName).name).toBe(r.name);
    });
  });
});

describe('service-tag suffixes documented by Azure and Databricks', () => {
  test.each([
    ['eastus2', 'EastUS2'],
    ['uksouth', 'UKSouth'],
    ['westeurope', 'WestEurope'],
    ['northcentralus', 'NorthCentralUS'],
    ['southeastasia', 'SoutheastAsia'],
  ])('%s -> %s (never naive title case)', (name, suffix) => {
    expect(AzureRegions.find(name).serviceTagSuffix).toBe(suffix);
  });
});

// The whole table, as recorded from the sources named in src/core/region-data.ts and the README ("Regions"):
// ARM name, display name (`az account list-locations`), and the exact casing of the regional service-tag suffix.
const EXPECTED: Array<[string, string, string, boolean]> = [
  ['australiacentral', 'Australia Central', 'AustraliaCentral', true],
  ['australiacentral2', 'Australia Central 2', 'AustraliaCentral2', true],
  ['australiaeast', 'Australia East', 'AustraliaEast', true],
  ['australiasoutheast', 'Australia Southeast', 'AustraliaSoutheast', true],
  ['austriaeast', 'Austria East', 'AustriaEast', false],
  ['belgiumcentral', 'Belgium Central', 'BelgiumCentral', false],
  ['brazilsouth', 'Brazil South', 'BrazilSouth', true],
  ['brazilsoutheast', 'Brazil Southeast', 'BrazilSoutheast', false],
  ['canadacentral', 'Canada Central', 'CanadaCentral', true],
  ['canadaeast', 'Canada East', 'CanadaEast', true],
  ['centralindia', 'Central India', 'CentralIndia', true],
  ['centralus', 'Central US', 'CentralUS', true],
  ['chilecentral', 'Chile Central', 'ChileCentral', false],
  ['denmarkeast', 'Denmark East', 'DenmarkEast', false],
  ['eastasia', 'East Asia', 'EastAsia', true],
  ['eastus', 'East US', 'EastUS', true],
  ['eastus2', 'East US 2', 'EastUS2', true],
  ['francecentral', 'France Central', 'FranceCentral', true],
  ['francesouth', 'France South', 'FranceSouth', false],
  ['germanynorth', 'Germany North', 'GermanyNorth', false],
  ['germanywestcentral', 'Germany West Central', 'GermanyWestCentral', true],
  ['indonesiacentral', 'Indonesia Central', 'IndonesiaCentral', false],
  ['israelcentral', 'Israel Central', 'IsraelCentral', false],
  ['italynorth', 'Italy North', 'ItalyNorth', false],
  ['japaneast', 'Japan East', 'JapanEast', true],
  ['japanwest', 'Japan West', 'JapanWest', true],
  ['jioindiacentral', 'Jio India Central', 'JioIndiaCentral', false],
  ['jioindiawest', 'Jio India West', 'JioIndiaWest', false],
  ['koreacentral', 'Korea Central', 'KoreaCentral', true],
  ['koreasouth', 'Korea South', 'KoreaSouth', false],
  ['malaysiawest', 'Malaysia West', 'MalaysiaWest', false],
  ['mexicocentral', 'Mexico Central', 'MexicoCentral', true],
  ['newzealandnorth', 'New Zealand North', 'NewZealandNorth', false],
  ['northcentralus', 'North Central US', 'NorthCentralUS', true],
  ['northeurope', 'North Europe', 'NorthEurope', true],
  ['norwayeast', 'Norway East', 'NorwayEast', true],
  ['norwaywest', 'Norway West', 'NorwayWest', false],
  ['polandcentral', 'Poland Central', 'PolandCentral', false],
  ['qatarcentral', 'Qatar Central', 'QatarCentral', true],
  ['southafricanorth', 'South Africa North', 'SouthAfricaNorth', true],
  ['southafricawest', 'South Africa West', 'SouthAfricaWest', false],
  ['southcentralus', 'South Central US', 'SouthCentralUS', true],
  ['southeastasia', 'Southeast Asia', 'SoutheastAsia', true],
  ['southindia', 'South India', 'SouthIndia', true],
  ['spaincentral', 'Spain Central', 'SpainCentral', false],
  ['swedencentral', 'Sweden Central', 'SwedenCentral', true],
  ['switzerlandnorth', 'Switzerland North', 'SwitzerlandNorth', true],
  ['switzerlandwest', 'Switzerland West', 'SwitzerlandWest', true],
  ['uaecentral', 'UAE Central', 'UAECentral', false],
  ['uaenorth', 'UAE North', 'UAENorth', true],
  ['uksouth', 'UK South', 'UKSouth', true],
  ['ukwest', 'UK West', 'UKWest', true],
  ['westcentralus', 'West Central US', 'WestCentralUS', true],
  ['westeurope', 'West Europe', 'WestEurope', true],
  ['westindia', 'West India', 'WestIndia', true],
  ['westus', 'West US', 'WestUS', true],
  ['westus2', 'West US 2', 'WestUS2', true],
  ['westus3', 'West US 3', 'WestUS3', true],
];

test('the table is exactly the 58 public regions, with their display names, tag suffixes and Databricks flags', () => {
  expect(AzureRegions.all().map((r) => [r.name, r.displayName, r.serviceTagSuffix, r.databricks])).toEqual(EXPECTED);
});

// Microsoft Learn, "Azure Databricks regions" (supported-regions), public cloud, read 2026-12: see src/core/region-data.ts.
const DATABRICKS_REGIONS = [
  'australiacentral', 'australiacentral2', 'australiaeast', 'australiasoutheast', 'brazilsouth', 'canadacentral',
  'canadaeast', 'centralindia', 'centralus', 'eastasia', 'eastus', 'eastus2', 'francecentral', 'germanywestcentral',
  'japaneast', 'japanwest', 'koreacentral', 'mexicocentral', 'northcentralus', 'northeurope', 'norwayeast',
  'qatarcentral', 'southafricanorth', 'southcentralus', 'southeastasia', 'southindia', 'swedencentral',
  'switzerlandnorth', 'switzerlandwest', 'uaenorth', 'uksouth', 'ukwest', 'westcentralus', 'westeurope',
  'westindia', 'westus', 'westus2', 'westus3',
];

// In the table for their regional service tags (storage and perimeter locations), but not Azure Databricks regions.
const NOT_DATABRICKS = [
  'austriaeast', 'belgiumcentral', 'brazilsoutheast', 'chilecentral', 'denmarkeast', 'francesouth', 'germanynorth',
  'indonesiacentral', 'israelcentral', 'italynorth', 'jioindiacentral', 'jioindiawest', 'koreasouth', 'malaysiawest',
  'newzealandnorth', 'norwaywest', 'polandcentral', 'southafricawest', 'spaincentral', 'uaecentral',
];

test('the Databricks regions are exactly the 38 of Learn\'s "Azure Databricks regions" page, all in the table', () => {
  expect(DATABRICKS_REGIONS).toHaveLength(38);
  expect(AzureRegions.databricksRegions().map((r) => r.name)).toEqual(DATABRICKS_REGIONS);
  expect(AzureRegions.databricksRegions().every((r) => r.databricks && AzureRegions.find(r.name).databricks)).toBe(true);
  expect(AzureRegions.all().filter((r) => !r.databricks).map((r) => r.name)).toEqual(NOT_DATABRICKS);
});
