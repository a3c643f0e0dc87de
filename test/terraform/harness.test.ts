/**
 * The offline harness bites: real Terraform, stand-in providers with the real schemas, at both ends of
 * the provider ranges. Each broken configuration fails validate with Terraform's own message, naming
 * the end; each end plans and applies against its own state.
 */
import { execFileSync } from 'child_process';
import { existsSync, rmSync } from 'fs';
import { join } from 'path';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { MwsNccPrivateEndpointRule } from '@cdktf/provider-databricks/lib/mws-ncc-private-endpoint-rule';
import { MwsNetworkConnectivityConfig } from '@cdktf/provider-databricks/lib/mws-network-connectivity-config';
import { TerraformStack } from 'cdktf';
import { AzapiProvider } from '../../src/bindings/azapi/provider';
import { DataAzapiResourceList } from '../../src/bindings/azapi/resource-list';
import { AzapiUpdateResource } from '../../src/bindings/azapi/update-resource';
import { newStack } from '../util';
import { terraformEnv } from './cli';
import { applyDir, endLabel, ENDS, planDirAll, planDirAt, planStack, planStackAll, plannedAfter, validateStack, writeConfig, writeStack } from './harness';

function base(): { stack: TerraformStack; sa: StorageAccount; ncc: MwsNetworkConnectivityConfig } {
  const { stack } = newStack();
  const rg = new ResourceGroup(stack, 'rg', { name: 'rg', location: 'eastus2' });
  const sa = new StorageAccount(stack, 'sa', {
    name: 'stlake',
    resourceGroupName: rg.name,
    location: rg.location,
    accountTier: 'Standard',
    accountReplicationType: 'LRS',
    networkRules: { defaultAction: 'Deny' },
  });
  const ncc = new MwsNetworkConnectivityConfig(stack, 'ncc', { name: 'ncc1', region: 'eastus2' });
  new MwsNccPrivateEndpointRule(stack, 'rule', { networkConnectivityConfigId: ncc.networkConnectivityConfigId, resourceId: sa.id, groupId: 'blob' });
  return { stack, sa, ncc };
}

describe('offline terraform validate', () => {
  test('a correct stack validates and plans', () => {
    const { stack } = base();
    expect(validateStack(stack)).toMatchObject({ valid: true, errors: '' });
    const plan = planStack(stack);
    expect(plan.resource_changes.map((c: any) => `${c.address}:${c.change.actions.join()}`).sort()).toEqual([
      'azurerm_resource_group.rg:create',
      'azurerm_storage_account.sa:create',
      'databricks_mws_ncc_private_endpoint_rule.rule:create',
      'databricks_mws_network_connectivity_config.ncc:create',
    ]);
    // Computed attributes are unknown at plan, as with the real providers.
    const rule = plan.resource_changes.find((c: any) => c.address === 'databricks_mws_ncc_private_endpoint_rule.rule');
    expect(rule.change.after_unknown.endpoint_name).toBe(true);
  });

  test('every error names the end (its provider versions) and the resource', () => {
    const s = base();
    s.sa.addOverride('account_teir', 'Standard');
    const result = validateStack(s.stack);
    for (const end of ENDS) {
      expect(result.ends[end].valid).toBe(false);
      expect(result.errors).toContain(`[${endLabel(end)}] azurerm_storage_account.sa: Extraneous JSON object property: No argument or block type is named "account_teir".`);
    }
  });

  test('what only one end rejects fails, naming that end: a databricks attribute read-only since 1.121', () => {
    const s = base();
    s.stack.node.findAll().filter((c: any) => c instanceof MwsNccPrivateEndpointRule).forEach((r: any) => r.addOverride('endpoint_name', 'pe-1'));
    const result = validateStack(s.stack);
    expect(result.valid).toBe(false);
    expect(result.ends.oldest).toMatchObject({ valid: true, errors: '' });
    expect(result.errors).toBe(
      `[${endLabel('newest')}] databricks_mws_ncc_private_endpoint_rule.rule: Invalid Configuration for Read-Only Attribute: ` +
        'Cannot set value for endpoint_name: the provider has marked it as read-only. Remove the configuration line setting the value.',
    );
    expect(endLabel('newest')).toBe('newest end (azurerm 4.73.0, databricks 1.132.0, azapi 2.12.0, time 0.14.0)');
  });

  test('a type only the newest end has fails at the oldest end', () => {
    const dir = writeConfig({
      terraform: { required_providers: { azurerm: { source: 'hashicorp/azurerm', version: '>= 4.55.0, < 6.0.0' } } },
      provider: { azurerm: [{ features: [{}] }] },
      resource: { azurerm_resource_provider_feature_registration: { f: { name: 'feature', provider_name: 'Microsoft.Storage' } } },
    });
    try {
      let message = '';
      try {
        planDirAll(dir);
      } catch (e: any) {
        message = e.message;
      }
      expect(message).toContain(`terraform plan failed at the ${endLabel('oldest')}:`);
      expect(message).toMatch(/Invalid resource type[\s\S]*azurerm_resource_provider_feature_registration/);
      expect(message).not.toContain('at the newest end');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    ['an unknown attribute', (s: ReturnType<typeof base>) => s.sa.addOverride('account_teir', 'Standard'), /No argument or block type is named "account_teir"/],
    ['an unknown attribute inside a block', (s: ReturnType<typeof base>) => s.sa.addOverride('network_rules.default_actoin', 'Deny'), /No argument or block type is named "default_actoin"/],
    ['a wrong type', (s: ReturnType<typeof base>) => s.sa.addOverride('https_traffic_only_enabled', 'yes-please'), /Incorrect attribute value type[\s\S]*a bool is required/],
    ['a missing required attribute', (s: ReturnType<typeof base>) => s.sa.addOverride('account_tier', undefined), /Missing required argument[\s\S]*"account_tier" is required/],
    ['a required attribute set to null', (s: ReturnType<typeof base>) => s.ncc.addOverride('region', null), /Missing Configuration for Required Attribute/],
    ['a reference to an undeclared resource', (s: ReturnType<typeof base>) => s.sa.addOverride('name', '${azurerm_storage_account.nope.name}'), /Reference to undeclared resource/],
    ['a reference to a missing attribute', (s: ReturnType<typeof base>) => s.sa.addOverride('name', '${azurerm_resource_group.rg.nmae}'), /Unsupported attribute[\s\S]*Did you mean "name"\?/],
    ['a read-only attribute set', (s: ReturnType<typeof base>) => s.sa.addOverride('primary_access_key', 'secret'), /Invalid Configuration for Read-Only Attribute/],
    ['too many blocks', (s: ReturnType<typeof base>) => s.sa.addOverride('network_rules', [{ default_action: 'Deny' }, { default_action: 'Allow' }]), /Too many network_rules blocks/],
  ])('%s fails validate with Terraform\'s message', (_name, breakIt, message) => {
    const s = base();
    breakIt(s);
    const result = validateStack(s.stack);
    expect(result.valid).toBe(false);
    expect(result.errors).toMatch(message);
  });
});

describe('both ends, each with its own state', () => {
  test('plans at both ends, returns the oldest end\'s plan and gives each end\'s', () => {
    const { stack } = base();
    const plans = planStackAll(stack);
    expect(Object.keys(plans)).toEqual(['oldest', 'newest']);
    // The newest databricks has attributes 1.99 lacks (error_message is read-only from 1.121 on).
    expect(plans.newest.resource_changes.find((c: any) => c.address === 'databricks_mws_ncc_private_endpoint_rule.rule').change.after_unknown.error_message).toBe(true);
    expect('error_message' in plans.oldest.resource_changes.find((c: any) => c.address === 'databricks_mws_ncc_private_endpoint_rule.rule').change.after_unknown).toBe(false);
  });

  test('apply writes each end\'s state apart; each end plans against its own', () => {
    const { stack } = base();
    const dir = writeStack(stack);
    try {
      applyDir(dir);
      const oldestState = join(dir, 'terraform.tfstate');
      const newestState = join(dir, 'terraform.tfstate.d', 'newest', 'terraform.tfstate');
      expect([existsSync(oldestState), existsSync(newestState)]).toEqual([true, true]);
      const noop = (plan: any) => plan.resource_changes.every((c: any) => c.change.actions.join() === 'no-op');
      const plans = planDirAll(dir);
      expect([noop(plans.oldest), noop(plans.newest)]).toEqual([true, true]);
      // A plain `terraform show` in the folder reads the oldest end's state (the default workspace).
      const shown = JSON.parse(execFileSync('terraform', ['show', '-json'], { cwd: dir, env: terraformEnv(), encoding: 'utf8' }));
      expect(shown.values.root_module.resources).toHaveLength(4);
      // Without the newest end's state, only the newest end plans to create again; planDirAll says the
      // ends differ, naming both.
      rmSync(newestState);
      expect(noop(planDirAt('oldest', dir))).toBe(true);
      expect(() => planDirAll(dir)).toThrow(
        new RegExp('the ends plan different changes:\\n {2}only at the oldest end .*: azurerm_resource_group.rg: no-op.*\\n {2}only at the newest end .*: azurerm_resource_group.rg: create'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('reattached providers take the version ranges the library writes, unchecked', () => {
    const { stack } = base();
    stack.addOverride('terraform.required_providers.azurerm.version', '>= 4.55.0, < 6.0.0');
    stack.addOverride('terraform.required_providers.databricks.version', '>= 1.99.0, != 1.114.0, < 2.0.0');
    expect(validateStack(stack)).toMatchObject({ valid: true, errors: '' });
  });
});

describe('offline terraform plan with fixtures', () => {
  test('a data source answers from fixtures and the plan shows the selected value', () => {
    const { stack, sa } = base();
    new AzapiProvider(stack, 'azapi');
    const list = new DataAzapiResourceList(stack, 'list', {
      resourceType: 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01',
      parentId: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/fixture1',
    });
    new AzapiUpdateResource(stack, 'pick', {
      resourceType: 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01',
      resourceId: `\${[for c in ${list.fqn}.output.value : c.id if c.properties.privateLinkServiceConnectionState.status == "Pending"][0]}`,
      body: { properties: { privateLinkServiceConnectionState: { status: 'Approved', description: 'test' } } },
    });
    void sa;
    const plan = planStack(stack, {
      azapi_resource_list: [
        {
          match: { parent_id: list.parentId },
          values: {
            output: {
              value: [
                { id: 'conn-approved', properties: { privateLinkServiceConnectionState: { status: 'Approved' } } },
                { id: 'conn-pending', properties: { privateLinkServiceConnectionState: { status: 'Pending' } } },
              ],
            },
          },
        },
      ],
    });
    expect(plannedAfter(plan, 'azapi_update_resource.pick').resource_id).toBe('conn-pending');
  });
});
