import { CheckModel } from '../model';
import { allOf, associations, hitOn, serverlessTagFact, storageFact, valueFact, verdict } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/**
 * A storage account reached through the Databricks serverless tag, associated in a mode other than Learning.
 *
 * Unknowns (plan): the association's `access_mode`, a rule's `service_tags`, the profile ID (naming no
 * profile of the plan) or the `resource_id` (naming no resource of the plan) known only after apply
 * leave the finding open: a "cannot tell" finding naming them, when every other fact holds.
 */
export const TAG_PATH_MODE: CheckRule = {
  id: 'ADBS-TAG-PATH-MODE',
  level: FindingLevel.WARNING,
  title: 'The service-tag path with the association not in Learning mode',
  fix: 'Associate the account in NspAccessMode.LEARNING (Transition), which Databricks requires for the service-tag path',
  check(model: CheckModel): RuleHit[] {
    return associations(model).flatMap((a) => {
      const mode = a.association.values.access_mode;
      const message = verdict(
        allOf(
          valueFact(a.association, 'access_mode', mode, (v) => typeof v === 'string' && v !== 'Learning'),
          serverlessTagFact(a),
          storageFact(model, a.association, 'resource_id'),
        ),
        () => `perimeterAccessMode ${mode}: Databricks supports the service-tag path only with the association in Learning (Transition) mode.`,
        'whether a storage account on the service-tag path is associated in a mode other than Learning',
      );
      return hitOn(a.association, message);
    });
  },
};
