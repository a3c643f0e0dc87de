import { DatabricksAccessConnector } from '@cdktf/provider-azurerm/lib/databricks-access-connector';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ExternalLocation } from '@cdktf/provider-databricks/lib/external-location';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { StorageCredential } from '@cdktf/provider-databricks/lib/storage-credential';
import { TerraformVariable } from 'cdktf';
import { NetworkConnectivityConfig, PrivateLinkSubResource, ServerlessSecureStorage, ServerlessStorageCredential, StorageAccess } from '../../src';
import { l1Account } from '../checks/helpers';
import { findingsOn, newStack, only, resources, STORAGE_ID, synth } from '../util';

const WS_HOST = 'https://adb-1234567890123457.7.azuredatabricks.net';

function setup(storage: Partial<ConstructorParameters<typeof ServerlessSecureStorage>[2]> = {}) {
  const t = newStack();
  const ws = new DatabricksProvider(t.stack, 'ws', { alias: 'ws', host: WS_HOST });
  const ncc = new NetworkConnectivityConfig(t.stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: t.account });
  const lake = new ServerlessSecureStorage(t.stack, 'Lake', {
    networkConnectivityConfig: ncc,
    storageAccount: { name: 'stlake', resourceGroupName: 'rg-data', location: 'eastus2' },
    ...storage,
  } as any);
  return { ...t, ws, ncc, lake };
}

describe('ServerlessStorageCredential', () => {
  test('a new connector, its role on the account, a resource-instance rule on the firewall, and the credential after the role', () => {
    const { stack, ws, lake } = setup();
    new ServerlessStorageCredential(stack, 'Uc', { storage: lake, name: 'lake', workspaceProvider: ws });
    const json = synth(stack);
    const connector = only(json, 'azurerm_databricks_access_connector');
    expect(connector).toEqual({ name: 'ac-lake', resource_group_name: 'rg-data', location: 'eastus2', identity: { type: 'SystemAssigned' } });
    const connectorName = Object.keys(resources(json, 'azurerm_databricks_access_connector'))[0];
    const accountName = Object.keys(resources(json, 'azurerm_storage_account'))[0];
    expect(Object.values(resources(json, 'azurerm_role_assignment'))).toEqual([{
      scope: `\${azurerm_storage_account.${accountName}.id}`,
      role_definition_name: 'Storage Blob Data Contributor',
      principal_id: `\${azurerm_databricks_access_connector.${connectorName}.identity[0].principal_id}`,
      principal_type: 'ServicePrincipal',
    }]);
    expect(only(json, 'azurerm_storage_account').network_rules.private_link_access).toEqual([{ endpoint_resource_id: `\${azurerm_databricks_access_connector.${connectorName}.id}` }]);
    const roleName = Object.keys(resources(json, 'azurerm_role_assignment'))[0];
    expect(only(json, 'databricks_storage_credential')).toMatchObject({
      name: 'lake',
      azure_managed_identity: { access_connector_id: `\${azurerm_databricks_access_connector.${connectorName}.id}` },
      provider: 'databricks.ws',
      depends_on: [`azurerm_role_assignment.${roleName}`],
    });
  });

  test('read-only: the Reader role; file events: the queue and Event Grid roles too; an existing connector: no new one', () => {
    const { stack, ws, lake } = setup();
    new ServerlessStorageCredential(stack, 'Uc', { storage: lake, name: 'lake', workspaceProvider: ws, readOnly: true, fileEvents: true, accessConnector: { id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Databricks/accessConnectors/ac', principalId: '00000000-0000-0000-0000-000000000042' } });
    const json = synth(stack);
    expect(resources(json, 'azurerm_databricks_access_connector')).toEqual({});
    expect(Object.values<any>(resources(json, 'azurerm_role_assignment')).map((r) => [r.role_definition_name, r.principal_id]).sort()).toEqual([
      ['EventGrid EventSubscription Contributor', '00000000-0000-0000-0000-000000000042'],
      ['Storage Blob Data Reader', '00000000-0000-0000-0000-000000000042'],
      ['Storage Queue Data Contributor', '00000000-0000-0000-0000-000000000042'],
    ]);
    expect(only(json, 'databricks_storage_credential').read_only).toBe(true);
  });

  test('guards: no hierarchical namespace, an existing account without resource group, an account-level provider, one credential per connector, grants', () => {
    const noHns = setup({ storageAccount: { name: 'stflat', resourceGroupName: 'rg', location: 'eastus2', hierarchicalNamespace: false } } as any);
    expect(() => new ServerlessStorageCredential(noHns.stack, 'Uc', { storage: noHns.lake, name: 'flat', workspaceProvider: noHns.ws })).toThrow(
      /test\/Uc: invalid storage "test\/Lake": the account has no hierarchical namespace/,
    );
    const existing = setup({ storageAccount: undefined, storageAccountId: STORAGE_ID } as any);
    expect(() => new ServerlessStorageCredential(existing.stack, 'Uc', { storage: existing.lake, name: 'x', workspaceProvider: existing.ws })).toThrow(
      /invalid resourceGroupName \(not set\): a new access connector needs a resource group and a location/,
    );
    const t = setup();
    expect(() => new ServerlessStorageCredential(t.stack, 'Acct', { storage: t.lake, name: 'a', workspaceProvider: t.account })).toThrow(
      /invalid workspaceProvider "https:\/\/accounts.azuredatabricks.net": test\/account is an account-level Databricks provider/,
    );
    const connector = { id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Databricks/accessConnectors/ac', principalId: 'p' };
    new ServerlessStorageCredential(t.stack, 'One', { storage: t.lake, name: 'one', workspaceProvider: t.ws, accessConnector: connector });
    new ServerlessStorageCredential(t.stack, 'Two', { storage: t.lake, name: 'two', workspaceProvider: t.ws, accessConnector: connector });
    expect(() => synth(t.stack)).toThrow(/more than one storage credential uses this access connector \(test\/One, test\/Two\)/);
    const g = setup();
    expect(() => new ServerlessStorageCredential(g.stack, 'G', { storage: g.lake, name: 'g', workspaceProvider: g.ws, grants: [{ principal: 'a', privileges: ['SELECT'] }] })).toThrow(
      /invalid grants.privileges "SELECT": not a privilege of a storage credential/,
    );
    const g2 = setup();
    expect(() => new ServerlessStorageCredential(g2.stack, 'G', { storage: g2.lake, name: 'g', workspaceProvider: g2.ws, grants: [{ principal: 'a', privileges: ['READ_FILES'] }, { principal: 'a', privileges: ['WRITE_FILES'] }] })).toThrow(
      /invalid grants.principal "a": granted twice/,
    );
    expect(() => new ServerlessStorageCredential(g2.stack, 'N', { storage: g2.lake, name: 'my lake', workspaceProvider: g2.ws })).toThrow(/invalid name "my lake"/);
  });
});

describe('ServerlessExternalLocation and ServerlessCatalog', () => {
  test('the URL is built from container, account and path; names default from the credential; a catalog isolated to its workspaces', () => {
    const { stack, ws, lake } = setup();
    const cred = new ServerlessStorageCredential(stack, 'Uc', { storage: lake, name: 'lake', workspaceProvider: ws });
    const raw = cred.addExternalLocation('Raw', { container: 'raw', path: 'landing/v1', grants: [{ principal: 'data-eng', privileges: ['READ_FILES', 'CREATE_EXTERNAL_TABLE'] }] });
    raw.addCatalog('Cat', { name: 'lakehouse', workspaceIds: ['9223372036854775807', '1234567890123457'], grants: [{ principal: 'analysts', privileges: ['USE_CATALOG'] }] });
    cred.addExternalLocation('Curated', { container: 'curated' });
    const json = synth(stack);
    const accountName = Object.keys(resources(json, 'azurerm_storage_account'))[0];
    expect(Object.values<any>(resources(json, 'databricks_external_location')).map((l) => [l.name, l.url]).sort()).toEqual([
      ['lake_curated', `abfss://curated@\${azurerm_storage_account.${accountName}.name}.dfs.core.windows.net/`],
      ['lake_raw_landing_v1', `abfss://raw@\${azurerm_storage_account.${accountName}.name}.dfs.core.windows.net/landing/v1`],
    ]);
    expect(only(json, 'databricks_catalog')).toMatchObject({ name: 'lakehouse', isolation_mode: 'ISOLATED', storage_root: `abfss://raw@\${azurerm_storage_account.${accountName}.name}.dfs.core.windows.net/landing/v1` });
    const bindings = resources(json, 'databricks_workspace_binding');
    expect(Object.keys(bindings).map((k) => k.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual(['Uc_Raw_Cat_Binding-1234567890123457', 'Uc_Raw_Cat_Binding-9223372036854775807']);
    // 64-bit workspace IDs keep every digit.
    expect(Object.values<any>(bindings).map((b) => [b.workspace_id, b.securable_type, b.binding_type]).sort()).toEqual([
      ['1234567890123457', 'catalog', 'BINDING_TYPE_READ_WRITE'],
      ['9223372036854775807', 'catalog', 'BINDING_TYPE_READ_WRITE'],
    ]);
    expect(Object.values<any>(resources(json, 'databricks_grants')).map((g) => Object.keys(g).filter((k) => k !== 'provider' && k !== 'grant')[0]).sort()).toEqual(['catalog', 'external_location']);
  });

  test('an OPEN catalog without workspaces', () => {
    const { stack, ws, lake } = setup();
    new ServerlessStorageCredential(stack, 'Uc', { storage: lake, name: 'lake', workspaceProvider: ws }).addExternalLocation('Raw', { container: 'raw' }).addCatalog('Cat', { name: 'shared' });
    const json = synth(stack);
    expect(only(json, 'databricks_catalog').isolation_mode).toBe('OPEN');
    expect(resources(json, 'databricks_workspace_binding')).toEqual({});
  });

  test.each([
    ['an invalid container', { container: 'Raw_Data' }, /invalid container "Raw_Data": a container name is 3-63 lowercase letters/],
    ['a path with ..', { container: 'raw', path: 'a/../b' }, /invalid path "a\/..\/b"/],
    ['a leading slash', { container: 'raw', path: '/a' }, /invalid path "\/a"/],
    ['a write on a read-only credential', { container: 'raw', readOnly: false }, /invalid readOnly false: the credential is read-only/],
  ])('%s is an error', (_name, options, message) => {
    const { stack, ws, lake } = setup();
    const cred = new ServerlessStorageCredential(stack, 'Uc', { storage: lake, name: 'lake', workspaceProvider: ws, readOnly: true });
    expect(() => cred.addExternalLocation('L', options as any)).toThrow(message);
  });

  test('the same container and path twice is an error at synth; catalog guards', () => {
    const { stack, ws, lake } = setup();
    const cred = new ServerlessStorageCredential(stack, 'Uc', { storage: lake, name: 'lake', workspaceProvider: ws });
    const a = cred.addExternalLocation('A', { container: 'raw' });
    cred.addExternalLocation('B', { container: 'raw', name: 'other' });
    expect(() => synth(stack)).toThrow(/two external locations have the same URL \(test\/Uc\/A, test\/Uc\/B\)/);
    expect(() => a.addCatalog('C1', { name: 'c', readOnlyBindings: true })).toThrow(/invalid readOnlyBindings true: an OPEN catalog/);
    expect(() => a.addCatalog('C2', { name: 'c', workspaceIds: ['12x'] })).toThrow(/invalid workspaceIds "12x"/);
    expect(() => a.addCatalog('C3', { name: 'c', workspaceIds: ['7', '7'] })).toThrow(/invalid workspaceIds "7": listed twice/);
    const t = new TerraformVariable(stack, 'ws_id', { type: 'string' });
    expect(() => a.addCatalog('C4', { name: 'c', workspaceIds: [t.stringValue] })).not.toThrow();
  });
  test('bindings of workspaces given by reference keep their addresses when a workspace is inserted before them; one reference twice is refused', () => {
    const bindingsOf = (vars: string[]) => {
      const { stack, ws, lake } = setup();
      const refs = Object.fromEntries(['a', 'b'].map((n) => [n, new TerraformVariable(stack, `ws_${n}`, { type: 'string' }).stringValue]));
      new ServerlessStorageCredential(stack, 'Uc', { storage: lake, name: 'lake', workspaceProvider: ws })
        .addExternalLocation('Raw', { container: 'raw' })
        .addCatalog('Cat', { name: 'c', workspaceIds: vars.map((v) => refs[v]) });
      return Object.fromEntries(Object.entries<any>(resources(synth(stack), 'databricks_workspace_binding')).map(([k, b]) => [b.workspace_id, k]));
    };
    const before = bindingsOf(['b']);
    const after = bindingsOf(['a', 'b']);
    expect(Object.keys(after).sort()).toEqual(['${var.ws_a}', '${var.ws_b}']);
    expect(after['${var.ws_b}']).toBe(before['${var.ws_b}']);
    expect(after['${var.ws_a}']).not.toBe(after['${var.ws_b}']);
    const { stack, ws, lake } = setup();
    const t = new TerraformVariable(stack, 'ws_id', { type: 'string' });
    const loc = new ServerlessStorageCredential(stack, 'Uc', { storage: lake, name: 'lake', workspaceProvider: ws }).addExternalLocation('Raw', { container: 'raw' });
    expect(() => loc.addCatalog('Cat', { name: 'c', workspaceIds: [t.stringValue, t.stringValue] })).toThrow(/invalid workspaceIds "\$\{var.ws_id\}": the same reference is listed twice\. Fix: list each workspace once/);
  });
});
describe('Unity Catalog checks on hand-written resources', () => {
  /** A hand-written credential and location on an account; what the options leave out is missing. */
  function handwritten(o: { role?: boolean; instanceRule?: boolean; rule?: boolean }) {
    const { stack, account } = newStack();
    const connector = new DatabricksAccessConnector(stack, 'Ac', { name: 'ac', resourceGroupName: 'rg', location: 'eastus2', identity: { type: 'SystemAssigned' } });
    const sa = l1Account(stack, 'Lake', { networkRules: { defaultAction: 'Deny', privateLinkAccess: o.instanceRule ? [{ endpointResourceId: connector.id }] : undefined } });
    if (o.role) {
      new RoleAssignment(stack, 'Role', { scope: sa.id, roleDefinitionName: 'Storage Blob Data Contributor', principalId: connector.identity.principalId });
    }
    if (o.rule) {
      const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: account });
      ncc.addPrivateEndpointRule('Dfs', { resourceId: sa.id, subResource: PrivateLinkSubResource.DFS }).approve();
    }
    const cred = new StorageCredential(stack, 'Cred', { name: 'lake', azureManagedIdentity: { accessConnectorId: connector.id } });
    new ExternalLocation(stack, 'Loc', { name: 'raw', url: `abfss://raw@${sa.name}.dfs.core.windows.net/`, credentialName: cred.name });
    return stack;
  }

  test('ADBS-UC-CONNECTOR-ROLE, ADBS-UC-UNREACHABLE-LOCATION, ADBS-UC-CONNECTOR-FIREWALL: each found when its part is missing, none when all are there', () => {
    const bare = handwritten({});
    expect(findingsOn(bare, 'ADBS-UC-CONNECTOR-ROLE')).toEqual(['test/Cred']);
    expect(findingsOn(bare, 'ADBS-UC-UNREACHABLE-LOCATION')).toEqual(['test/Loc']);
    expect(findingsOn(bare, 'ADBS-UC-CONNECTOR-FIREWALL')).toEqual(['test/Lake']);
    const whole = handwritten({ role: true, instanceRule: true, rule: true });
    expect([...findingsOn(whole, 'ADBS-UC-CONNECTOR-ROLE'), ...findingsOn(whole, 'ADBS-UC-UNREACHABLE-LOCATION'), ...findingsOn(whole, 'ADBS-UC-CONNECTOR-FIREWALL')]).toEqual([]);
  });

  test('the objects ServerlessStorageCredential creates pass the three rules, and a service-tag account counts as reachable', () => {
    for (const access of [StorageAccess.PRIVATE_ENDPOINTS, StorageAccess.SERVICE_TAG]) {
      const { stack, ws, lake } = setup({ access } as any);
      new ServerlessStorageCredential(stack, 'Uc', { storage: lake, name: 'lake', workspaceProvider: ws }).addExternalLocation('Raw', { container: 'raw' });
      const ids = ['ADBS-UC-CONNECTOR-ROLE', 'ADBS-UC-UNREACHABLE-LOCATION', 'ADBS-UC-CONNECTOR-FIREWALL'].flatMap((r) => findingsOn(stack, r));
      expect({ access: access.name, ids }).toEqual({ access: access.name, ids: [] });
    }
  });
});
