import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Lazy, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ServerlessStorageAccountOptions } from './props';
import { StorageAccess } from './storage-access';
import { claimOnce } from '../core/claims';
import { requireProvider } from '../core/provider-requirements';
import { invalidProp } from '../core/validation';

const REPLICATION_TYPES = ['LRS', 'ZRS', 'GRS', 'RAGRS', 'GZRS', 'RAGZRS'];

/**
 * Creates the storage account with the secure defaults: StorageV2, HTTPS only, TLS 1.2, hierarchical
 * namespace, shared key off, OAuth by default, no public blobs, no cross-tenant replication, and a
 * firewall that denies by default with `bypass = None`. Public network access is on only where the
 * access model uses the service-tag path.
 *
 * @param location the account's location, already normalised
 * @param resourceInstances the resource IDs its firewall admits by resource-instance rules (read at synth)
 */
export function createSecureAccount(
  scope: Construct,
  options: ServerlessStorageAccountOptions,
  access: StorageAccess,
  location: string,
  resourceInstances: string[],
): StorageAccount {
  if (!Token.isUnresolved(options.name) && !/^[a-z0-9]{3,24}$/.test(options.name)) {
    invalidProp(scope, 'storageAccount.name', options.name, 'a storage account name is 3-24 lowercase letters and digits', `use a name such as "${options.name.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 24) || 'stdatalake'}"`);
  }
  const replication = options.replicationType ?? 'LRS';
  if (!Token.isUnresolved(replication) && !REPLICATION_TYPES.includes(replication)) {
    invalidProp(scope, 'storageAccount.replicationType', replication, 'not a storage replication type', `use one of ${REPLICATION_TYPES.join(', ')}`);
  }
  if (!access.usesServiceTag && options.ipRules?.length) {
    invalidProp(scope, 'storageAccount.ipRules', options.ipRules, `access ${access.name} disables public network access, so IP rules would never apply`, 'remove ipRules, or choose an access model with the service-tag path');
  }
  // Storage account names are global in Azure: two accounts of one name in an app cannot both be created.
  if (!Token.isUnresolved(options.name)) {
    claimOnce(scope, 'storage-account-name', options.name.toLowerCase(), {
      prop: 'storageAccount.name',
      value: options.name,
      problem: (where) => `two storage accounts of the app have this name (${where}); a storage account name is unique across Azure, so the second create fails at apply`,
      fix: 'give each account its own name',
    });
  }
  requireProvider(scope, 'azurerm');
  return new StorageAccount(scope, 'Account', {
    name: options.name,
    resourceGroupName: options.resourceGroupName,
    location,
    accountKind: 'StorageV2',
    accountTier: 'Standard',
    accountReplicationType: replication,
    isHnsEnabled: options.hierarchicalNamespace ?? true,
    httpsTrafficOnlyEnabled: true,
    minTlsVersion: 'TLS1_2',
    sharedAccessKeyEnabled: options.sharedKeyAccess ?? false,
    defaultToOauthAuthentication: true,
    allowNestedItemsToBePublic: false,
    crossTenantReplicationEnabled: false,
    publicNetworkAccessEnabled: access.usesServiceTag,
    networkRules: {
      defaultAction: 'Deny',
      bypass: ['None'],
      virtualNetworkSubnetIds: options.virtualNetworkSubnetIds,
      ipRules: options.ipRules,
      // Resource-instance rules: the given connector, and those added later (a Unity Catalog credential's).
      privateLinkAccess: Lazy.anyValue({
        produce: () => (resourceInstances.length ? resourceInstances.map((id) => ({ endpoint_resource_id: id })) : undefined),
      }) as any,
    },
    tags: options.tags,
    lifecycle: options.preventDestroy ? { preventDestroy: true } : undefined,
  });
}
