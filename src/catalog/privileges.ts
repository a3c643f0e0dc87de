import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProp } from '../core/validation';

/**
 * Unity Catalog privileges by securable (Databricks, "Unity Catalog privileges and securable objects"):
 * what a grant on each may name.
 */
export const PRIVILEGES = {
  storageCredential: ['ALL_PRIVILEGES', 'CREATE_EXTERNAL_LOCATION', 'CREATE_EXTERNAL_TABLE', 'READ_FILES', 'WRITE_FILES', 'MANAGE'],
  externalLocation: [
    'ALL_PRIVILEGES', 'BROWSE', 'CREATE_EXTERNAL_TABLE', 'CREATE_EXTERNAL_VOLUME', 'CREATE_MANAGED_STORAGE', 'READ_FILES', 'WRITE_FILES', 'MANAGE',
  ],
  catalog: [
    'ALL_PRIVILEGES', 'APPLY_TAG', 'BROWSE', 'CREATE_FUNCTION', 'CREATE_MATERIALIZED_VIEW', 'CREATE_MODEL', 'CREATE_SCHEMA', 'CREATE_TABLE',
    'CREATE_VOLUME', 'EXECUTE', 'MANAGE', 'MODIFY', 'READ_VOLUME', 'REFRESH', 'SELECT', 'USE_CATALOG', 'USE_SCHEMA', 'WRITE_VOLUME',
  ],
} as const;

/** A grant: a principal (user, group or service principal application ID) and its privileges. */
export interface UnityCatalogGrant {
  /** The principal: a user's email, a group's name, or a service principal's application ID. */
  readonly principal: string;
  /** Privileges, e.g. `READ_FILES`, `USE_CATALOG` (checked against the securable's list). */
  readonly privileges: string[];
}

/** Checks grants on a securable: a principal once, known privileges, none twice. Returns them as `databricks_grants` writes them. */
export function checkGrants(
  scope: IConstruct,
  securable: keyof typeof PRIVILEGES,
  grants: readonly UnityCatalogGrant[],
): Array<{ principal: string; privileges: string[] }> {
  const seen = new Set<string>();
  const known: readonly string[] = PRIVILEGES[securable];
  for (const g of grants) {
    if (!Token.isUnresolved(g.principal)) {
      if (g.principal.trim() === '') {
        invalidProp(scope, 'grants.principal', g.principal, 'empty', 'name a user, group or service principal');
      }
      if (seen.has(g.principal)) {
        invalidProp(scope, 'grants.principal', g.principal, 'granted twice (databricks_grants holds one entry per principal)', 'merge the privileges into one grant');
      }
      seen.add(g.principal);
    }
    if (g.privileges.length === 0) {
      invalidProp(scope, 'grants.privileges', [], `no privilege for ${g.principal}`, 'list at least one privilege, or leave the principal out');
    }
    for (const p of g.privileges.filter((x) => !Token.isUnresolved(x))) {
      if (!known.includes(p)) {
        invalidProp(scope, 'grants.privileges', p, `not a privilege of a ${securable.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`, `use one of ${known.join(', ')}`);
      }
    }
    if (new Set(g.privileges).size !== g.privileges.length) {
      invalidProp(scope, 'grants.privileges', g.privileges, 'a privilege listed twice', 'list each privilege once');
    }
  }
  return grants.map((g) => ({ principal: g.principal, privileges: [...g.privileges] }));
}
