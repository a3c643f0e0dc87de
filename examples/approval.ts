/**
 * Approval example: NCC private endpoint rules whose connections are approved automatically and
 * exactly on the targets (an ADLS Gen2 account created here and an existing Key Vault), plus one
 * rule left for an operator to approve by hand.
 */
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { exampleProviders } from './providers';
import { ApprovalMode, NetworkConnectivityConfig, PrivateLinkSubResource } from '../src';

export class ApprovalStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const account = exampleProviders(this);

    const rg = new ResourceGroup(this, 'rg', { name: 'rg-lake-westeurope', location: 'westeurope' });
    const lake = new StorageAccount(this, 'lake', {
      name: 'stlakewesteurope',
      resourceGroupName: rg.name,
      location: rg.location,
      accountTier: 'Standard',
      accountReplicationType: 'ZRS',
      isHnsEnabled: true,
      minTlsVersion: 'TLS1_2',
      allowNestedItemsToBePublic: false, // the azurerm 5.x default; 4.x defaults to true
      publicNetworkAccessEnabled: false,
    });

    // An NCC created elsewhere (for example by the platform team's stack), imported by ID.
    const ncc = NetworkConnectivityConfig.fromNetworkConnectivityConfigAttributes(this, 'ncc', {
      networkConnectivityConfigId: '5a7e0c1d-2b3f-4e5a-8c9d-0e1f2a3b4c5d',
      region: 'West Europe',
      accountProvider: account,
    });

    // One line per rule: create it, then approve its own connection on the target.
    ncc.addPrivateEndpointRule('lake-blob', { resourceId: lake.id, subResource: PrivateLinkSubResource.BLOB }).approve();
    ncc.addPrivateEndpointRule('lake-dfs', { resourceId: lake.id, subResource: PrivateLinkSubResource.DFS }).approve();
    ncc
      .addPrivateEndpointRule('secrets', {
        resourceId:
          '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/kv-lake',
        subResource: PrivateLinkSubResource.KEY_VAULT,
      })
      .approve({ waitSeconds: 300 }); // wait up to 5 minutes while the rule is still CREATING

    // A SQL server owned by another team: they approve it themselves.
    ncc
      .addPrivateEndpointRule('warehouse-sql', {
        resourceId:
          '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dwh/providers/Microsoft.Sql/servers/sql-dwh',
        subResource: PrivateLinkSubResource.SQL_SERVER,
      })
      .approve({ mode: ApprovalMode.MANUAL });
  }
}

if (require.main === module) {
  const app = new App();
  new ApprovalStack(app, 'approval');
  app.synth();
}
