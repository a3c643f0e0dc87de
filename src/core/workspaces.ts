import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { Claim, ClaimConflict, claimOnce } from './claims';
import { invalidProp } from './validation';

/**
 * The workspace ID of an account-level resource, from exactly one of `workspaceId` (the digits of the
 * numeric ID, or a token) and `workspace` (an `azurerm_databricks_workspace`). A number token either way:
 * literal digits stay a string of digits in the JSON, because workspace IDs are 64-bit and exceed
 * JavaScript's safe integers (Terraform converts the digits to a number without loss).
 */
export function workspaceIdOf(scope: IConstruct, workspaceId: string | undefined, workspace: DatabricksWorkspace | undefined): number {
  if ((workspaceId === undefined) === (workspace === undefined)) {
    invalidProp(
      scope,
      'workspaceId/workspace',
      workspaceId,
      'give exactly one of workspaceId and workspace',
      'pass either the numeric workspace ID or the azurerm_databricks_workspace resource',
    );
  }
  if (workspace) {
    return Token.asNumber(workspace.workspaceId);
  }
  if (!Token.isUnresolved(workspaceId) && !/^[1-9][0-9]{0,18}$/.test(workspaceId!)) {
    invalidProp(
      scope,
      'workspaceId',
      workspaceId,
      'a workspace ID is the numeric ID of the workspace (the number after "adb-" in its URL)',
      'pass the digits only, e.g. "1234567890123456", or the workspace resource as `workspace`',
    );
  }
  return Token.asNumber(workspaceId);
}

/**
 * Claims a workspace for one owner of a kind (e.g. NCC bindings), app-wide: a second claim of the same
 * kind on the same workspace is an error at synth, on every claimant (see {@link claimOnce}).
 */
export function claimWorkspace(claimant: IConstruct, kind: string, workspaceId: number, owner: string, conflict: ClaimConflict): Claim {
  return claimOnce(claimant, `workspace/${kind}`, workspaceId, conflict, owner);
}
