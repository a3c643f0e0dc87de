import { CheckModel } from '../model';
import { CheckRule, FindingLevel, RuleHit } from '../rule';
import { groupBy, lowest, nccOf } from './limits';

/**
 * More workspaces bound to one NCC than the account allows.
 *
 * Unknowns (plan): bindings are grouped by the NCC they reference (from the configuration, never
 * unknown); an NCC ID known only after apply that names no NCC of the plan groups by its expression, as
 * at synth (the same expression is the same NCC). No "cannot tell" finding.
 */
export const LIMIT_WORKSPACES: CheckRule = {
  id: 'ADBS-LIMIT-WORKSPACES',
  level: FindingLevel.WARNING,
  title: 'More workspaces bound to one NCC than the account limit',
  fix: 'Spread the workspaces over more NCCs of the region, or raise accountLimits.maxWorkspacesPerNcc if the account allows more',
  check(model: CheckModel): RuleHit[] {
    const bindings = model.ofType('databricks_mws_ncc_binding').map((b) => ({ binding: b, ncc: nccOf(model, b) }));
    return [...groupBy(bindings, (b) => b.ncc?.key).values()].flatMap((ofNcc) => {
      const ncc = ofNcc[0].ncc!;
      const limit = lowest([ncc], 'maxWorkspacesPerNcc');
      return ofNcc.slice(limit).map((b) => ({
        resource: b.binding,
        message:
          `This stack binds ${ofNcc.length} workspaces to NCC ${ncc.resource?.path ?? ncc.key}, more than the account limit of ${limit} per NCC. ` +
          'Databricks will reject the extra bindings: spread the workspaces over more NCCs in the region, or raise accountLimits.maxWorkspacesPerNcc if your account allows more.',
      }));
    });
  },
};
