import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AzureRegions, ServiceTag } from '../../src';

describe('ServiceTag', () => {
  test('the global Databricks serverless tag', () => {
    expect(ServiceTag.databricksServerless().name).toBe('AzureDatabricksServerless');
    expect(ServiceTag.databricksServerless().isDatabricksServerless).toBe(true);
  });

  test.each([
    ['uksouth', 'AzureDatabricksServerless.UKSouth'],
    ['East US 2', 'AzureDatabricksServerless.EastUS2'],
    ['NORTHCENTRALUS', 'AzureDatabricksServerless.NorthCentralUS'],
    ['southeastasia', 'AzureDatabricksServerless.SoutheastAsia'],
    ['westeurope', 'AzureDatabricksServerless.WestEurope'],
  ])('regional tag for %s is %s', (region, tag) => {
    expect(ServiceTag.databricksServerless(region).name).toBe(tag);
  });

  test('the regional tag of every region in the table is the global tag, a dot and the exact suffix', () => {
    const all = AzureRegions.all();
    expect(all.map((r) => ServiceTag.databricksServerless(r.name).name)).toEqual(all.map((r) => `AzureDatabricksServerless.${r.serviceTagSuffix}`));
    expect(ServiceTag.databricksServerless('Italy North').name).toBe('AzureDatabricksServerless.ItalyNorth');
    expect(ServiceTag.databricksServerless('uaecentral').name).toBe('AzureDatabricksServerless.UAECentral');
    expect(ServiceTag.databricksServerless('jioindiawest').name).toBe('AzureDatabricksServerless.JioIndiaWest');
  });

  test('an unknown region is an error, never a guess', () => {
    expect(() => ServiceTag.databricksServerless('uksouth2')).toThrow(
      /invalid region "uksouth2": it is not an Azure region where Azure Databricks runs, so there is no regional tag.*Did you mean uksouth/,
    );
  });

  test('a token region is an error', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const region = new TerraformVariable(stack, 'region', { type: 'string' }).stringValue;
    expect(() => ServiceTag.databricksServerless(region)).toThrow(/invalid region \(a token\).*pass the region as a literal/);
  });

  test('of() takes any well-formed tag and rejects others', () => {
    expect(ServiceTag.of('Storage.WestEurope').name).toBe('Storage.WestEurope');
    expect(ServiceTag.of('AzureMonitor').isDatabricksServerless).toBe(false);
    for (const bad of ['', 'Storage West', 'Storage.', '.EastUS', 'a.b.c']) {
      expect(() => ServiceTag.of(bad)).toThrow(/ServiceTag.of: invalid name/);
    }
  });
});
