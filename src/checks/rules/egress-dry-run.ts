import { CheckModel, isExpression } from '../model';
import { hitOn, valueThrough } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/**
 * A network policy whose egress enforcement is a dry run, or that carries an ingress dry run: it logs what
 * it would block and blocks nothing of it. Info: a dry run is step 1 of the rollout, and neither the
 * configuration nor a plan says since when it has been on. Values known only after apply are not reported
 * (an info about a rollout stage, not a risk to flag as "cannot tell").
 */
export const EGRESS_DRY_RUN: CheckRule = {
  id: 'ADBS-EGRESS-DRY-RUN',
  level: FindingLevel.INFO,
  title: 'A network policy is in dry run (egress or ingress)',
  fix: 'Read the denials in system.access.outbound_network (egress) and the audit logs (ingress), allow what is needed, then enforce (EgressEnforcement.ENFORCED; IngressEnforcement.ENFORCED)',
  check(model: CheckModel): RuleHit[] {
    return model.ofType('databricks_account_network_policy').flatMap((p) => {
      const known = (v: unknown) => v !== undefined && v !== null && !isExpression(v);
      const mode = valueThrough(p.values, 'egress.network_access.policy_enforcement.enforcement_mode');
      const ingressDryRun = valueThrough(p.values, 'ingress_dry_run');
      const on = [
        known(mode) && mode === 'DRY_RUN' ? 'egress' : undefined,
        known(ingressDryRun) && !(Array.isArray(ingressDryRun) && ingressDryRun.length === 0) ? 'ingress' : undefined,
      ].filter((x): x is string => x !== undefined);
      return hitOn(
        p,
        on.length
          ? `Network policy in dry run (${on.join(' and ')}): what it would block is only logged. How long it has been in dry run cannot be told ` +
            'from the configuration or a plan; once the logs show what the workloads need, allow it and enforce.'
          : undefined,
      );
    });
  },
};
