import { Testing } from 'cdktf';
import { addresses, synth } from './util';
import { ApprovalStack } from '../examples/approval';
import { FoundationStack } from '../examples/foundation';
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
      'data.azapi_resource_list.ncc_lake-blob_Approval_Lookup0_CBCBCCDB',
      'data.azapi_resource_list.ncc_lake-blob_Approval_Lookup1_DC66B7A6',
      'data.azapi_resource_list.ncc_lake-blob_Approval_Lookup2_3E49330C',
      'data.azapi_resource_list.ncc_lake-blob_Approval_Lookup3_6DF4F22F',
      'data.azapi_resource_list.ncc_lake-dfs_Approval_Lookup0_05D88AE0',
      'data.azapi_resource_list.ncc_lake-dfs_Approval_Lookup1_E05E9C21',
      'data.azapi_resource_list.ncc_lake-dfs_Approval_Lookup2_91FD2ED0',
      'data.azapi_resource_list.ncc_lake-dfs_Approval_Lookup3_48B6B2F6',
      'data.azapi_resource_list.ncc_secrets_Approval_Lookup0_BBD0CFF2',
      'data.azapi_resource_list.ncc_secrets_Approval_Lookup1_ECB3E50D',
      'data.azapi_resource_list.ncc_secrets_Approval_Lookup2_2EB7BB02',
      'databricks_mws_ncc_private_endpoint_rule.ncc_lake-blob_C50171E9',
      'databricks_mws_ncc_private_endpoint_rule.ncc_lake-dfs_69AD4F7C',
      'databricks_mws_ncc_private_endpoint_rule.ncc_secrets_102E7CBC',
      'databricks_mws_ncc_private_endpoint_rule.ncc_warehouse-sql_A778738C',
      'time_sleep.ncc_lake-blob_Approval_Wait0_29FC52EA',
      'time_sleep.ncc_lake-blob_Approval_Wait1_C91601E5',
      'time_sleep.ncc_lake-blob_Approval_Wait2_675FAC4A',
      'time_sleep.ncc_lake-dfs_Approval_Wait0_230B9921',
      'time_sleep.ncc_lake-dfs_Approval_Wait1_89A0CD8E',
      'time_sleep.ncc_lake-dfs_Approval_Wait2_24A64A58',
      'time_sleep.ncc_secrets_Approval_Wait0_95ACBBBE',
      'time_sleep.ncc_secrets_Approval_Wait1_CB8D622C',
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
});
