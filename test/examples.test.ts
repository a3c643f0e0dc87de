import { Testing } from 'cdktf';
import { addresses, synth } from './util';
import { FoundationStack } from '../examples/foundation';

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
});
