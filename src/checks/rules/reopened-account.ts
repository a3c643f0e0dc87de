import { CheckModel } from '../model';
import { associations, flag, hasInboundRules, pointsAtStorage } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/** A private-endpoints-only account in Learning mode with a profile that admits traffic: silently reopened. */
export const REOPENED_ACCOUNT: CheckRule = {
  id: 'ADBS-REOPENED-ACCOUNT',
  level: FindingLevel.WARNING,
  title: 'A private-endpoints-only account joins a profile with inbound rules in Learning mode',
  fix: 'Associate it in Enforced or Audit mode, or with a profile without inbound rules',
  check(model: CheckModel): RuleHit[] {
    return associations(model).flatMap((a) => {
      const account = pointsAtStorage(model, a.association, 'resource_id');
      if (a.mode !== 'Learning' || account === undefined || account === true || flag(account.values.public_network_access_enabled) !== false) {
        return [];
      }
      const known = a.profile !== undefined;
      if (known && !hasInboundRules(a.rules)) {
        return [];
      }
      return [{
        resource: a.association,
        message:
          'Private-endpoints-only account associated in Learning mode with a profile that ' +
          (known ? 'has inbound rules' : 'may have inbound rules (an imported profile)') +
          ': in Learning mode the account accepts what those rules allow even with public network access disabled, which silently reopens it. ' +
          'Associate it in Enforced or Audit mode, or with a profile without inbound rules.',
      }];
    });
  },
};
