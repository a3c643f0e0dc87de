import { CheckModel } from '../model';
import { allOf, associations, hasInboundRules, hitOn, pointsAtStorage, targetFact, valueFact, verdict } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/**
 * A private-endpoints-only account in Learning mode with a profile that admits traffic: silently reopened.
 *
 * Unknowns (plan): an unset `public_network_access_enabled` is true (not private-endpoints-only: no
 * finding); a rule's `direction` known only after apply counts as inbound, and a profile outside the plan
 * (an imported one, or an ID known only after apply) as one that may have inbound rules, as at synth. An
 * `access_mode` or the account's access flag known only after apply, or a `resource_id` known only after
 * apply that names no resource of the plan (it may be a closed account), gives a "cannot tell" finding.
 */
export const REOPENED_ACCOUNT: CheckRule = {
  id: 'ADBS-REOPENED-ACCOUNT',
  level: FindingLevel.WARNING,
  title: 'A private-endpoints-only account joins a profile with inbound rules in Learning mode',
  fix: 'Associate it in Enforced or Audit mode, or with a profile without inbound rules',
  check(model: CheckModel): RuleHit[] {
    return associations(model).flatMap((a) => {
      const account = pointsAtStorage(model, a.association, 'resource_id');
      const known = a.profile !== undefined;
      if (account === true || (known && !hasInboundRules(a.rules))) {
        return []; // an account outside the configuration: its access is not known; or a profile that admits nothing
      }
      const closed = account
        ? valueFact(account, 'public_network_access_enabled', account.values.public_network_access_enabled, (v) => v === false)
        : targetFact(model, a.association, 'resource_id') ?? false;
      const message = verdict(
        allOf(valueFact(a.association, 'access_mode', a.association.values.access_mode, (v) => v === 'Learning'), closed),
        () =>
          'Private-endpoints-only account associated in Learning mode with a profile that ' +
          (known ? 'has inbound rules' : a.profileUnknown ? 'may have inbound rules (its ID is known only after apply)' : 'may have inbound rules (an imported profile)') +
          ': in Learning mode the account accepts what those rules allow even with public network access disabled, which silently reopens it. ' +
          'Associate it in Enforced or Audit mode, or with a profile without inbound rules.',
        'whether a private-endpoints-only account joins a profile with inbound rules in Learning mode',
      );
      return hitOn(a.association, message);
    });
  },
};
