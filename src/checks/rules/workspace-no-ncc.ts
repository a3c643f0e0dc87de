import { CheckModel } from '../model';
import { describe, hitOn, unresolvedFact, verdict, workspaceReferrers } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/**
 * A workspace of the stack bound to no NCC while the stack creates private endpoint rules.
 *
 * Unknowns (plan): a binding is found by its `workspace_id`: a reference to the workspace (from the
 * configuration), or the workspace's numeric ID. A binding whose `workspace_id` is known only after apply
 * and names no resource of the plan may bind any workspace: an unbound workspace then gets a "cannot
 * tell" finding.
 */
export const WORKSPACE_NO_NCC: CheckRule = {
  id: 'ADBS-WORKSPACE-NO-NCC',
  level: FindingLevel.INFO,
  title: 'A workspace is bound to no NCC while the stack creates private endpoint rules',
  fix: 'Bind the workspace to the NCC of its region (ncc.bindWorkspace), or leave it out on purpose',
  check(model: CheckModel): RuleHit[] {
    if (model.ofType('databricks_mws_ncc_private_endpoint_rule').length === 0) {
      return [];
    }
    const unresolved = unresolvedFact(model, 'databricks_mws_ncc_binding', 'workspace_id');
    return model
      .ofType('azurerm_databricks_workspace')
      .filter((w) => workspaceReferrers(model, w, 'databricks_mws_ncc_binding', 'workspace_id').length === 0)
      .flatMap((w) =>
        hitOn(
          w,
          verdict(
            unresolved ?? true,
            () => `Workspace ${describe(w)} is bound to no NCC of this stack: the private endpoint rules here do not reach its serverless compute.`,
            `whether workspace ${describe(w)} is bound to an NCC`,
          ),
        ),
      );
  },
};
