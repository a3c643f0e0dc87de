import { CheckModel } from '../model';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/**
 * A rule approved by hand: what to approve, and by when.
 *
 * Unknowns: none. The fact comes from the constructs (ApprovalMode.MANUAL); a plan has no such fact, so
 * the rule never reports on a plan.
 */
export const MANUAL_APPROVAL: CheckRule = {
  id: 'ADBS-MANUAL-APPROVAL',
  level: FindingLevel.INFO,
  title: 'A private endpoint connection is to be approved by hand',
  fix: 'Approve exactly the connection named, within 14 days; or switch the rule to automatic approval',
  check(model: CheckModel): RuleHit[] {
    return [...model.facts.manualApprovals.entries()].flatMap(([address, message]) => {
      const rule = model.get(address);
      return rule ? [{ resource: rule, message }] : [];
    });
  },
};
