import { CheckModel, valueAt } from '../model';
import { literal } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/** A restricted network policy that allows nothing. */
export const EGRESS_EMPTY: CheckRule = {
  id: 'ADBS-EGRESS-EMPTY',
  level: FindingLevel.WARNING,
  title: 'A restricted network policy allows no destination',
  fix: 'Allow what the workloads need (allowDomains, allowStorage), or start with EgressEnforcement.dryRun() and read system.access.outbound_network',
  check(model: CheckModel): RuleHit[] {
    return model
      .ofType('databricks_account_network_policy')
      .filter((p) => literal(valueAt(p.values, 'egress.network_access.restriction_mode')) === 'RESTRICTED_ACCESS')
      .filter((p) => ['allowed_internet_destinations', 'allowed_storage_destinations'].every((k) => {
        const v = valueAt(p.values, `egress.network_access.${k}`);
        return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
      }))
      .map((p) => ({
        resource: p,
        message:
          'Restricted network policy with no allowed destinations: serverless compute reaches only Unity Catalog external locations and connections ' +
          '(allowed automatically) and Databricks itself; every internet host (PyPI, Maven, APIs) and other storage is blocked. ' +
          'Allow what the workloads need (allowDomains, allowStorage), or start with EgressEnforcement.dryRun() and read system.access.outbound_network.',
      }));
  },
};
