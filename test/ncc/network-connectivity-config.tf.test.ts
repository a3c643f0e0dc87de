/**
 * Real Terraform, offline (test/terraform/): the stacks of network-connectivity-config validated and planned at both ends.
 */
import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { NetworkConnectivityConfig } from '../../src';
import { planStack, plannedAfter, validateStack } from '../terraform/harness';
import { newStack, resources, synth } from '../util';

const BINDING = 'databricks_mws_ncc_binding';
describe('with real Terraform', () => {
  test('NCCs, bindings (literal, reference, imported NCC) validate and plan', () => {
    const { stack, account } = newStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'East US 2', accountProvider: account });
    const ws = new DatabricksWorkspace(stack, 'Ws', { name: 'ws', location: 'eastus2', resourceGroupName: 'rg', sku: 'premium' });
    ncc.bindWorkspace('Ws', { workspace: ws });
    ncc.bindWorkspace('Legacy', { workspaceId: '9876543210987654' });
    NetworkConnectivityConfig.fromNetworkConnectivityConfigAttributes(stack, 'Existing', { networkConnectivityConfigId: 'ncc-123', region: 'westeurope', accountProvider: account }).bindWorkspace('Other', { workspaceId: '42' });
    expect(validateStack(stack)).toMatchObject({ valid: true, errors: '' });
    const plan = planStack(stack);
    expect(plannedAfter(plan, `databricks_mws_ncc_binding.${Object.keys(resources(synth(stack), BINDING)).find((n) => n.includes('Legacy'))}`).workspace_id).toBe(9876543210987654);
  });
});
