import { CheckedResource, CheckModel } from '../model';
import { describe, storageAccounts } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/** A rule over the settings of each storage account the configuration creates (existing ones are not known). */
export function accountRule(
  id: string,
  level: FindingLevel,
  title: string,
  fix: string,
  finding: (model: CheckModel, account: CheckedResource) => string | undefined,
): CheckRule {
  return {
    id,
    level,
    title,
    fix,
    check(model: CheckModel): RuleHit[] {
      return storageAccounts(model)
        .filter((a) => !a.external)
        .flatMap((account) => {
          const message = finding(model, account);
          return message ? [{ resource: account, message: `Storage account ${describe(account)}: ${message}` }] : [];
        });
    },
  };
}
