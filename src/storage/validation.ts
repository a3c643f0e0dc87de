import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { ServerlessSecureStorageProps } from './props';
import { StorageAccess } from './storage-access';
import type { ConstructCheckFacts } from '../checks/facts';
import { checkArmId } from '../core/arm-resource-id';
import { STORAGE_ACCOUNT } from '../core/azure-resource-types';
import { normaliseRegion } from '../core/regions';
import { invalidProp, isUnresolved } from '../core/validation';
import type { INetworkConnectivityConfig } from '../ncc/network-connectivity-config';
import { ServiceTag } from '../perimeter/service-tag';
import { PrivateLinkSubResource } from '../private-link/sub-resource';

/** The props checks of `ServerlessSecureStorage`, each naming the property and the fix. */

/** Exactly one of `storageAccountId` and `storageAccount`; workspace root storage is existing, private and blob+dfs. */
export function checkAccountSource(scope: Construct, props: ServerlessSecureStorageProps): void {
  if ((props.storageAccountId === undefined) === (props.storageAccount === undefined)) {
    invalidProp(
      scope,
      'storageAccountId/storageAccount',
      props.storageAccountId,
      'give exactly one of storageAccountId (an existing account) and storageAccount (an account to create)',
      'pass the ID of the existing account, or the name, resource group and location of a new one',
    );
  }
  if (!props.workspaceRootStorage) {
    return;
  }
  if (props.storageAccountId === undefined) {
    invalidProp(scope, 'workspaceRootStorage', true, 'workspace root storage is an existing account in the workspace\'s managed resource group', 'pass its ID as storageAccountId instead of storageAccount');
  }
  const access = props.access ?? StorageAccess.PRIVATE_ENDPOINTS;
  if (access !== StorageAccess.PRIVATE_ENDPOINTS || props.perimeterProfile) {
    invalidProp(
      scope,
      'access',
      access.name,
      'workspace root storage lives in a managed resource group that Databricks locks: it cannot join a perimeter',
      'use StorageAccess.PRIVATE_ENDPOINTS without perimeterProfile for workspace root storage',
    );
  }
  const subs = props.subResources?.map((s) => s.groupId);
  if (subs && !(subs.includes('blob') && subs.includes('dfs'))) {
    invalidProp(scope, 'subResources', subs, 'workspace root storage needs both blob and dfs', 'leave subResources out (blob and dfs)');
  }
}

/** The account's region when known at synth (normalised); checks a literal existing account ID. */
export function accountLocation(scope: Construct, props: ServerlessSecureStorageProps): string | undefined {
  if (props.storageAccount) {
    return normaliseRegion(scope, 'storageAccount.location', props.storageAccount.location);
  }
  if (props.existingAccountLocation !== undefined) {
    return normaliseRegion(scope, 'existingAccountLocation', props.existingAccountLocation);
  }
  if (props.storageAccountId !== undefined) {
    checkArmId(scope, 'storageAccountId', props.storageAccountId, STORAGE_ACCOUNT);
  }
  return undefined;
}

/** The tag of the service-tag path: the one given (checked by ADBS-FOREIGN-TAG and ADBS-GLOBAL-TAG) or the NCC region's. */
export function serviceTagFor(scope: Construct, props: ServerlessSecureStorageProps, location: string | undefined): ServiceTag {
  return props.serviceTag ?? regionalTag(scope, props.networkConnectivityConfig, location);
}

function regionalTag(scope: Construct, ncc: INetworkConnectivityConfig, location: string | undefined): ServiceTag {
  if (Token.isUnresolved(ncc.region)) {
    invalidProp(
      scope,
      'networkConnectivityConfig.region',
      'a token',
      'the regional AzureDatabricksServerless tag is chosen at synth from the NCC\'s region',
      'give the NCC a literal region, or pass serviceTag explicitly',
    );
  }
  if (location !== undefined && !Token.isUnresolved(location) && location !== ncc.region) {
    invalidProp(
      scope,
      'storage location',
      location,
      `the account is in ${location} but NCC ${ncc.node.path} is in ${ncc.region}; the regional service tag only admits serverless compute of the NCC's region, and service endpoints only serve same-region storage`,
      `put the account in ${ncc.region}, or use an NCC in ${location} (or StorageAccess.PRIVATE_ENDPOINTS)`,
    );
  }
  return ServiceTag.databricksServerless(ncc.region);
}

/** The sub-resources to create rules for: storage ones, each once, blob and dfs by default; none off the private-endpoint path. */
export function storageSubResources(scope: Construct, props: ServerlessSecureStorageProps, access: StorageAccess): PrivateLinkSubResource[] {
  if (!access.usesPrivateEndpoints) {
    if (props.subResources) {
      invalidProp(scope, 'subResources', props.subResources.map((s) => s.groupId), `access ${access.name} creates no private endpoints`, 'leave subResources out, or use StorageAccess.PRIVATE_ENDPOINTS');
    }
    return [];
  }
  const subs = props.subResources ?? [PrivateLinkSubResource.BLOB, PrivateLinkSubResource.DFS];
  if (subs.length === 0) {
    invalidProp(scope, 'subResources', [], `access ${access.name} needs at least one private endpoint`, 'leave subResources out (blob and dfs), or use StorageAccess.SERVICE_TAG');
  }
  const seen = new Set<string>();
  for (const s of subs) {
    if (!s.fitsResourceType(STORAGE_ACCOUNT)) {
      invalidProp(scope, 'subResources', s.groupId, `"${s.groupId}" is not a storage sub-resource`, 'use BLOB, DFS, FILE, QUEUE, TABLE or WEB');
    }
    if (seen.has(s.groupId)) {
      invalidProp(scope, 'subResources', s.groupId, 'listed twice', 'list each sub-resource once');
    }
    seen.add(s.groupId);
  }
  return subs;
}

/**
 * What the checks need that the stack's JSON does not say: the NCC's legacy subnets (ADBS-LEGACY-SUBNETS),
 * the service tag chosen (ADBS-FOREIGN-TAG, ADBS-GLOBAL-TAG), and for an existing account its firewall and
 * whether the access model closes it to public networks (ADBS-REOPENED-ACCOUNT).
 */
export function factsForChecks(
  scope: Construct,
  props: ServerlessSecureStorageProps,
  access: StorageAccess,
  storageAccountId: string,
  serviceTag: ServiceTag | undefined,
): ConstructCheckFacts {
  const serverlessSubnetIds = (props.nccServerlessSubnetIds ?? []).filter((s) => !isUnresolved(s));
  const serviceTagChoice = serviceTag ? { path: scope.node.path, tag: serviceTag.name } : undefined;
  if (props.storageAccount) {
    return { serverlessSubnetIds, serviceTagChoice };
  }
  const values: { [name: string]: unknown } = {};
  if (props.existingFirewallSubnetIds) {
    values.network_rules = { virtual_network_subnet_ids: props.existingFirewallSubnetIds };
  }
  if (!access.usesServiceTag) {
    values.public_network_access_enabled = false;
  }
  return { serverlessSubnetIds, serviceTagChoice, existingAccount: { id: storageAccountId, values } };
}

/** Endpoints x hours x hourly price, rounded to cents; the inputs must be positive. */
export function monthlyEndpointCost(scope: Construct, props: ServerlessSecureStorageProps, endpoints: number): number {
  const hourly = props.privateEndpointHourlyPrice ?? 0.01;
  const hours = props.hoursPerMonth ?? 730;
  if (hourly < 0 || hours <= 0) {
    invalidProp(scope, 'privateEndpointHourlyPrice/hoursPerMonth', [hourly, hours], 'the price must be >= 0 and the hours > 0', 'use the price per endpoint-hour of your agreement, e.g. 0.01');
  }
  return Math.round(endpoints * hours * hourly * 100) / 100;
}
