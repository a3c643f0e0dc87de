import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProp } from '../core/validation';

/**
 * Azure Blob container names: 3-63 characters of lowercase letters, digits and single hyphens, starting
 * and ending with a letter or digit (Learn, "Naming and referencing containers, blobs, and metadata").
 */
const CONTAINER = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/** A Unity Catalog securable name (credential, location, catalog): letters, digits and `_`, at most 255 characters (no spaces, dots or slashes). */
const UC_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,254}$/;

/** Checks a container name; tokens pass. */
export function checkContainer(scope: IConstruct, container: string): void {
  if (!Token.isUnresolved(container) && !CONTAINER.test(container)) {
    invalidProp(
      scope,
      'container',
      container,
      'a container name is 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit',
      `use a name such as ${JSON.stringify(container.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').padEnd(3, '0').slice(0, 63))}`,
    );
  }
}

/**
 * Checks and normalises a path inside a container: segments separated by `/`, none empty, `.` or `..`,
 * no leading or trailing slash (the library writes the slashes). Returns '' for no path; tokens pass.
 */
export function checkPath(scope: IConstruct, path: string | undefined): string {
  if (path === undefined || Token.isUnresolved(path)) {
    return path ?? '';
  }
  const segments = path.split('/');
  if (path.startsWith('/') || path.endsWith('/') || segments.some((s) => s === '' || s === '.' || s === '..' || /[\\?#%]/.test(s))) {
    invalidProp(
      scope,
      'path',
      path,
      'a path is segments separated by "/", with no leading or trailing "/", no empty, "." or ".." segment, and no "\\", "?", "#" or "%"',
      `use e.g. ${JSON.stringify(segments.filter((s) => s && s !== '.' && s !== '..').join('/') || 'landing')}`,
    );
  }
  return path;
}

/** Checks a Unity Catalog name; tokens pass. */
export function checkUcName(scope: IConstruct, prop: string, name: string): void {
  if (!Token.isUnresolved(name) && !UC_NAME.test(name)) {
    invalidProp(
      scope,
      prop,
      name,
      'a Unity Catalog name here is letters, digits, "_" and "-" (no spaces, dots or slashes), at most 255 characters',
      `use a name such as ${JSON.stringify(name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 255) || 'lake')}`,
    );
  }
}

/** `abfss://<container>@<account>.dfs.core.windows.net/<path>`: always built, never typed. */
export function abfssUrl(container: string, accountName: string, path: string): string {
  return `abfss://${container}@${accountName}.dfs.core.windows.net/${path}`;
}
