import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { MwsNccBinding } from '@cdktf/provider-databricks/lib/mws-ncc-binding';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { AccountState, BindingRecord } from './account-state';
import type { INetworkConnectivityConfig } from './network-connectivity-config';
import { requireProvider } from '../core/provider-requirements';
import { normaliseRegion } from '../core/regions';
import { describeInvalid, invalidProp } from '../core/validation';

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
   * The workspace's Azure region, checked against the NCC's region when both are literal.
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

  constructor(scope: Construct, id: string, props: NccWorkspaceBindingProps) {
    super(scope, id);
    const ncc = props.networkConnectivityConfig;
    this.networkConnectivityConfig = ncc;

    if ((props.workspaceId === undefined) === (props.workspace === undefined)) {
      invalidProp(
        this,
        'workspaceId/workspace',
        props.workspaceId,
        'give exactly one of workspaceId and workspace',
        'pass either the numeric workspace ID or the azurerm_databricks_workspace resource',
      );
    }
    this.workspaceId = props.workspace
      ? Token.asNumber(props.workspace.workspaceId)
      : toWorkspaceId(this, props.workspaceId!);

    const workspaceRegion = props.workspaceRegion ?? props.workspace?.locationInput;
    if (workspaceRegion !== undefined) {
      const region = normaliseRegion(this, 'workspaceRegion', workspaceRegion);
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

    const record: BindingRecord = { construct: this, nccPath: ncc.node.path, value: this.workspaceId };
    const state = AccountState.of(this);
    state.bindings.add(record);
    this.node.addValidation({
      validate: () => {
        const others = state.bindings.sameValue(record).filter((b) => b !== record);
        if (others.length === 0) {
          return [];
        }
        const where = [record, ...others].map((b) => `${b.construct.node.path} (NCC ${b.nccPath})`).join(', ');
        return [
          describeInvalid(
            'workspace binding',
            props.workspaceId ?? 'workspace reference',
            `the same workspace is bound more than once: ${where}. A workspace has exactly one NCC and a second binding silently replaces the first`,
            'bind each workspace exactly once; to move a workspace, change the NCC of its single binding',
          ),
        ];
      },
    });
  }
}

function toWorkspaceId(scope: Construct, value: string): number {
  if (Token.isUnresolved(value)) {
    return Token.asNumber(value);
  }
  if (!/^[1-9][0-9]{0,18}$/.test(value)) {
    invalidProp(
      scope,
      'workspaceId',
      value,
      'a workspace ID is the numeric ID of the workspace (the number after "adb-" in its URL)',
      'pass the digits only, e.g. "1234567890123456", or the workspace resource as `workspace`',
    );
  }
  // Workspace IDs are 64-bit and can exceed JavaScript's safe integers: keep the digits as a string
  // (Terraform converts a string of digits to a number without loss).
  return Token.asNumber(value);
}
