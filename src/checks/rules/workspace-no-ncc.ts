import { CheckModel } from '../model';
import { describe } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/** A workspace of the stack bound to no NCC while the stack creates private endpoint rules. */
export const WORKSPACE_NO_NCC: CheckRule = {
  id: 'ADBS-WORKSPACE-NO-NCC',
  level: FindingLevel.INFO,
  title: 'A workspace is bound to no NCC while the stack creates private endpoint rules',
  fix: 'Bind the workspace to the NCC of its region (ncc.bindWorkspace), or leave it out on purpose',
  check(model: CheckModel): RuleHit[] {
    if (model.ofType('databricks_mws_ncc_private_endpoint_rule').length === 0) {
      return [];
    }
    return model
      .ofType('azurerm_databricks_workspace')
      .filter((w) => model.referrers(w, 'databricks_mws_ncc_binding', 'workspace_id').length === 0)
      .map((w) => ({
        resource: w,
        message: `Workspace ${describe(w)} is bound to no NCC of this stack: the private endpoint rules here do not reach its serverless compute.`,
      }));
  },
};
