/**
 * The offline harness bites: real Terraform, stand-in providers with the real schemas. Each broken
 * configuration fails validate with Terraform's own message.
 */
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { MwsNccPrivateEndpointRule } from '@cdktf/provider-databricks/lib/mws-ncc-private-endpoint-rule';
import { MwsNetworkConnectivityConfig } from '@cdktf/provider-databricks/lib/mws-network-connectivity-config';
import { TerraformStack } from 'cdktf';
import { AzapiProvider } from '../../src/bindings/azapi/provider';
import { DataAzapiResourceList } from '../../src/bindings/azapi/resource-list';
import { AzapiUpdateResource } from '../../src/bindings/azapi/update-resource';
import { newStack } from '../util';
import { planStack, plannedAfter, validateStack } from './harness';

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
