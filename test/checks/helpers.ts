import { StorageAccount, StorageAccountConfig } from '@cdktf/provider-azurerm/lib/storage-account';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ServerlessNetworkChecks, ServerlessNetworkChecksProps } from '../../src/checks/pack';

/** Every rule ID with a finding on the stack, sorted and unique. */
export function ruleIds(stack: TerraformStack, props: ServerlessNetworkChecksProps = {}): string[] {
  return [...new Set(ServerlessNetworkChecks.check(stack, props).findings.map((f) => f.ruleId))].sort();
}

/** A hand-written (L1) storage account: closed and hardened unless the overrides say otherwise. */
export function l1Account(scope: Construct, id: string, overrides: Partial<StorageAccountConfig> = {}): StorageAccount {
  return new StorageAccount(scope, id, {
    name: id.toLowerCase(),
    resourceGroupName: 'rg-data',
    location: 'eastus2',
    accountTier: 'Standard',
    accountReplicationType: 'LRS',
    isHnsEnabled: true,
    publicNetworkAccessEnabled: false,
    sharedAccessKeyEnabled: false,
    allowNestedItemsToBePublic: false,
    minTlsVersion: 'TLS1_2',
    networkRules: { defaultAction: 'Deny' },
    ...overrides,
  });
}
