import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { ServerlessSecureStorageProps } from './props';
import { StorageAccess } from './storage-access';
import { checkArmId } from '../core/arm-resource-id';
import { STORAGE_ACCOUNT } from '../core/azure-resource-types';
import { normaliseRegion } from '../core/regions';
import { resolveValue } from '../core/resolved-index';
import { info, invalidProp, isUnresolved, warn } from '../core/validation';
import type { INetworkConnectivityConfig } from '../ncc/network-connectivity-config';
import { INetworkSecurityPerimeterProfile, NetworkSecurityPerimeterProfile } from '../perimeter/profile';
import { ServiceTag } from '../perimeter/service-tag';
import { PrivateLinkSubResource } from '../private-link/sub-resource';

/** The props checks of `ServerlessSecureStorage`, each naming the property and the fix. */

const LEGACY_DEADLINE = '9 June 2026';

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

/** The tag of the service-tag path: the one given (with warnings when it is wide or foreign) or the NCC region's. */
export function serviceTagFor(scope: Construct, props: ServerlessSecureStorageProps, location: string | undefined): ServiceTag {
  const tag = props.serviceTag ?? regionalTag(scope, props.networkConnectivityConfig, location);
  if (!tag.isDatabricksServerless) {
    warn(scope, `serviceTag ${tag.name} is not a Databricks serverless tag; serverless compute is admitted only by AzureDatabricksServerless[.<Region>].`);
  } else if (!tag.name.includes('.')) {
    warn(scope, 'serviceTag is the global AzureDatabricksServerless tag: it admits serverless compute of every Databricks region and customer. Prefer the regional tag.');
  }
  return tag;
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
  const hns = props.storageAccount ? props.storageAccount.hierarchicalNamespace ?? true : false;
  if ((hns || props.workspaceRootStorage) && !(seen.has('blob') && seen.has('dfs'))) {
    warn(scope, 'ADLS Gen2 (hierarchical namespace) needs private endpoints for both blob and dfs; with only one, some Databricks operations fail.');
  }
  return subs;
}

/** Warns when a private-endpoints-only account in Learning mode joins a profile that admits traffic. */
export function warnReopening(scope: Construct, profile: INetworkSecurityPerimeterProfile): void {
  const known = profile instanceof NetworkSecurityPerimeterProfile;
  const inbound = (profile as NetworkSecurityPerimeterProfile).inboundRuleElements ?? 0;
  if (!known || inbound > 0) {
    warn(
      scope,
      'Private-endpoints-only account associated in Learning mode with a profile that ' +
        (known ? 'has inbound rules' : 'may have inbound rules (an imported profile)') +
        ': in Learning mode the account accepts what those rules allow even with public network access disabled, which silently reopens it. ' +
        'Associate it in Enforced or Audit mode, or with a profile without inbound rules.',
    );
  }
}

/** Warns when the firewall allowlists the NCC's legacy serverless subnets, with the migration. */
export function checkLegacySubnets(scope: Construct, props: ServerlessSecureStorageProps): void {
  const firewall = props.storageAccount?.virtualNetworkSubnetIds ?? props.existingFirewallSubnetIds ?? [];
  if (firewall.length === 0) {
    return;
  }
  const known = new Set((props.nccServerlessSubnetIds ?? []).filter((s) => !isUnresolved(s)).map((s) => s.toLowerCase()));
  // A reference to the NCC's computed egress_config (the legacy subnets), as a whole list or per element.
  const referencesEgress = (v: unknown) => {
    const resolved = JSON.stringify(resolveValue(scope, v));
    return resolved.includes('databricks_mws_network_connectivity_config.') && resolved.includes('egress_config');
  };
  const legacy = Token.isUnresolved(firewall)
    ? referencesEgress(firewall) ? ['(reference to egress_config)'] : []
    : firewall.filter((s) => (isUnresolved(s) ? referencesEgress(s) : known.has(s.toLowerCase())));
  if (legacy.length === 0) {
    return;
  }
  warn(
    scope,
    `The storage firewall allowlists the NCC's serverless subnets (${legacy.length}): this legacy service-endpoint path ended on ${LEGACY_DEADLINE} and the account is non-compliant. ` +
      'Migrate: (1) deploy StorageAccess.SERVICE_TAG (or PRIVATE_ENDPOINTS_AND_SERVICE_TAG), which associates the account with a perimeter in Learning mode that allows ' +
      'AzureDatabricksServerless.<Region>; (2) check serverless access in the perimeter\'s access logs; (3) remove the subnet IDs from the firewall.',
  );
  info(scope, `Legacy serverless subnets found in the firewall: ${legacy.map((s) => (isUnresolved(s) ? '(reference)' : s)).join(', ')}`);
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
