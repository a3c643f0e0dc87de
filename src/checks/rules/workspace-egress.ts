import { CheckModel } from '../model';
import { describe, hitOn, targetFact, targetOf, unresolvedFact, valueFact, valueThrough, verdict, workspaceReferrers } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/**
 * A workspace with no network policy of its own, or one in full access.
 *
 * Unknowns (plan): options and policies are found by reference (from the configuration) or by ID. A
 * network option whose `workspace_id` is known only after apply and names no resource of the plan (for a
 * workspace without an option), a `network_policy_id` known only after apply that names no policy of the
 * plan, or a policy's `restriction_mode` known only after apply gives a "cannot tell" finding. A policy
 * outside the plan (a literal ID) is not known: no finding.
 */
export const WORKSPACE_EGRESS: CheckRule = {
  id: 'ADBS-WORKSPACE-EGRESS',
  level: FindingLevel.INFO,
  title: 'A workspace\'s serverless egress is not restricted',
  fix: 'Apply a restricted ServerlessEgressPolicy to it (dry run first), or adopt the account\'s default-policy',
  check(model: CheckModel): RuleHit[] {
    const OPTION = 'databricks_workspace_network_option';
    const unresolved = unresolvedFact(model, OPTION, 'workspace_id');
    return model.ofType('azurerm_databricks_workspace').flatMap((w) => {
      const option = workspaceReferrers(model, w, OPTION, 'workspace_id')[0];
      if (!option) {
        return hitOn(w, verdict(unresolved ?? true, () => `Workspace ${describe(w)} has no network policy in this stack: it uses the account's default-policy, whatever that allows.`,
          `whether workspace ${describe(w)} has a network policy`));
      }
      const policy = targetOf(model, option, 'network_policy_id', 'databricks_account_network_policy');
      const mode = policy ? valueThrough(policy.values, 'egress.network_access.restriction_mode') : undefined;
      const fullAccess = policy
        ? valueFact(policy, 'egress.network_access.restriction_mode', mode, (v) => v === 'FULL_ACCESS')
        : targetFact(model, option, 'network_policy_id') ?? false;
      return hitOn(
        w,
        verdict(fullAccess, () => `Workspace ${describe(w)} has a network policy in full access: its serverless compute may reach any destination.`,
          `whether workspace ${describe(w)}'s network policy is in full access`),
      );
    });
  },
};
