/**
 * The harness's own inputs bite: each test here fails if one of them regresses, which nothing else in
 * the suite would notice (the smoke tests build their configurations from the schema they check).
 *
 *  - the extractor (standin/extract.js), and the supplement's `corrections` of what the generated code
 *    cannot tell: a nested block required upstream is served with `min_items >= 1` (and Terraform then
 *    rejects a configuration without it), an optional one with 0, and required arguments are required;
 *  - the stand-in's fixtures (standin/server.js): an entry whose `match` does not equal the
 *    configuration is not used;
 *  - the supplement (schemas/supplement.json): the azapi and time attributes the library relies on keep
 *    their flags, in the served schema and with real Terraform.
 *
 * Every expectation below was read from the provider package's generated .d.ts (a required member has no
 * `?`) and from upstream provider source at the tag of each end; the file and tag are given with it.
 */
import { rmSync } from 'fs';
import { End, endLabel, ENDS } from './ends';
import { planDirAll, validateDir, validateDirAt, writeConfig } from './harness';
import { ADDRESSES, ProviderName, servedSchemas } from './schemas';

const AZAPI = ADDRESSES.azapi;
const TIME = ADDRESSES.time;

/** The block at a path (`<type>.<block>.<block>`, or `provider.<block>`) of a provider at an end. */
function blockAt(end: End, name: ProviderName, path: string): any {
  const address = ADDRESSES[name];
  const provider = servedSchemas(end).providers[address];
  const [type, ...blocks] = path.split('.');
  let block = type === 'provider' ? provider.provider : provider.resources[type];
  if (!block) throw new Error(`${address} serves no ${type} at the ${endLabel(end)}`);
  let nested: any;
  for (const blockName of blocks) {
    nested = block.block_types?.[blockName];
    if (!nested) throw new Error(`${path}: ${blockName} is not a nested block at the ${endLabel(end)}`);
    block = nested.block;
  }
  return { block, nested };
}

/** `<required|optional|computed-only>` of an attribute, as served. */
function flagsOf(attribute: any): string {
  if (!attribute) return 'absent';
  if (attribute.required) return 'required';
  if (attribute.optional) return attribute.computed ? 'optional+computed' : 'optional';
  return attribute.computed ? 'computed-only' : 'none';
}

describe('extracted schemas: required nested blocks have min_items >= 1, optional ones 0; required arguments are required', () => {
  // [provider, path, min_items, max_items]. Read from the generated .d.ts of both packages of each end
  // (the same lines in the cdktf and the cdktn package) and from upstream source at the ends' tags.
  const REQUIRED: Array<[ProviderName, string, number, number]> = [
    // cdktf/cdktn generate every provider argument as optional (`features?` in AzurermProviderConfig),
    // so this one cannot come from the generated code: supplement.json `corrections` serves it. Upstream
    // internal/provider/features.go schemaFeatures(): Required, MinItems 1, MaxItems 1 (v4.55.0, v4.73.0).
    ['azurerm', 'provider.features', 1, 1],
    // private-endpoint/index.d.ts `readonly privateServiceConnection: PrivateEndpointPrivateServiceConnection;`;
    // upstream internal/services/network/private_endpoint_resource.go: Required, MaxItems 1.
    ['azurerm', 'azurerm_private_endpoint.private_service_connection', 1, 1],
    // storage-management-policy/index.d.ts `readonly actions: StorageManagementPolicyRuleActions;` and
    // `readonly filters: StorageManagementPolicyRuleFilters;`; upstream storage_management_policy_resource.go:
    // both Required, MaxItems 1, inside the optional `rule`.
    ['azurerm', 'azurerm_storage_management_policy.rule.actions', 1, 1],
    ['azurerm', 'azurerm_storage_management_policy.rule.filters', 1, 1],
    // permissions/index.d.ts `readonly accessControl: PermissionsAccessControl[] | ...IResolvable;` (a set).
    ['databricks', 'databricks_permissions.access_control', 1, 0],
    // grants/index.d.ts `readonly grant: GrantsGrant[] | ...IResolvable;` (a set).
    ['databricks', 'databricks_grants.grant', 1, 0],
    // mws-workspaces/index.d.ts `readonly gcp: MwsWorkspacesCloudResourceContainerGcp;`, inside the optional block.
    ['databricks', 'databricks_mws_workspaces.cloud_resource_container.gcp', 1, 1],
  ];
  // [provider, path, max_items]: members with `?` in the .d.ts.
  const OPTIONAL: Array<[ProviderName, string, number]> = [
    ['azurerm', 'azurerm_storage_account.network_rules', 1], // `readonly networkRules?:`; upstream Optional, Computed, MaxItems 1
    ['azurerm', 'azurerm_private_endpoint.private_dns_zone_group', 1], // `readonly privateDnsZoneGroup?:`
    // `readonly rule?:`; upstream Optional with MinItems 1, which the SDK serves as min_items 0 (optional).
    ['azurerm', 'azurerm_storage_management_policy.rule', 0],
    ['databricks', 'databricks_mws_network_connectivity_config.egress_config', 1], // `readonly egressConfig?:`
    ['databricks', 'databricks_mws_workspaces.cloud_resource_container', 1], // `readonly cloudResourceContainer?:`
  ];

  describe.each(ENDS)('%s end', (end) => {
    test.each(REQUIRED)('%s %s: min_items %d, max_items %d', (name, path, min, max) => {
      const { nested } = blockAt(end, name, path);
      expect({ path, min_items: nested.min_items, max_items: nested.max_items }).toEqual({ path, min_items: min, max_items: max });
    });

    test.each(OPTIONAL)('%s %s: min_items 0, max_items %d', (name, path, max) => {
      const { nested } = blockAt(end, name, path);
      expect({ path, min_items: nested.min_items, max_items: nested.max_items }).toEqual({ path, min_items: 0, max_items: max });
    });

    test('real Terraform: an azurerm provider block without features, or with two, fails validate', () => {
      const dir = writeConfig({
        terraform: { required_providers: { azurerm: { source: 'hashicorp/azurerm' } } },
        provider: { azurerm: [{ storage_use_azuread: true }, { alias: 'two', features: [{}, {}] }] },
        resource: { azurerm_resource_group: { rg: { name: 'rg', location: 'eastus2' }, rg2: { provider: 'azurerm.two', name: 'rg2', location: 'eastus2' } } },
      });
      try {
        const errors = validateDirAt(end, dir).diagnostics.filter((d) => d.severity === 'error').map((d) => d.summary).sort();
        expect(errors).toEqual(['Insufficient features blocks', 'Too many features blocks']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('required scalar arguments are required, optional ones optional (as the .d.ts members say)', () => {
      // [provider, `<type or block path>`, attribute, flags]; .d.ts lines are the same in the cdktf and cdktn packages.
      const CASES: Array<[ProviderName, string, string, string]> = [
        ['azurerm', 'azurerm_storage_account', 'name', 'required'], // `readonly name: string;`
        ['azurerm', 'azurerm_storage_account', 'account_tier', 'required'], // `readonly accountTier: string;`
        ['azurerm', 'azurerm_storage_account', 'account_replication_type', 'required'],
        ['azurerm', 'azurerm_storage_account', 'resource_group_name', 'required'],
        ['azurerm', 'azurerm_storage_account', 'location', 'required'],
        ['azurerm', 'azurerm_storage_account', 'min_tls_version', 'optional+computed'], // `readonly minTlsVersion?: string;`
        ['azurerm', 'azurerm_storage_account', 'primary_access_key', 'computed-only'], // getter, no setter
        ['azurerm', 'azurerm_storage_account.network_rules', 'default_action', 'required'], // StorageAccountNetworkRules `readonly defaultAction: string;`
        ['azurerm', 'azurerm_storage_account.network_rules', 'ip_rules', 'optional+computed'],
        ['databricks', 'databricks_mws_network_connectivity_config', 'name', 'required'],
        ['databricks', 'databricks_mws_network_connectivity_config', 'region', 'required'],
        ['databricks', 'databricks_mws_network_connectivity_config', 'account_id', 'optional+computed'], // `readonly accountId?: string;`
        ['databricks', 'databricks_mws_ncc_private_endpoint_rule', 'network_connectivity_config_id', 'required'],
        ['databricks', 'databricks_mws_ncc_private_endpoint_rule', 'resource_id', 'optional+computed'], // `readonly resourceId?: string;`
        ['databricks', 'databricks_mws_ncc_private_endpoint_rule', 'group_id', 'optional+computed'],
      ];
      const served = CASES.map(([provider, path, name]) => [path, name, flagsOf(blockAt(end, provider, path).block.attributes[name])]);
      expect(served).toEqual(CASES.map(([, path, name, flags]) => [path, name, flags]));
    });
  });
});

describe('stand-in fixtures: an entry is used only when its match equals the configuration', () => {
  // Parent IDs of this file only (fixture files of tests running in parallel are read too).
  const parent = (name: string) => `/subscriptions/00000000-0000-0000-0000-0000000000f1/resourceGroups/rg-fixtures/providers/Microsoft.Storage/storageAccounts/${name}`;
  const TYPE = 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01';
  const list = (parentId: string) => ({ type: TYPE, parent_id: parentId });

  test('each data source gets its own entry; entries matching no configuration, or only part of one, are ignored', () => {
    const dir = writeConfig({
      terraform: { required_providers: { azapi: { source: 'azure/azapi' } } },
      provider: { azapi: [{}] },
      data: { azapi_resource_list: { a: list(parent('sta')), b: list(parent('stb')), c: list(parent('stc')) } },
    });
    try {
      const plans = planDirAll(dir, {
        // Entries that must not be used come first: a stand-in that ignored `match` (or took any key
        // as enough) would answer every data source with one of them.
        azapi_resource_list: [
          { match: { parent_id: parent('st-nobody') }, values: { id: 'from-unmatched', output: { value: [{ id: 'unmatched' }] } } },
          { match: { parent_id: parent('sta'), type: 'Microsoft.Other/things@2020-01-01' }, values: { id: 'from-partial', output: { value: [{ id: 'partial' }] } } },
          { match: { no_such_argument: parent('stc') }, values: { id: 'from-unknown-key', output: { value: [{ id: 'unknown-key' }] } } },
          { match: { parent_id: parent('stb') }, values: { output: { value: [{ id: 'b1' }] } } },
          { match: { parent_id: parent('sta'), type: TYPE }, values: { id: 'list-a', output: { value: [{ id: 'a1' }, { id: 'a2' }] } } },
        ],
      });
      for (const end of ENDS) {
        const read = Object.fromEntries((plans[end].prior_state?.values?.root_module?.resources ?? [])
          .filter((r: any) => r.mode === 'data')
          .map((r: any) => [r.name, { id: r.values.id, output: r.values.output }]));
        expect([end, read]).toEqual([end, {
          a: { id: 'list-a', output: { value: [{ id: 'a1' }, { id: 'a2' }] } },
          // No `id` in its entry: the stand-in's placeholder.
          b: { id: 'standin-id', output: { value: [{ id: 'b1' }] } },
          // No entry matches: placeholders (a dynamic attribute is null).
          c: { id: 'standin-id', output: null },
        }]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('supplement: the azapi and time attributes the library relies on keep their flags', () => {
  // [provider, kind, type, attribute, flags]: upstream Azure/terraform-provider-azapi v2.0.1 and v2.12.0
  // (internal/services/azapi_resource_list_data_source.go, azapi_update_resource.go, common.go) and
  // hashicorp/terraform-provider-time v0.9.0 and v0.14.0 (internal/provider/resource_time_sleep.go).
  const FLAGS: Array<[string, 'resources' | 'data_sources', string, string, string]> = [
    [AZAPI, 'data_sources', 'azapi_resource_list', 'type', 'required'],
    [AZAPI, 'data_sources', 'azapi_resource_list', 'parent_id', 'required'],
    [AZAPI, 'data_sources', 'azapi_resource_list', 'response_export_values', 'optional'],
    [AZAPI, 'data_sources', 'azapi_resource_list', 'output', 'computed-only'],
    [AZAPI, 'resources', 'azapi_update_resource', 'type', 'required'],
    [AZAPI, 'resources', 'azapi_update_resource', 'body', 'optional'],
    [AZAPI, 'resources', 'azapi_update_resource', 'resource_id', 'optional+computed'],
    [AZAPI, 'resources', 'azapi_update_resource', 'output', 'computed-only'],
    [TIME, 'resources', 'time_sleep', 'create_duration', 'optional'],
    [TIME, 'resources', 'time_sleep', 'triggers', 'optional'],
  ];

  test.each(ENDS)('the served schema at the %s end', (end) => {
    const providers = servedSchemas(end).providers;
    const served = FLAGS.map(([address, kind, type, name]) => [type, name, flagsOf(providers[address][kind][type]?.attributes?.[name])]);
    expect(served).toEqual(FLAGS.map(([, , type, name, flags]) => [type, name, flags]));
  });

  const TYPE = 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01';
  const PARENT = '/subscriptions/00000000-0000-0000-0000-0000000000f2/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stsupp';
  const CONNECTION = `${PARENT}/privateEndpointConnections/pe1`;
  const PROVIDERS = {
    terraform: { required_providers: { azapi: { source: 'azure/azapi' }, time: { source: 'hashicorp/time' } } },
    provider: { azapi: [{}] },
  };

  test('real Terraform: a missing required argument and a set read-only one fail validate at both ends', () => {
    const dir = writeConfig({
      ...PROVIDERS,
      data: {
        azapi_resource_list: {
          no_parent: { type: TYPE },
          no_type: { parent_id: PARENT },
          sets_output: { type: TYPE, parent_id: PARENT, output: { value: [] } },
        },
      },
      resource: {
        azapi_update_resource: {
          no_type: { resource_id: CONNECTION, body: {} },
          sets_output: { type: TYPE, resource_id: CONNECTION, output: {} },
        },
      },
    });
    try {
      const result = validateDir(dir);
      for (const end of ENDS) {
        const errors = result.ends[end].diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.summary}: ${d.detail}`).sort();
        expect([end, errors]).toEqual([end, [
          'Invalid Configuration for Read-Only Attribute: Cannot set value for output: the provider has marked it as read-only. Remove the configuration line setting the value.',
          'Invalid Configuration for Read-Only Attribute: Cannot set value for output: the provider has marked it as read-only. Remove the configuration line setting the value.',
          'Missing required argument: The argument "parent_id" is required, but no definition was found.',
          'Missing required argument: The argument "type" is required, but no definition was found.',
          'Missing required argument: The argument "type" is required, but no definition was found.',
        ]]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('real Terraform: what the library leaves unset validates and plans; body stays null, resource_id and output are computed', () => {
    const dir = writeConfig({
      ...PROVIDERS,
      data: {
        azapi_resource_list: {
          // response_export_values optional: with and without.
          plain: { type: TYPE, parent_id: PARENT },
          exported: { type: TYPE, parent_id: PARENT, response_export_values: ['value'] },
        },
      },
      resource: {
        azapi_update_resource: {
          // body unset (optional, not computed: planned null); resource_id unset (optional+computed: unknown).
          by_name: { type: TYPE, name: 'pe1', parent_id: PARENT },
          by_id: { type: TYPE, resource_id: CONNECTION, body: { properties: {} } },
        },
        time_sleep: {
          // create_duration and triggers optional: one without create_duration, one without triggers.
          destroy_only: { destroy_duration: '1s', triggers: { connection: CONNECTION } },
          create_only: { create_duration: '1s' },
        },
      },
    });
    try {
      const plans = planDirAll(dir);
      for (const end of ENDS) {
        const change = (address: string) => plans[end].resource_changes.find((c: any) => c.address === address).change;
        const byName = change('azapi_update_resource.by_name');
        expect([end, byName.after.body ?? null, byName.after_unknown.body ?? false]).toEqual([end, null, false]);
        expect([end, byName.after_unknown.resource_id, byName.after_unknown.output]).toEqual([end, true, true]);
        expect([end, change('azapi_update_resource.by_id').after.resource_id]).toEqual([end, CONNECTION]);
        expect([end, change('time_sleep.destroy_only').after.create_duration ?? null, change('time_sleep.create_only').after.triggers ?? null]).toEqual([end, null, null]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
