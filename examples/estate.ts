/**
 * A realistic estate: one NCC in East US 2, two workspaces bound to it, a private-endpoint-only data
 * lake, a shared account reached through the AzureDatabricksServerless service tag, and the workspace
 * root (DBFS) storage of one workspace secured with private endpoints.
 */
import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { exampleProviders } from './providers';
import { NetworkConnectivityConfig, ServerlessSecureStorage, StorageAccess } from '../src';

export class EstateStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const account = exampleProviders(this);

    const rg = new ResourceGroup(this, 'rg', { name: 'rg-analytics-eastus2', location: 'eastus2' });
    const engineering = new DatabricksWorkspace(this, 'ws-engineering', {
      name: 'dbw-engineering',
      resourceGroupName: rg.name,
      location: 'eastus2',
      sku: 'premium',
      customParameters: { storageAccountName: 'dbstorageengeastus2' },
    });
    const analytics = new DatabricksWorkspace(this, 'ws-analytics', {
      name: 'dbw-analytics',
      resourceGroupName: rg.name,
      location: 'eastus2',
      sku: 'premium',
    });

    const ncc = new NetworkConnectivityConfig(this, 'ncc', { name: 'ncc-eastus2', region: 'eastus2', accountProvider: account });
    ncc.bindWorkspace('engineering', { workspace: engineering });
    ncc.bindWorkspace('analytics', { workspace: analytics });

    // The curated data lake: private endpoints only (blob + dfs), approved automatically.
    new ServerlessSecureStorage(this, 'lake', {
      networkConnectivityConfig: ncc,
      access: StorageAccess.PRIVATE_ENDPOINTS,
      storageAccount: {
        name: 'stcuratedeastus2',
        resourceGroupName: rg.name,
        location: 'eastus2',
        preventDestroy: true,
      },
    });

    // A shared landing account reached over service endpoints through a perimeter (no endpoint charge).
    new ServerlessSecureStorage(this, 'landing', {
      networkConnectivityConfig: ncc,
      access: StorageAccess.SERVICE_TAG,
      storageAccount: {
        name: 'stlandingeastus2',
        resourceGroupName: rg.name,
        location: 'eastus2',
      },
    });

    // The engineering workspace's root (DBFS) storage in its managed resource group.
    new ServerlessSecureStorage(this, 'engineering-root', {
      networkConnectivityConfig: ncc,
      workspaceRootStorage: true,
      storageAccountId: `${engineering.managedResourceGroupId}/providers/Microsoft.Storage/storageAccounts/dbstorageengeastus2`,
    });
  }
}

if (require.main === module) {
  const app = new App();
  new EstateStack(app, 'estate');
  app.synth();
}
