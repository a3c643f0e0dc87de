/**
 * Day 2 of approvals: a rule joins an approved target, an expired rule is recreated, someone else edits
 * or rejects a connection. Real Terraform at both ends, against the stand-in's fake cloud, where a
 * storage account refuses to approve again a connection that is Approved already.
 */
import { readFileSync } from 'fs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { destroyOrder, Scenario } from './scenario';
import { NetworkConnectivityConfig, PrivateLinkSubResource } from '../../src';
import { End, stateFile, world } from '../terraform/harness';
import { newStack, synth } from '../util';

/** NCC + one storage account of its own (the fake cloud keeps targets apart by ID), with approved rules for the given sub-resources. */
function app(account: string, subResources: PrivateLinkSubResource[]) {
  const { stack, account: provider } = newStack();
  const rg = new ResourceGroup(stack, 'rg', { name: 'rg-day2', location: 'eastus2' });
  const lake = new StorageAccount(stack, 'lake', {
    name: account,
    resourceGroupName: rg.name,
    location: rg.location,
    accountTier: 'Standard',
    accountReplicationType: 'LRS',
    publicNetworkAccessEnabled: false,
    networkRules: { defaultAction: 'Deny', bypass: ['None'] },
  });
  const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc-day2', region: 'eastus2', accountProvider: provider });
  for (const sub of subResources) {
    ncc.addPrivateEndpointRule(sub.groupId, { resourceId: lake.id, subResource: sub }).approve();
  }
  return stack;
}

/** Terraform addresses of one rule's objects, by construct ID prefix (e.g. `Ncc_blob_`). */
function addressesOf(stack: ReturnType<typeof app>, id: string) {
  const json = synth(stack);
  const find = (type: string, prefix: string) => `${type}.${Object.keys(json.resource[type]).find((n) => n.startsWith(prefix))}`;
  return {
    rule: find('databricks_mws_ncc_private_endpoint_rule', `Ncc_${id}_`),
    wait: find('time_sleep', `Ncc_${id}_Approval_Wait_`),
    approval: find('azapi_update_resource', `Ncc_${id}_Approval_Approve_`),
    lookup: `data.azapi_resource_list.${Object.keys(json.data.azapi_resource_list)[0]}`,
  };
}

/** The endpoint name of a rule in an end's state. */
function endpointName(dir: string, end: End, address: string): string {
  const state = JSON.parse(readFileSync(stateFile(dir, end), 'utf8'));
  const [type, name] = address.split('.');
  return state.resources.find((r: any) => r.type === type && r.name === name).instances[0].attributes.endpoint_name;
}

const TARGET = (account: string) => `/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-day2/providers/Microsoft.Storage/storageAccounts/${account}`;

describe('day 2: approvals', () => {
  test('a dfs rule added to an account whose blob rule is approved: only its own objects are created; no approval is replaced or updated', () => {
    const a = app('stday2adddfs', [PrivateLinkSubResource.BLOB]);
    const s = Scenario.start(a);
    try {
      const b = app('stday2adddfs', [PrivateLinkSubResource.BLOB, PrivateLinkSubResource.DFS]);
      const blob = addressesOf(b, 'blob');
      const dfs = addressesOf(b, 'dfs');
      expect(s.change(b).changes()).toEqual({
        [dfs.rule]: 'create',
        [dfs.wait]: 'create',
        [dfs.approval]: 'create',
        // The target's list is read again after the new rule's wait: at apply.
        [blob.lookup]: 'read',
      });
      // The apply succeeds: the blob connection, Approved already, is not approved again (Storage would refuse).
      s.apply();
      s.expectSteady();
      for (const end of s.ends) {
        const statuses = world(end).get('connections', TARGET('stday2adddfs')).connections.map((c: any) => c.properties.privateLinkServiceConnectionState.status);
        expect({ end, statuses }).toEqual({ end, statuses: ['Approved', 'Approved'] });
      }
    } finally {
      s.dispose();
    }
  });

  test('an expired rule recreated with -replace: only that rule, its wait and its approval change; the new connection is approved in the same apply', () => {
    const a = app('stday2expired', [PrivateLinkSubResource.BLOB, PrivateLinkSubResource.DFS]);
    const s = Scenario.start(a);
    try {
      const blob = addressesOf(a, 'blob');
      const dfs = addressesOf(a, 'dfs');
      // The blob rule expired (not approved within 14 days): Databricks reports EXPIRED.
      for (const end of s.ends) {
        const list = world(end).get('connections', TARGET('stday2expired'));
        list.connections.find((c: any) => c.properties.privateEndpoint.id.endsWith(`/${endpointName(s.dir, end, blob.rule)}`)).expired = true;
        world(end).put('connections', TARGET('stday2expired'), list);
      }
      expect(s.changes([`-replace=${blob.rule}`])).toEqual({
        [blob.rule]: 'replace',
        [blob.wait]: 'replace',
        [blob.approval]: 'replace',
        [blob.lookup]: 'read',
      });
      const out = s.apply([`-replace=${blob.rule}`]);
      for (const end of s.ends) {
        // The old approval goes before the old rule; nothing of the dfs rule is touched.
        const order = destroyOrder(out[end]);
        expect(order.indexOf(blob.approval)).toBeLessThan(order.indexOf(blob.rule));
        expect(order.filter((x) => x.includes('_dfs_'))).toEqual([]);
        const status = (endpoint: string) => world(end).get('connections', TARGET('stday2expired')).connections
          .filter((c: any) => c.properties.privateEndpoint.id.endsWith(`/${endpoint}`)).map((c: any) => c.properties.privateLinkServiceConnectionState.status);
        // blob's new connection approved, dfs's untouched; blob's old one disconnected with its rule.
        expect({ end, blob: status(endpointName(s.dir, end, blob.rule)), dfs: status(endpointName(s.dir, end, dfs.rule)) }).toEqual({ end, blob: ['Approved'], dfs: ['Approved'] });
        expect(world(end).get('connections', TARGET('stday2expired')).connections.map((c: any) => c.properties.privateLinkServiceConnectionState.status).sort())
          .toEqual(['Approved', 'Approved', 'Disconnected']);
      }
      s.expectSteady();
    } finally {
      s.dispose();
    }
  });

  test('a connection whose description someone else changed is left alone: the library owns the act of approving, not the text', () => {
    const a = app('stday2descr', [PrivateLinkSubResource.BLOB]);
    const s = Scenario.start(a);
    try {
      for (const end of s.ends) {
        const list = world(end).get('connections', TARGET('stday2descr'));
        list.connections[0].properties.privateLinkServiceConnectionState.description = 'Approved by the storage team (CHG-1234)';
        world(end).put('connections', TARGET('stday2descr'), list);
      }
      s.expectSteady();
    } finally {
      s.dispose();
    }
  });

  test('a connection the owner rejected is not approved again: the plan fails with the recovery steps', () => {
    const a = app('stday2reject', [PrivateLinkSubResource.BLOB]);
    const s = Scenario.start(a);
    try {
      for (const end of s.ends) {
        const list = world(end).get('connections', TARGET('stday2reject'));
        list.connections[0].properties.privateLinkServiceConnectionState.status = 'Rejected';
        world(end).put('connections', TARGET('stday2reject'), list);
      }
      let message = '';
      try {
        s.plan();
      } catch (e: any) {
        message = e.message.replace(/\s+/g, ' ');
      }
      expect(message).toMatch(/Resource precondition failed.* found 0 after waiting up to 180s\..* recreate an EXPIRED\/REJECTED rule/);
    } finally {
      s.dispose();
    }
  });
});
