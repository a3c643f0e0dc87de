import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Testing } from 'cdktf';
import { addresses, synth } from './util';
import { ApprovalStack } from '../examples/approval';
import { ChecksStack } from '../examples/checks';
import { EgressStack } from '../examples/egress';
import { EstateStack } from '../examples/estate';
import { FoundationStack } from '../examples/foundation';
import { IngressStack } from '../examples/ingress';
import { LakehouseStack } from '../examples/lakehouse';
import { PerimeterStack } from '../examples/perimeter';

// Construct IDs are API: a changed address replaces the real resource. This test makes a rename visible.
describe('resource addresses of the bundled examples', () => {
  test('foundation', () => {
    const stack = new FoundationStack(Testing.app(), 'foundation');
    expect(addresses(synth(stack))).toEqual([
      'azurerm_databricks_workspace.workspace',
      'azurerm_resource_group.rg',
      'azurerm_storage_account.lake',
      'databricks_mws_ncc_binding.ncc_analytics_8653DFDB',
      'databricks_mws_ncc_private_endpoint_rule.ncc_lake-blob_C50171E9',
      'databricks_mws_ncc_private_endpoint_rule.ncc_lake-dfs_69AD4F7C',
      'databricks_mws_ncc_private_endpoint_rule.ncc_secrets_102E7CBC',
      'databricks_mws_network_connectivity_config.ncc_58AB0279',
    ]);
  });

  test('approval', () => {
    const stack = new ApprovalStack(Testing.app(), 'approval');
    expect(addresses(synth(stack))).toEqual([
      'azapi_update_resource.ncc_lake-blob_Approval_Approve_90990CF8',
      'azapi_update_resource.ncc_lake-dfs_Approval_Approve_BDA13C6A',
      'azapi_update_resource.ncc_secrets_Approval_Approve_1362662E',
      'azurerm_resource_group.rg',
      'azurerm_storage_account.lake',
      'data.azapi_resource_list.ncc_lake-blob_Approval_Lookup_26029B7E',
      'data.azapi_resource_list.ncc_secrets_Approval_Lookup_53F6B597',
      'databricks_mws_ncc_private_endpoint_rule.ncc_lake-blob_C50171E9',
      'databricks_mws_ncc_private_endpoint_rule.ncc_lake-dfs_69AD4F7C',
      'databricks_mws_ncc_private_endpoint_rule.ncc_secrets_102E7CBC',
      'databricks_mws_ncc_private_endpoint_rule.ncc_warehouse-sql_A778738C',
      'time_sleep.ncc_lake-blob_Approval_Wait_E3F10884',
      'time_sleep.ncc_lake-dfs_Approval_Wait_CAAF64EE',
      'time_sleep.ncc_secrets_Approval_Wait_731B6CD9',
    ]);
  });

  test('perimeter', () => {
    const stack = new PerimeterStack(Testing.app(), 'perimeter');
    expect(addresses(synth(stack))).toEqual([
      'azurerm_network_security_perimeter.nsp_FD6706B4',
      'azurerm_network_security_perimeter_access_rule.nsp_serverless_Rule-inbound-service-tags_CF18D6BA',
      'azurerm_network_security_perimeter_association.nsp_serverless_shared_B5DB0836',
      'azurerm_network_security_perimeter_profile.nsp_serverless_CEDDDF0F',
      'azurerm_resource_group.rg',
      'azurerm_storage_account.shared',
    ]);
  });

  test('ingress', () => {
    const stack = new IngressStack(Testing.app(), 'ingress');
    expect(addresses(synth(stack))).toEqual([
      'azurerm_databricks_workspace.workspace',
      'azurerm_resource_group.rg',
      'databricks_account_network_policy.policy_E16B4B70',
      'databricks_workspace_network_option.policy_finance_CD0B3420',
    ]);
  });

  test('egress', () => {
    const stack = new EgressStack(Testing.app(), 'egress');
    expect(addresses(synth(stack))).toEqual([
      'azapi_update_resource.features_Rule-blob_Approval_Approve_45EDF3B0',
      'azapi_update_resource.features_Rule-dfs_Approval_Approve_72848EBD',
      'azurerm_databricks_workspace.workspace',
      'azurerm_resource_group.rg',
      'azurerm_storage_account.features_Account_979FF385',
      'data.azapi_resource_list.features_Rule-blob_Approval_Lookup_000102DC',
      'databricks_account_network_policy.egress_552EBF08',
      'databricks_mws_ncc_binding.ncc_ml_9CA91403',
      'databricks_mws_ncc_private_endpoint_rule.features_Rule-blob_4AED8D96',
      'databricks_mws_ncc_private_endpoint_rule.features_Rule-dfs_4E9D54F4',
      'databricks_mws_network_connectivity_config.ncc_58AB0279',
      'databricks_workspace_network_option.egress_ml_9D6FAB49',
      'time_sleep.features_Rule-blob_Approval_Wait_A1C3064C',
      'time_sleep.features_Rule-dfs_Approval_Wait_C33D4CAC',
    ]);
  });

  test('checks', () => {
    const stack = new ChecksStack(Testing.app(), 'checks');
    expect(addresses(synth(stack))).toEqual([
      'azurerm_network_security_perimeter.nsp_FD6706B4',
      'azurerm_network_security_perimeter_access_rule.nsp_serverless_Rule-inbound-service-tags_CF18D6BA',
      'azurerm_network_security_perimeter_association.reporting-serverless_Association_F5695A93',
      'azurerm_network_security_perimeter_profile.nsp_serverless_CEDDDF0F',
      'azurerm_resource_group.rg',
      'azurerm_storage_account.reporting',
      'databricks_mws_network_connectivity_config.ncc_58AB0279',
    ]);
  });

  test('lakehouse', () => {
    const stack = new LakehouseStack(Testing.app(), 'lakehouse');
    expect(addresses(synth(stack))).toEqual([
      'azapi_resource.workspace_7AA39623',
      'azapi_update_resource.lake_Rule-blob_Approval_Approve_598AD61A',
      'azapi_update_resource.lake_Rule-dfs_Approval_Approve_BF278EE8',
      'azurerm_databricks_access_connector.uc_AccessConnector_44C9ADF8',
      'azurerm_resource_group.rg',
      'azurerm_role_assignment.uc_Role_C413B456',
      'azurerm_storage_account.lake_Account_16CAFBC3',
      'data.azapi_resource_list.lake_Rule-blob_Approval_Lookup_2397B3FB',
      'databricks_account_network_policy.egress_552EBF08',
      'databricks_catalog.uc_curated_lakehouse_2F0C97DA',
      'databricks_external_location.uc_curated_07511C76',
      'databricks_external_location.uc_landing_C8A19C7B',
      'databricks_grants.uc_Grants_859818A9',
      'databricks_grants.uc_curated_lakehouse_Grants_20DDC953',
      'databricks_grants.uc_landing_Grants_EBE8B920',
      'databricks_mws_ncc_binding.ncc_lakehouse_06702681',
      'databricks_mws_ncc_private_endpoint_rule.lake_Rule-blob_A2F97788',
      'databricks_mws_ncc_private_endpoint_rule.lake_Rule-dfs_E32B573A',
      'databricks_mws_network_connectivity_config.ncc_58AB0279',
      'databricks_storage_credential.uc_30489319',
      'databricks_workspace_binding.uc_curated_lakehouse_Binding-ref-ff5765a5_83D76A4D',
      'databricks_workspace_network_option.egress_lakehouse_51BA4B0E',
      'time_sleep.lake_Rule-blob_Approval_Wait_6651F99F',
      'time_sleep.lake_Rule-dfs_Approval_Wait_44DCB849',
    ]);
  });

  test('estate (the flagship pattern)', () => {
    const stack = new EstateStack(Testing.app(), 'estate');
    expect(addresses(synth(stack))).toEqual([
      'azapi_update_resource.engineering-root_Rule-blob_Approval_Approve_9BE0E7BF',
      'azapi_update_resource.engineering-root_Rule-dfs_Approval_Approve_FDF05DA2',
      'azapi_update_resource.lake_Rule-blob_Approval_Approve_598AD61A',
      'azapi_update_resource.lake_Rule-dfs_Approval_Approve_BF278EE8',
      'azurerm_databricks_workspace.ws-analytics',
      'azurerm_databricks_workspace.ws-engineering',
      'azurerm_network_security_perimeter.landing_Perimeter_9D9218BF',
      'azurerm_network_security_perimeter_access_rule.landing_Perimeter_Profile_Rule-inbound-service-tags_1E86E9DF',
      'azurerm_network_security_perimeter_association.landing_Association_58D3DAFC',
      'azurerm_network_security_perimeter_profile.landing_Perimeter_Profile_798F7E38',
      'azurerm_resource_group.rg',
      'azurerm_storage_account.lake_Account_16CAFBC3',
      'azurerm_storage_account.landing_Account_A37BF7DE',
      'data.azapi_resource_list.engineering-root_Rule-blob_Approval_Lookup_C5EFBBA5',
      'data.azapi_resource_list.lake_Rule-blob_Approval_Lookup_2397B3FB',
      'databricks_mws_ncc_binding.ncc_analytics_8653DFDB',
      'databricks_mws_ncc_binding.ncc_engineering_4CC76452',
      'databricks_mws_ncc_private_endpoint_rule.engineering-root_Rule-blob_6CDA7500',
      'databricks_mws_ncc_private_endpoint_rule.engineering-root_Rule-dfs_AB5F43F0',
      'databricks_mws_ncc_private_endpoint_rule.lake_Rule-blob_A2F97788',
      'databricks_mws_ncc_private_endpoint_rule.lake_Rule-dfs_E32B573A',
      'databricks_mws_network_connectivity_config.ncc_58AB0279',
      'time_sleep.engineering-root_Rule-blob_Approval_Wait_BB96E61D',
      'time_sleep.engineering-root_Rule-dfs_Approval_Wait_B1B7E6F5',
      'time_sleep.lake_Rule-blob_Approval_Wait_6651F99F',
      'time_sleep.lake_Rule-dfs_Approval_Wait_44DCB849',
    ]);
  });
});

// Every bundled example is valid Terraform for the real provider schemas, and plans.
// The README's first command: the bundled app, synthesized as `npm run example` runs it (app.synth(), so the
// checks run, print their report and would fail the synth on an unsuppressed error).
describe('the bundled example app', () => {
  test('synthesizes every stack, with a report next to each cdk.tf.json', () => {
    const out = mkdtempSync(join(tmpdir(), 'adbs-example-'));
    try {
      const root = join(__dirname, '..');
      const r = spawnSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), join(root, 'examples', 'main.ts')], {
        cwd: out,
        encoding: 'utf8',
        env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json') },
      });
      expect(r.stderr).not.toMatch(/Error/);
      expect(r.status).toBe(0);
      const stacks = ['approval', 'checks', 'egress', 'estate', 'foundation', 'ingress', 'lakehouse', 'perimeter'];
      expect(readdirSync(join(out, 'cdktf.out', 'stacks')).sort()).toEqual(stacks);
      const summaries = Object.fromEntries(stacks.map((s) => [s, JSON.parse(readFileSync(join(out, 'cdktf.out', 'stacks', s, 'serverless-network-checks.json'), 'utf8')).summary]));
      expect(summaries.checks).toEqual({ errors: 0, warnings: 0, infos: 0, suppressed: 1, reportedOnly: 0 });
      expect(Object.values(summaries).every((x: any) => x.errors === 0)).toBe(true);
      expect(r.stderr).toContain('Serverless network checks, checks: 0 error(s), 0 warning(s), 0 info, 1 suppressed');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
