import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { appScoped } from './app-registry';
import { ResolvedEntry, ResolvedIndex } from './resolved-index';
import { describeInvalid, invalidProp } from './validation';

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

/** A claim on a workspace: `value` is the workspace ID (a number or number token), `owner` what claims it. */
export interface WorkspaceClaim extends ResolvedEntry {
  readonly owner: string;
}

/** The app-wide claims of one kind (e.g. NCC bindings), found by workspace. */
export function workspaceClaims(scope: IConstruct, kind: string): ResolvedIndex<WorkspaceClaim> {
  return appScoped(scope, `cdktf-azure-databricks-serverless/workspace-claims/${kind}`, () => new ResolvedIndex<WorkspaceClaim>());
}

/** What a second claim on one workspace is told. */
export interface ClaimConflict {
  readonly prop: string;
  readonly value: unknown;
  /** The problem, given where the workspace is claimed (`<path> (<owner>), ...`). */
  readonly problem: (where: string) => string;
  readonly fix: string;
}

/**
 * Claims a workspace for one owner of a kind, app-wide: a second claim of the same kind on the same
 * workspace (same literal ID or same reference, in any stack) is an error at synth, on every claimant.
 */
export function claimWorkspace(claimant: IConstruct, kind: string, workspaceId: number, owner: string, conflict: ClaimConflict): WorkspaceClaim {
  const claims = workspaceClaims(claimant, kind);
  const claim: WorkspaceClaim = { construct: claimant, value: workspaceId, owner };
  claims.add(claim);
  claimant.node.addValidation({
    validate: () => {
      const others = claims.sameValue(claim).filter((c) => c !== claim);
      if (others.length === 0) {
        return [];
      }
      const where = [claim, ...others].map((c) => `${c.construct.node.path} (${c.owner})`).join(', ');
      return [describeInvalid(conflict.prop, conflict.value, conflict.problem(where), conflict.fix)];
    },
  });
  return claim;
}
