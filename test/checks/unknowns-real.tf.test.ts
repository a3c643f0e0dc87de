/**
 * Plans of the Terraform stand-in (real Terraform, stand-in providers that plan like the real ones: an
 * unset Optional+Computed block such as a storage account's network_rules is unknown on create), checked
 * as the plan audit checks them. Exact finding sets, and the same as at synth where both can tell.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { StorageAccountNetworkRulesA } from '@cdktf/provider-azurerm/lib/storage-account-network-rules';
import { l1Account } from './helpers';
import { entraStack, planFindings } from './plans';
import {
  AzurermNetworkSecurityPerimeter,
  AzurermNetworkSecurityPerimeterAccessRule,
  AzurermNetworkSecurityPerimeterAssociation,
  AzurermNetworkSecurityPerimeterProfile,
} from '../../src/bindings/azurerm-nsp/resources';
import { ServerlessNetworkChecks } from '../../src/checks/pack';
import { planDir, planStack, writeConfig } from '../terraform/harness';

const ACCOUNT = { account_tier: 'Standard', account_replication_type: 'LRS', resource_group_name: 'rg', location: 'eastus2' };

describe('real plans of the stand-in', () => {
  test('an account written without network_rules (unknown in the plan) is open; the same findings as at synth', () => {
    const { stack } = entraStack();
    // Only what is required: network_rules, the access flags, TLS and the namespace left to the provider.
    const bare = {
      publicNetworkAccessEnabled: undefined,
      networkRules: undefined,
      sharedAccessKeyEnabled: undefined,
      minTlsVersion: undefined,
      allowNestedItemsToBePublic: undefined,
      isHnsEnabled: undefined,
    };
    l1Account(stack, 'Bare', bare);
    const separate = l1Account(stack, 'Separate', { publicNetworkAccessEnabled: true, networkRules: undefined });
    new StorageAccountNetworkRulesA(stack, 'SeparateRules', { storageAccountId: separate.id, defaultAction: 'Deny' });
    l1Account(stack, 'Closed', { networkRules: undefined });
    const plan = planStack(stack);
    const unknown = plan.resource_changes.find((c: any) => c.address === 'azurerm_storage_account.Bare').change.after_unknown;
    expect([unknown.network_rules, unknown.shared_access_key_enabled, unknown.min_tls_version]).toEqual([true, true, true]);
    const expected = ['ADBS-STORAGE-OPEN azurerm_storage_account.Bare', 'ADBS-STORAGE-PUBLIC-BLOB azurerm_storage_account.Bare', 'ADBS-STORAGE-SHARED-KEY azurerm_storage_account.Bare'];
    expect(planFindings(plan)).toEqual(expected);
    expect(ServerlessNetworkChecks.check(stack).findings.map((f) => `${f.ruleId} ${f.address}`)).toEqual(expected);
  });

  test('a perimeter association whose IDs are known only after apply is linked by its references, as at synth', () => {
    const { stack } = entraStack();
    const nsp = new AzurermNetworkSecurityPerimeter(stack, 'Nsp', { name: 'nsp', resourceGroupName: 'rg', location: 'eastus2' });
    const profile = new AzurermNetworkSecurityPerimeterProfile(stack, 'Profile', { name: 'p', networkSecurityPerimeterId: nsp.id });
    new AzurermNetworkSecurityPerimeterAccessRule(stack, 'Tags', { name: 'tags', networkSecurityPerimeterProfileId: profile.id, direction: 'Inbound', serviceTags: ['AzureDatabricksServerless.EastUS2'] });
    const lake = l1Account(stack, 'Lake');
    new AzurermNetworkSecurityPerimeterAssociation(stack, 'Assoc', { name: 'a', networkSecurityPerimeterProfileId: profile.id, resourceId: lake.id, accessMode: 'Enforced' });
    const expected = ['ADBS-TAG-PATH-MODE azurerm_network_security_perimeter_association.Assoc', 'ADBS-ENFORCED-STORAGE azurerm_network_security_perimeter_association.Assoc'];
    expect(planFindings(planStack(stack))).toEqual(expected);
    expect(ServerlessNetworkChecks.check(stack).findings.map((f) => `${f.ruleId} ${f.address}`)).toEqual(expected);
  });

  test('a plan with a module: references inside it and through its outputs and variables name the module\'s resources', () => {
    const dir = writeConfig({
      terraform: { required_providers: { azurerm: { source: 'hashicorp/azurerm' }, databricks: { source: 'databricks/databricks' } } },
      provider: {
        azurerm: [{ features: [{ storage: [{ data_plane_available: false }] }], storage_use_azuread: true }],
        databricks: [{ host: 'https://accounts.azuredatabricks.net', account_id: '11111111-2222-3333-4444-555555555555' }],
      },
      module: { lake: { source: './lake', subnets: '${flatten(databricks_mws_network_connectivity_config.ncc.egress_config[*].default_rules[*].azure_service_endpoint_rule[*].subnets)}' } },
      resource: {
        databricks_mws_network_connectivity_config: { ncc: { name: 'ncc', region: 'eastus2' } },
        // Closes the module's account `open` from outside, through the module's output.
        azurerm_storage_account_network_rules: { outside: { storage_account_id: '${module.lake.open_id}', default_action: 'Deny' } },
        // The stand-in serves the types its root configuration names: these name the module's (count 0: nothing planned).
        azurerm_storage_account: { unused: { count: 0, name: 'unused', ...ACCOUNT } },
      },
    });
    try {
      mkdirSync(join(dir, 'lake'));
      const account = (name: string, extra: object = {}) => ({ name, ...ACCOUNT, shared_access_key_enabled: false, min_tls_version: 'TLS1_2', allow_nested_items_to_be_public: false, ...extra });
      writeFileSync(join(dir, 'lake', 'main.tf.json'), JSON.stringify({
        variable: { subnets: { type: 'list(string)' } },
        resource: {
          azurerm_storage_account: {
            legacy: account('legacy', { network_rules: [{ default_action: 'Deny', virtual_network_subnet_ids: '${var.subnets}' }] }),
            inside: account('inside'),
            open: account('open'),
            bare: account('bare'),
          },
          azurerm_storage_account_network_rules: { inside: { storage_account_id: '${azurerm_storage_account.inside.id}', default_action: 'Deny' } },
        },
        output: { open_id: { value: '${azurerm_storage_account.open.id}' } },
      }));
      const init = spawnSync('terraform', ['init', '-backend=false', '-input=false', '-no-color'], { cwd: dir, encoding: 'utf8' });
      expect(init.status).toBe(0);
      expect(planFindings(planDir(dir))).toEqual([
        'ADBS-LEGACY-SUBNETS module.lake.azurerm_storage_account.legacy',
        'ADBS-STORAGE-OPEN module.lake.azurerm_storage_account.bare',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
