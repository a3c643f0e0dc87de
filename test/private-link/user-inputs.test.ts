import { TerraformVariable } from 'cdktf';
import { NetworkConnectivityConfig, PrivateLinkSubResource, PrivateLinkTarget } from '../../src';
import { armId, newStack, resources, STORAGE_ID, synth } from '../util';

const LIST = 'azapi_resource_list';
const UPDATE = 'azapi_update_resource';

function setup() {
  const t = newStack();
  const ncc = new NetworkConnectivityConfig(t.stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: t.account });
  return { ...t, ncc };
}

/** Target IDs and sub-resources as users write them. */
describe('approvals of targets given in other spellings', () => {
  test('one target written in two casings (ARM IDs compare case-insensitively) has one lookup, read by both approvals', () => {
    const { stack, ncc } = setup();
    const upper = STORAGE_ID.replace('/resourceGroups/rg-data/', '/resourceGroups/RG-DATA/');
    ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB }).approve();
    ncc.addPrivateEndpointRule('Dfs', { resourceId: upper, subResource: PrivateLinkSubResource.DFS }).approve();
    const json = synth(stack);
    const lookups = Object.entries<any>(json.data[LIST]);
    expect(lookups.map(([, l]) => [l.parent_id, l.type])).toEqual([[STORAGE_ID, 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01']]);
    expect(Object.values<any>(resources(json, UPDATE))).toHaveLength(2);
  });

  test('so is a target whose ID is a template (its subscription from a variable) written in two casings', () => {
    const { stack, ncc } = setup();
    const sub = new TerraformVariable(stack, 'sub', { type: 'string' }).stringValue;
    const id = (rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/stlake`;
    ncc.addPrivateEndpointRule('Blob', { resourceId: id('rg-data'), subResource: PrivateLinkSubResource.BLOB }).approve();
    ncc.addPrivateEndpointRule('Dfs', { resourceId: id('RG-Data'), subResource: PrivateLinkSubResource.DFS }).approve();
    const json = synth(stack);
    expect(Object.values<any>(json.data[LIST]).map((l) => l.parent_id)).toEqual(['/subscriptions/${var.sub}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stlake']);
    expect(Object.values<any>(resources(json, UPDATE))).toHaveLength(2);
  });

  test('one target read as two connection types (two API versions of a custom type) has one lookup per type', () => {
    const { stack, ncc } = setup();
    const app = armId('Microsoft.Web/sites', 'app');
    ncc.addPrivateEndpointRule('A', { resourceId: app, subResource: PrivateLinkSubResource.custom('sites') })
      .approve({ targetType: PrivateLinkTarget.custom('Microsoft.Web/sites', '2023-12-01') });
    ncc.addPrivateEndpointRule('B', { resourceId: app, subResource: PrivateLinkSubResource.custom('sites-staging') })
      .approve({ targetType: PrivateLinkTarget.custom('Microsoft.Web/sites', '2022-03-01') });
    const json = synth(stack);
    expect(Object.values<any>(json.data[LIST]).map((l) => [l.parent_id, l.type]).sort()).toEqual([
      [app, 'Microsoft.Web/sites/privateEndpointConnections@2022-03-01'],
      [app, 'Microsoft.Web/sites/privateEndpointConnections@2023-12-01'],
    ]);
    expect(Object.values<any>(resources(json, UPDATE)).map((u) => u.type).sort()).toEqual([
      'Microsoft.Web/sites/privateEndpointConnections@2022-03-01',
      'Microsoft.Web/sites/privateEndpointConnections@2023-12-01',
    ]);
  });

  test('a custom sub-resource of several types, on a target ID known only at apply, needs targetType: no type is picked for it', () => {
    const { stack, ncc } = setup();
    const id = new TerraformVariable(stack, 'id', { type: 'string' }).stringValue;
    const several = PrivateLinkSubResource.custom('blob', ['Microsoft.Storage/storageAccounts', 'Microsoft.KeyVault/vaults']);
    expect(() => ncc.addPrivateEndpointRule('Several', { resourceId: id, subResource: several }).approve()).toThrow(
      /the target type cannot be derived: the resource ID is a token and the sub-resource fits more than one type \(or is custom\). Fix: pass targetType/,
    );
    // One type: that type's approval.
    ncc.addPrivateEndpointRule('One', { resourceId: id, subResource: PrivateLinkSubResource.custom('vault', ['Microsoft.KeyVault/vaults']) }).approve();
    expect(Object.values<any>(resources(synth(stack), UPDATE)).map((u) => u.type)).toEqual([expect.stringMatching(/^Microsoft\.KeyVault\/vaults\/privateEndpointConnections@/)]);
  });
});
