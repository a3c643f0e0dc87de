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

  test('the regional tag of every Databricks region is the global tag, a dot and the exact suffix', () => {
    const regions = AzureRegions.databricksRegions();
    expect(regions).toHaveLength(38);
    expect(regions.map((r) => ServiceTag.databricksServerless(r.name).name)).toEqual(regions.map((r) => `AzureDatabricksServerless.${r.serviceTagSuffix}`));
    expect(ServiceTag.databricksServerless('UAE North').name).toBe('AzureDatabricksServerless.UAENorth');
    expect(ServiceTag.databricksServerless('switzerlandwest').name).toBe('AzureDatabricksServerless.SwitzerlandWest');
  });

  test('an Azure region where Azure Databricks does not run has no regional tag: an error naming the region, the source and the fix', () => {
    expect(() => ServiceTag.databricksServerless('Italy North')).toThrow(
      'ServiceTag.databricksServerless: invalid region "Italy North": italynorth is an Azure region but Azure Databricks does not run there ' +
        '(Learn: "Azure Databricks regions", read 2026-12), so there is no AzureDatabricksServerless.ItalyNorth tag. ' +
        'Fix: pick a region where Azure Databricks runs (AzureRegions.databricksRegions() lists them), or use the global tag databricksServerless(); ' +
        'to use a region newer than this table, pass the tag name to ServiceTag.of() as a token (a Terraform variable).',
    );
  });

  test.each(AzureRegions.all().filter((r) => !r.databricks).map((r) => r.name))('no regional tag for %s', (name) => {
    expect(() => ServiceTag.databricksServerless(name)).toThrow(/Azure Databricks does not run there/);
  });

  test('an unknown region is an error, never a guess', () => {
    expect(() => ServiceTag.databricksServerless('uksouth2')).toThrow(
      /invalid region "uksouth2": it is not an Azure region where Azure Databricks runs, so there is no regional tag.*Did you mean uksouth/,
    );
  });

  test('a token region is an error', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const region = new TerraformVariable(stack, 'region', { type: 'string' }).stringValue;
    expect(() => ServiceTag.databricksServerless(region)).toThrow(/invalid region "a token".*pass the region as a literal/);
  });

  test('of() refuses a literal AzureDatabricksServerless tag of a region where Azure Databricks does not run', () => {
    expect(() => ServiceTag.of('AzureDatabricksServerless.ItalyNorth')).toThrow(
      /ServiceTag.of: invalid name "AzureDatabricksServerless.ItalyNorth": italynorth is an Azure region but Azure Databricks does not run there.*Fix: pick a region where Azure Databricks runs/,
    );
    expect(() => ServiceTag.of('azuredatabricksserverless.uaecentral')).toThrow(/uaecentral is an Azure region but Azure Databricks does not run there/);
    expect(ServiceTag.of('AzureDatabricksServerless.EastUS2').name).toBe('AzureDatabricksServerless.EastUS2');
    // Other services have regional tags in every region; a region newer than the table is not guessed at.
    expect(ServiceTag.of('Storage.ItalyNorth').name).toBe('Storage.ItalyNorth');
    expect(ServiceTag.of('AzureDatabricksServerless.AtlantisNorth').name).toBe('AzureDatabricksServerless.AtlantisNorth');
  });

  test('of() passes a token unchecked', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const name = new TerraformVariable(stack, 'tag', { type: 'string' }).stringValue;
    expect(ServiceTag.of(name).name).toBe(name);
  });

  test('of() takes any well-formed tag and rejects others', () => {
    expect(ServiceTag.of('Storage.WestEurope').name).toBe('Storage.WestEurope');
    expect(ServiceTag.of('AzureMonitor').isDatabricksServerless).toBe(false);
    for (const bad of ['', 'Storage West', 'Storage.', '.EastUS', 'a.b.c']) {
      expect(() => ServiceTag.of(bad)).toThrow(/ServiceTag.of: invalid name/);
    }
  });
});
