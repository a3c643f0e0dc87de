import { CheckModel } from '../model';
import { CheckRule, FindingLevel, RuleHit } from '../rule';
import { groupBy, lowest, nccOf } from './limits';

/** More private endpoints in one region (across the NCCs) than the account allows. */
export const LIMIT_ENDPOINTS: CheckRule = {
  id: 'ADBS-LIMIT-ENDPOINTS',
  level: FindingLevel.WARNING,
  title: 'More private endpoint rules in a region than the account limit',
  fix: 'Use fewer targets, or raise accountLimits.maxPrivateEndpointsPerRegion if the account allows more',
  check(model: CheckModel): RuleHit[] {
    const rules = model.ofType('databricks_mws_ncc_private_endpoint_rule').map((r) => ({ rule: r, ncc: nccOf(model, r) }));
    return [...groupBy(rules, (r) => r.ncc?.region).entries()].flatMap(([region, inRegion]) => {
      const limit = lowest(inRegion.map((r) => r.ncc!), 'maxPrivateEndpointsPerRegion');
      return inRegion.slice(limit).map((r) => ({
        resource: r.rule,
        message:
          `This stack declares ${inRegion.length} private endpoint rules in region ${region}, more than the account limit of ${limit} per region. ` +
          'Databricks will refuse the extra rules: use fewer targets, or raise accountLimits.maxPrivateEndpointsPerRegion if your account allows more.',
      }));
    });
  },
};
