import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { WorkspaceNetworkOption } from '@cdktf/provider-databricks/lib/workspace-network-option';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { useChecks } from '../checks/pack';
import { openCreationStackScope } from '../core/creation-stacks';
import { requireProvider } from '../core/provider-requirements';
import { claimWorkspace, workspaceIdOf } from '../core/workspaces';

/** Which workspace a network policy applies to. Give exactly one of `workspaceId` and `workspace`. */
export interface EgressPolicyAssignmentOptions {
  /**
   * The Databricks workspace ID (the numeric ID in the workspace URL), as a literal such as
   * `"1234567890123456"` or a token.
   * @default - taken from `workspace`
   */
  readonly workspaceId?: string;
  /**
   * An `azurerm_databricks_workspace` of this app.
   * @default - use `workspaceId`
   */
  readonly workspace?: DatabricksWorkspace;
}

/** Properties of an {@link EgressPolicyAssignment}. */
export interface EgressPolicyAssignmentProps extends EgressPolicyAssignmentOptions {
  /** ID of the network policy (`network_policy_id`). */
  readonly networkPolicyId: string;
  /** Path of the policy construct, for messages. */
  readonly policyPath: string;
  /**
   * The account-level Databricks provider.
   * @default - the stack's default `databricks` provider
   */
  readonly accountProvider?: TerraformProvider;
}

/**
 * Applies a network policy to a workspace (`databricks_workspace_network_option`). A workspace has one
 * policy at a time, so giving the same workspace two policies anywhere in the app is an error at synth.
 * Destroying the assignment changes nothing in Databricks: the workspace keeps the policy until it is
 * given another one (`default-policy` to go back to the account's default).
 */
export class EgressPolicyAssignment extends Construct {
  /** The workspace ID (a number token). */
  public readonly workspaceId: number;
  /** The underlying `databricks_workspace_network_option`. */
  public readonly resource: WorkspaceNetworkOption;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param props its configuration
   */
  constructor(scope: Construct, id: string, props: EgressPolicyAssignmentProps) {
    super(scope, id);
    const stacks = openCreationStackScope(this);
    try {
      useChecks(this);
      this.workspaceId = workspaceIdOf(this, props.workspaceId, props.workspace);
      requireProvider(this, 'databricks');
      this.resource = new WorkspaceNetworkOption(this, 'Resource', {
        workspaceId: this.workspaceId,
        networkPolicyId: props.networkPolicyId,
        provider: props.accountProvider,
      });
      claimWorkspace(this, 'egress-policy', this.workspaceId, `policy ${props.policyPath}`, {
        prop: 'workspace',
        value: props.workspaceId ?? 'workspace reference',
        problem: (where) => `the same workspace is given more than one network policy: ${where}. A workspace has one policy at a time; the last one applied wins`,
        fix: 'apply exactly one policy to each workspace',
      });
    } finally {
      stacks.close();
    }
  }
}
