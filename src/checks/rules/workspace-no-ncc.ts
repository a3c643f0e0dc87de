import { CheckModel } from '../model';
import { describe, targets } from '../queries';
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
    const bindings = model.ofType('databricks_mws_ncc_binding');
    return model
      .ofType('azurerm_databricks_workspace')
      .filter((w) => !bindings.some((b) => targets(model, b, 'workspace_id', w)))
      .map((w) => ({
        resource: w,
        message: `Workspace ${describe(w)} is bound to no NCC of this stack: the private endpoint rules here do not reach its serverless compute.`,
      }));
  },
};
