import { CheckModel } from '../model';
import { allOf, associations, hitOn, storageFact, valueFact, verdict } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/**
 * A storage account associated with a perimeter in Enforced mode.
 *
 * Unknowns (plan): an `access_mode` known only after apply, or a `resource_id` known only after apply
 * that names no resource of the plan (a reference to one tells its type), gives a "cannot tell" finding
 * when the other fact holds.
 */
export const ENFORCED_STORAGE: CheckRule = {
  id: 'ADBS-ENFORCED-STORAGE',
  level: FindingLevel.WARNING,
  title: 'A storage account is associated with a perimeter in Enforced mode',
  fix: 'Use NspAccessMode.LEARNING unless every client of the account has been verified against the perimeter',
  check(model: CheckModel): RuleHit[] {
    return associations(model).flatMap((a) => {
      const message = verdict(
        allOf(valueFact(a.association, 'access_mode', a.association.values.access_mode, (v) => v === 'Enforced'), storageFact(model, a.association, 'resource_id')),
        () =>
          'Storage account associated in Enforced mode: Databricks requires Learning (Transition) mode for serverless access through the ' +
          'AzureDatabricksServerless service tag, and Enforced also blocks trusted-service access (and public access the firewall allows). ' +
          'Use NspAccessMode.LEARNING unless you have verified every client of this account against the perimeter.',
        'whether a storage account is associated in Enforced mode',
      );
      return hitOn(a.association, message);
    });
  },
};
