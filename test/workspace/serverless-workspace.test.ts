import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { TerraformVariable } from 'cdktf';
import {
  NetworkConnectivityConfig,
  ServerlessEgressPolicy,
  ServerlessSecureStorage,
  ServerlessWorkspace,
  SERVERLESS_WORKSPACE_API_VERSION,
} from '../../src';
import { PROVIDER_RANGES } from '../../src/core/provider-versions';
import { newStack, only, resolve, resources, SUB, synth } from '../util';
import * as typeData from './azapi-type-data.json';

const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg-lakehouse`;

describe('ServerlessWorkspace', () => {
  test('an azapi_resource of a serverless-only workspace: compute mode, premium, no managed resource group, the two outputs exported', () => {
    const { stack } = newStack();
    const ws = new ServerlessWorkspace(stack, 'Ws', { name: 'dbw-lake', resourceGroupId: RG_ID, location: 'West Europe', tags: { env: 'prod' } });
    const json = synth(stack);
    expect(only(json, 'azapi_resource')).toEqual({
      type: 'Microsoft.Databricks/workspaces@2026-01-01',
      name: 'dbw-lake',
      parent_id: RG_ID,
      location: 'westeurope',
      body: { sku: { name: 'premium' }, properties: { computeMode: 'Serverless', publicNetworkAccess: 'Enabled' } },
      response_export_values: ['properties.workspaceId', 'properties.workspaceUrl'],
      tags: { env: 'prod' },
      provider: 'azapi',
    });
    const name = Object.keys(resources(json, 'azapi_resource'))[0];
    expect(resolve(stack, ws.workspaceId)).toBe(`\${azapi_resource.${name}.output.properties.workspaceId}`);
    expect(resolve(stack, ws.workspaceUrl)).toBe(`\${azapi_resource.${name}.output.properties.workspaceUrl}`);
    expect(resolve(stack, ws.id)).toBe(`\${azapi_resource.${name}.id}`);
    expect(ws.location).toBe('westeurope');
  });

  test('public network access off is sent as Disabled', () => {
    const { stack } = newStack();
    new ServerlessWorkspace(stack, 'Ws', { name: 'dbw-lake', resourceGroupId: RG_ID, location: 'westeurope', publicNetworkAccess: false });
    expect(only(synth(stack), 'azapi_resource').body.properties).toEqual({ computeMode: 'Serverless', publicNetworkAccess: 'Disabled' });
  });

  test('the azapi floor of the feature: >= 2.9.0, and only in a stack that uses it', () => {
    const { stack } = newStack();
    new ServerlessWorkspace(stack, 'Ws', { name: 'dbw-lake', resourceGroupId: RG_ID, location: 'westeurope' });
    expect(synth(stack).terraform.required_providers.azapi).toEqual({ source: 'azure/azapi', version: '>= 2.9.0, < 3.0.0' });
    const { stack: other } = newStack('other');
    const ncc = new NetworkConnectivityConfig(other, 'Ncc', { name: 'ncc1', region: 'westeurope' });
    new ServerlessSecureStorage(other, 'Lake', { networkConnectivityConfig: ncc, storageAccount: { name: 'stlake', resourceGroupName: 'rg', location: 'westeurope' } });
    expect(synth(other).terraform.required_providers.azapi).toEqual({ source: 'azure/azapi', version: '>= 2.0.1, < 3.0.0' });
  });

  test('the API version is in azapi\'s type data from the feature floor to the newest checked version, and not before', () => {
    const floor = PROVIDER_RANGES.azapi.features['serverless-workspace'].version;
    const versions = typeData.apiVersions as { [v: string]: string[] };
    expect(versions[floor]).toContain(SERVERLESS_WORKSPACE_API_VERSION);
    expect(versions[typeData.newestChecked]).toContain(SERVERLESS_WORKSPACE_API_VERSION);
    // The floor is tight: the release before it lacks the API version.
    expect(versions['2.8.0']).not.toContain(SERVERLESS_WORKSPACE_API_VERSION);
    expect(PROVIDER_RANGES.azapi.ceiling.reason).toContain(typeData.newestChecked);
    // Every property the body sends exists in that API version's type.
    const { stack } = newStack();
    new ServerlessWorkspace(stack, 'Ws', { name: 'dbw-lake', resourceGroupId: RG_ID, location: 'westeurope' });
    const sent = Object.keys(only(synth(stack), 'azapi_resource').body.properties);
    const known = typeData.propertiesOf[`Microsoft.Databricks/workspaces@${SERVERLESS_WORKSPACE_API_VERSION}` as keyof typeof typeData.propertiesOf];
    expect(sent.filter((p) => !known.includes(p))).toEqual([]);
  });

  test('bound to an NCC of its region and given a network policy, by its workspace ID reference', () => {
    const { stack, account } = newStack();
    const rg = new ResourceGroup(stack, 'Rg', { name: 'rg-lakehouse', location: 'westeurope' });
    const ws = new ServerlessWorkspace(stack, 'Ws', { name: 'dbw-lake', resourceGroupId: rg.id, location: 'westeurope' });
    new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc-we', region: 'westeurope', accountProvider: account })
      .bindWorkspace('lake', { workspaceId: ws.workspaceId, workspaceRegion: ws.location });
    new ServerlessEgressPolicy(stack, 'Egress', { networkPolicyId: 'np-lake', accountProvider: account }).applyTo('lake', { workspaceId: ws.workspaceId });
    const json = synth(stack);
    const name = Object.keys(resources(json, 'azapi_resource'))[0];
    const ref = `\${azapi_resource.${name}.output.properties.workspaceId}`;
    expect(only(json, 'databricks_mws_ncc_binding').workspace_id).toBe(ref);
    expect(only(json, 'databricks_workspace_network_option').workspace_id).toBe(ref);
    expect(only(json, 'azapi_resource').parent_id).toBe(`\${azurerm_resource_group.${Object.keys(resources(json, 'azurerm_resource_group'))[0]}.id}`);
  });

  test('bound to an NCC of another region: refused, naming both regions', () => {
    const { stack, account } = newStack();
    const ws = new ServerlessWorkspace(stack, 'Ws', { name: 'dbw-lake', resourceGroupId: RG_ID, location: 'westeurope' });
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc-ne', region: 'northeurope', accountProvider: account });
    expect(() => ncc.bindWorkspace('lake', { workspaceId: ws.workspaceId, workspaceRegion: ws.location })).toThrow(/the workspace is in westeurope but NCC .* is in northeurope/);
  });

  describe('bad input is refused at synth, naming the property, the value and the fix', () => {
    const make = (props: Partial<ConstructorParameters<typeof ServerlessWorkspace>[2]>) => {
      const { stack } = newStack();
      return () => new ServerlessWorkspace(stack, 'Ws', { name: 'dbw-lake', resourceGroupId: RG_ID, location: 'westeurope', ...props });
    };

    test.each([['ab'], ['dbw lake'], ['a'.repeat(65)], ['dbw.lake']])('name %s', (name) => {
      expect(make({ name })).toThrow(new RegExp(`invalid name "${name}": a workspace name is 3-64 letters, digits, "_" and "-"\\. Fix: use a name such as`));
    });

    test('names at the limits pass', () => {
      expect(make({ name: 'a_-' })).not.toThrow();
      expect(make({ name: 'a'.repeat(64) })).not.toThrow();
    });

    test('a resource group ID that is not one', () => {
      expect(make({ resourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st` }))
        .toThrow(/invalid resourceGroupId ".*storageAccounts\/st": not the ID of a resource group\. Fix: pass \/subscriptions\/<guid>\/resourceGroups\/<name>, or resourceGroup.id/);
      expect(make({ resourceGroupId: 'rg-lakehouse' })).toThrow(/invalid resourceGroupId "rg-lakehouse": not the ID of a resource group/);
      // ARM IDs are case-insensitive.
      expect(make({ resourceGroupId: `/Subscriptions/${SUB}/ResourceGroups/rg` })).not.toThrow();
    });

    test('a reference to a resource group\'s name, or to another resource\'s ID', () => {
      const { stack } = newStack();
      const rg = new ResourceGroup(stack, 'Rg', { name: 'rg-lakehouse', location: 'westeurope' });
      expect(() => new ServerlessWorkspace(stack, 'Ws', { name: 'dbw-lake', resourceGroupId: rg.name, location: 'westeurope' }))
        .toThrow(/invalid resourceGroupId "\$\{azurerm_resource_group\.Rg\.name\}": it refers to the "name" attribute/);
      const sa = new StorageAccount(stack, 'Sa', { name: 'stx', resourceGroupName: 'rg', location: 'westeurope', accountTier: 'Standard', accountReplicationType: 'LRS' });
      expect(() => new ServerlessWorkspace(stack, 'Ws2', { name: 'dbw-lake', resourceGroupId: sa.id, location: 'westeurope' }))
        .toThrow(/invalid resourceGroupId "\$\{azurerm_storage_account\.Sa\.id\}": it is the ID of an azurerm_storage_account, not of a resource group\. Fix: pass the resource group's id/);
      // A variable, and a resource group's ID, pass.
      const v = new TerraformVariable(stack, 'rgId', { type: 'string' });
      expect(() => new ServerlessWorkspace(stack, 'Ws3', { name: 'dbw-lake', resourceGroupId: v.stringValue, location: 'westeurope' })).not.toThrow();
      expect(() => new ServerlessWorkspace(stack, 'Ws4', { name: 'dbw-lake', resourceGroupId: rg.id, location: 'westeurope' })).not.toThrow();
    });

    test('a region where Azure Databricks does not run, and no region at all', () => {
      expect(make({ location: 'westeurop' })).toThrow(/invalid location "westeurop": it is not an Azure region where Azure Databricks runs/);
    });
  });
});
