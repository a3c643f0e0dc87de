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

test('the table lists the 38 public regions of Azure Databricks', () => {
  expect(AzureRegions.all().map((r) => `${r.name}=${r.serviceTagSuffix}`)).toMatchSnapshot();
});
