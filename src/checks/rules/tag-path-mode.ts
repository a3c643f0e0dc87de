import { CheckModel } from '../model';
import { associations, pointsAtStorage, serviceTags } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/** A storage account reached through the Databricks serverless tag, associated in a mode other than Learning. */
export const TAG_PATH_MODE: CheckRule = {
  id: 'ADBS-TAG-PATH-MODE',
  level: FindingLevel.WARNING,
  title: 'The service-tag path with the association not in Learning mode',
  fix: 'Associate the account in NspAccessMode.LEARNING (Transition), which Databricks requires for the service-tag path',
  check(model: CheckModel): RuleHit[] {
    return associations(model)
      .filter((a) => a.mode !== undefined && a.mode !== 'Learning')
      .filter((a) => serviceTags(a.rules).some((t) => t.startsWith('AzureDatabricksServerless')))
      .filter((a) => pointsAtStorage(model, a.association, 'resource_id'))
      .map((a) => ({
        resource: a.association,
        message: `perimeterAccessMode ${a.mode}: Databricks supports the service-tag path only with the association in Learning (Transition) mode.`,
      }));
  },
};
