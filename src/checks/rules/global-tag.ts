import { CheckModel } from '../model';
import { describe, serviceTags } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/** A perimeter access rule that allows the global Databricks serverless tag. */
export const GLOBAL_TAG: CheckRule = {
  id: 'ADBS-GLOBAL-TAG',
  level: FindingLevel.WARNING,
  title: 'A perimeter allows the global AzureDatabricksServerless tag',
  fix: 'Allow the regional tag of the NCC\'s region instead (ServiceTag.databricksServerless(region))',
  check(model: CheckModel): RuleHit[] {
    return model
      .ofType('azurerm_network_security_perimeter_access_rule')
      .filter((r) => serviceTags([r]).includes('AzureDatabricksServerless'))
      .map((r) => ({
        resource: r,
        message: `Access rule ${describe(r)} allows the global AzureDatabricksServerless tag: it admits serverless compute of every Databricks region and customer. Prefer the regional tag.`,
      }));
  },
};
