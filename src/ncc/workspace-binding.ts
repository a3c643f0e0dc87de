import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { MwsNccBinding } from '@cdktf/provider-databricks/lib/mws-ncc-binding';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import type { INetworkConnectivityConfig } from './network-connectivity-config';
import { useChecks } from '../checks/pack';
import { openCreationStackScope } from '../core/creation-stacks';
import { requireProvider } from '../core/provider-requirements';
import { normaliseDatabricksRegion } from '../core/regions';
import { invalidProp } from '../core/validation';
import { claimWorkspace, workspaceIdOf } from '../core/workspaces';

/** How to bind a workspace to an NCC. Give exactly one of `workspaceId` and `workspace`. */
export interface NccWorkspaceBindingOptions {
  /**
   * The Databricks workspace ID (the numeric ID in the workspace URL), as a literal such as
   * `"1234567890123456"` or a token.
   * @default - taken from `workspace`
   */
  readonly workspaceId?: string;
  /**
   * An `azurerm_databricks_workspace` of this app; its `workspace_id` is bound and its location is
   * checked against the NCC's region.
   * @default - use `workspaceId`
   */
  readonly workspace?: DatabricksWorkspace;
  /**
   * The workspace's Azure region, checked against the NCC's region when both are literal; a literal
   * region must be one where Azure Databricks runs.
   * @default - the location of `workspace`, if given; otherwise not checked
   */
  readonly workspaceRegion?: string;
}

/** Properties of a {@link NccWorkspaceBinding}. */
export interface NccWorkspaceBindingProps extends NccWorkspaceBindingOptions {
  /** The NCC to bind the workspace to. */
  readonly networkConnectivityConfig: INetworkConnectivityConfig;
}

/**
 * Binds a workspace to an NCC (`databricks_mws_ncc_binding`).
 *
 * A workspace has exactly one NCC. Binding it to a second NCC silently replaces the first, so the
 * same workspace bound twice anywhere in the app is an error at synth. Destroying a binding does
 * nothing in Databricks (there is no API to detach a workspace): bind the workspace to another NCC
 * instead. After binding, allow about 10 minutes and restart running serverless resources.
 */
export class NccWorkspaceBinding extends Construct {
  /** The bound workspace ID (a number token when it came from a reference). */
  public readonly workspaceId: number;
  /** The NCC the workspace is bound to. */
  public readonly networkConnectivityConfig: INetworkConnectivityConfig;
  /** The underlying `databricks_mws_ncc_binding` resource. */
  public readonly resource: MwsNccBinding;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param props its configuration
   */
  constructor(scope: Construct, id: string, props: NccWorkspaceBindingProps) {
    super(scope, id);
    const stacks = openCreationStackScope(this);
    try {
      useChecks(this);
      const ncc = props.networkConnectivityConfig;
      this.networkConnectivityConfig = ncc;

      this.workspaceId = workspaceIdOf(this, props.workspaceId, props.workspace);

      const workspaceRegion = props.workspaceRegion ?? props.workspace?.locationInput;
      if (workspaceRegion !== undefined) {
        const region = normaliseDatabricksRegion(this, 'workspaceRegion', workspaceRegion);
        if (!Token.isUnresolved(region) && !Token.isUnresolved(ncc.region) && region !== ncc.region) {
          invalidProp(
            this,
            'workspaceRegion',
            region,
            `the workspace is in ${region} but NCC ${ncc.node.path} is in ${ncc.region}; an NCC can only be bound to workspaces of its own region`,
            `bind the workspace to an NCC in ${region} (create one with region "${region}")`,
          );
        }
      }

      requireProvider(this, 'databricks');
      this.resource = new MwsNccBinding(this, 'Resource', {
        networkConnectivityConfigId: ncc.networkConnectivityConfigId,
        workspaceId: this.workspaceId,
        provider: ncc.accountProvider,
      });

      claimWorkspace(this, 'ncc-binding', this.workspaceId, `NCC ${ncc.node.path}`, {
        prop: 'workspace binding',
        value: props.workspaceId ?? 'workspace reference',
        problem: (where) => `the same workspace is bound more than once: ${where}. A workspace has exactly one NCC and a second binding silently replaces the first`,
        fix: 'bind each workspace exactly once; to move a workspace, change the NCC of its single binding',
      });
    } finally {
      stacks.close();
    }
  }
}
