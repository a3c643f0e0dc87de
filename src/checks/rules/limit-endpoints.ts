import { CheckModel } from '../model';
import { describe, hitOn, verdict } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';
import { couldExceed, groupBy, lowest, NccView, nccOf, unknownRegion } from './limits';

/**
 * More private endpoints in one region (across the NCCs) than the account allows.
 *
 * Unknowns (plan): a rule whose NCC's `region` is known only after apply, or whose NCC ID is and names
 * no NCC of the plan, is in no known region; when such rules could put a region over the limit (or alone
 * exceed it), each gets a "cannot tell" finding. A rule of an NCC outside the plan is not counted.
 */
export const LIMIT_ENDPOINTS: CheckRule = {
  id: 'ADBS-LIMIT-ENDPOINTS',
  level: FindingLevel.WARNING,
  title: 'More private endpoint rules in a region than the account limit',
  fix: 'Use fewer targets, or raise accountLimits.maxPrivateEndpointsPerRegion if the account allows more',
  check(model: CheckModel): RuleHit[] {
    const rules = model.ofType('databricks_mws_ncc_private_endpoint_rule').map((r) => ({ rule: r, ncc: nccOf(model, r) }));
    const groups = groupBy(rules, (r) => r.ncc?.region);
    const limitOf = (items: typeof rules) => lowest(items.map((r) => r.ncc).filter((n): n is NccView => n !== undefined), 'maxPrivateEndpointsPerRegion');
    const over = [...groups.entries()].flatMap(([region, inRegion]) => {
      const limit = limitOf(inRegion);
      return inRegion.slice(limit).map((r) => ({
        resource: r.rule,
        message:
          `This stack declares ${inRegion.length} private endpoint rules in region ${region}, more than the account limit of ${limit} per region. ` +
          'Databricks will refuse the extra rules: use fewer targets, or raise accountLimits.maxPrivateEndpointsPerRegion if your account allows more.',
      }));
    });
    const unknown = rules.map((r) => ({ ...r, why: unknownRegion(model, r.rule, r.ncc) })).filter((r) => r.why !== undefined);
    const open = couldExceed(groups, unknown, limitOf)
      ? unknown.flatMap((r) => hitOn(r.rule, verdict(r.why!, () => '', `whether private endpoint rule ${describe(r.rule)} is one too many in its region`)))
      : [];
    return [...over, ...open];
  },
};
