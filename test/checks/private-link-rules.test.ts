import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { MwsNccBinding } from '@cdktf/provider-databricks/lib/mws-ncc-binding';
import { MwsNccPrivateEndpointRule } from '@cdktf/provider-databricks/lib/mws-ncc-private-endpoint-rule';
import { MwsNetworkConnectivityConfig } from '@cdktf/provider-databricks/lib/mws-network-connectivity-config';
import { TerraformVariable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { l1Account } from './helpers';
import { AzapiUpdateResource } from '../../src/bindings/azapi/update-resource';
import { NetworkConnectivityConfig } from '../../src/ncc/network-connectivity-config';
import { ApprovalMode } from '../../src/private-link/approval';
import { PrivateLinkSubResource } from '../../src/private-link/sub-resource';
import { findingsOn, newStack, ruleFindings, STORAGE_ID, VAULT_ID } from '../util';

function workspace(scope: Construct, id: string): DatabricksWorkspace {
  return new DatabricksWorkspace(scope, id, { name: id.toLowerCase(), resourceGroupName: 'rg', location: 'eastus2', sku: 'premium' });
}

describe('ADBS-UNAPPROVED-RULE and ADBS-MANUAL-APPROVAL', () => {
  test('our rules: approved automatically, or marked manual (info), or neither (warning)', () => {
    const { stack, account } = newStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2', accountProvider: account });
    ncc.addPrivateEndpointRule('Auto', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB }).approve();
    ncc.addPrivateEndpointRule('Manual', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.DFS }).approve({ mode: ApprovalMode.MANUAL });
    ncc.addPrivateEndpointRule('None', { resourceId: VAULT_ID, subResource: PrivateLinkSubResource.KEY_VAULT });
    expect(findingsOn(stack, 'ADBS-UNAPPROVED-RULE')).toEqual(['test/Ncc/None/Resource']);
    expect(ruleFindings(stack, 'ADBS-UNAPPROVED-RULE')).toEqual([expect.stringMatching(/^Private endpoint rule test\/Ncc\/None\/Resource has no approval in this stack.*within 14 days/)]);
    expect(findingsOn(stack, 'ADBS-MANUAL-APPROVAL')).toEqual(['test/Ncc/Manual/Resource']);
    expect(ruleFindings(stack, 'ADBS-MANUAL-APPROVAL')).toEqual([expect.stringMatching(/^Manual approval: approve on .*of rule test\/Ncc\/Manual.*within 14 days/)]);
  });

  test('a hand-written rule is approved by a hand-written azapi update of a privateEndpointConnections resource that references it', () => {
    const { stack, account } = newStack();
    const ncc = new MwsNetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2', provider: account });
    const approved = new MwsNccPrivateEndpointRule(stack, 'Approved', { networkConnectivityConfigId: ncc.networkConnectivityConfigId, resourceId: STORAGE_ID, groupId: 'blob', provider: account });
    new MwsNccPrivateEndpointRule(stack, 'Pending', { networkConnectivityConfigId: ncc.networkConnectivityConfigId, resourceId: STORAGE_ID, groupId: 'dfs', provider: account });
    new AzapiUpdateResource(stack, 'Approve', {
      resourceType: 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01',
      resourceId: `${STORAGE_ID}/privateEndpointConnections/\${${approved.fqn}.endpoint_name}`,
      body: { properties: { privateLinkServiceConnectionState: { status: 'Approved' } } },
    });
    // An update of another type does not approve anything.
    new AzapiUpdateResource(stack, 'Other', { resourceType: 'Microsoft.Storage/storageAccounts@2023-05-01', resourceId: `\${${approved.fqn}.resource_id}`, body: {} });
    expect(findingsOn(stack, 'ADBS-UNAPPROVED-RULE')).toEqual(['test/Pending']);
  });
});

describe('ADBS-ADLS-BLOB-DFS', () => {
  test('an ADLS Gen2 account with a rule for only one of blob and dfs; both, or a flat account, is fine', () => {
    const { stack, account } = newStack();
    const ncc = new MwsNetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2', provider: account });
    const rule = (id: string, target: { id: string }, groupId: string) =>
      new MwsNccPrivateEndpointRule(stack, id, {
        networkConnectivityConfigId: ncc.networkConnectivityConfigId,
        resourceId: target.id,
        groupId,
        provider: account,
      });
    const half = l1Account(stack, 'Half');
    rule('HalfBlob', half, 'blob');
    const both = l1Account(stack, 'Both');
    rule('BothBlob', both, 'blob');
    rule('BothDfs', both, 'dfs');
    const flat = l1Account(stack, 'Flat', { isHnsEnabled: false });
    rule('FlatBlob', flat, 'blob');
    const dfsOnly = l1Account(stack, 'DfsOnly');
    rule('DfsOnlyDfs', dfsOnly, 'dfs');
    expect(findingsOn(stack, 'ADBS-ADLS-BLOB-DFS')).toEqual(['test/Half', 'test/DfsOnly']);
  });
});

describe('ADBS-WORKSPACE-NO-NCC', () => {
  test('a workspace bound to no NCC, in a stack that creates rules, is an info; a bound one is not', () => {
    const { stack, account } = newStack();
    const ncc = new MwsNetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2', provider: account });
    new MwsNccPrivateEndpointRule(stack, 'Rule', { networkConnectivityConfigId: ncc.networkConnectivityConfigId, resourceId: STORAGE_ID, groupId: 'blob', provider: account });
    const bound = workspace(stack, 'Bound');
    workspace(stack, 'Unbound');
    new MwsNccBinding(stack, 'Binding', { networkConnectivityConfigId: ncc.networkConnectivityConfigId, workspaceId: Token.asNumber(bound.workspaceId), provider: account });
    expect(findingsOn(stack, 'ADBS-WORKSPACE-NO-NCC')).toEqual(['test/Unbound']);
  });

  test('without private endpoint rules in the stack, an unbound workspace is no finding', () => {
    const { stack } = newStack();
    workspace(stack, 'Unbound');
    expect(findingsOn(stack, 'ADBS-WORKSPACE-NO-NCC')).toEqual([]);
  });
});

describe('account limits on imported NCCs', () => {
  test('bindings to one imported NCC (a token ID) count together, with its limits', () => {
    const { stack, account } = newStack();
    const id = new TerraformVariable(stack, 'ncc_id', { type: 'string' });
    const imported = NetworkConnectivityConfig.fromNetworkConnectivityConfigAttributes(stack, 'Ncc', {
      networkConnectivityConfigId: id.stringValue,
      region: 'eastus2',
      accountProvider: account,
      accountLimits: { maxWorkspacesPerNcc: 1 },
    });
    const other = NetworkConnectivityConfig.fromNetworkConnectivityConfigAttributes(stack, 'Other', {
      networkConnectivityConfigId: '0f3e4a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
      region: 'eastus2',
      accountProvider: account,
      accountLimits: { maxWorkspacesPerNcc: 1 },
    });
    imported.bindWorkspace('W1', { workspaceId: '1' });
    imported.bindWorkspace('W2', { workspaceId: '2' });
    other.bindWorkspace('W3', { workspaceId: '3' });
    expect(findingsOn(stack, 'ADBS-LIMIT-WORKSPACES')).toEqual(['test/Ncc/W2/Resource']);
    expect(ruleFindings(stack, 'ADBS-LIMIT-WORKSPACES')).toEqual([expect.stringMatching(/^This stack binds 2 workspaces to NCC \$\{var\.ncc_id\}, more than the account limit of 1 per NCC/)]);
  });

  test('private endpoint rules of imported NCCs count in their region', () => {
    const { stack, account } = newStack();
    const limits = { maxPrivateEndpointsPerRegion: 1 };
    const a = NetworkConnectivityConfig.fromNetworkConnectivityConfigAttributes(stack, 'A', { networkConnectivityConfigId: 'ncc-a', region: 'eastus2', accountProvider: account, accountLimits: limits });
    const b = NetworkConnectivityConfig.fromNetworkConnectivityConfigAttributes(stack, 'B', { networkConnectivityConfigId: 'ncc-b', region: 'westeurope', accountProvider: account, accountLimits: limits });
    a.addPrivateEndpointRule('R1', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB }).approve();
    a.addPrivateEndpointRule('R2', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.DFS }).approve();
    b.addPrivateEndpointRule('R3', { resourceId: VAULT_ID, subResource: PrivateLinkSubResource.KEY_VAULT }).approve();
    expect(findingsOn(stack, 'ADBS-LIMIT-ENDPOINTS')).toEqual(['test/A/R2/Resource']);
  });
});
