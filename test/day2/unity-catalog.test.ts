/**
 * Day 2 of Unity Catalog on a serverless workspace (a lakehouse-like app): after the first apply, a new
 * external location, a second workspace bound to the catalog, and a new access connector each plan as the
 * smallest correct change. A serverless workspace raises the azapi floor to 2.9.0, so these run at the
 * newest end only (harness endsOf).
 */
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { TerraformStack } from 'cdktf';
import { Actions, Scenario } from './scenario';
import { NetworkConnectivityConfig, ServerlessSecureStorage, ServerlessStorageCredential, ServerlessWorkspace } from '../../src';
import { addresses, newStack, synth } from '../util';

/** A workspace that exists already (bound by its literal ID). */
const OTHER_WORKSPACE = '1234567890123457';

interface Lakehouse {
  /** Containers with an external location of their own (each with a grant), besides the catalog's. */
  readonly locations?: string[];
  /** More workspaces bound to the catalog, after the app's own. */
  readonly moreWorkspaces?: string[];
  /** The access connector's name (default `ac-<credential name>`). */
  readonly connectorName?: string;
}

/** A lakehouse-like app; `tag` keeps each test's cloud objects apart. */
function lakehouse(tag: string, options: Lakehouse = {}): TerraformStack {
  const { stack, account } = newStack();
  const rg = new ResourceGroup(stack, 'rg', { name: `rg-day2-uc-${tag}`, location: 'westeurope' });
  const workspace = new ServerlessWorkspace(stack, 'workspace', { name: `dbw-day2-uc-${tag}`, resourceGroupId: rg.id, location: 'westeurope' });
  const ncc = new NetworkConnectivityConfig(stack, 'ncc', { name: `ncc-day2-uc-${tag}`, region: 'westeurope', accountProvider: account });
  ncc.bindWorkspace('lakehouse', { workspaceId: workspace.workspaceId });
  const lake = new ServerlessSecureStorage(stack, 'lake', {
    networkConnectivityConfig: ncc,
    storageAccount: { name: `stday2uc${tag}`, resourceGroupName: rg.name, location: 'westeurope' },
  });
  const workspaceProvider = new DatabricksProvider(stack, 'databricks-workspace', { alias: 'workspace', host: `https://${workspace.workspaceUrl}` });
  const credential = new ServerlessStorageCredential(stack, 'uc', {
    storage: lake,
    name: `day2${tag}`,
    workspaceProvider,
    accessConnectorName: options.connectorName,
    grants: [{ principal: 'platform-admins', privileges: ['CREATE_EXTERNAL_LOCATION'] }],
  });
  credential.addExternalLocation('curated', { container: 'curated' }).addCatalog('main', {
    name: `day2${tag}`,
    workspaceIds: [workspace.workspaceId, ...(options.moreWorkspaces ?? [])],
    grants: [{ principal: 'analysts', privileges: ['USE_CATALOG', 'USE_SCHEMA', 'SELECT'] }],
  });
  for (const container of options.locations ?? []) {
    credential.addExternalLocation(container, { container, grants: [{ principal: 'data-engineers', privileges: ['READ_FILES'] }] });
  }
  return stack;
}

/** The addresses an app has that another has not. */
function only(a: TerraformStack, b: TerraformStack): string[] {
  const other = new Set(addresses(synth(b)));
  return addresses(synth(a)).filter((x) => !other.has(x));
}

/** The one address of a type in an app. */
function addressOf(stack: TerraformStack, type: string): string {
  const found = addresses(synth(stack)).filter((a) => a.startsWith(`${type}.`));
  if (found.length !== 1) {
    throw new Error(`expected one ${type}, found ${found.join(', ') || 'none'}`);
  }
  return found[0];
}

describe('day 2: Unity Catalog on a serverless workspace', () => {
  test('an external location added: the location and its grants are created, nothing else changes', () => {
    const s = Scenario.start(lakehouse('loc'));
    try {
      expect(s.ends).toEqual(['newest']);
      const b = lakehouse('loc', { locations: ['landing'] });
      const added = only(b, lakehouse('loc'));
      expect(added.map((a) => a.replace(/\..*$/, '')).sort()).toEqual(['databricks_external_location', 'databricks_grants']);
      expect(s.change(b).changes()).toEqual(Object.fromEntries(added.map((a) => [a, 'create'])));
      s.apply();
      s.expectSteady();
    } finally {
      s.dispose();
    }
  });

  test('a second workspace bound to the catalog: one databricks_workspace_binding created, nothing else changes', () => {
    const s = Scenario.start(lakehouse('bind'));
    try {
      expect(s.ends).toEqual(['newest']);
      const b = lakehouse('bind', { moreWorkspaces: [OTHER_WORKSPACE] });
      const added = only(b, lakehouse('bind'));
      expect(added).toEqual([expect.stringMatching(new RegExp(`^databricks_workspace_binding\\..*Binding-${OTHER_WORKSPACE}`))]);
      expect(s.change(b).changes()).toEqual({ [added[0]]: 'create' });
      s.apply();
      s.expectSteady();
    } finally {
      s.dispose();
    }
  });

  test('a new access connector (the identity rotated): the connector and its role replaced, the credential updated in place, the account\'s resource-instance rule updated to it (its connection lookup read at apply); nothing else', () => {
    const a = lakehouse('rot');
    const s = Scenario.start(a);
    try {
      expect(s.ends).toEqual(['newest']);
      const expected: Actions = {
        [addressOf(a, 'azurerm_databricks_access_connector')]: 'replace',
        [addressOf(a, 'azurerm_role_assignment')]: 'replace',
        [addressOf(a, 'databricks_storage_credential')]: 'update',
        // network_rules.private_link_access names the connector's ID (ServerlessSecureStorage.allowResourceInstance).
        [addressOf(a, 'azurerm_storage_account')]: 'update',
        // The account's connection lookup refers to the account, which has a change: Terraform reads it at apply
        // (the approvals ignore changes of their resource_id, so nothing is approved again).
        [addresses(synth(a)).find((x) => x.startsWith('data.azapi_resource_list.'))!]: 'read',
      };
      expect(s.change(lakehouse('rot', { connectorName: 'ac-day2rot-rotated' })).changes()).toEqual(expected);
      s.apply();
      s.expectSteady();
    } finally {
      s.dispose();
    }
  });
});
