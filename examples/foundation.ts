/**
 * Foundation example: one NCC in East US 2, a workspace bound to it, and private endpoint rules to
 * an ADLS Gen2 account (blob + dfs) created here and to an existing Key Vault.
 */
import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { exampleProviders } from './providers';
import { NetworkConnectivityConfig, PrivateLinkSubResource } from '../src';

export class FoundationStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const account = exampleProviders(this);

    const rg = new ResourceGroup(this, 'rg', { name: 'rg-analytics-eastus2', location: 'eastus2' });
    const workspace = new DatabricksWorkspace(this, 'workspace', {
      name: 'dbw-analytics',
      resourceGroupName: rg.name,
      location: 'eastus2',
      sku: 'premium',
    });
    const lake = new StorageAccount(this, 'lake', {
      name: 'stanalyticslake',
      resourceGroupName: rg.name,
      location: 'eastus2',
      accountTier: 'Standard',
      accountReplicationType: 'ZRS',
      accountKind: 'StorageV2',
      isHnsEnabled: true,
      minTlsVersion: 'TLS1_2',
      allowNestedItemsToBePublic: false, // the azurerm 5.x default; 4.x defaults to true
      publicNetworkAccessEnabled: false,
    });

    const ncc = new NetworkConnectivityConfig(this, 'ncc', {
      name: 'ncc-eastus2',
      region: 'East US 2',
      accountProvider: account,
    });
    ncc.bindWorkspace('analytics', { workspace });

    // ADLS Gen2 needs both blob and dfs.
    ncc.addPrivateEndpointRule('lake-blob', { resourceId: lake.id, subResource: PrivateLinkSubResource.BLOB });
    ncc.addPrivateEndpointRule('lake-dfs', { resourceId: lake.id, subResource: PrivateLinkSubResource.DFS });
    // An existing Key Vault, by literal ID: checked at synth (well-formed ID, `vault` fits a vault).
    ncc.addPrivateEndpointRule('secrets', {
      resourceId:
        '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-analytics',
      subResource: PrivateLinkSubResource.KEY_VAULT,
    });
  }
}

if (require.main === module) {
  const app = new App();
  new FoundationStack(app, 'foundation');
  app.synth();
}
