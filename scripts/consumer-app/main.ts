import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { NetworkConnectivityConfig, PrivateLinkSubResource, ServerlessSecureStorage } from 'cdktf-azure-databricks-serverless';

const app = new App();
const stack = new TerraformStack(app, 'analytics');
new AzurermProvider(stack, 'azurerm', { features: [{ storage: [{ dataPlaneAvailable: false }] }], storageUseAzuread: true });
const accountId = new TerraformVariable(stack, 'databricks_account_id', { type: 'string' });
const account = new DatabricksProvider(stack, 'account', {
  alias: 'account',
  host: 'https://accounts.azuredatabricks.net',
  accountId: accountId.stringValue,
});
const rg = new ResourceGroup(stack, 'rg', { name: 'rg-analytics-eastus2', location: 'eastus2' });
const workspace = new DatabricksWorkspace(stack, 'workspace', { name: 'dbw-analytics', resourceGroupName: rg.name, location: 'eastus2', sku: 'premium' });

// One NCC per region, bound to the workspace.
const ncc = new NetworkConnectivityConfig(stack, 'ncc', { name: 'ncc-eastus2', region: 'East US 2', accountProvider: account });
ncc.bindWorkspace('analytics', { workspace });

// A new ADLS Gen2 account reachable only through private endpoints (blob and dfs), each approved exactly.
new ServerlessSecureStorage(stack, 'lake', {
  networkConnectivityConfig: ncc,
  storageAccount: { name: 'stlakeeastus2', resourceGroupName: rg.name, location: 'eastus2' },
});

// Any other Private-Link target: a rule and its approval. A rule without .approve() stays Pending until
// someone approves its connection on the target by hand, and Databricks expires it after 14 days.
const vaultId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-security/providers/Microsoft.KeyVault/vaults/kv-analytics';
ncc.addPrivateEndpointRule('secrets', { resourceId: vaultId, subResource: PrivateLinkSubResource.KEY_VAULT }).approve();

app.synth();
