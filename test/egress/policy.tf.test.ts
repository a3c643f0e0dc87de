/**
 * Real Terraform, offline (test/terraform/): the stacks of policy validated and planned at both ends.
 */
import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import {
  DryRunProduct,
  EgressEnforcement,
  ServerlessEgressPolicy,
} from '../../src';
import { Fixtures, planStack, validateStack } from '../terraform/harness';
import { newStack } from '../util';

const POLICY = 'databricks_account_network_policy';
const OPTION = 'databricks_workspace_network_option';

function setup() {
  const t = newStack();
  const policy = new ServerlessEgressPolicy(t.stack, 'Egress', { networkPolicyId: 'np-data', accountProvider: t.account });
  return { ...t, policy };
}

function workspace(stack: any, id = 'Ws') {
  return new DatabricksWorkspace(stack, id, { name: `dbw-${id.toLowerCase()}`, resourceGroupName: 'rg', location: 'eastus2', sku: 'premium' });
}
describe('ServerlessEgressPolicy, with real Terraform at both ends of the databricks range', () => {
  test('a policy, its assignments and an adopted default-policy validate and plan', () => {
    const { stack, policy, account } = setup();
    policy.allowDomains('pypi.org');
    policy.allowStorage({ storageAccountName: 'stlake' });
    policy.applyTo('Ws', { workspace: workspace(stack) });
    ServerlessEgressPolicy.adoptDefaultPolicy(stack, 'Default', { accountProvider: account, enforcement: EgressEnforcement.dryRun(DryRunProduct.DBSQL) });
    const result = validateStack(stack);
    expect(result.errors).toBe('');
    const existing: Fixtures = { databricks_account_network_policy: [{ match: { import_id: 'default-policy' }, values: { network_policy_id: 'default-policy' } }] };
    const plan = planStack(stack, existing);
    const actions = Object.fromEntries(plan.resource_changes.map((c: any) => [c.type, c.change.actions.join(',')]));
    expect(plan.resource_changes.filter((c: any) => c.type === POLICY).map((c: any) => [c.change.after.network_policy_id, c.change.actions.join(','), !!c.change.importing]).sort())
      .toEqual([['default-policy', 'update', true], ['np-data', 'create', false]]);
    expect(actions[OPTION]).toBe('create');
  });
});
