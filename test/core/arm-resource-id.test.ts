import { parseArmResourceId } from '../../src/core/arm-resource-id';
import { SUB } from '../util';

describe('parseArmResourceId', () => {
  test('parses a top-level resource', () => {
    expect(parseArmResourceId(`/subscriptions/${SUB}/resourceGroups/rg-1/providers/Microsoft.Storage/storageAccounts/stlake`)).toEqual({
      subscriptionId: SUB,
      resourceGroupName: 'rg-1',
      providerNamespace: 'Microsoft.Storage',
      resourceType: 'Microsoft.Storage/storageAccounts',
      name: 'stlake',
    });
  });

  test('parses a child resource and keeps the full type', () => {
    const parsed = parseArmResourceId(
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Sql/servers/sql1/databases/db1`,
    );
    expect(parsed).toMatchObject({ resourceType: 'Microsoft.Sql/servers/databases', name: 'db1' });
  });

  test('accepts any casing of the fixed segments', () => {
    expect(parseArmResourceId(`/SUBSCRIPTIONS/${SUB}/resourcegroups/rg/PROVIDERS/Microsoft.KeyVault/vaults/kv`)).toMatchObject({
      resourceType: 'Microsoft.KeyVault/vaults',
    });
  });

  test.each([
    ['', /empty/],
    [' /subscriptions/x', /white space/],
    ['subscriptions/' + SUB, /start with/],
    [`/subscriptions/${SUB}/resourceGroups/rg`, /too short/],
    ['/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st', /subscription GUID/],
    [`/subscriptions/${SUB}/groups/rg/providers/Microsoft.Storage/storageAccounts/st`, /resourceGroups/],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Storage/storageAccounts/st`, /Namespace/],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/blobServices`, /pairs/],
    [`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st lake`, /not a valid/],
  ])('rejects %j', (id, problem) => {
    const parsed = parseArmResourceId(id);
    expect(typeof parsed).toBe('string');
    expect(parsed).toMatch(problem);
  });
});
