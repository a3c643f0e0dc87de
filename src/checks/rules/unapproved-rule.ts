import { CheckModel } from '../model';
import { describe, hitOn, valueFact, verdict } from '../queries';
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
    const updates = model.ofType('azapi_update_resource').map((u) => ({
      approves: valueFact(u, 'type', u.values.type, (v) => typeof v === 'string' && CONNECTION_TYPE.test(v)),
      rules: model.referencedAddresses(u),
    }));
    return model
      .ofType('databricks_mws_ncc_private_endpoint_rule')
      .filter((rule) => !model.facts.manualApprovals.has(rule.address))
      .flatMap((rule) => {
        const mine = updates.filter((u) => u.rules.has(rule.address));
        if (mine.some((u) => u.approves === true)) {
          return [];
        }
        const open = mine.map((u) => u.approves).find((f) => f !== false);
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
