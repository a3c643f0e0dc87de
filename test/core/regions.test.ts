import { Testing, TerraformStack, TerraformVariable } from 'cdktf';
import { AzureRegions } from '../../src';
import { normaliseRegion } from '../../src/core/regions';

describe('AzureRegions', () => {
  test.each(['eastus2', 'East US 2', 'EASTUS2', 'east-us-2', ' East  US 2 '])('finds eastus2 from %j', (input) => {
    expect(AzureRegions.find(input)).toEqual({ name: 'eastus2', displayName: 'East US 2', serviceTagSuffix: 'EastUS2' });
  });

  test('unknown region is an error suggesting the closest names', () => {
    expect(() => AzureRegions.find('eastus3')).toThrow(/Unknown Azure Databricks region "eastus3". Did you mean eastus \(East US\), eastus2/);
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
      /s: invalid region "West Europa": it is not an Azure region where Azure Databricks runs. Fix: Did you mean westeurope \(West Europe\)/,
    );
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
const EXPECTED: Array<[string, string, string]> = [
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

test('the table is exactly the 58 public regions, with their display names and tag suffixes', () => {
  expect(AzureRegions.all().map((r) => [r.name, r.displayName, r.serviceTagSuffix])).toEqual(EXPECTED);
});
