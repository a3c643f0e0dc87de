/**
 * The stand-in plans and applies day 2 as the providers do (schemas/behaviours.json, standin/api.js).
 * Each test shows one behaviour with real Terraform on a hand-written configuration, and would fail
 * against a stand-in that keeps every value, never replaces, never defers and never fills.
 */
import { readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { applyDir, applyDirAt, ENDS, moveState, planDirAll, planDirAt, stateFile, world, writeConfig } from './harness';

const SUBSCRIPTION = '00000000-0000-0000-0000-0000000000aa';
const providers = {
  terraform: {
    required_providers: { azurerm: { source: 'hashicorp/azurerm' }, databricks: { source: 'databricks/databricks' }, azapi: { source: 'azure/azapi' }, time: { source: 'hashicorp/time' } },
  },
  provider: { azurerm: [{ features: [{ storage: [{ data_plane_available: false }] }] }], databricks: [{ host: 'https://accounts.azuredatabricks.net', account_id: 'acc-1' }], azapi: [{}], time: [{}] },
};

function account(name: string, extra: object = {}) {
  return { name, resource_group_name: 'rg-behaviour', location: 'eastus2', account_tier: 'Standard', account_replication_type: 'LRS', ...extra };
}

/** Actions per address of a plan (`replace` for delete+create). */
function actions(plan: any): Record<string, string> {
  return Object.fromEntries((plan.resource_changes ?? []).map((c: any) => [c.address, c.change.actions.length === 2 ? 'replace' : c.change.actions[0]]));
}

function rewrite(dir: string, config: object): void {
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config, null, 2));
}

describe('the stand-in plans like the providers', () => {
  test('an attribute that forces replacement replaces (SDKv2 ForceNew); one that does not updates in place', () => {
    const dir = writeConfig({ ...providers, resource: { azurerm_storage_account: { sa: account('stbehaviourrepl') } } });
    try {
      applyDir(dir);
      rewrite(dir, { ...providers, resource: { azurerm_storage_account: { sa: account('stbehaviourrepl', { account_tier: 'Premium' }) } } });
      expect(actions(planDirAll(dir).oldest)).toEqual({ 'azurerm_storage_account.sa': 'replace' });
      rewrite(dir, { ...providers, resource: { azurerm_storage_account: { sa: account('stbehaviourrepl', { tags: { team: 'data' } }) } } });
      expect(actions(planDirAll(dir).newest)).toEqual({ 'azurerm_storage_account.sa': 'update' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unset Optional+Computed block is known after apply on create (SDKv2), and kept from state on update', () => {
    const dir = writeConfig({ ...providers, resource: { azurerm_storage_account: { sa: account('stbehaviourblk') } } });
    try {
      const plans = planDirAll(dir);
      for (const end of ENDS) {
        const change = plans[end].resource_changes[0].change;
        const unknown = { end, rules: change.after_unknown.network_rules, queue: change.after_unknown.queue_properties };
        expect(unknown).toEqual({ end, rules: true, queue: true });
      }
      applyDir(dir);
      rewrite(dir, { ...providers, resource: { azurerm_storage_account: { sa: account('stbehaviourblk', { tags: { a: 'b' } }) } } });
      const update = planDirAll(dir).oldest.resource_changes[0].change;
      expect(update.after_unknown.network_rules).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a framework resource with a change: computed values unknown but those kept by UseStateForUnknown or the provider\'s own plan', () => {
    const update = (description: string, createDuration: string) => ({
      ...providers,
      resource: {
        time_sleep: { wait: { create_duration: createDuration } },
        azapi_update_resource: {
          up: { type: 'Microsoft.Resources/resourceGroups@2021-04-01', resource_id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-x`, body: { tags: { d: description } } },
        },
      },
    });
    const dir = writeConfig(update('one', '1s'));
    try {
      applyDir(dir);
      rewrite(dir, update('two', '2s'));
      const plan = planDirAll(dir).newest;
      const change = (address: string) => plan.resource_changes.find((c: any) => c.address === address).change;
      // azapi: output depends on the body, so it is unknown; id and resource_id are kept (UseStateForUnknown).
      expect(change('azapi_update_resource.up').after_unknown).toMatchObject({ output: true });
      expect(change('azapi_update_resource.up').after_unknown.id).toBeUndefined();
      expect(change('azapi_update_resource.up').after.resource_id).toBe(`/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-x`);
      // time_sleep: create_duration updates in place, id is kept.
      expect(actions(plan)['time_sleep.wait']).toBe('update');
      expect(change('time_sleep.wait').after_unknown.id).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an azapi update whose resource_id becomes unknown is replaced (RequiresReplace on unknown): the approval churn the library avoids', () => {
    const config = (known: boolean) => ({
      ...providers,
      variable: { id: { type: 'string' } },
      resource: {
        time_sleep: { wait: { create_duration: '1s', triggers: { v: known ? 'a' : '${timestamp()}' } } },
        azapi_update_resource: {
          up: {
            type: 'Microsoft.Resources/resourceGroups@2021-04-01',
            resource_id: `\${time_sleep.wait.id == "" ? "" : "/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-y"}`,
            body: { tags: { a: 'b' } },
          },
        },
      },
    });
    const dir = writeConfig(config(true));
    try {
      applyDir(dir);
      // The wait is replaced, so its id (and the update's resource_id) is unknown at plan.
      rewrite(dir, config(false));
      expect(actions(planDirAll(dir).oldest)).toEqual({ 'time_sleep.wait': 'replace', 'azapi_update_resource.up': 'replace' });
      const ignored: any = config(false);
      ignored.resource.azapi_update_resource.up.lifecycle = { ignore_changes: ['resource_id'] };
      rewrite(dir, ignored);
      expect(actions(planDirAll(dir).oldest)).toEqual({ 'time_sleep.wait': 'replace', 'azapi_update_resource.up': 'no-op' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a value the API fills is accepted by an SDKv2 provider but fails a framework apply when not computed: a network policy without ingress at databricks >= 1.113', () => {
    const policy = (id: string, ingress?: object) => ({
      ...providers,
      resource: {
        databricks_account_network_policy: {
          p: { account_id: 'acc-1', network_policy_id: id, egress: { network_access: { restriction_mode: 'RESTRICTED_ACCESS' } }, ...(ingress ? { ingress } : {}) },
        },
      },
    });
    const without = writeConfig(policy('np-behaviour-1'));
    try {
      // 1.99: no ingress in the schema; the provider drops what the API fills.
      applyDirAt('oldest', without);
      expect(() => applyDirAt('newest', without)).toThrow(/Provider produced inconsistent result after apply[\s\S]*\.ingress: was null, but now/);
    } finally {
      rmSync(without, { recursive: true, force: true });
    }
    // Written whole, the newest end converges; without cross_workspace_access the API refuses it.
    const whole = writeConfig(policy('np-behaviour-2', { private_access: { restriction_mode: 'ALLOW_ALL_REGISTERED_ENDPOINTS' }, cross_workspace_access: { restriction_mode: 'RESTRICTED_ACCESS' } }));
    const partial = writeConfig(policy('np-behaviour-3', { private_access: { restriction_mode: 'ALLOW_ALL_REGISTERED_ENDPOINTS' } }));
    try {
      applyDirAt('newest', whole);
      expect(actions(planDirAt('newest', whole, undefined, { refresh: true }))).toEqual({ 'databricks_account_network_policy.p': 'no-op' });
      expect(() => applyDirAt('newest', partial)).toThrow(/cross_workspace_access is required/);
    } finally {
      rmSync(whole, { recursive: true, force: true });
      rmSync(partial, { recursive: true, force: true });
    }
  });

  test('the fake cloud: a rule makes a Pending connection on its target; a storage account refuses to approve an Approved connection again', () => {
    const target = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-behaviour/providers/Microsoft.Storage/storageAccounts/stbehaviourpec`;
    const config = (approvals: string[]) => ({
      ...providers,
      resource: {
        databricks_mws_network_connectivity_config: { ncc: { name: 'ncc-behaviour', region: 'eastus2' } },
        databricks_mws_ncc_private_endpoint_rule: { rule: { network_connectivity_config_id: '${databricks_mws_network_connectivity_config.ncc.network_connectivity_config_id}', resource_id: target, group_id: 'blob' } },
        ...(approvals.length ? {
          azapi_update_resource: Object.fromEntries(approvals.map((n) => [n, {
            type: 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01',
            resource_id: '${data.azapi_resource_list.l.output.value[0].id}',
            body: { properties: { privateLinkServiceConnectionState: { status: 'Approved', description: n } } },
          }])),
        } : {}),
      },
      data: { azapi_resource_list: { l: { type: 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01', parent_id: target, response_export_values: ['value'], depends_on: ['databricks_mws_ncc_private_endpoint_rule.rule'] } } },
    });
    const dir = writeConfig(config([]));
    try {
      applyDir(dir);
      for (const end of ENDS) {
        const [c] = world(end).get('connections', target).connections;
        expect(c.properties.privateLinkServiceConnectionState.status).toBe('Pending');
        const endpoint = JSON.parse(readFileSync(stateFile(dir, end), 'utf8')).resources.find((r: any) => r.type === 'databricks_mws_ncc_private_endpoint_rule').instances[0].attributes.endpoint_name;
        expect(c.properties.privateEndpoint.id).toMatch(new RegExp(`/privateEndpoints/${endpoint}$`));
        expect(endpoint).toMatch(/^databricks-[0-9a-f-]{36}-pe-[0-9a-f]{8}$/);
      }
      rewrite(dir, config(['first']));
      applyDir(dir, undefined, [], { refresh: true });
      // A refresh reads the rule's state from its connection.
      expect(planDirAll(dir, undefined, { refresh: true }).oldest.prior_state.values.root_module.resources.find((r: any) => r.type === 'databricks_mws_ncc_private_endpoint_rule').values.connection_state).toBe('ESTABLISHED');
      rewrite(dir, config(['first', 'second']));
      expect(() => applyDir(dir)).toThrow(/PrivateEndpointConnectionAlreadyApproved/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('azurerm 4.x reads a new locked-down account through its data plane: 403 from outside its network, unless data_plane_available = false; 5.x does not', () => {
    const config = (features: object) => ({
      ...providers,
      provider: { ...providers.provider, azurerm: [{ features: [features] }] },
      resource: { azurerm_storage_account: { sa: account('stbehaviourdp', { public_network_access_enabled: false }) } },
    });
    const dir = writeConfig(config({}));
    try {
      expect(() => applyDirAt('oldest', dir)).toThrow(/retrieving queue properties[\s\S]*403/);
      applyDirAt('azurerm5', dir);
      rewrite(dir, config({ storage: [{ data_plane_available: false }] }));
      applyDirAt('oldest', dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('state written by older providers is upgraded to the newer schema (attributes it lacks dropped), with 64-bit IDs exact', () => {
    const config = {
      ...providers,
      resource: {
        azurerm_databricks_workspace: { ws: { name: 'dbw-behaviour', resource_group_name: 'rg-behaviour', location: 'eastus2', sku: 'premium' } },
        databricks_mws_ncc_binding: { b: { network_connectivity_config_id: 'ncc-1', workspace_id: '${azurerm_databricks_workspace.ws.workspace_id}' } },
        azurerm_storage_account: { sa: account('stbehaviourupg', { network_rules: [{ default_action: 'Deny' }] }) },
      },
    };
    const dir = writeConfig(config);
    try {
      applyDirAt('oldest', dir);
      const state = readFileSync(stateFile(dir, 'oldest'), 'utf8');
      // An odd workspace ID above 2^53: a double would round it to an even one.
      const id = /"workspace_id": (\d+)/.exec(state)![1];
      expect(BigInt(id) > 2n ** 53n && BigInt(id) % 2n === 1n).toBe(true);
      expect(JSON.parse(state).resources.find((r: any) => r.type === 'azurerm_storage_account').instances[0].attributes).toHaveProperty('queue_properties');
      // azurerm 5.x has no queue_properties: the state still reads, and nothing changes.
      moveState(dir, 'oldest', 'azurerm5');
      expect(actions(planDirAt('azurerm5', dir, undefined, { refresh: true }))).toEqual({
        'azurerm_databricks_workspace.ws': 'no-op',
        'azurerm_storage_account.sa': 'no-op',
        'databricks_mws_ncc_binding.b': 'no-op',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('azapi_resource and Unity Catalog: plans and the fake cloud', () => {
  const RG = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-behaviour`;

  test('azapi_resource: a new name replaces; a new API version updates in place (output unknown); a change that leaves the body alone keeps output and id', () => {
    const ip = (extra: object = {}, version = '2023-11-01', name = 'pip-behaviour') => ({
      ...providers,
      resource: {
        azapi_resource: {
          ip: { type: `Microsoft.Network/publicIPAddresses@${version}`, name, parent_id: RG, location: 'eastus2', body: { properties: { publicIPAllocationMethod: 'Static' } }, response_export_values: ['properties.publicIPAllocationMethod'], ...extra },
        },
      },
    });
    const dir = writeConfig(ip());
    try {
      applyDir(dir);
      for (const end of ENDS) {
        const state = JSON.parse(readFileSync(stateFile(dir, end), 'utf8')).resources[0].instances[0].attributes;
        expect({ end, id: state.id, output: state.output.value }).toEqual({
          end,
          id: `${RG}/providers/Microsoft.Network/publicIPAddresses/pip-behaviour`,
          output: { properties: { publicIPAllocationMethod: 'Static' } },
        });
      }
      rewrite(dir, ip({ locks: [RG] }));
      const kept = planDirAll(dir).newest.resource_changes[0].change;
      expect(actions(planDirAll(dir).oldest)).toEqual({ 'azapi_resource.ip': 'update' });
      expect(kept.after_unknown.output).toBeUndefined();
      expect(kept.after_unknown.id).toBeUndefined();
      rewrite(dir, ip({}, '2024-05-01'));
      const version = planDirAll(dir);
      expect(actions(version.oldest)).toEqual({ 'azapi_resource.ip': 'update' });
      expect(version.newest.resource_changes[0].change.after_unknown.output).toBe(true);
      rewrite(dir, ip({}, '2023-11-01', 'pip-behaviour-2'));
      expect(actions(planDirAll(dir).oldest)).toEqual({ 'azapi_resource.ip': 'replace' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const workspaceConfig = (name: string, properties: object = {}) => ({
    ...providers,
    terraform: { required_providers: { ...providers.terraform.required_providers, azapi: { source: 'azure/azapi', version: '>= 2.9.0, < 3.0.0' } } },
    resource: {
      azapi_resource: {
        ws: {
          type: 'Microsoft.Databricks/workspaces@2026-01-01',
          name,
          parent_id: RG,
          location: 'westeurope',
          body: { sku: { name: 'premium' }, properties: { computeMode: 'Serverless', publicNetworkAccess: 'Enabled', ...properties } },
          response_export_values: ['properties.workspaceId', 'properties.workspaceUrl'],
        },
      },
      databricks_mws_ncc_binding: { b: { network_connectivity_config_id: 'ncc-1', workspace_id: '${azapi_resource.ws.output.properties.workspaceId}' } },
    },
  });

  test('a serverless workspace through azapi: output holds exactly the exported paths, its workspace ID 64-bit digits read exactly; a refresh changes nothing', () => {
    const dir = writeConfig(workspaceConfig('dbw-behaviour-serverless'));
    try {
      applyDirAt('newest', dir);
      const resources = JSON.parse(readFileSync(stateFile(dir, 'newest'), 'utf8')).resources;
      const ws = resources.find((r: any) => r.type === 'azapi_resource').instances[0].attributes;
      // State keeps a dynamic value with its type: only the exported paths, as strings.
      expect(ws.output.type).toEqual(['object', { properties: ['object', { workspaceId: 'string', workspaceUrl: 'string' }] }]);
      const id: string = ws.output.value.properties.workspaceId;
      expect(id).toMatch(/^\d{16,19}$/);
      expect(BigInt(id) > 2n ** 53n && BigInt(id) % 2n === 1n).toBe(true);
      expect(ws.output.value.properties.workspaceUrl).toBe(`adb-${id}.${Number(id.slice(-2))}.azuredatabricks.net`);
      expect(ws.id).toBe(`${RG}/providers/Microsoft.Databricks/workspaces/dbw-behaviour-serverless`);
      // The binding's workspace_id (a number) holds the same digits: a double would have rounded them.
      const raw = readFileSync(stateFile(dir, 'newest'), 'utf8');
      expect(raw).toContain(`"workspace_id": ${id}`);
      expect(actions(planDirAt('newest', dir, undefined, { refresh: true }))).toEqual({ 'azapi_resource.ws': 'no-op', 'databricks_mws_ncc_binding.b': 'no-op' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    ['managedResourceGroupId', { managedResourceGroupId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/databricks-rg-x` }],
    ['parameters', { parameters: { customVirtualNetworkId: { value: `${RG}/providers/Microsoft.Network/virtualNetworks/vnet` } } }],
  ])('a serverless workspace body with %s is refused at apply (no managed resource group, no VNet injection)', (key, properties) => {
    const dir = writeConfig(workspaceConfig(`dbw-behaviour-refused-${key.toLowerCase()}`, properties));
    try {
      expect(() => applyDirAt('newest', dir)).toThrow(new RegExp(`Failed to create/update resource[\\s\\S]*computeMode\\s+Serverless\\s+takes\\s+no\\s+properties\\.${key}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('Unity Catalog objects: computed IDs linked as the APIs report them; a new access connector replaces it and its role, and updates the credential in place', () => {
    const ACCOUNT = `${RG}/providers/Microsoft.Storage/storageAccounts/stbehaviouruc`;
    const uc = (connector: string) => ({
      ...providers,
      provider: { ...providers.provider, databricks: [{ host: 'https://adb-1.1.azuredatabricks.net' }] },
      resource: {
        azurerm_databricks_access_connector: { ac: { name: connector, resource_group_name: 'rg-behaviour', location: 'eastus2', identity: [{ type: 'SystemAssigned' }] } },
        azurerm_role_assignment: { role: { scope: ACCOUNT, role_definition_name: 'Storage Blob Data Contributor', principal_id: '${azurerm_databricks_access_connector.ac.identity[0].principal_id}', principal_type: 'ServicePrincipal' } },
        databricks_storage_credential: { cred: { name: 'behaviour-uc', azure_managed_identity: [{ access_connector_id: '${azurerm_databricks_access_connector.ac.id}' }], depends_on: ['azurerm_role_assignment.role'] } },
        databricks_external_location: { loc: { name: 'behaviour_uc', url: 'abfss://landing@stbehaviouruc.dfs.core.windows.net/', credential_name: '${databricks_storage_credential.cred.name}' } },
        databricks_catalog: { cat: { name: 'behaviour_uc', storage_root: 'abfss://landing@stbehaviouruc.dfs.core.windows.net/', isolation_mode: 'ISOLATED', depends_on: ['databricks_external_location.loc'] } },
        databricks_workspace_binding: { bind: { securable_name: '${databricks_catalog.cat.name}', securable_type: 'catalog', workspace_id: '7777777777777777777', binding_type: 'BINDING_TYPE_READ_WRITE' } },
        databricks_grants: { grants: { catalog: '${databricks_catalog.cat.name}', grant: [{ principal: 'analysts', privileges: ['USE_CATALOG'] }] } },
      },
    });
    const dir = writeConfig(uc('ac-behaviour-one'));
    try {
      applyDir(dir);
      for (const end of ENDS) {
        const byType = Object.fromEntries(JSON.parse(readFileSync(stateFile(dir, end), 'utf8')).resources.map((r: any) => [r.type, r.instances[0].attributes]));
        const identity = byType.azurerm_databricks_access_connector.identity[0];
        const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
        expect(identity.principal_id).toMatch(guid);
        expect(identity.tenant_id).toMatch(guid);
        expect(byType.azurerm_role_assignment.principal_id).toBe(identity.principal_id);
        expect(byType.azurerm_role_assignment.id).toMatch(new RegExp(`^${ACCOUNT}/providers/Microsoft.Authorization/roleAssignments/[0-9a-f-]{36}$`));
        expect(byType.azurerm_role_assignment.role_definition_id).toBe(`/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe`);
        expect(byType.databricks_storage_credential.id).toBe('behaviour-uc');
        expect(byType.databricks_storage_credential.storage_credential_id).toMatch(guid);
        // The location reports its credential's ID; every object of the workspace its one metastore.
        expect(byType.databricks_external_location.credential_id).toBe(byType.databricks_storage_credential.storage_credential_id);
        expect(byType.databricks_catalog.metastore_id).toBe(byType.databricks_storage_credential.metastore_id);
        expect(byType.databricks_catalog.storage_location).toMatch(/^abfss:\/\/landing@stbehaviouruc\.dfs\.core\.windows\.net\/__unitystorage\/catalogs\/[0-9a-f-]{36}$/);
        expect(byType.databricks_workspace_binding.id).toBe('7777777777777777777|catalog|behaviour_uc');
        expect(byType.databricks_grants.id).toBe('catalog/behaviour_uc');
      }
      expect(Object.values(actions(planDirAll(dir, undefined, { refresh: true }).oldest)).every((a) => a === 'no-op')).toBe(true);
      rewrite(dir, uc('ac-behaviour-two'));
      const rotated = planDirAll(dir, undefined, { refresh: true });
      expect(Object.fromEntries(Object.entries(actions(rotated.oldest)).filter(([, a]) => a !== 'no-op'))).toEqual({
        'azurerm_databricks_access_connector.ac': 'replace',
        'azurerm_role_assignment.role': 'replace',
        'databricks_storage_credential.cred': 'update',
      });
      applyDir(dir, undefined, [], { refresh: true });
      expect(Object.values(actions(planDirAll(dir, undefined, { refresh: true }).newest)).every((a) => a === 'no-op')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
