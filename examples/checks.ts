/**
 * Checks example: an estate from before 9 June 2026, mid-migration. A hand-written storage account's
 * firewall still allowlists the NCC's legacy serverless subnets (ADBS-LEGACY-SUBNETS, an error that
 * fails the synth). Step 1 of the migration puts it behind a perimeter in Learning mode that allows the
 * regional AzureDatabricksServerless tag; until step 3 removes the subnets, the finding is suppressed
 * with the reason, and stays in the report as suppressed.
 */
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { exampleProviders } from './providers';
import {
  FindingLevel,
  NetworkConnectivityConfig,
  NetworkSecurityPerimeter,
  ServerlessNetworkChecks,
  ServerlessSecureStorage,
  StorageAccess,
} from '../src';

export class ChecksStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const account = exampleProviders(this);
    const ncc = new NetworkConnectivityConfig(this, 'ncc', { name: 'ncc-westeurope', region: 'westeurope', accountProvider: account });

    // The NCC's legacy serverless subnets, as the account console lists them (egress_config of the NCC).
    const serverlessSubnets = [
      '/subscriptions/8453a5d5-9e9e-40c7-87a4-0ab4cc197f48/resourceGroups/prod-westeurope-snp-1-compute-1/providers/Microsoft.Network/virtualNetworks/kaas-vnet/subnets/worker-subnet',
      '/subscriptions/8453a5d5-9e9e-40c7-87a4-0ab4cc197f48/resourceGroups/prod-westeurope-snp-1-compute-2/providers/Microsoft.Network/virtualNetworks/kaas-vnet/subnets/worker-subnet',
    ];

    // The account as it was written by hand: its firewall allows those subnets.
    const rg = new ResourceGroup(this, 'rg', { name: 'rg-reporting-westeurope', location: 'westeurope' });
    const reporting = new StorageAccount(this, 'reporting', {
      name: 'streportingweu',
      resourceGroupName: rg.name,
      location: 'westeurope',
      accountTier: 'Standard',
      accountReplicationType: 'ZRS',
      isHnsEnabled: true,
      minTlsVersion: 'TLS1_2',
      sharedAccessKeyEnabled: false,
      allowNestedItemsToBePublic: false,
      networkRules: {
        defaultAction: 'Deny',
        bypass: ['None'],
        virtualNetworkSubnetIds: serverlessSubnets,
      },
    });

    // Step 1: the service-tag path, through a perimeter in Learning mode.
    const perimeter = new NetworkSecurityPerimeter(this, 'nsp', { name: 'nsp-reporting', resourceGroupName: rg.name, location: 'westeurope' });
    new ServerlessSecureStorage(this, 'reporting-serverless', {
      networkConnectivityConfig: ncc,
      storageAccountId: reporting.id,
      existingAccountLocation: 'westeurope',
      access: StorageAccess.SERVICE_TAG,
      perimeterProfile: perimeter.addProfile('serverless', { name: 'databricks-serverless' }),
      // Tells the checks which firewall entries are the legacy path.
      nccServerlessSubnetIds: serverlessSubnets,
    });

    // Step 2 reads serverless access in the perimeter's access logs; step 3 removes the subnets and this line.
    ServerlessNetworkChecks.suppress(reporting, 'ADBS-LEGACY-SUBNETS', 'Migration step 1 of 3: subnets stay until the perimeter access logs show serverless traffic (NET-1234)');
  }
}

if (require.main === module) {
  const app = new App();
  new ChecksStack(app, 'checks');
  // Every stack of the app is checked, hand-written ones too; here warnings fail the synth as well.
  ServerlessNetworkChecks.applyTo(app, { failOn: FindingLevel.WARNING });
  app.synth();
}
