/**
 * Lakehouse example: the whole private path to governed data. A serverless-only workspace (azapi), the
 * NCC of its region bound to it, a restricted egress policy on it, a locked-down ADLS Gen2 account
 * reached over approved private endpoints, and Unity Catalog on top: an access connector with its role and
 * a resource-instance rule on the account's firewall, a storage credential, an external location per
 * container, and a catalog isolated to the workspace. A restricted policy allows Unity Catalog external
 * locations by itself, so the account is not listed on it.
 */
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { exampleProviders } from './providers';
import {
  NetworkConnectivityConfig,
  ServerlessEgressPolicy,
  ServerlessSecureStorage,
  ServerlessStorageCredential,
  ServerlessWorkspace,
} from '../src';

export class LakehouseStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const account = exampleProviders(this);
    const rg = new ResourceGroup(this, 'rg', { name: 'rg-lakehouse-westeurope', location: 'westeurope' });

    // A serverless-only workspace: no classic compute, no managed resource group, no VNet.
    const workspace = new ServerlessWorkspace(this, 'workspace', { name: 'dbw-lakehouse', resourceGroupId: rg.id, location: 'westeurope' });
    const ncc = new NetworkConnectivityConfig(this, 'ncc', { name: 'ncc-westeurope', region: 'westeurope', accountProvider: account });
    ncc.bindWorkspace('lakehouse', { workspaceId: workspace.workspaceId, workspaceRegion: workspace.location });
    new ServerlessEgressPolicy(this, 'egress', { networkPolicyId: 'np-lakehouse', accountProvider: account, allowedDomains: ['pypi.org'] })
      .applyTo('lakehouse', { workspaceId: workspace.workspaceId });

    // The data: private endpoints (blob, dfs) approved on a locked-down account.
    const lake = new ServerlessSecureStorage(this, 'lake', {
      networkConnectivityConfig: ncc,
      storageAccount: { name: 'stlakehousewe', resourceGroupName: rg.name, location: 'westeurope' },
    });

    // Unity Catalog: workspace-level objects, through a provider on the workspace's URL.
    const workspaceProvider = new DatabricksProvider(this, 'databricks-workspace', { alias: 'workspace', host: `https://${workspace.workspaceUrl}` });
    const credential = new ServerlessStorageCredential(this, 'uc', {
      storage: lake,
      name: 'lakehouse',
      workspaceProvider,
      grants: [{ principal: 'platform-admins', privileges: ['CREATE_EXTERNAL_LOCATION'] }],
    });
    credential.addExternalLocation('landing', { container: 'landing', grants: [{ principal: 'data-engineers', privileges: ['READ_FILES', 'WRITE_FILES'] }] });
    credential
      .addExternalLocation('curated', { container: 'curated', path: 'managed' })
      .addCatalog('lakehouse', {
        name: 'lakehouse',
        workspaceIds: [workspace.workspaceId],
        grants: [{ principal: 'analysts', privileges: ['USE_CATALOG', 'USE_SCHEMA', 'SELECT'] }],
      });
  }
}

if (require.main === module) {
  const app = new App();
  new LakehouseStack(app, 'lakehouse');
  app.synth();
}
