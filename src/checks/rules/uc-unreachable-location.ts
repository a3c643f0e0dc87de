import { CheckModel } from '../model';
import { describe } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';
import { externalLocations, serverlessReaches } from '../unity-catalog';

/**
 * An external location on an account that serverless compute cannot reach: no NCC private endpoint rule
 * on it and no association with a perimeter profile that allows the AzureDatabricksServerless tag.
 * Serverless workloads that read it fail with a network error (classic compute may still reach it).
 *
 * Unknowns: a location whose account the configuration does not hold is not checked.
 */
export const UC_UNREACHABLE_LOCATION: CheckRule = {
  id: 'ADBS-UC-UNREACHABLE-LOCATION',
  level: FindingLevel.WARNING,
  title: 'An external location is on an account serverless compute cannot reach',
  fix: 'Reach the account from serverless compute: ServerlessSecureStorage (private endpoints, or the service-tag path)',
  check(model: CheckModel): RuleHit[] {
    return externalLocations(model).flatMap(({ location, account }) =>
      account && !serverlessReaches(model, account)
        ? [{
          resource: location,
          message: `External location ${describe(location)} is on account ${describe(account)}, which has no NCC private endpoint rule and no perimeter association allowing AzureDatabricksServerless: serverless compute cannot reach it.`,
        }]
        : []);
  },
};
