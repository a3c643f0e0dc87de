/**
 * How the rules over links between resources (perimeters, private endpoint rules, workspaces, policies,
 * NCCs) decide on values known only after apply, on hand-written plans with `after_unknown`: decided by
 * what the configuration references, or the rule's "cannot tell" finding. Exact finding sets.
 */
import { account, COMPUTED, constant, ENTRA_AZURERM, handPlan, later, planFindings, planMessages, PlannedResource, refs, res } from './plans';
import { VAULT_ID } from '../util';

const plan = (...resources: PlannedResource[]) => handPlan(resources, { azurerm: ENTRA_AZURERM });
const to = (address: string, attribute = 'id') => later(`${address}.${attribute}`, address);
const PROFILE = 'azurerm_network_security_perimeter_profile.p';
const NCC = 'databricks_mws_network_connectivity_config.n';
const CONNECTIONS = 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-01-01';

/** A profile with one inbound access rule of these tags (a setting: `later(...)` for tags known only after apply). */
function profile(tags: unknown = ['AzureDatabricksServerless.EastUS2']): PlannedResource[] {
  return [
    res(PROFILE, { name: 'p' }),
    res('azurerm_network_security_perimeter_access_rule.r', { name: 'r', network_security_perimeter_profile_id: to(PROFILE), direction: 'Inbound', service_tags: tags }),
  ];
}

function association(name: string, resourceId: unknown, mode: unknown, profileId: unknown = to(PROFILE)): PlannedResource {
  return res(`azurerm_network_security_perimeter_association.${name}`, { name, network_security_perimeter_profile_id: profileId, resource_id: resourceId, access_mode: mode });
}

describe('perimeter rules', () => {
  test('an access mode known only after apply: cannot tell, for each rule it decides', () => {
    const p = plan(...profile(), account('closed'), association('a', to('azurerm_storage_account.closed'), later('terraform_data.mode.output')));
    expect(planFindings(p)).toEqual([
      'ADBS-TAG-PATH-MODE azurerm_network_security_perimeter_association.a',
      'ADBS-ENFORCED-STORAGE azurerm_network_security_perimeter_association.a',
      'ADBS-REOPENED-ACCOUNT azurerm_network_security_perimeter_association.a',
    ]);
    expect(planMessages(p, 'ADBS-ENFORCED-STORAGE')).toEqual([
      'Cannot tell from the plan whether a storage account is associated in Enforced mode: access_mode of azurerm_network_security_perimeter_association.a ' +
        '(${terraform_data.mode.output}) is known only after apply. Check the value the apply will set (or make it known when planning), then fix or suppress this finding.',
    ]);
  });

  test('service tags known only after apply: cannot tell whether the tag is global, or whether the tag path is in use', () => {
    const p = plan(...profile(later('terraform_data.tags.output')), account('closed'), association('a', to('azurerm_storage_account.closed'), 'Enforced'));
    expect(planFindings(p)).toEqual([
      'ADBS-TAG-PATH-MODE azurerm_network_security_perimeter_association.a',
      'ADBS-ENFORCED-STORAGE azurerm_network_security_perimeter_association.a',
      'ADBS-GLOBAL-TAG azurerm_network_security_perimeter_access_rule.r',
    ]);
    expect(planMessages(p, 'ADBS-ENFORCED-STORAGE')[0]).toMatch(/^Storage account associated in Enforced mode/);
    expect(planMessages(p, 'ADBS-GLOBAL-TAG')[0]).toMatch(/^Cannot tell from the plan whether access rule .*\.r allows the global AzureDatabricksServerless tag: service_tags of /);
  });

  test('a resource ID known only after apply that names no resource of the plan: cannot tell (the root storage rule too); one that references a resource: decided by it', () => {
    const p = plan(...profile(), association('unresolved', later('module.data.account_id'), 'Learning'));
    expect(planFindings(p)).toEqual([
      'ADBS-ROOT-STORAGE-PERIMETER azurerm_network_security_perimeter_association.unresolved',
      'ADBS-REOPENED-ACCOUNT azurerm_network_security_perimeter_association.unresolved',
    ]);
    expect(planMessages(p, 'ADBS-ROOT-STORAGE-PERIMETER')[0]).toContain('resource_id of azurerm_network_security_perimeter_association.unresolved (${module.data.account_id}) is known only after apply');
    // A key vault of the plan: not a storage account, not root storage.
    expect(planFindings(plan(...profile(), res('azurerm_key_vault.kv', { name: 'kv' }), association('vault', to('azurerm_key_vault.kv'), 'Enforced')))).toEqual([]);
  });

  test('ADBS-ROOT-STORAGE-PERIMETER follows an ID known only after apply to a data source in a workspace\'s managed resource group', () => {
    const root: PlannedResource = {
      ...res('data.azurerm_storage_account.root', { name: 'dbstoragexyz', resource_group_name: later('azurerm_databricks_workspace.w.managed_resource_group_name', 'azurerm_databricks_workspace.w') }),
      mode: 'data',
    };
    const p = plan(
      res(PROFILE, { name: 'p' }),
      res('azurerm_databricks_workspace.w', { name: 'w', managed_resource_group_name: COMPUTED }),
      root,
      account('lake'),
      association('root', to('data.azurerm_storage_account.root'), 'Learning'),
      association('lake', to('azurerm_storage_account.lake'), 'Learning'),
    );
    expect(planFindings(p)).toEqual(['ADBS-ROOT-STORAGE-PERIMETER azurerm_network_security_perimeter_association.root', 'ADBS-WORKSPACE-EGRESS azurerm_databricks_workspace.w']);
  });
});

describe('private endpoint, workspace and policy rules', () => {
  const ncc = res(NCC, { name: 'n', region: 'eastus2' });
  const rule = (name: string, target: unknown, group: unknown) =>
    res(`databricks_mws_ncc_private_endpoint_rule.${name}`, { network_connectivity_config_id: to(NCC, 'network_connectivity_config_id'), resource_id: target, group_id: group });
  const approval = (name: string, type: unknown) => res(`azapi_update_resource.${name}`, { type, resource_id: to(`databricks_mws_ncc_private_endpoint_rule.${name}`, 'endpoint_name') });

  test('ADBS-ADLS-BLOB-DFS and ADBS-UNAPPROVED-RULE: a namespace, a group or an approval type known only after apply', () => {
    const p = plan(
      ncc,
      account('lake', { is_hns_enabled: later('terraform_data.hns.output') }),
      rule('lakeBlob', to('azurerm_storage_account.lake'), 'blob'),
      approval('lakeBlob', CONNECTIONS),
      account('gen2', { is_hns_enabled: true }),
      rule('gen2Any', to('azurerm_storage_account.gen2'), later('terraform_data.group.output')),
      approval('gen2Any', later('terraform_data.type.output')),
    );
    expect(planFindings(p)).toEqual([
      'ADBS-UNAPPROVED-RULE databricks_mws_ncc_private_endpoint_rule.gen2Any',
      'ADBS-ADLS-BLOB-DFS azurerm_storage_account.lake',
      'ADBS-ADLS-BLOB-DFS azurerm_storage_account.gen2',
    ]);
    expect(planMessages(p, 'ADBS-UNAPPROVED-RULE')[0]).toMatch(/^Cannot tell from the plan whether private endpoint rule .*gen2Any has an approval: type of azapi_update_resource.gen2Any/);
    expect(planMessages(p, 'ADBS-ADLS-BLOB-DFS')).toEqual([
      expect.stringContaining('is_hns_enabled of azurerm_storage_account.lake (${terraform_data.hns.output}) is known only after apply'),
      expect.stringContaining('group_id of databricks_mws_ncc_private_endpoint_rule.gen2Any (${terraform_data.group.output}) is known only after apply'),
    ]);
  });

  test('workspaces: bindings and network options found by reference or numeric ID; ones known only after apply: cannot tell', () => {
    const p = plan(
      ncc,
      rule('vault', VAULT_ID, 'vault'),
      approval('vault', CONNECTIONS),
      res('azurerm_databricks_workspace.fresh', { name: 'fresh', workspace_id: COMPUTED }),
      res('azurerm_databricks_workspace.existing', { name: 'existing', workspace_id: '1234' }),
      res('databricks_mws_ncc_binding.elsewhere', { network_connectivity_config_id: to(NCC, 'network_connectivity_config_id'), workspace_id: later('module.ws.workspace_id') }),
      res('databricks_mws_ncc_binding.existing', { network_connectivity_config_id: to(NCC, 'network_connectivity_config_id'), workspace_id: 1234 }),
      res('databricks_workspace_network_option.existing', { workspace_id: '1234', network_policy_id: to('databricks_account_network_policy.p', 'network_policy_id') }),
      res('databricks_account_network_policy.p', { network_policy_id: 'p', egress: later('terraform_data.egress.output') }),
    );
    expect(planFindings(p)).toEqual([
      'ADBS-EGRESS-EMPTY databricks_account_network_policy.p',
      'ADBS-WORKSPACE-NO-NCC azurerm_databricks_workspace.fresh',
      'ADBS-WORKSPACE-EGRESS azurerm_databricks_workspace.fresh',
      'ADBS-WORKSPACE-EGRESS azurerm_databricks_workspace.existing',
    ]);
    expect(planMessages(p, 'ADBS-WORKSPACE-NO-NCC')[0]).toContain('workspace_id of databricks_mws_ncc_binding.elsewhere (${module.ws.workspace_id}) is known only after apply');
    expect(planMessages(p, 'ADBS-WORKSPACE-EGRESS')).toEqual([
      expect.stringMatching(/^Workspace azurerm_databricks_workspace.fresh has no network policy in this stack/),
      expect.stringContaining('egress.network_access.restriction_mode of databricks_account_network_policy.p (${terraform_data.egress.output}) is known only after apply'),
    ]);
  });

  test('ADBS-EGRESS-EMPTY: unset destination lists are empty; a list with entries known only after apply is not', () => {
    const policy = (name: string, access: Record<string, unknown>, unknown: Record<string, unknown>, references: string[] = []) => ({
      address: `databricks_account_network_policy.${name}`,
      values: { network_policy_id: name, egress: { network_access: { restriction_mode: 'RESTRICTED_ACCESS', ...access } } },
      unknown: { egress: { network_access: unknown } },
      expressions: { network_policy_id: constant(name), egress: { constant_value: { network_access: { restriction_mode: 'RESTRICTED_ACCESS' } }, references } },
    });
    const p = plan(
      policy('empty', {}, { allowed_internet_destinations: true, allowed_storage_destinations: true }),
      policy('storage', { allowed_storage_destinations: [{ storage_destination_type: 'AZURE_STORAGE' }] }, { allowed_storage_destinations: [{ azure_storage_account: true }] }, ['azurerm_storage_account.lake']),
    );
    expect(planFindings(p)).toEqual(['ADBS-EGRESS-EMPTY databricks_account_network_policy.empty']);
  });

  test('limits: an NCC region known only after apply that could put a region over its limit: cannot tell', () => {
    const nccs = Array.from({ length: 10 }, (_, i) => res(`${NCC}${i}`, { name: `n${i}`, region: 'eastus2' }));
    const p = plan(...nccs, res(`${NCC}x`, { name: 'nx', region: later('terraform_data.region.output') }));
    expect(planFindings(p)).toEqual([`ADBS-LIMIT-NCCS ${NCC}x`]);
    expect(planMessages(p, 'ADBS-LIMIT-NCCS')[0]).toMatch(/^Cannot tell from the plan whether NCC .*nx is one too many in its region: region of /);
    expect(planFindings(plan(...nccs.slice(1), res(`${NCC}x`, { name: 'nx', region: later('terraform_data.region.output') })))).toEqual([]);

    const endpoints = (nccName: string, region: unknown) => [
      res(`${NCC}_${nccName}`, { name: nccName, region }),
      res(`databricks_mws_ncc_private_endpoint_rule.${nccName}`, { network_connectivity_config_id: to(`${NCC}_${nccName}`, 'network_connectivity_config_id'), resource_id: VAULT_ID, group_id: 'vault' }),
      res(`azapi_update_resource.${nccName}`, { type: CONNECTIONS, resource_id: to(`databricks_mws_ncc_private_endpoint_rule.${nccName}`) }),
    ];
    const limited = { nccs: new Map([[`${NCC}_one`, { region: 'eastus2', limits: { maxPrivateEndpointsPerRegion: 1 } }]]) };
    expect(planFindings(plan(...endpoints('one', 'eastus2'), ...endpoints('two', later('terraform_data.region.output'))), limited)).toEqual([
      'ADBS-LIMIT-ENDPOINTS databricks_mws_ncc_private_endpoint_rule.two',
    ]);
  });
});

describe('ADBS-LEGACY-SUBNETS', () => {
  test('a subnet list known only after apply is legacy when computed from an NCC\'s egress_config, through a module output too', () => {
    const p = plan(
      account('viaModule', { network_rules: { value: [{ default_action: 'Deny' }], unknown: [{ virtual_network_subnet_ids: true }], expressions: [{ default_action: constant('Deny'), virtual_network_subnet_ids: refs('module.ncc.subnets') }] } }),
      account('ownSubnet', { network_rules: { value: [{ default_action: 'Deny' }], unknown: [{ virtual_network_subnet_ids: true }], expressions: [{ default_action: constant('Deny'), virtual_network_subnet_ids: refs('azurerm_subnet.app.id', 'azurerm_subnet.app') }] } }),
      res('azurerm_subnet.app', { name: 'app' }),
    );
    const egress = ['databricks_mws_network_connectivity_config.n.egress_config', 'databricks_mws_network_connectivity_config.n'];
    p.configuration.root_module.module_calls = {
      ncc: { source: './ncc', module: { outputs: { subnets: { expression: refs(...egress) } }, resources: [{ address: 'databricks_mws_network_connectivity_config.n', expressions: { name: constant('n'), region: constant('eastus2') } }] } },
    };
    p.planned_values.root_module.child_modules = [
      { address: 'module.ncc', resources: [{ address: 'module.ncc.databricks_mws_network_connectivity_config.n', mode: 'managed', type: 'databricks_mws_network_connectivity_config', values: { name: 'n', region: 'eastus2' } }] },
    ];
    expect(planFindings(p)).toEqual(['ADBS-LEGACY-SUBNETS azurerm_storage_account.viaModule']);
    expect(planMessages(p, 'ADBS-LEGACY-SUBNETS')[0]).toMatch(/^The storage firewall allowlists the NCC's serverless subnets \(1: \(reference to egress_config\)\)/);
  });
});
