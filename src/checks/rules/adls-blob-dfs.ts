import { CheckModel } from '../model';
import { allOf, flag, hitOn, literal, storageAccounts, targetFact, valueFact, verdict } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/**
 * ADLS Gen2 (hierarchical namespace) reached through private endpoints for only one of blob and dfs.
 *
 * Unknowns (plan): an unset `is_hns_enabled` is false (not ADLS Gen2: no finding). An `is_hns_enabled`
 * known only after apply, a rule's `group_id` known only after apply, or a rule whose `resource_id` is
 * known only after apply and names no resource of the plan (it may be the missing sub-resource), leaves
 * the finding open: a "cannot tell" finding when one of blob and dfs is there (or, for a group known
 * only after apply, when neither is).
 */
export const ADLS_BLOB_DFS: CheckRule = {
  id: 'ADBS-ADLS-BLOB-DFS',
  level: FindingLevel.WARNING,
  title: 'An ADLS Gen2 account has a private endpoint rule for only one of blob and dfs',
  fix: 'Add the other sub-resource (ServerlessSecureStorage does both by default)',
  check(model: CheckModel): RuleHit[] {
    const RULE = 'databricks_mws_ncc_private_endpoint_rule';
    const unresolved = model.ofType(RULE).map((r) => targetFact(model, r, 'resource_id')).find((f) => f !== undefined);
    return storageAccounts(model).flatMap((account) => {
      // An existing account's namespace is known only for workspace root storage (ADLS Gen2).
      const hns = account.external ? flag(account.values.is_hns_enabled) === true : valueFact(account, 'is_hns_enabled', account.values.is_hns_enabled, (v) => v === true);
      const rules = model.referrers(account, RULE, 'resource_id');
      const groups = new Set(rules.map((r) => literal(r.values.group_id)));
      const unknownGroup = rules.map((r) => valueFact(r, 'group_id', r.values.group_id, () => false)).find((f) => f !== false);
      const known = Number(groups.has('blob')) + Number(groups.has('dfs'));
      const onlyOne = known === 1 ? unknownGroup ?? unresolved ?? true : known === 0 && (unknownGroup ?? false);
      return hitOn(
        account,
        verdict(
          allOf(hns, onlyOne),
          () => 'ADLS Gen2 (hierarchical namespace) needs private endpoints for both blob and dfs; with only one, some Databricks operations fail.',
          'whether an ADLS Gen2 account has a private endpoint rule for only one of blob and dfs',
        ),
      );
    });
  },
};
