import { CheckModel } from '../model';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/**
 * The service-tag path of a storage pattern given a tag that is not the Databricks serverless tag.
 *
 * Unknowns: none. The fact comes from the constructs (the pattern's serviceTag); a plan has no such
 * fact, so the rule never reports on a plan (ADBS-GLOBAL-TAG and ADBS-TAG-PATH-MODE read the rules).
 */
export const FOREIGN_TAG: CheckRule = {
  id: 'ADBS-FOREIGN-TAG',
  level: FindingLevel.WARNING,
  title: 'The service-tag path uses a tag that is not the Databricks serverless tag',
  fix: 'Leave serviceTag out (the regional AzureDatabricksServerless tag of the NCC\'s region), or pass ServiceTag.databricksServerless(region)',
  check(model: CheckModel): RuleHit[] {
    return model.facts.serviceTagChoices
      .filter((c) => !c.tag.startsWith('AzureDatabricksServerless'))
      .map((c) => ({
        resource: { address: c.path, type: 'construct', values: {}, references: [], path: c.path },
        message: `serviceTag ${c.tag} is not a Databricks serverless tag; serverless compute is admitted only by AzureDatabricksServerless[.<Region>].`,
      }));
  },
};
