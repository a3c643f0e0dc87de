import { CheckModel } from '../model';
import { associations, pointsAtStorage } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/** A storage account associated with a perimeter in Enforced mode. */
export const ENFORCED_STORAGE: CheckRule = {
  id: 'ADBS-ENFORCED-STORAGE',
  level: FindingLevel.WARNING,
  title: 'A storage account is associated with a perimeter in Enforced mode',
  fix: 'Use NspAccessMode.LEARNING unless every client of the account has been verified against the perimeter',
  check(model: CheckModel): RuleHit[] {
    return associations(model)
      .filter((a) => a.mode === 'Enforced' && pointsAtStorage(model, a.association, 'resource_id'))
      .map((a) => ({
        resource: a.association,
        message:
          'Storage account associated in Enforced mode: Databricks requires Learning (Transition) mode for serverless access through the ' +
          'AzureDatabricksServerless service tag, and Enforced also blocks trusted-service access (and public access the firewall allows). ' +
          'Use NspAccessMode.LEARNING unless you have verified every client of this account against the perimeter.',
      }));
  },
};
