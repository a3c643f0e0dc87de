import { ExternalLocation } from '@cdktf/provider-databricks/lib/external-location';
import { Grants } from '@cdktf/provider-databricks/lib/grants';
import { Construct } from 'constructs';
import { ServerlessCatalog, ServerlessCatalogOptions } from './catalog';
import { abfssUrl, checkContainer, checkPath, checkUcName } from './names';
import { checkGrants, UnityCatalogGrant } from './privileges';
import type { ServerlessStorageCredential } from './storage-credential';
import { useChecks } from '../checks/pack';
import { claimOnce } from '../core/claims';
import { openCreationStackScope } from '../core/creation-stacks';
import { requireProvider } from '../core/provider-requirements';
import { invalidProp } from '../core/validation';

/** Options of an external location, for `ServerlessStorageCredential.addExternalLocation()`. */
export interface ServerlessExternalLocationOptions {
  /** The container (3-63 lowercase letters, digits and hyphens). */
  readonly container: string;
  /**
   * A path inside the container (segments separated by `/`, no leading or trailing `/`).
   * @default - the container's root
   */
  readonly path?: string;
  /**
   * The location's name in Unity Catalog.
   * @default - `<credential name>_<container>` (and the path, `/` as `_`)
   */
  readonly name?: string;
  /**
   * A read-only location.
   * @default - read-only when the credential is
   */
  readonly readOnly?: boolean;
  /**
   * Grants on the location (e.g. `READ_FILES`, `CREATE_EXTERNAL_TABLE`).
   * @default - none managed here
   */
  readonly grants?: UnityCatalogGrant[];
}

/** Properties of a {@link ServerlessExternalLocation}. */
export interface ServerlessExternalLocationProps extends ServerlessExternalLocationOptions {
  /** The credential of the account. */
  readonly credential: ServerlessStorageCredential;
}

/**
 * A Unity Catalog external location (`databricks_external_location`) on a container of the account,
 * its `abfss://<container>@<account>.dfs.core.windows.net/<path>` URL built from the parts (never typed).
 */
export class ServerlessExternalLocation extends Construct {
  /** The location's name. */
  public readonly locationName: string;
  /** Its URL. */
  public readonly url: string;
  /** The credential it uses. */
  public readonly credential: ServerlessStorageCredential;
  /** The `databricks_external_location`. */
  public readonly resource: ExternalLocation;

  /**
   * @param scope the construct to create it in (usually the credential)
   * @param id its construct ID: part of the Terraform addresses, so keep it stable
   * @param props its configuration
   */
  constructor(scope: Construct, id: string, props: ServerlessExternalLocationProps) {
    super(scope, id);
    const stacks = openCreationStackScope(this);
    try {
      useChecks(this);
      const credential = props.credential;
      this.credential = credential;
      checkContainer(this, props.container);
      const path = checkPath(this, props.path);
      const name = props.name ?? `${credential.credentialName}_${props.container}${path ? `_${path.replace(/\//g, '_')}` : ''}`.replace(/-/g, '_');
      checkUcName(this, 'name', name);
      this.locationName = name;
      this.url = abfssUrl(props.container, credential.storage.storageAccountName, path);
      if (props.readOnly === false && credential.readOnly) {
        invalidProp(this, 'readOnly', false, 'the credential is read-only, so the location cannot write', 'leave readOnly out, or make the credential writable');
      }
      // Two locations may not overlap in Unity Catalog: the same URL twice is refused at apply.
      claimOnce(this, 'external-location-url', `${credential.storage.storageAccountId}|${props.container}|${path}`, {
        prop: 'container/path',
        value: `${props.container}/${path}`,
        problem: (where) => `two external locations have the same URL (${where}); Unity Catalog refuses overlapping locations`,
        fix: 'use one location per container and path',
      });
      requireProvider(this, 'databricks');
      this.resource = new ExternalLocation(this, 'Resource', {
        name,
        url: this.url,
        credentialName: credential.resource.name,
        readOnly: (props.readOnly ?? credential.readOnly) || undefined,
        comment: `Managed by cdktf-azure-databricks-serverless for ${this.node.path}`,
        provider: credential.workspaceProvider,
      });
      if (props.grants?.length) {
        new Grants(this, 'Grants', { externalLocation: this.resource.name, grant: checkGrants(this, 'externalLocation', props.grants), provider: credential.workspaceProvider });
      }
    } finally {
      stacks.close();
    }
  }

  /** A catalog whose managed storage is this location (optionally isolated to chosen workspaces). */
  public addCatalog(id: string, options: ServerlessCatalogOptions): ServerlessCatalog {
    return new ServerlessCatalog(this, id, { ...options, location: this });
  }
}
