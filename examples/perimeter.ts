/**
 * Perimeter example: a storage account reached by Databricks serverless compute over service
 * endpoints, admitted by a network security perimeter that allows the regional
 * AzureDatabricksServerless service tag, in Learning (Transition) mode.
 */
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { exampleAzurerm } from './providers';
import { NetworkSecurityPerimeter, NspAccessMode, ServiceTag } from '../src';

export class PerimeterStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    exampleAzurerm(this);

    const rg = new ResourceGroup(this, 'rg', { name: 'rg-shared-uksouth', location: 'uksouth' });
    const shared = new StorageAccount(this, 'shared', {
      name: 'stshareduksouth',
      resourceGroupName: rg.name,
      location: rg.location,
      accountTier: 'Standard',
      accountReplicationType: 'LRS',
      isHnsEnabled: true,
      minTlsVersion: 'TLS1_2',
      allowNestedItemsToBePublic: false, // the azurerm 5.x default; 4.x defaults to true
      publicNetworkAccessEnabled: true,
      networkRules: { defaultAction: 'Deny' },
    });

    const nsp = new NetworkSecurityPerimeter(this, 'nsp', {
      name: 'nsp-data-uksouth',
      resourceGroupName: rg.name,
      location: 'UK South',
    });
    const profile = nsp.addProfile('serverless', {
      name: 'databricks-serverless',
      inboundServiceTags: [ServiceTag.databricksServerless('uksouth')], // AzureDatabricksServerless.UKSouth
    });
    profile.associate('shared', { resourceId: shared.id, accessMode: NspAccessMode.LEARNING });
  }
}

if (require.main === module) {
  const app = new App();
  new PerimeterStack(app, 'perimeter');
  app.synth();
}
