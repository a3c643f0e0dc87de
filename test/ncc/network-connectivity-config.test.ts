import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkConnectivityConfig, ServerlessSecureStorage } from '../../src';
import { newStack, only, ref, resources, synth, ruleFindings, findingsOn } from '../util';

const NCC = 'databricks_mws_network_connectivity_config';
const BINDING = 'databricks_mws_ncc_binding';

describe('NetworkConnectivityConfig', () => {
  test('creates the NCC with a normalised region on the account provider, never egress_config', () => {
    const { stack, account } = newStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc-eastus2', region: 'East US 2', accountProvider: account });
    const json = synth(stack);
    const res = only(json, NCC);
    expect(res).toMatchObject({ name: 'ncc-eastus2', region: 'eastus2', provider: 'databricks.account' });
    expect(res.egress_config).toBeUndefined();
    expect(ncc.region).toBe('eastus2');
  });

  test.each(['ab', 'a'.repeat(31), 'ncc east', 'ncc.eastus2', 'ncc/1', ''])('rejects the name %j', (name) => {
    const { stack } = newStack();
    expect(() => new NetworkConnectivityConfig(stack, 'Ncc', { name, region: 'eastus2' })).toThrow(
      /test\/Ncc: invalid name .*3 to 30 characters of letters, digits, "_" and "-".*Fix: use a name such as/,
    );
  });

  test.each(['abc', 'a'.repeat(30), 'NCC_east-2'])('accepts the name %j', (name) => {
    const { stack } = newStack();
    expect(() => new NetworkConnectivityConfig(stack, 'Ncc', { name, region: 'eastus2' })).not.toThrow();
  });

  test('an unknown region is an error that suggests close names', () => {
    const { stack } = newStack();
    expect(() => new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'uk-sout' })).toThrow(
      /test\/Ncc: invalid region "uk-sout".*Did you mean uksouth \(UK South\)/,
    );
  });

  test('an Azure region where Azure Databricks does not run is refused, naming the property, the value, the source and the fix', () => {
    const { stack } = newStack();
    expect(() => new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'italynorth' })).toThrow(
      'test/Ncc: invalid region "italynorth": italynorth is an Azure region but Azure Databricks does not run there ' +
        '(Learn: "Azure Databricks regions", read 2026-12). Fix: pick a region where Azure Databricks runs ' +
        '(AzureRegions.databricksRegions() lists them), or pass the region as a token (a Terraform variable) to use a region newer than this table',
    );
    expect(() => new NetworkConnectivityConfig(stack, 'Ncc2', { name: 'ncc2', region: 'UAE Central' })).toThrow(
      /test\/Ncc2: invalid region "UAE Central": uaecentral is an Azure region but Azure Databricks does not run there/,
    );
  });

  test.each(['eastus2', 'Switzerland West', 'mexicocentral'])('a Databricks region is accepted: %j', (region) => {
    const { stack } = newStack();
    expect(() => new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region })).not.toThrow();
  });

  test('the unknown-region suggestions name Databricks regions only', () => {
    const { stack } = newStack();
    expect(() => new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'italy-nort' })).toThrow(
      /invalid region "italy-nort": it is not an Azure region where Azure Databricks runs. Fix: Did you mean (?![^?]*italynorth)/,
    );
  });

  test('token name and region pass through unvalidated', () => {
    const { stack } = newStack();
    const name = new TerraformVariable(stack, 'name', { type: 'string' });
    const region = new TerraformVariable(stack, 'region', { type: 'string' });
    new NetworkConnectivityConfig(stack, 'Ncc', { name: name.stringValue, region: region.stringValue });
    expect(only(synth(stack), NCC)).toMatchObject({ name: '${var.name}', region: '${var.region}' });
  });

  test('warns when an app declares more NCCs in one region than the limit', () => {
    const { stack } = newStack();
    for (let i = 0; i < 3; i++) {
      new NetworkConnectivityConfig(stack, `Ncc${i}`, { name: `ncc-${i}`, region: 'eastus2', accountLimits: { maxNccsPerRegion: 2 } });
    }
    new NetworkConnectivityConfig(stack, 'Other', { name: 'ncc-uk', region: 'uksouth', accountLimits: { maxNccsPerRegion: 2 } });
    expect(ruleFindings(stack, 'ADBS-LIMIT-NCCS')).toEqual([expect.stringMatching(/^This stack declares 3 NCCs in region eastus2, more than the account limit of 2 per region/)]);
    expect(findingsOn(stack, 'ADBS-LIMIT-NCCS')).toEqual(['test/Ncc2/Resource']);
  });

  test('the default limit is 10 NCCs per region', () => {
    const { stack } = newStack();
    for (let i = 0; i < 10; i++) {
      new NetworkConnectivityConfig(stack, `Ncc${i}`, { name: `ncc-${i}`, region: 'eastus2' });
    }
    expect(ruleFindings(stack, 'ADBS-LIMIT-NCCS')).toEqual([]);
    new NetworkConnectivityConfig(stack, 'Ncc10', { name: 'ncc-10', region: 'eastus2' });
    expect(findingsOn(stack, 'ADBS-LIMIT-NCCS')).toEqual(['test/Ncc10/Resource']);
  });

  test('imports an existing NCC and binds and adds rules with its provider', () => {
    const { stack, account } = newStack();
    const ncc = NetworkConnectivityConfig.fromNetworkConnectivityConfigAttributes(stack, 'Existing', { networkConnectivityConfigId: 'ncc-123', region: 'West Europe', accountProvider: account });
    expect(ncc.region).toBe('westeurope');
    ncc.bindWorkspace('Ws', { workspaceId: '1234567890123456', workspaceRegion: 'westeurope' });
    const json = synth(stack);
    expect(resources(json, NCC)).toEqual({});
    expect(only(json, BINDING)).toMatchObject({
      network_connectivity_config_id: 'ncc-123',
      workspace_id: '1234567890123456',
      provider: 'databricks.account',
    });
  });

  test('import rejects an empty NCC ID and an unknown region', () => {
    const { stack } = newStack();
    expect(() => NetworkConnectivityConfig.fromNetworkConnectivityConfigAttributes(stack, 'A', { networkConnectivityConfigId: ' ', region: 'eastus2' })).toThrow(/invalid networkConnectivityConfigId " "/);
    expect(() => NetworkConnectivityConfig.fromNetworkConnectivityConfigAttributes(stack, 'B', { networkConnectivityConfigId: 'ncc-1', region: 'atlantis' })).toThrow(/invalid region "atlantis"/);
    expect(() => NetworkConnectivityConfig.fromNetworkConnectivityConfigAttributes(stack, 'C', { networkConnectivityConfigId: 'ncc-1', region: 'Italy North' })).toThrow(
      /test\/C: invalid region "Italy North": italynorth is an Azure region but Azure Databricks does not run there/,
    );
  });

  test('the Databricks-region check stays on the NCC: the storage it reaches may live in any Azure region', () => {
    const { stack, account } = newStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: account });
    new ServerlessSecureStorage(stack, 'Lake', { networkConnectivityConfig: ncc, storageAccount: { name: 'stlake', resourceGroupName: 'rg', location: 'Italy North' } });
    expect(only(synth(stack), 'azurerm_storage_account')).toMatchObject({ location: 'italynorth' });
  });
});

describe('the account-level provider', () => {
  test('a workspace-level provider passed as accountProvider is an error naming its host and the fix; a token host passes', () => {
    const { stack } = newStack();
    const ws = new DatabricksProvider(stack, 'ws', { alias: 'ws', host: 'https://adb-1234567890123457.7.azuredatabricks.net' });
    expect(() => new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: ws })).toThrow(
      /test\/Ncc: invalid accountProvider "https:\/\/adb-1234567890123457.7.azuredatabricks.net": test\/ws is a workspace-level Databricks provider .*Fix: pass accountProvider: a DatabricksProvider with host "https:\/\/accounts.azuredatabricks.net"/,
    );
    expect(() => NetworkConnectivityConfig.fromNetworkConnectivityConfigAttributes(stack, 'Imported', { networkConnectivityConfigId: 'n1', region: 'eastus2', accountProvider: ws })).toThrow(
      /test\/Imported: invalid accountProvider/,
    );
    const host = new TerraformVariable(stack, 'host', { type: 'string' });
    const tokenHost = new DatabricksProvider(stack, 'var', { alias: 'var', host: host.stringValue });
    expect(() => new NetworkConnectivityConfig(stack, 'Ok', { name: 'ncc2', region: 'eastus2', accountProvider: tokenHost })).not.toThrow();
  });

  test('without accountProvider: the stack\'s default databricks provider must exist and be account-level (checked at synth)', () => {
    const none = newStack('test', { defaultDatabricks: false });
    new NetworkConnectivityConfig(none.stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
    expect(() => synth(none.stack)).toThrow(/\[test\/Ncc\] invalid accountProvider \(not set\): no accountProvider was given, and the stack has no default \(un-aliased\) databricks provider/);
    const workspaceLevel = newStack('test', { defaultDatabricks: false });
    new NetworkConnectivityConfig(workspaceLevel.stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
    new DatabricksProvider(workspaceLevel.stack, 'databricks', { host: 'https://adb-1.1.azuredatabricks.net' });
    expect(() => synth(workspaceLevel.stack)).toThrow(/the stack's default provider is used, and test\/databricks is a workspace-level Databricks provider/);
    // The default account-level provider of newStack: fine.
    const fine = newStack();
    new NetworkConnectivityConfig(fine.stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
    expect(() => synth(fine.stack)).not.toThrow();
  });
});

describe('bindWorkspace', () => {
  test('binds a literal workspace ID, keeping all 64-bit digits', () => {
    const { stack, account } = newStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: account });
    // Odd and above 2^53: a double cannot hold it (Number('9007199254740993') is 9007199254740992).
    const b = ncc.bindWorkspace('Analytics', { workspaceId: '9007199254740993' });
    const json = synth(stack);
    const res = only(json, BINDING);
    expect(res.workspace_id).toBe('9007199254740993');
    expect(res.network_connectivity_config_id).toBe(ref(json, NCC, 'network_connectivity_config_id'));
    expect(res.provider).toBe('databricks.account');
    expect(b.resource.friendlyUniqueId).toMatch(/Analytics/);
  });

  test('binds an azurerm workspace by reference and checks its location', () => {
    const { stack } = newStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
    const ws = new DatabricksWorkspace(stack, 'Ws', { name: 'ws', location: 'East US 2', resourceGroupName: 'rg', sku: 'premium' });
    ncc.bindWorkspace('Ws', { workspace: ws });
    const res = only(synth(stack), BINDING);
    expect(res.workspace_id).toMatch(/^\$\{azurerm_databricks_workspace\.Ws\.workspace_id\}$/);
  });

  test('a workspace in another region is an error naming both regions', () => {
    const { stack } = newStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
    const ws = new DatabricksWorkspace(stack, 'Ws', { name: 'ws', location: 'westeurope', resourceGroupName: 'rg', sku: 'premium' });
    expect(() => ncc.bindWorkspace('Ws', { workspace: ws })).toThrow(
      /invalid workspaceRegion "westeurope": the workspace is in westeurope but NCC test\/Ncc is in eastus2.*Fix: bind the workspace to an NCC in westeurope/,
    );
    expect(() => ncc.bindWorkspace('Ws2', { workspaceId: '123', workspaceRegion: 'Atlantis' })).toThrow(/invalid workspaceRegion "Atlantis"/);
  });

  test('a workspace region where Azure Databricks does not run is refused, even when the NCC region is a token', () => {
    const { stack } = newStack();
    const region = new TerraformVariable(stack, 'region', { type: 'string' });
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: region.stringValue });
    expect(() => ncc.bindWorkspace('Ws', { workspaceId: '42', workspaceRegion: 'italynorth' })).toThrow(
      /test\/Ncc\/Ws: invalid workspaceRegion "italynorth": italynorth is an Azure region but Azure Databricks does not run there.*Fix: pick a region where Azure Databricks runs/,
    );
    expect(() => ncc.bindWorkspace('Ws2', { workspaceId: '43', workspaceRegion: 'uksouth' })).not.toThrow();
  });

  test.each(['abc', '12.5', '0123', '-5', ''])('rejects the workspace ID %j', (workspaceId) => {
    const { stack } = newStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
    expect(() => ncc.bindWorkspace('Ws', { workspaceId })).toThrow(/invalid workspaceId .*numeric ID of the workspace/);
  });

  test('needs exactly one of workspaceId and workspace', () => {
    const { stack } = newStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
    const ws = new DatabricksWorkspace(stack, 'Ws', { name: 'ws', location: 'eastus2', resourceGroupName: 'rg', sku: 'premium' });
    expect(() => ncc.bindWorkspace('A', {})).toThrow(/give exactly one of workspaceId and workspace/);
    expect(() => ncc.bindWorkspace('B', { workspaceId: '1', workspace: ws })).toThrow(/give exactly one of workspaceId and workspace/);
  });

  test('the same literal workspace bound to two NCCs is an error at synth', () => {
    const { stack } = newStack();
    const a = new NetworkConnectivityConfig(stack, 'A', { name: 'ncc-a', region: 'eastus2' });
    const b = new NetworkConnectivityConfig(stack, 'B', { name: 'ncc-b', region: 'eastus2' });
    a.bindWorkspace('Ws', { workspaceId: '42' });
    b.bindWorkspace('Ws', { workspaceId: '42' });
    expect(() => synth(stack)).toThrow(/the same workspace is bound more than once: test\/A\/Ws \(NCC test\/A\), test\/B\/Ws \(NCC test\/B\)/);
  });

  test('the same workspace reference bound twice (different tokens) is an error at synth', () => {
    const { stack } = newStack();
    const a = new NetworkConnectivityConfig(stack, 'A', { name: 'ncc-a', region: 'eastus2' });
    const ws = new DatabricksWorkspace(stack, 'Ws', { name: 'ws', location: 'eastus2', resourceGroupName: 'rg', sku: 'premium' });
    a.bindWorkspace('One', { workspace: ws });
    a.bindWorkspace('Two', { workspaceId: ws.workspaceId });
    expect(() => synth(stack)).toThrow(/bound more than once.*silently replaces the first/);
  });

  test('the same workspace bound in two stacks of one app is an error', () => {
    const { app, stack } = newStack('one');
    const other = new TerraformStack(app, 'two');
    new NetworkConnectivityConfig(stack, 'A', { name: 'ncc-a', region: 'eastus2' }).bindWorkspace('Ws', { workspaceId: '7' });
    new NetworkConnectivityConfig(other, 'B', { name: 'ncc-b', region: 'eastus2' }).bindWorkspace('Ws', { workspaceId: '7' });
    expect(() => synth(other)).toThrow(/one\/A\/Ws.*two\/B\/Ws|two\/B\/Ws.*one\/A\/Ws/);
  });

  test('workspaces at the same address in two stacks are two workspaces: no conflict', () => {
    const { app, stack } = newStack('one');
    const other = new TerraformStack(app, 'two');
    new AzurermProvider(other, 'azurerm', { features: [{}] });
    new DatabricksProvider(other, 'databricks', { host: 'https://accounts.azuredatabricks.net' });
    for (const s of [stack, other]) {
      const ws = new DatabricksWorkspace(s, 'Ws', { name: `ws-${s.node.id}`, location: 'eastus2', resourceGroupName: 'rg', sku: 'premium' });
      new NetworkConnectivityConfig(s, 'Ncc', { name: 'ncc-a', region: 'eastus2' }).bindWorkspace('Ws', { workspace: ws });
    }
    expect(Object.keys(resources(synth(stack), BINDING))).toHaveLength(1);
    expect(Object.keys(resources(synth(other), BINDING))).toHaveLength(1);
  });

  test('different workspaces are fine', () => {
    const { stack } = newStack();
    const a = new NetworkConnectivityConfig(stack, 'A', { name: 'ncc-a', region: 'eastus2' });
    a.bindWorkspace('W1', { workspaceId: '1' });
    a.bindWorkspace('W2', { workspaceId: '2' });
    expect(Object.keys(resources(synth(stack), BINDING))).toHaveLength(2);
  });

  test('warns when more workspaces are bound to one NCC than the limit', () => {
    const { stack } = newStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountLimits: { maxWorkspacesPerNcc: 2 } });
    ncc.bindWorkspace('W1', { workspaceId: '1' });
    ncc.bindWorkspace('W2', { workspaceId: '2' });
    expect(ruleFindings(stack, 'ADBS-LIMIT-WORKSPACES')).toEqual([]);
    ncc.bindWorkspace('W3', { workspaceId: '3' });
    expect(ruleFindings(stack, 'ADBS-LIMIT-WORKSPACES')).toEqual([
      expect.stringMatching(/^This stack binds 3 workspaces to NCC test\/Ncc\/Resource, more than the account limit of 2 per NCC/),
    ]);
  });
});

describe('bindWorkspace region check with tokens', () => {
  test('a token NCC region with a literal workspace region is not a mismatch (nothing to compare at synth)', () => {
    const { stack, account } = newStack();
    const region = new TerraformVariable(stack, 'region', { type: 'string' });
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: region.stringValue, accountProvider: account });
    expect(() => ncc.bindWorkspace('Ws', { workspaceId: '42', workspaceRegion: 'westeurope' })).not.toThrow();
    const literal = new NetworkConnectivityConfig(stack, 'Literal', { name: 'ncc2', region: 'eastus2', accountProvider: account });
    expect(() => literal.bindWorkspace('Ws', { workspaceId: '43', workspaceRegion: 'westeurope' })).toThrow(/the workspace is in westeurope but NCC test\/Literal is in eastus2/);
  });
});
