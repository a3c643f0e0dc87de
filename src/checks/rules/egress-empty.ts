import { CheckModel } from '../model';
import { allOf, hitOn, isUnknown, valueFact, valueThrough, verdict } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/**
 * A restricted network policy that allows nothing.
 *
 * Unknowns (plan): an unset destination list is empty; a list with entries is not empty, even if they
 * are known only after apply. A `restriction_mode` or a whole list known only after apply (or the
 * `egress` object around them) gives a "cannot tell" finding when the other facts hold.
 */
export const EGRESS_EMPTY: CheckRule = {
  id: 'ADBS-EGRESS-EMPTY',
  level: FindingLevel.WARNING,
  title: 'A restricted network policy allows no destination',
  fix: 'Allow what the workloads need (allowDomains, allowStorage), or start with EgressEnforcement.dryRun() and read system.access.outbound_network',
  check(model: CheckModel): RuleHit[] {
    return model.ofType('databricks_account_network_policy').flatMap((p) => {
      const at = (k: string) => valueThrough(p.values, `egress.network_access.${k}`);
      const restricted = valueFact(p, 'egress.network_access.restriction_mode', at('restriction_mode'), (v) => v === 'RESTRICTED_ACCESS');
      const empty = ['allowed_internet_destinations', 'allowed_storage_destinations'].map((k) => {
        const fact = valueFact(p, `egress.network_access.${k}`, at(k), (v) => v === undefined || v === null || (Array.isArray(v) && v.length === 0));
        return isUnknown(fact) && Array.isArray(at(k)) ? false : fact; // entries known only after apply: not empty
      });
      return hitOn(
        p,
        verdict(
          allOf(restricted, ...empty),
          () =>
            'Restricted network policy with no allowed destinations: serverless compute reaches only Unity Catalog external locations and connections ' +
            '(allowed automatically) and Databricks itself; every internet host (PyPI, Maven, APIs) and other storage is blocked. ' +
            'Allow what the workloads need (allowDomains, allowStorage), or start with EgressEnforcement.dryRun() and read system.access.outbound_network.',
          'whether a restricted network policy allows no destination',
        ),
      );
    });
  },
};
