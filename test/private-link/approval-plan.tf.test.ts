/**
 * The approval planned and applied by real Terraform against the offline stand-in providers, with
 * fixture connection lists on the target: which connection does the plan approve?
 */
import { execFileSync } from 'child_process';
import { rmSync } from 'fs';
import { NetworkConnectivityConfig, PrivateLinkSubResource } from '../../src';
import { AzapiProvider } from '../../src/bindings/azapi/provider';
import { terraformEnv } from '../terraform/cli';
import { applyDir, Fixtures, planDir, plannedAfter, writeStack } from '../terraform/harness';
import { armId, newStack, synth } from '../util';

const OURS = 'databricks-7d0c1b2a-3e4f-4a5b-8c9d-0e1f2a3b4c5d-pe-0a1b2c3d';

function connection(target: string, name: string, endpoint: string, status: string) {
  return {
    id: `${target}/privateEndpointConnections/${name}`,
    name,
    properties: {
      privateEndpoint: { id: `/subscriptions/99999999-8888-7777-6666-555555555555/resourceGroups/dbx/providers/Microsoft.Network/privateEndpoints/${endpoint}` },
      privateLinkServiceConnectionState: { status, description: '', actionsRequired: 'None' },
    },
  };
}

/** A stack with one approved rule on a storage account of its own (fixtures stay apart per test). */
function approvalStack(account: string, waitSeconds?: number) {
  const { stack } = newStack();
  const target = armId('Microsoft.Storage/storageAccounts', account);
  const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
  const approval = ncc.addPrivateEndpointRule('Blob', { resourceId: target, subResource: PrivateLinkSubResource.BLOB }).approve({ waitSeconds });
  const json = synth(stack);
  const ruleAddress = `databricks_mws_ncc_private_endpoint_rule.${Object.keys(json.resource.databricks_mws_ncc_private_endpoint_rule)[0]}`;
  const approveAddress = `azapi_update_resource.${Object.keys(json.resource.azapi_update_resource)[0]}`;
  return { stack, target, approval, ruleAddress, approveAddress };
}

function fixtures(target: string, connections: unknown[] | null): Fixtures {
  return {
    databricks_mws_ncc_private_endpoint_rule: [{ match: { resource_id: target }, values: { endpoint_name: OURS } }],
    azapi_resource_list: [{ match: { parent_id: target }, values: { output: connections === null ? null : { value: connections } } }],
  };
}

describe('approval, planned by terraform with fixture connection lists', () => {
  test('after the rule exists, the plan approves our pending connection and not the foreign one', () => {
    const { stack, target, ruleAddress, approveAddress } = approvalStack('stplan1', 0);
    const dir = writeStack(stack);
    try {
      const list = [
        connection(target, 'st.foreign', 'pe-foreign', 'Pending'),
        connection(target, 'st.prefix', `${OURS}0`, 'Pending'),
        connection(target, 'st.ours', OURS, 'Pending'),
      ];
      applyDir(dir, fixtures(target, list), [`-target=${ruleAddress}`]);
      const plan = planDir(dir, fixtures(target, list));
      const after = plannedAfter(plan, approveAddress);
      expect(after.resource_id).toBe(`${target}/privateEndpointConnections/st.ours`);
      expect(after.type).toBe('Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01');
      expect(after.body.properties.privateLinkServiceConnectionState.status).toBe('Approved');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('only a foreign pending connection: the plan fails with the actionable message, nothing is approved', () => {
    const { stack, target, ruleAddress } = approvalStack('stplan2', 0);
    const dir = writeStack(stack);
    try {
      const list = [connection(target, 'st.foreign', 'pe-foreign', 'Pending'), connection(target, 'st.suffix', `evil-${OURS}`, 'Pending')];
      applyDir(dir, fixtures(target, list), [`-target=${ruleAddress}`]);
      let message = '';
      try {
        planDir(dir, fixtures(target, list));
      } catch (e: any) {
        message = e.message.replace(/\s+/g, ' ');
      }
      expect(message).toMatch(/Resource precondition failed.*expected exactly one Pending or Approved private endpoint connection .* found 0 after waiting up to 0s/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an empty endpoint name approves nothing, even a connection of an endpoint with an empty name', () => {
    const { stack, target, ruleAddress } = approvalStack('stplan4', 0);
    const dir = writeStack(stack);
    try {
      const list = [connection(target, 'st.noname', '', 'Pending'), connection(target, 'st.foreign', 'pe-foreign', 'Pending')];
      const empty: Fixtures = { ...fixtures(target, list), databricks_mws_ncc_private_endpoint_rule: [{ match: { resource_id: target }, values: { endpoint_name: '' } }] };
      applyDir(dir, empty, [`-target=${ruleAddress}`]);
      let message = '';
      try {
        planDir(dir, empty);
      } catch (e: any) {
        message = e.message.replace(/\s+/g, ' ');
      }
      expect(message).toMatch(/Resource precondition failed.*ends with "\/privateEndpoints\/\(no endpoint name yet\)", found 0/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('with azapi\'s default output disabled, the lookups still see the connections (they ask for the list)', () => {
    // The stand-in gives azapi's raw response and makes `output` of it as azapi does.
    const raw = (target: string, list: unknown[]): Fixtures => ({
      databricks_mws_ncc_private_endpoint_rule: [{ match: { resource_id: target }, values: { endpoint_name: OURS } }],
      azapi_resource_list: [{ match: { parent_id: target }, values: { response: { value: list } } }],
    });
    const plan = (account: string, exportList: boolean) => {
      const { stack, target, approval, ruleAddress, approveAddress } = approvalStack(account, 0);
      (stack.node.findChild('azapi') as AzapiProvider).addOverride('disable_default_output', true);
      if (!exportList) {
        approval.lookup!.addOverride('response_export_values', null);
      }
      const dir = writeStack(stack);
      try {
        const list = [connection(target, 'st.foreign', 'pe-foreign', 'Pending'), connection(target, 'st.ours', OURS, 'Pending')];
        applyDir(dir, raw(target, list), [`-target=${ruleAddress}`]);
        return { after: plannedAfter(planDir(dir, raw(target, list)), approveAddress), target };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const ok = plan('stplan5', true);
    expect(ok.after.resource_id).toBe(`${ok.target}/privateEndpointConnections/st.ours`);
    // Without response_export_values the list comes back empty and nothing can be approved.
    expect(() => plan('stplan6', false)).toThrow(/Resource precondition failed[\s\S]*found 0/);
  });

  test('two rules on one target whose connections appear at different times: the first is approved at once, the second on the next apply', () => {
    const { stack } = newStack();
    const target = armId('Microsoft.Storage/storageAccounts', 'stplan7');
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2' });
    ncc.addPrivateEndpointRule('Blob', { resourceId: target, subResource: PrivateLinkSubResource.BLOB }).approve();
    ncc.addPrivateEndpointRule('Dfs', { resourceId: target, subResource: PrivateLinkSubResource.DFS }).approve();
    const json = synth(stack);
    const update = (id: string) => `azapi_update_resource.${Object.keys(json.resource.azapi_update_resource).find((n) => n.startsWith(`Ncc_${id}_`))}`;
    const DFS = `${OURS.slice(0, -8)}dfs00000`;
    const twoRules = (list: unknown[]): Fixtures => ({
      databricks_mws_ncc_private_endpoint_rule: [
        { match: { resource_id: target, group_id: 'blob' }, values: { endpoint_name: OURS, connection_state: 'CREATING' } },
        { match: { resource_id: target, group_id: 'dfs' }, values: { endpoint_name: DFS, connection_state: 'CREATING' } },
      ],
      azapi_resource_list: [{ match: { parent_id: target }, values: { output: { value: list } } }],
    });
    const dir = writeStack(stack);
    try {
      // First apply: after the wait only the blob connection is there. Blob is approved; dfs fails with the actionable message.
      const blobOnly = [connection(target, 'st.foreign', 'pe-foreign', 'Pending'), connection(target, 'st.blob', OURS, 'Pending')];
      let message = '';
      try {
        applyDir(dir, twoRules(blobOnly));
      } catch (e: any) {
        message = e.message.replace(/\s+/g, ' ');
      }
      expect(message).toMatch(/Resource precondition failed.*approval for NCC rule test\/Ncc\/Dfs: expected exactly one .*found 0 after waiting up to 180s/);
      expect(message).not.toMatch(/NCC rule test\/Ncc\/Blob:/);
      const state = JSON.parse(execFileSync('terraform', ['show', '-json'], { cwd: dir, env: terraformEnv(), encoding: 'utf8' }));
      const applied = state.values.root_module.resources.filter((r: any) => r.type === 'azapi_update_resource');
      expect(applied.map((r: any) => [r.address, r.values.resource_id])).toEqual([[update('Blob'), `${target}/privateEndpointConnections/st.blob`]]);

      // Next apply: the dfs connection has appeared (blob's is Approved now). Only dfs is approved; then nothing is left to do.
      const both = [connection(target, 'st.blob', OURS, 'Approved'), connection(target, 'st.dfs', DFS, 'Pending')];
      const plan = planDir(dir, twoRules(both));
      const changes = (plan.resource_changes ?? []).filter((c: any) => !c.change.actions.includes('no-op') && !c.address.startsWith('data.'));
      expect(changes.map((c: any) => `${c.address}:${c.change.actions}`)).toEqual([`${update('Dfs')}:create`]);
      expect(plannedAfter(plan, update('Dfs')).resource_id).toBe(`${target}/privateEndpointConnections/st.dfs`);
      applyDir(dir, twoRules(both));
      const settled = [connection(target, 'st.blob', OURS, 'Approved'), connection(target, 'st.dfs', DFS, 'Approved')];
      const after = planDir(dir, twoRules(settled));
      expect((after.resource_changes ?? []).filter((c: any) => !c.change.actions.includes('no-op') && !c.address.startsWith('data.'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('one apply converges with the default waits, and the next plan changes nothing', () => {
    const { stack, target, approveAddress } = approvalStack('stplan3');
    const dir = writeStack(stack);
    try {
      const list = [connection(target, 'st.foreign', 'pe-foreign', 'Pending'), connection(target, 'st.ours', OURS, 'Pending')];
      applyDir(dir, fixtures(target, list));
      const state = JSON.parse(execFileSync('terraform', ['show', '-json'], { cwd: dir, env: terraformEnv(), encoding: 'utf8' }));
      const approve = state.values.root_module.resources.find((r: any) => r.address === approveAddress);
      expect(approve.values.resource_id).toBe(`${target}/privateEndpointConnections/st.ours`);
      // The connection is now Approved; it stays selected, so the second plan is empty.
      const approved = [connection(target, 'st.foreign', 'pe-foreign', 'Pending'), connection(target, 'st.ours', OURS, 'Approved')];
      const plan = planDir(dir, fixtures(target, approved));
      const changes = (plan.resource_changes ?? []).filter((c: any) => !c.change.actions.includes('no-op') && !c.address.startsWith('data.'));
      expect(changes.map((c: any) => `${c.address}:${c.change.actions}`)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
