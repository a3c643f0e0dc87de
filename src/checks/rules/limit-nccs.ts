import { CheckModel } from '../model';
import { CheckRule, FindingLevel, RuleHit } from '../rule';
import { groupBy, lowest, nccView } from './limits';

/** More NCCs in one region than the account allows. */
export const LIMIT_NCCS: CheckRule = {
  id: 'ADBS-LIMIT-NCCS',
  level: FindingLevel.WARNING,
  title: 'More NCCs in a region than the account limit',
  fix: 'Share one NCC between the workspaces of a region, or raise accountLimits.maxNccsPerRegion if the account allows more',
  check(model: CheckModel): RuleHit[] {
    const nccs = model.ofType('databricks_mws_network_connectivity_config').map((n) => nccView(model, n.address, n));
    return [...groupBy(nccs, (n) => n.region).entries()].flatMap(([region, inRegion]) => {
      const limit = lowest(inRegion, 'maxNccsPerRegion');
      return inRegion.slice(limit).map((n) => ({
        resource: n.resource!,
        message:
          `This stack declares ${inRegion.length} NCCs in region ${region}, more than the account limit of ${limit} per region. ` +
          'Databricks will reject the extra NCCs: share one NCC between workspaces of the region, or raise accountLimits.maxNccsPerRegion if your account allows more.',
      }));
    });
  },
};
