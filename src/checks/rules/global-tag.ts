import { CheckModel } from '../model';
import { describe, hitOn, valueFact, verdict } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/**
 * A perimeter access rule that allows the global Databricks serverless tag.
 *
 * Unknowns (plan): `service_tags` unset is no tag; a list known only after apply (in part: its known
 * tags are checked first) gives a "cannot tell" finding.
 */
export const GLOBAL_TAG: CheckRule = {
  id: 'ADBS-GLOBAL-TAG',
  level: FindingLevel.WARNING,
  title: 'A perimeter allows the global AzureDatabricksServerless tag',
  fix: 'Allow the regional tag of the NCC\'s region instead (ServiceTag.databricksServerless(region))',
  check(model: CheckModel): RuleHit[] {
    return model.ofType('azurerm_network_security_perimeter_access_rule').flatMap((r) => {
      const message = verdict(
        valueFact(r, 'service_tags', r.values.service_tags, (v) => Array.isArray(v) && v.includes('AzureDatabricksServerless')),
        () => `Access rule ${describe(r)} allows the global AzureDatabricksServerless tag: it admits serverless compute of every Databricks region and customer. Prefer the regional tag.`,
        `whether access rule ${describe(r)} allows the global AzureDatabricksServerless tag`,
      );
      return hitOn(r, message);
    });
  },
};
