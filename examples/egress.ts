/**
 * Egress example: serverless egress control for one workspace. A restricted network policy in dry run
 * (violations are logged to system.access.outbound_network, nothing is blocked yet) allows one internet
 * domain and the data lake, which the flagship pattern adds itself; the same workspace is bound to the
 * NCC whose private endpoints reach the lake.
 */
import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { exampleProviders } from './providers';
import { EgressEnforcement, NetworkConnectivityConfig, ServerlessEgressPolicy, ServerlessSecureStorage } from '../src';

export class EgressStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const account = exampleProviders(this);

    const rg = new ResourceGroup(this, 'rg', { name: 'rg-ml-northeurope', location: 'northeurope' });
    const workspace = new DatabricksWorkspace(this, 'workspace', {
      name: 'dbw-ml',
      resourceGroupName: rg.name,
      location: 'northeurope',
      sku: 'premium',
    });

    // Step 1 of the rollout: restricted, but only logged. Read system.access.outbound_network, then
    // switch to EgressEnforcement.ENFORCED.
    const policy = new ServerlessEgressPolicy(this, 'egress', {
      networkPolicyId: 'np-ml-northeurope',
      accountProvider: account,
      enforcement: EgressEnforcement.dryRun(),
      allowedDomains: ['pypi.org'],
    });
    policy.applyTo('ml', { workspace });

    const ncc = new NetworkConnectivityConfig(this, 'ncc', { name: 'ncc-northeurope', region: 'northeurope', accountProvider: account });
    ncc.bindWorkspace('ml', { workspace });

    // The lake: private endpoints for blob and dfs, approved; the policy allows the account for both.
    new ServerlessSecureStorage(this, 'features', {
      networkConnectivityConfig: ncc,
      storageAccount: { name: 'stfeaturesneu', resourceGroupName: rg.name, location: 'northeurope' },
      egressPolicy: policy,
    });
  }
}

if (require.main === module) {
  const app = new App();
  new EgressStack(app, 'egress');
  app.synth();
}
