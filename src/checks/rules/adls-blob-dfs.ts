import { CheckModel } from '../model';
import { flag, literal, storageAccounts } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/** ADLS Gen2 (hierarchical namespace) reached through private endpoints for only one of blob and dfs. */
export const ADLS_BLOB_DFS: CheckRule = {
  id: 'ADBS-ADLS-BLOB-DFS',
  level: FindingLevel.WARNING,
  title: 'An ADLS Gen2 account has a private endpoint rule for only one of blob and dfs',
  fix: 'Add the other sub-resource (ServerlessSecureStorage does both by default)',
  check(model: CheckModel): RuleHit[] {
    return storageAccounts(model).flatMap((account) => {
      // An existing account's namespace is known only for workspace root storage (ADLS Gen2).
      if (flag(account.values.is_hns_enabled) !== true) {
        return [];
      }
      const groups = new Set(model.referrers(account, 'databricks_mws_ncc_private_endpoint_rule', 'resource_id').map((r) => literal(r.values.group_id)));
      return groups.has('blob') !== groups.has('dfs')
        ? [{ resource: account, message: 'ADLS Gen2 (hierarchical namespace) needs private endpoints for both blob and dfs; with only one, some Databricks operations fail.' }]
        : [];
    });
  },
};
