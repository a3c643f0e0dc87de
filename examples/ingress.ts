/**
 * Ingress example: who may reach a workspace, from where. One network policy holds both directions: its
 * egress is restricted (serverless compute reaches only pypi.org), and its ingress allows the company's
 * public ranges only, refuses one range inside them, and lets one other workspace (the reporting
 * workspace, by its 64-bit ID) call this one. Enforced; private endpoints registered to the account stay
 * allowed.
 */
import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { exampleProviders } from './providers';
import { CrossWorkspaceIngress, PublicIngress, ServerlessEgressPolicy } from '../src';

export class IngressStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const account = exampleProviders(this);

    const rg = new ResourceGroup(this, 'rg', { name: 'rg-finance-westeurope', location: 'westeurope' });
    const workspace = new DatabricksWorkspace(this, 'workspace', {
      name: 'dbw-finance',
      resourceGroupName: rg.name,
      location: 'westeurope',
      sku: 'premium',
    });

    const policy = new ServerlessEgressPolicy(this, 'policy', {
      networkPolicyId: 'np-finance',
      accountProvider: account,
      allowedDomains: ['pypi.org'],
      ingress: {
        // Offices and the VPN's egress; the guest Wi-Fi range inside the office block is refused.
        publicAccess: PublicIngress.fromIpRanges('203.0.113.0/24', '198.51.100.16/28'),
        blockedIpRanges: ['203.0.113.192/26'],
        crossWorkspaceAccess: CrossWorkspaceIngress.fromWorkspaces('4611686018427387905'),
      },
    });
    policy.applyTo('finance', { workspace });
  }
}

if (require.main === module) {
  const app = new App();
  new IngressStack(app, 'ingress');
  app.synth();
}
