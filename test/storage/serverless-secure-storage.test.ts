import { TerraformVariable } from 'cdktf';
import {
  ApprovalMode,
  NetworkConnectivityConfig,
  NetworkSecurityPerimeter,
  NetworkSecurityPerimeterProfile,
  NspAccessMode,
  PrivateLinkSubResource,
  ServerlessSecureStorage,
  ServerlessSecureStorageProps,
  ServiceTag,
  StorageAccess,
} from '../../src';
import { addresses, armId, errors, findingsOn, infos, newStack, only, ref, resources, STORAGE_ID, synth, warnings } from '../util';

const SA = 'azurerm_storage_account';
const RULE = 'databricks_mws_ncc_private_endpoint_rule';
const UPDATE = 'azapi_update_resource';
const NSP = 'azurerm_network_security_perimeter';
const PROFILE = 'azurerm_network_security_perimeter_profile';
const ACCESS_RULE = 'azurerm_network_security_perimeter_access_rule';
const ASSOC = 'azurerm_network_security_perimeter_association';

const ACCOUNT = { name: 'stlake', resourceGroupName: 'rg-data', location: 'eastus2' };

function setup() {
  const t = newStack();
  const ncc = new NetworkConnectivityConfig(t.stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: t.account });
  let n = 0;
  // Guard tests build several constructs in one stack: unique default IDs.
  const make = (props: Partial<ServerlessSecureStorageProps>, id = `Lake${n++ || ''}`) =>
    new ServerlessSecureStorage(t.stack, id, { networkConnectivityConfig: ncc, ...props });
  return { ...t, ncc, make };
}

describe('ServerlessSecureStorage: PRIVATE_ENDPOINTS (default)', () => {
  test('creates a locked-down ADLS Gen2 account, blob and dfs rules, their approvals, and no perimeter', () => {
    const { stack, make } = setup();
    const s = make({ storageAccount: ACCOUNT });
    const json = synth(stack);
    expect(s.access).toBe(StorageAccess.PRIVATE_ENDPOINTS);
    expect(only(json, SA)).toMatchObject({
      name: 'stlake',
      resource_group_name: 'rg-data',
      location: 'eastus2',
      account_kind: 'StorageV2',
      account_tier: 'Standard',
      account_replication_type: 'LRS',
      is_hns_enabled: true,
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
      shared_access_key_enabled: false,
      default_to_oauth_authentication: true,
      allow_nested_items_to_be_public: false,
      cross_tenant_replication_enabled: false,
      public_network_access_enabled: false,
      network_rules: { default_action: 'Deny', bypass: ['None'] },
    });
    const rules = Object.values<any>(resources(json, RULE));
    expect(rules.map((r) => r.group_id).sort()).toEqual(['blob', 'dfs']);
    for (const r of rules) {
      expect(r.resource_id).toBe(ref(json, SA, 'id'));
      expect(r.network_connectivity_config_id).toBe(ref(json, 'databricks_mws_network_connectivity_config', 'network_connectivity_config_id'));
      expect(r.provider).toBe('databricks.account');
    }
    const updates = Object.values<any>(resources(json, UPDATE));
    expect(updates).toHaveLength(2);
    expect(updates.every((u) => u.type === 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01')).toBe(true);
    // One connection list for the account, shared by both approvals.
    expect(Object.values<any>(json.data.azapi_resource_list).map((l) => l.parent_id)).toEqual([ref(json, SA, 'id')]);
    expect(resources(json, NSP)).toEqual({});
    expect(resources(json, ASSOC)).toEqual({});
    expect(json.terraform.required_providers.azurerm.version).toBe('>= 4.55.0, < 6.0.0');
    expect(s.privateEndpointCount).toBe(2);
    expect(s.estimatedMonthlyPrivateEndpointCost).toBe(14.6);
    expect(s.rules.map((r) => r.subResource!.groupId)).toEqual(['blob', 'dfs']);
    expect(warnings(stack)).toEqual([]);
  });

  test('8 Terraform objects for the default pattern: account, 2 rules, 2 waits, 2 approvals, 1 list', () => {
    const { stack, make } = setup();
    const before = new Set(addresses(synth(stack)));
    make({ storageAccount: ACCOUNT });
    const added = addresses(synth(stack)).filter((a) => !before.has(a)).map((a) => a.replace(/\.[^.]+$/, ''));
    expect(added.sort()).toEqual([
      'azapi_update_resource',
      'azapi_update_resource',
      'azurerm_storage_account',
      'data.azapi_resource_list',
      'databricks_mws_ncc_private_endpoint_rule',
      'databricks_mws_ncc_private_endpoint_rule',
      'time_sleep',
      'time_sleep',
    ]);
  });

  test('an existing account: rules and approvals on its ID, its settings left alone', () => {
    const { stack, make } = setup();
    make({ storageAccountId: STORAGE_ID, approval: { mode: ApprovalMode.MANUAL } });
    const json = synth(stack);
    expect(resources(json, SA)).toEqual({});
    expect(Object.values<any>(resources(json, RULE)).map((r) => r.resource_id)).toEqual([STORAGE_ID, STORAGE_ID]);
    expect(resources(json, UPDATE)).toEqual({});
    expect(infos(stack)).toHaveLength(2);
  });

  test('options: sub-resources, replication, shared key, prevent_destroy, subnets, access connector, price', () => {
    const { stack, make } = setup();
    const connector = armId('Microsoft.Databricks/accessConnectors', 'ac-lake');
    const s = make({
      storageAccount: {
        ...ACCOUNT,
        replicationType: 'GZRS',
        hierarchicalNamespace: false,
        sharedKeyAccess: true,
        preventDestroy: true,
        virtualNetworkSubnetIds: [armId('Microsoft.Network/virtualNetworks', 'vnet/subnets/classic')],
        accessConnectorId: connector,
        tags: { team: 'data' },
      },
      subResources: [PrivateLinkSubResource.BLOB],
      privateEndpointHourlyPrice: 0.02,
      hoursPerMonth: 744,
    });
    const json = synth(stack);
    const sa = only(json, SA);
    expect(sa).toMatchObject({
      account_replication_type: 'GZRS',
      is_hns_enabled: false,
      shared_access_key_enabled: true,
      lifecycle: { prevent_destroy: true },
      tags: { team: 'data' },
    });
    expect(sa.network_rules.private_link_access).toEqual([{ endpoint_resource_id: connector }]);
    expect(sa.network_rules.virtual_network_subnet_ids).toHaveLength(1);
    expect(Object.keys(resources(json, RULE))).toHaveLength(1);
    expect(s.estimatedMonthlyPrivateEndpointCost).toBe(14.88);
  });

  test('workspace root storage: blob and dfs rules and approvals only', () => {
    const { stack, make } = setup();
    const root = armId('Microsoft.Storage/storageAccounts', 'dbstorageabc123', 'databricks-rg-ws-analytics');
    make({ storageAccountId: root, workspaceRootStorage: true });
    const json = synth(stack);
    expect(resources(json, SA)).toEqual({});
    expect(Object.values<any>(resources(json, RULE)).map((r) => [r.group_id, r.resource_id])).toEqual([
      ['blob', root],
      ['dfs', root],
    ]);
    expect(Object.keys(resources(json, UPDATE))).toHaveLength(2);
    expect(resources(json, ASSOC)).toEqual({});
  });

  test('governance association in Learning with a profile that has inbound rules warns (it would reopen the account)', () => {
    const { stack, make } = setup();
    const nsp = new NetworkSecurityPerimeter(stack, 'Nsp', { name: 'nsp1', resourceGroupName: 'rg', location: 'eastus2' });
    const open = nsp.addProfile('Open', { name: 'open', inboundAddressPrefixes: ['203.0.113.0/24'] });
    make({ storageAccount: ACCOUNT, perimeterProfile: open });
    expect(warnings(stack)).toEqual([expect.stringMatching(/Private-endpoints-only account associated in Learning mode with a profile that has inbound rules.*silently reopens it/)]);
    expect(only(synth(stack), ASSOC)).toMatchObject({ access_mode: 'Learning', name: 'assoc-stlake' });
  });

  test('an existing account on the private-endpoint path counts as closed: the same finding', () => {
    const { stack, make } = setup();
    const nsp = new NetworkSecurityPerimeter(stack, 'Nsp', { name: 'nsp1', resourceGroupName: 'rg', location: 'eastus2' });
    make({ storageAccountId: STORAGE_ID, perimeterProfile: nsp.addProfile('Open', { name: 'open', inboundAddressPrefixes: ['203.0.113.0/24'] }) });
    expect(findingsOn(stack, 'ADBS-REOPENED-ACCOUNT')).toEqual(['test/Lake/Association/Resource']);
  });

  test('governance association: Enforced, or a profile without inbound rules, does not warn; an imported profile does', () => {
    const { stack, make } = setup();
    const nsp = new NetworkSecurityPerimeter(stack, 'Nsp', { name: 'nsp1', resourceGroupName: 'rg', location: 'eastus2' });
    const open = nsp.addProfile('Open', { name: 'open', inboundAddressPrefixes: ['203.0.113.0/24'] });
    const closed = nsp.addProfile('Closed', { name: 'closed' });
    make({ storageAccount: ACCOUNT, perimeterProfile: open, perimeterAccessMode: NspAccessMode.ENFORCED }, 'A');
    make({ storageAccount: { ...ACCOUNT, name: 'stlake2' }, perimeterProfile: closed }, 'B');
    expect(warnings(stack).filter((w) => w.includes('reopen'))).toEqual([]);
    const imported = NetworkSecurityPerimeterProfile.fromProfileAttributes(stack, 'Imp', { profileId: armId('Microsoft.Network/networkSecurityPerimeters', 'nsp/profiles/p') });
    make({ storageAccount: { ...ACCOUNT, name: 'stlake3' }, perimeterProfile: imported }, 'C');
    expect(warnings(stack).filter((w) => w.includes('reopen'))).toEqual([expect.stringMatching(/may have inbound rules \(an imported profile\)/)]);
  });
});

describe('ServerlessSecureStorage: SERVICE_TAG', () => {
  test('no endpoints; public access on with the firewall denying; a perimeter in Learning allowing the regional tag', () => {
    const { stack, make } = setup();
    const s = make({ storageAccount: ACCOUNT, access: StorageAccess.SERVICE_TAG });
    const json = synth(stack);
    expect(resources(json, RULE)).toEqual({});
    expect(resources(json, UPDATE)).toEqual({});
    expect(only(json, SA)).toMatchObject({ public_network_access_enabled: true, network_rules: { default_action: 'Deny' } });
    expect(only(json, NSP)).toMatchObject({ name: 'nsp-stlake', resource_group_name: 'rg-data', location: 'eastus2' });
    expect(only(json, PROFILE)).toMatchObject({ name: 'databricks-serverless', network_security_perimeter_id: ref(json, NSP, 'id') });
    expect(only(json, ACCESS_RULE)).toMatchObject({
      direction: 'Inbound',
      service_tags: ['AzureDatabricksServerless.EastUS2'],
      network_security_perimeter_profile_id: ref(json, PROFILE, 'id'),
    });
    expect(only(json, ASSOC)).toMatchObject({
      resource_id: ref(json, SA, 'id'),
      access_mode: 'Learning',
      network_security_perimeter_profile_id: ref(json, PROFILE, 'id'),
    });
    expect(json.terraform.required_providers.azurerm.version).toBe('>= 4.81.0, < 6.0.0');
    expect(s.estimatedMonthlyPrivateEndpointCost).toBe(0);
    expect(s.serviceTag!.name).toBe('AzureDatabricksServerless.EastUS2');
    expect(warnings(stack)).toEqual([]);
  });

  test('an existing account joins a given profile', () => {
    const { stack, make } = setup();
    const profileId = armId('Microsoft.Network/networkSecurityPerimeters', 'nsp-shared/profiles/serverless', 'rg-net');
    const profile = NetworkSecurityPerimeterProfile.fromProfileAttributes(stack, 'Shared', { profileId });
    make({ storageAccountId: STORAGE_ID, access: StorageAccess.SERVICE_TAG, perimeterProfile: profile, existingAccountLocation: 'East US 2' });
    const json = synth(stack);
    expect(resources(json, NSP)).toEqual({});
    expect(only(json, ACCESS_RULE)).toMatchObject({ network_security_perimeter_profile_id: profileId, service_tags: ['AzureDatabricksServerless.EastUS2'] });
    expect(only(json, ASSOC)).toMatchObject({ resource_id: STORAGE_ID, network_security_perimeter_profile_id: profileId });
  });

  test('several accounts share one profile: one tag rule, one association each', () => {
    const { stack, make } = setup();
    const nsp = new NetworkSecurityPerimeter(stack, 'Nsp', { name: 'nsp-shared', resourceGroupName: 'rg', location: 'eastus2' });
    const profile = nsp.addProfile('Serverless', { name: 'serverless' });
    make({ storageAccount: ACCOUNT, access: StorageAccess.SERVICE_TAG, perimeterProfile: profile }, 'A');
    make({ storageAccount: { ...ACCOUNT, name: 'stlake2' }, access: StorageAccess.SERVICE_TAG, perimeterProfile: profile }, 'B');
    const json = synth(stack);
    expect(only(json, ACCESS_RULE).service_tags).toEqual(['AzureDatabricksServerless.EastUS2']);
    expect(Object.values<any>(resources(json, ASSOC)).map((a) => a.name).sort()).toEqual(['assoc-stlake', 'assoc-stlake2']);
  });

  test('the global tag is an explicit, warned choice', () => {
    const { stack, make } = setup();
    make({ storageAccount: ACCOUNT, access: StorageAccess.SERVICE_TAG, serviceTag: ServiceTag.databricksServerless() });
    expect(only(synth(stack), ACCESS_RULE).service_tags).toEqual(['AzureDatabricksServerless']);
    expect(warnings(stack)).toEqual([expect.stringMatching(/global AzureDatabricksServerless tag: it admits serverless compute of every Databricks region/)]);
  });

  test('a non-Learning association on the tag path warns', () => {
    const { stack, make } = setup();
    make({ storageAccount: ACCOUNT, access: StorageAccess.SERVICE_TAG, perimeterAccessMode: NspAccessMode.AUDIT });
    expect(warnings(stack)).toEqual([expect.stringMatching(/perimeterAccessMode Audit: Databricks supports the service-tag path only .* Learning/)]);
  });
});

describe('ServerlessSecureStorage: PRIVATE_ENDPOINTS_AND_SERVICE_TAG', () => {
  test('both paths, explicitly', () => {
    const { stack, make } = setup();
    const s = make({ storageAccount: ACCOUNT, access: StorageAccess.PRIVATE_ENDPOINTS_AND_SERVICE_TAG });
    const json = synth(stack);
    expect(Object.keys(resources(json, RULE))).toHaveLength(2);
    expect(Object.keys(resources(json, UPDATE))).toHaveLength(2);
    expect(only(json, ASSOC).access_mode).toBe('Learning');
    expect(only(json, ACCESS_RULE).service_tags).toEqual(['AzureDatabricksServerless.EastUS2']);
    expect(only(json, SA).public_network_access_enabled).toBe(true);
    expect(s.estimatedMonthlyPrivateEndpointCost).toBe(14.6);
  });
});

describe('ServerlessSecureStorage: legacy subnet allowlist', () => {
  const legacySubnet = '/subscriptions/8453a5d5-9e9e-40c7-87a4-0ab4cc197f48/resourceGroups/prod-azure-eastus2c2-nephos/providers/Microsoft.Network/virtualNetworks/kaas-vnet/subnets/worker-subnet';

  test('an existing firewall that lists the NCC subnets is an error with the migration', () => {
    const { stack, make } = setup();
    make({ storageAccountId: STORAGE_ID, existingFirewallSubnetIds: [legacySubnet.toUpperCase()], nccServerlessSubnetIds: [legacySubnet] });
    const [finding, ...others] = errors(stack);
    expect(others).toEqual([]);
    expect(finding).toContain(`[ADBS-LEGACY-SUBNETS] The storage firewall allowlists the NCC's serverless subnets (1: ${legacySubnet.toUpperCase()})`);
    expect(finding).toMatch(/this legacy service-endpoint path ended on 9 June 2026.*Migrate: \(1\) deploy StorageAccess.SERVICE_TAG.*\(3\) remove the subnet IDs/);
    expect(finding).toContain('Migration for test/Lake: set its access to StorageAccess.SERVICE_TAG');
    expect(findingsOn(stack, 'ADBS-LEGACY-SUBNETS')).toEqual(['test/Lake']);
  });

  test('a new account whose firewall references the NCC egress_config subnets is an error', () => {
    const { stack, make, ncc } = setup();
    const subnets = (ncc as NetworkConnectivityConfig).resource.egressConfig.defaultRules.azureServiceEndpointRule.subnets;
    make({ storageAccount: { ...ACCOUNT, virtualNetworkSubnetIds: subnets } });
    expect(errors(stack)).toEqual([expect.stringMatching(/^\[ADBS-LEGACY-SUBNETS\] .*\(1: \(reference to egress_config\)\): this legacy service-endpoint path ended on 9 June 2026/)]);
    expect(findingsOn(stack, 'ADBS-LEGACY-SUBNETS')).toEqual(['test/Lake/Account']);
  });

  test('other subnets are no finding', () => {
    const { stack, make } = setup();
    make({ storageAccountId: STORAGE_ID, existingFirewallSubnetIds: [armId('Microsoft.Network/virtualNetworks', 'vnet/subnets/a')], nccServerlessSubnetIds: [legacySubnet] });
    expect(errors(stack)).toEqual([]);
  });
});

describe('ServerlessSecureStorage guards', () => {
  test('two new accounts of one name (any case) in an app are an error at synth naming both; different names are fine', () => {
    const { stack, make } = setup();
    make({ storageAccount: ACCOUNT }, 'A');
    make({ storageAccount: { ...ACCOUNT, name: 'stother' } }, 'B');
    expect(() => synth(stack)).not.toThrow();
    make({ storageAccount: { ...ACCOUNT, name: 'STLAKE'.toLowerCase() } }, 'C');
    expect(() => synth(stack)).toThrow(/invalid storageAccount.name "stlake": two storage accounts of the app have this name \(test\/A, test\/C\)/);
  });

  test('exactly one of storageAccountId and storageAccount', () => {
    const { make } = setup();
    expect(() => make({})).toThrow(/give exactly one of storageAccountId \(an existing account\) and storageAccount/);
    expect(() => make({ storageAccountId: STORAGE_ID, storageAccount: ACCOUNT })).toThrow(/give exactly one of storageAccountId/);
  });

  test('the existing ID must be a storage account', () => {
    const { make } = setup();
    expect(() => make({ storageAccountId: armId('Microsoft.KeyVault/vaults', 'kv') })).toThrow(
      /invalid storageAccountId .*expected the ID of a Microsoft.Storage\/storageAccounts \(storage account\), got a Microsoft.KeyVault\/vaults/,
    );
    expect(() => make({ storageAccountId: 'stlake' })).toThrow(/invalid storageAccountId "stlake": not a well-formed Azure resource ID/);
  });

  test('region mismatch on the tag path says which to change; private endpoints across regions are allowed', () => {
    const { make } = setup();
    expect(() => make({ storageAccount: { ...ACCOUNT, location: 'westeurope' }, access: StorageAccess.SERVICE_TAG })).toThrow(
      /invalid storage location "westeurope": the account is in westeurope but NCC test\/Ncc is in eastus2.*Fix: put the account in eastus2, or use an NCC in westeurope/,
    );
    expect(() => make({ storageAccountId: STORAGE_ID, existingAccountLocation: 'UK South', access: StorageAccess.SERVICE_TAG, perimeterProfile: undefined }, 'B')).toThrow(
      /the account is in uksouth but NCC test\/Ncc is in eastus2/,
    );
    expect(() => make({ storageAccount: { ...ACCOUNT, location: 'westeurope' } }, 'C')).not.toThrow();
  });

  test('the tag path needs a literal NCC region and, for an existing account, a profile', () => {
    const { stack, make } = setup();
    expect(() => make({ storageAccountId: STORAGE_ID, access: StorageAccess.SERVICE_TAG })).toThrow(
      /invalid perimeterProfile \(not set\): the service-tag path needs a perimeter.*Fix: pass perimeterProfile/,
    );
    const region = new TerraformVariable(stack, 'region', { type: 'string' }).stringValue;
    const tokenNcc = new NetworkConnectivityConfig(stack, 'Tok', { name: 'ncc2', region });
    expect(() => new ServerlessSecureStorage(stack, 'T', { networkConnectivityConfig: tokenNcc, storageAccount: ACCOUNT, access: StorageAccess.SERVICE_TAG })).toThrow(
      /invalid networkConnectivityConfig.region "a token".*give the NCC a literal region, or pass serviceTag/,
    );
  });

  test('workspace root storage guards', () => {
    const { make } = setup();
    const root = armId('Microsoft.Storage/storageAccounts', 'dbstorage1');
    expect(() => make({ storageAccount: ACCOUNT, workspaceRootStorage: true })).toThrow(/invalid workspaceRootStorage true/);
    expect(() => make({ storageAccountId: root, workspaceRootStorage: true, access: StorageAccess.SERVICE_TAG })).toThrow(
      /invalid access "SERVICE_TAG": workspace root storage lives in a managed resource group/,
    );
    expect(() => make({ storageAccountId: root, workspaceRootStorage: true, subResources: [PrivateLinkSubResource.BLOB] })).toThrow(
      /workspace root storage needs both blob and dfs/,
    );
  });

  test('account option guards', () => {
    const { make } = setup();
    expect(() => make({ storageAccount: { ...ACCOUNT, name: 'St-Lake' } })).toThrow(/invalid storageAccount.name "St-Lake".*Fix: use a name such as "stlake"/);
    expect(() => make({ storageAccount: { ...ACCOUNT, replicationType: 'XRS' } })).toThrow(/invalid storageAccount.replicationType "XRS"/);
    expect(() => make({ storageAccount: { ...ACCOUNT, ipRules: ['203.0.113.7'] } })).toThrow(/invalid storageAccount.ipRules .*disables public network access/);
    expect(() => make({ storageAccount: { ...ACCOUNT, location: 'mars' } })).toThrow(/invalid storageAccount.location "mars"/);
  });

  test('sub-resource guards', () => {
    const { stack, make } = setup();
    expect(() => make({ storageAccount: ACCOUNT, subResources: [] })).toThrow(/invalid subResources \[\]: access PRIVATE_ENDPOINTS needs at least one/);
    expect(() => make({ storageAccount: ACCOUNT, subResources: [PrivateLinkSubResource.KEY_VAULT] }, 'B')).toThrow(/"vault" is not a storage sub-resource/);
    expect(() => make({ storageAccount: ACCOUNT, subResources: [PrivateLinkSubResource.BLOB, PrivateLinkSubResource.BLOB] }, 'C')).toThrow(/listed twice/);
    expect(() => make({ storageAccount: ACCOUNT, access: StorageAccess.SERVICE_TAG, subResources: [PrivateLinkSubResource.BLOB] }, 'D')).toThrow(
      /access SERVICE_TAG creates no private endpoints/,
    );
    make({ storageAccount: { ...ACCOUNT, name: 'stlake5' }, subResources: [PrivateLinkSubResource.DFS] }, 'E');
    expect(warnings(stack)).toEqual([expect.stringMatching(/ADLS Gen2 \(hierarchical namespace\) needs private endpoints for both blob and dfs/)]);
  });

  test('cost inputs are checked: a negative price, zero or negative hours', () => {
    const { make } = setup();
    expect(() => make({ storageAccount: ACCOUNT, privateEndpointHourlyPrice: -1 })).toThrow(/invalid privateEndpointHourlyPrice\/hoursPerMonth \[-1,730\]/);
    expect(() => make({ storageAccount: ACCOUNT, hoursPerMonth: 0 }, 'B')).toThrow(/invalid privateEndpointHourlyPrice\/hoursPerMonth \[0.01,0\]: the price must be >= 0 and the hours > 0/);
    expect(() => make({ storageAccount: ACCOUNT, hoursPerMonth: -730 }, 'C')).toThrow(/invalid privateEndpointHourlyPrice\/hoursPerMonth \[0.01,-730\]/);
    expect(make({ storageAccount: { ...ACCOUNT, name: 'stfree' }, privateEndpointHourlyPrice: 0 }, 'D').estimatedMonthlyPrivateEndpointCost).toBe(0);
  });

  test('workspace root storage cannot join a perimeter, even with private endpoints', () => {
    const { stack, make } = setup();
    const root = armId('Microsoft.Storage/storageAccounts', 'dbstorage2');
    const profile = NetworkSecurityPerimeterProfile.fromProfileAttributes(stack, 'Gov', { profileId: armId('Microsoft.Network/networkSecurityPerimeters', 'nsp/profiles/p') });
    expect(() => make({ storageAccountId: root, workspaceRootStorage: true, perimeterProfile: profile })).toThrow(
      /invalid access "PRIVATE_ENDPOINTS": workspace root storage lives in a managed resource group that Databricks locks: it cannot join a perimeter/,
    );
  });

  test('a service tag that is not the Databricks serverless tag warns on the service-tag path', () => {
    const { stack, make } = setup();
    make({ storageAccount: ACCOUNT, access: StorageAccess.SERVICE_TAG, serviceTag: ServiceTag.of('Storage.EastUS2') });
    expect(warnings(stack)).toEqual([
      '[ADBS-FOREIGN-TAG] serviceTag Storage.EastUS2 is not a Databricks serverless tag; serverless compute is admitted only by AzureDatabricksServerless[.<Region>].',
    ]);
  });
});
