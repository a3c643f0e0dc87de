import { TerraformProvider, Token } from 'cdktf';
import { Construct } from 'constructs';
import { AzapiProvider } from '../bindings/azapi/provider';
import { AzapiResource } from '../bindings/azapi/resource';
import { defaultProvider } from '../bindings/base';
import { useChecks } from '../checks/pack';
import { checkIdReference } from '../core/arm-resource-id';
import { openCreationStackScope } from '../core/creation-stacks';
import { requireProvider } from '../core/provider-requirements';
import { normaliseDatabricksRegion } from '../core/regions';
import { resolveValue } from '../core/resolved-index';
import { invalidProp } from '../core/validation';

/**
 * The Microsoft.Databricks/workspaces API version of a serverless-only workspace: the first stable one with
 * `computeMode` (2025-10-01-preview introduced it); in azapi's embedded type data from 2.9.0 (the azapi floor
 * of a stack that uses this construct, src/core/provider-versions.ts).
 */
export const SERVERLESS_WORKSPACE_API_VERSION = '2026-01-01';

/** Properties of a {@link ServerlessWorkspace}. */
export interface ServerlessWorkspaceProps {
  /** The workspace's name (3-64 letters, digits, `_` and `-`). */
  readonly name: string;
  /** ARM ID of the resource group to create it in (e.g. `resourceGroup.id`). */
  readonly resourceGroupId: string;
  /** The region: one where Azure Databricks runs (ARM or display name). */
  readonly location: string;
  /**
   * Whether the workspace's front end (UI, REST API) is reachable from public networks. Off needs front-end
   * Private Link, which this construct does not create.
   * @default true
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * Tags.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
  /**
   * The azapi provider.
   * @default - the stack's default azapi provider, created when the stack has none
   */
  readonly azapiProvider?: TerraformProvider;
}

/**
 * A serverless-only Azure Databricks workspace (`computeMode: Serverless`: no classic compute, no managed
 * resource group, no VNet injection), created through azapi (`Microsoft.Databricks/workspaces`), since
 * azurerm cannot create one (hashicorp/terraform-provider-azurerm#31218). Bind it to an NCC
 * (`ncc.bindWorkspace(id, { workspaceId: workspace.workspaceId })`) and apply a network policy
 * (`policy.applyTo(id, { workspaceId: workspace.workspaceId })`) like any other workspace.
 */
export class ServerlessWorkspace extends Construct {
  /** The workspace's numeric ID (digits, known after apply): for bindings, policies and catalogs. */
  public readonly workspaceId: string;
  /** The workspace URL (`adb-<id>.<n>.azuredatabricks.net`), for a workspace-level Databricks provider's host. */
  public readonly workspaceUrl: string;
  /** The workspace's ARM ID. */
  public readonly id: string;
  /** Its normalised region. */
  public readonly location: string;
  /** The underlying `azapi_resource`. */
  public readonly resource: AzapiResource;

  /**
   * @param scope the construct to create it in (usually a stack)
   * @param id its construct ID: part of the Terraform address, so keep it stable
   * @param props its configuration
   */
  constructor(scope: Construct, id: string, props: ServerlessWorkspaceProps) {
    super(scope, id);
    const stacks = openCreationStackScope(this);
    try {
      useChecks(this);
      if (!Token.isUnresolved(props.name) && !/^[A-Za-z0-9_-]{3,64}$/.test(props.name)) {
        invalidProp(this, 'name', props.name, 'a workspace name is 3-64 letters, digits, "_" and "-"', 'use a name such as "dbw-serverless"');
      }
      if (Token.isUnresolved(props.resourceGroupId)) {
        const resolved = resolveValue(this, props.resourceGroupId);
        checkIdReference(this, 'resourceGroupId', resolved);
        // The ID of another azurerm resource (a storage account's, a workspace's) is a parent ARM refuses at apply.
        const ref = typeof resolved === 'string' ? /^\$\{(?:data\.)?(azurerm_[a-z0-9_]+)\.[A-Za-z0-9_-]+\.id\}$/.exec(resolved) : null;
        if (ref && ref[1] !== 'azurerm_resource_group') {
          invalidProp(this, 'resourceGroupId', resolved, `it is the ID of an ${ref[1]}, not of a resource group`, 'pass the resource group\'s id (resourceGroup.id)');
        }
      } else if (!/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i.test(props.resourceGroupId)) {
        invalidProp(this, 'resourceGroupId', props.resourceGroupId, 'not the ID of a resource group', 'pass /subscriptions/<guid>/resourceGroups/<name>, or resourceGroup.id');
      }
      this.location = normaliseDatabricksRegion(this, 'location', props.location);
      requireProvider(this, 'azapi', 'serverless-workspace');
      const azapi = props.azapiProvider ?? defaultProvider(this, AzapiProvider.tfResourceType, (s) => new AzapiProvider(s, 'azapi'));
      this.resource = new AzapiResource(this, 'Resource', {
        resourceType: `Microsoft.Databricks/workspaces@${SERVERLESS_WORKSPACE_API_VERSION}`,
        name: props.name,
        parentId: props.resourceGroupId,
        location: this.location,
        // Serverless refuses a managed resource group, VNet parameters and classic-compute settings: none is sent.
        body: {
          sku: { name: 'premium' },
          properties: { computeMode: 'Serverless', publicNetworkAccess: props.publicNetworkAccess === false ? 'Disabled' : 'Enabled' },
        },
        responseExportValues: ['properties.workspaceId', 'properties.workspaceUrl'],
        tags: props.tags,
        provider: azapi,
      });
      this.id = this.resource.id;
      this.workspaceId = this.resource.getStringAttribute('output.properties.workspaceId');
      this.workspaceUrl = this.resource.getStringAttribute('output.properties.workspaceUrl');
    } finally {
      stacks.close();
    }
  }
}
