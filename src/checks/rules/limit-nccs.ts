import { CheckModel } from '../model';
import { describe, hitOn, verdict } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';
import { couldExceed, groupBy, lowest, NccView, nccView, unknownRegion } from './limits';

/**
 * More NCCs in one region than the account allows.
 *
 * Unknowns (plan): an NCC whose `region` is known only after apply is in no known region; when it could
 * put a region over the limit (or those NCCs alone exceed it), each gets a "cannot tell" finding.
 */
export const LIMIT_NCCS: CheckRule = {
  id: 'ADBS-LIMIT-NCCS',
  level: FindingLevel.WARNING,
  title: 'More NCCs in a region than the account limit',
  fix: 'Share one NCC between the workspaces of a region, or raise accountLimits.maxNccsPerRegion if the account allows more',
  check(model: CheckModel): RuleHit[] {
    const nccs = model.ofType('databricks_mws_network_connectivity_config').map((n) => nccView(model, n.address, n));
    const groups = groupBy(nccs, (n) => n.region);
    const over = [...groups.entries()].flatMap(([region, inRegion]) => {
      const limit = lowest(inRegion, 'maxNccsPerRegion');
      return inRegion.slice(limit).map((n) => ({
        resource: n.resource!,
        message:
          `This stack declares ${inRegion.length} NCCs in region ${region}, more than the account limit of ${limit} per region. ` +
          'Databricks will reject the extra NCCs: share one NCC between workspaces of the region, or raise accountLimits.maxNccsPerRegion if your account allows more.',
      }));
    });
    const unknown = nccs.map((n) => ({ n, why: unknownRegion(model, n.resource!, n) })).filter((u) => u.why !== undefined);
    const limitOf = (items: NccView[]) => lowest(items, 'maxNccsPerRegion');
    const open = couldExceed(groups, unknown.map((u) => u.n), limitOf)
      ? unknown.flatMap((u) => hitOn(u.n.resource!, verdict(u.why!, () => '', `whether NCC ${describe(u.n.resource!)} is one too many in its region`)))
      : [];
    return [...over, ...open];
  },
};
