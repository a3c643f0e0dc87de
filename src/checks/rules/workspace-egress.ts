import { CheckModel, valueAt } from '../model';
import { describe, literal, targetOf } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/** A workspace with no network policy of its own, or one in full access. */
export const WORKSPACE_EGRESS: CheckRule = {
  id: 'ADBS-WORKSPACE-EGRESS',
  level: FindingLevel.INFO,
  title: 'A workspace\'s serverless egress is not restricted',
  fix: 'Apply a restricted ServerlessEgressPolicy to it (dry run first), or adopt the account\'s default-policy',
  check(model: CheckModel): RuleHit[] {
    return model.ofType('azurerm_databricks_workspace').flatMap((w) => {
      const option = model.referrers(w, 'databricks_workspace_network_option', 'workspace_id')[0];
      if (!option) {
        return [{ resource: w, message: `Workspace ${describe(w)} has no network policy in this stack: it uses the account's default-policy, whatever that allows.` }];
      }
      const policy = targetOf(model, option, 'network_policy_id', 'databricks_account_network_policy');
      const mode = policy ? literal(valueAt(policy.values, 'egress.network_access.restriction_mode')) : undefined;
      return mode === 'FULL_ACCESS'
        ? [{ resource: w, message: `Workspace ${describe(w)} has a network policy in full access: its serverless compute may reach any destination.` }]
        : [];
    });
  },
};
