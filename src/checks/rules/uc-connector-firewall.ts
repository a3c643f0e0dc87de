import { CheckModel } from '../model';
import { describe } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';
import { deniesByDefault, externalLocations, firewallAdmits } from '../unity-catalog';

/**
 * A default-deny account whose firewall does not admit the access connector of a credential used on it
 * (no resource-instance rule): classic compute and some Unity Catalog operations are refused.
 *
 * Unknowns: a location whose account or connector the configuration does not hold is not checked.
 */
export const UC_CONNECTOR_FIREWALL: CheckRule = {
  id: 'ADBS-UC-CONNECTOR-FIREWALL',
  level: FindingLevel.WARNING,
  title: 'A default-deny account does not admit the access connector of its Unity Catalog credential',
  fix: 'Add a resource-instance rule for the connector (network_rules.private_link_access; ServerlessStorageCredential adds it on accounts ServerlessSecureStorage creates)',
  check(model: CheckModel): RuleHit[] {
    const seen = new Set<string>();
    return externalLocations(model).flatMap(({ account, connector }) => {
      if (!account || !connector || seen.has(`${account.address}|${connector.address}`)) {
        return [];
      }
      seen.add(`${account.address}|${connector.address}`);
      return deniesByDefault(model, account) && !firewallAdmits(model, account, connector)
        ? [{
          resource: account,
          message: `Storage account ${describe(account)} denies by default, and its firewall has no resource-instance rule for access connector ${describe(connector)}, whose identity Unity Catalog uses on it.`,
        }]
        : [];
    });
  },
};
