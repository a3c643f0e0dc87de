import { CheckModel } from '../model';
import { describe } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';
import { connectorHasRole, externalLocations } from '../unity-catalog';

/**
 * A Unity Catalog storage credential whose access connector has no role on the account of a location
 * that uses it: creating the location (Databricks validates it) or reading through it fails.
 *
 * Unknowns: a location whose account, credential or connector the configuration does not hold is not
 * checked (the roles of what is managed elsewhere are not known here).
 */
export const UC_CONNECTOR_ROLE: CheckRule = {
  id: 'ADBS-UC-CONNECTOR-ROLE',
  level: FindingLevel.WARNING,
  title: 'A storage credential\'s access connector has no role on the account of its external location',
  fix: 'Assign Storage Blob Data Contributor (or Reader) on the account to the connector\'s identity (ServerlessStorageCredential does)',
  check(model: CheckModel): RuleHit[] {
    return externalLocations(model).flatMap(({ location, account, credential, connector }) =>
      account && credential && connector && !connectorHasRole(model, account, connector)
        ? [{
          resource: credential,
          message: `Storage credential ${describe(credential)} reaches account ${describe(account)} (external location ${describe(location)}) through access connector ${describe(connector)}, which has no role assignment on that account: the location fails when Databricks validates it.`,
        }]
        : []);
  },
};
