import { createHash } from 'crypto';
import { Catalog } from '@cdktf/provider-databricks/lib/catalog';
import { Grants } from '@cdktf/provider-databricks/lib/grants';
import { WorkspaceBinding } from '@cdktf/provider-databricks/lib/workspace-binding';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import type { ServerlessExternalLocation } from './external-location';
import { checkUcName } from './names';
import { checkGrants, UnityCatalogGrant } from './privileges';
import { useChecks } from '../checks/pack';
import { openCreationStackScope } from '../core/creation-stacks';
import { requireProvider } from '../core/provider-requirements';
import { resolveValue } from '../core/resolved-index';
import { invalidProp } from '../core/validation';

/** Options of a catalog, for `ServerlessExternalLocation.addCatalog()`. */
export interface ServerlessCatalogOptions {
  /** The catalog's name. */
  readonly name: string;
  /**
   * The workspaces the catalog is bound to (their numeric IDs, literal or tokens): with any, the catalog
   * is `ISOLATED` (only these workspaces see it); with none, it is `OPEN` to every workspace of the metastore.
   * @default - none: OPEN
   */
  readonly workspaceIds?: string[];
  /**
   * Bind read-only (`BINDING_TYPE_READ_ONLY`) instead of read-write.
   * @default false
   */
  readonly readOnlyBindings?: boolean;
  /**
   * Grants on the catalog (e.g. `USE_CATALOG`, `USE_SCHEMA`, `SELECT`).
   * @default - none managed here
   */
  readonly grants?: UnityCatalogGrant[];
  /**
   * A comment.
   * @default - one naming this library and the location
   */
  readonly comment?: string;
}

/** Properties of a {@link ServerlessCatalog}. */
export interface ServerlessCatalogProps extends ServerlessCatalogOptions {
  /** The external location that holds the catalog's managed storage. */
  readonly location: ServerlessExternalLocation;
}

/**
 * A Unity Catalog catalog (`databricks_catalog`) whose managed storage root is an external location
 * of the account, `ISOLATED` and bound to chosen workspaces (`databricks_workspace_binding`) or `OPEN`,
 * with optional grants (`databricks_grants`).
 */
export class ServerlessCatalog extends Construct {
  /** The catalog's name. */
  public readonly catalogName: string;
  /** `ISOLATED` or `OPEN`. */
  public readonly isolationMode: string;
  /** The `databricks_catalog`. */
  public readonly resource: Catalog;
  /** The bindings, one per workspace. */
  public readonly bindings: WorkspaceBinding[] = [];

  /**
   * @param scope the construct to create it in (usually the location)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param props its configuration
   */
  constructor(scope: Construct, id: string, props: ServerlessCatalogProps) {
    super(scope, id);
    const stacks = openCreationStackScope(this);
    try {
      useChecks(this);
      checkUcName(this, 'name', props.name);
      const provider = props.location.credential.workspaceProvider;
      const workspaces = props.workspaceIds ?? [];
      if (props.readOnlyBindings && workspaces.length === 0) {
        invalidProp(this, 'readOnlyBindings', true, 'an OPEN catalog (no workspaceIds) has no bindings to make read-only', 'list the workspaces in workspaceIds, or leave readOnlyBindings out');
      }
      const seen = new Set<string>();
      // A binding's construct ID: the literal workspace ID, or a digest of a token's reference (not its position,
      // so inserting a workspace anywhere in the list leaves the other bindings' addresses as they are).
      const keys = workspaces.map((w) => {
        if (!Token.isUnresolved(w)) {
          return w;
        }
        const value = resolveValue(this, w);
        const resolved = typeof value === 'string' ? value : JSON.stringify(value);
        if (seen.has(resolved)) {
          invalidProp(this, 'workspaceIds', resolved, 'the same reference is listed twice', 'list each workspace once');
        }
        seen.add(resolved);
        return `ref-${createHash('sha256').update(resolved).digest('hex').slice(0, 8)}`;
      });
      for (const w of workspaces.filter((x) => !Token.isUnresolved(x))) {
        if (!/^[1-9][0-9]{0,18}$/.test(w)) {
          invalidProp(this, 'workspaceIds', w, 'a workspace ID is the number in the workspace URL (adb-<id>.<n>.azuredatabricks.net)', 'pass it as a string of digits, e.g. "1234567890123456"');
        }
        if (seen.has(w)) {
          invalidProp(this, 'workspaceIds', w, 'listed twice', 'list each workspace once');
        }
        seen.add(w);
      }
      this.catalogName = props.name;
      this.isolationMode = workspaces.length ? 'ISOLATED' : 'OPEN';
      requireProvider(this, 'databricks');
      this.resource = new Catalog(this, 'Resource', {
        name: props.name,
        storageRoot: props.location.url,
        isolationMode: this.isolationMode,
        comment: props.comment ?? `Managed by cdktf-azure-databricks-serverless on external location ${props.location.locationName}`,
        provider,
        // Its storage root must be an external location first.
        dependsOn: [props.location.resource],
      });
      workspaces.forEach((w, i) => {
        this.bindings.push(new WorkspaceBinding(this, `Binding-${keys[i]}`, {
          securableName: this.resource.name,
          securableType: 'catalog',
          workspaceId: Token.asNumber(w),
          bindingType: props.readOnlyBindings ? 'BINDING_TYPE_READ_ONLY' : 'BINDING_TYPE_READ_WRITE',
          provider,
        }));
      });
      if (props.grants?.length) {
        new Grants(this, 'Grants', { catalog: this.resource.name, grant: checkGrants(this, 'catalog', props.grants), provider });
      }
    } finally {
      stacks.close();
    }
  }
}
