import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { resourceType, STORAGE_ACCOUNT } from '../core/azure-resource-types';
import { DNS_NAME, DNS_NAME_OR_WILDCARD } from '../core/patterns';
import { invalidProp } from '../core/validation';

/** Destinations one network policy holds at most, counting Unity Catalog locations and connections. */
export const MAX_DESTINATIONS = 2000;

/** A storage account that serverless compute may reach under a restricted policy. */
export interface EgressStorageDestination {
  /** The storage account's name (not its ID), literal or token. */
  readonly storageAccountName: string;
  /**
   * The storage services reached (`blob`, `dfs`, `file`, `queue`, `table`, `web`): one destination each.
   * @default - blob and dfs (ADLS Gen2)
   */
  readonly services?: string[];
}

/** A literal domain checked and lowercased (DNS names are case-insensitive); a token as it is. */
export function checkDomain(scope: IConstruct, prop: string, domain: string): string {
  if (Token.isUnresolved(domain)) {
    return domain;
  }
  if (DNS_NAME_OR_WILDCARD.test(domain) && domain.startsWith('*.')) {
    invalidProp(
      scope,
      prop,
      domain,
      'the Databricks docs describe no wildcard in network policies (an FQDN entry admits every domain on the same IP address), so none is accepted',
      `list each host name, e.g. "${domain.slice(2)}"`,
    );
  }
  if (!DNS_NAME.test(domain)) {
    invalidProp(scope, prop, domain, 'not a fully qualified domain name', 'use a host name such as "pypi.org" (no scheme, port, path or wildcard)');
  }
  return domain.toLowerCase();
}

const STORAGE_SERVICES = resourceType(STORAGE_ACCOUNT).groupIds;

/** The storage services of a destination, checked against the storage sub-resources of the table of Azure types. */
export function checkStorage(scope: IConstruct, prop: string, destination: EgressStorageDestination): string[] {
  const name = destination.storageAccountName;
  if (!Token.isUnresolved(name) && !/^[a-z0-9]{3,24}$/.test(name)) {
    invalidProp(scope, `${prop}.storageAccountName`, name, 'a storage account name is 3-24 lowercase letters and digits (the name, not the ARM ID)', 'pass the account\'s name, e.g. storageAccount.name');
  }
  const services = destination.services ?? ['blob', 'dfs'];
  if (services.length === 0) {
    invalidProp(scope, `${prop}.services`, services, 'the list is empty', 'leave services out (blob and dfs), or list the services used');
  }
  for (const service of services) {
    if (!Token.isUnresolved(service) && !STORAGE_SERVICES.includes(service)) {
      invalidProp(scope, `${prop}.services`, service, 'not a storage service', `use ${STORAGE_SERVICES.map((s) => `"${s}"`).join(', ')}`);
    }
  }
  return services;
}

/** A literal workspace ID checked (digits, as in the workspace URL); a token as it is. */
export function checkWorkspaceId(scope: IConstruct, prop: string, workspaceId: string): string {
  if (!Token.isUnresolved(workspaceId) && !/^[1-9][0-9]{0,18}$/.test(workspaceId)) {
    invalidProp(scope, prop, workspaceId, 'a workspace ID is the number in the workspace URL (adb-<id>.<n>.azuredatabricks.net)', 'pass it as a string of digits, e.g. "1234567890123456"');
  }
  return workspaceId;
}
