import { CheckModel } from '../model';
import { describe, Fact, hitOn, valueFact, verdict } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

const CONNECTION_TYPE = /\/privateEndpointConnections@/i;

/**
 * An NCC private endpoint rule whose connection nothing in the stack approves.
 *
 * Unknowns (plan): an approval is found by its references to the rule, which the configuration gives
 * (never unknown). An `azapi_update_resource` that references the rule but whose `type` is known only
 * after apply gives a "cannot tell" finding (it may be the approval).
 */
export const UNAPPROVED_RULE: CheckRule = {
  id: 'ADBS-UNAPPROVED-RULE',
  level: FindingLevel.WARNING,
  title: 'A private endpoint rule has no approval in the stack',
  fix: 'Call approve() on the rule (automatic, exact), or approve({ mode: ApprovalMode.MANUAL }) and approve the connection by hand within 14 days',
  check(model: CheckModel): RuleHit[] {
    const rules = model.ofType('databricks_mws_ncc_private_endpoint_rule').filter((rule) => !model.facts.manualApprovals.has(rule.address));
    if (rules.length === 0) {
      return [];
    }
    // What each update says of approving, by the address of each resource it references (linear in the stack).
    const byReferenced = new Map<string, Fact[]>();
    for (const u of model.ofType('azapi_update_resource')) {
      const approves = valueFact(u, 'type', u.values.type, (v) => typeof v === 'string' && CONNECTION_TYPE.test(v));
      for (const address of model.referencedAddresses(u)) {
        const list = byReferenced.get(address);
        if (list) {
          list.push(approves);
        } else {
          byReferenced.set(address, [approves]);
        }
      }
    }
    return rules
      .flatMap((rule) => {
        const mine = byReferenced.get(rule.address) ?? [];
        if (mine.some((approves) => approves === true)) {
          return [];
        }
        const open = mine.find((f) => f !== false);
        return hitOn(
          rule,
          verdict(
            open ?? true,
            () =>
              `Private endpoint rule ${describe(rule)} has no approval in this stack: its connection stays Pending on the target, ` +
              'serverless compute cannot use it, and Databricks expires the rule if it is not approved within 14 days.',
            `whether private endpoint rule ${describe(rule)} has an approval`,
          ),
        );
      });
  },
};
