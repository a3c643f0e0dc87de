import { CheckModel } from '../model';
import { describe } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/** An NCC private endpoint rule whose connection nothing in the stack approves. */
export const UNAPPROVED_RULE: CheckRule = {
  id: 'ADBS-UNAPPROVED-RULE',
  level: FindingLevel.WARNING,
  title: 'A private endpoint rule has no approval in the stack',
  fix: 'Call approve() on the rule (automatic, exact), or approve({ mode: ApprovalMode.MANUAL }) and approve the connection by hand within 14 days',
  check(model: CheckModel): RuleHit[] {
    const approvals = model
      .ofType('azapi_update_resource')
      .filter((u) => typeof u.values.type === 'string' && /\/privateEndpointConnections@/i.test(u.values.type));
    const approved = new Set(approvals.flatMap((u) => [...model.referencedAddresses(u)]));
    return model
      .ofType('databricks_mws_ncc_private_endpoint_rule')
      .filter((rule) => !approved.has(rule.address) && !model.facts.manualApprovals.has(rule.address))
      .map((rule) => ({
        resource: rule,
        message:
          `Private endpoint rule ${describe(rule)} has no approval in this stack: its connection stays Pending on the target, ` +
          'serverless compute cannot use it, and Databricks expires the rule if it is not approved within 14 days.',
      }));
  },
};
