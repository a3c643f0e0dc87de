/**
 * Real Terraform, offline (test/terraform/): the stacks of network-security-perimeter validated and planned at both ends.
 */
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { TerraformStack } from 'cdktf';
import {
  NetworkSecurityPerimeter,
  NetworkSecurityPerimeterProfile,
  NspAccessMode,
  ServiceTag,
} from '../../src';
import { planStack, validateStack } from '../terraform/harness';
import { armId, newStack, SUB } from '../util';

const ASSOC = 'azurerm_network_security_perimeter_association';

function setup() {
  const t = newStack();
  const nsp = new NetworkSecurityPerimeter(t.stack, 'Nsp', { name: 'nsp-data', resourceGroupName: 'rg-net', location: 'East US 2' });
  return { ...t, nsp };
}

function storage(stack: TerraformStack, id = 'Lake') {
  return new StorageAccount(stack, id, {
    name: `st${id.toLowerCase()}`, resourceGroupName: 'rg', location: 'eastus2', accountTier: 'Standard', accountReplicationType: 'LRS',
  });
}
describe('with real Terraform', () => {
  test('a perimeter with every rule kind and associations validates and plans', () => {
    const { stack, nsp } = setup();
    const profile = nsp.addProfile('P', {
      name: 'serverless',
      inboundServiceTags: [ServiceTag.databricksServerless('eastus2')],
      inboundAddressPrefixes: ['203.0.113.0/24'],
      inboundSubscriptionIds: [SUB],
      outboundFqdns: ['login.microsoftonline.com'],
    });
    profile.associate('lake', { resourceId: storage(stack).id });
    profile.associate('kv', { resourceId: armId('Microsoft.KeyVault/vaults', 'kv'), accessMode: NspAccessMode.AUDIT });
    NetworkSecurityPerimeterProfile.fromProfileAttributes(stack, 'Imp', { profileId: armId('Microsoft.Network/networkSecurityPerimeters', 'other/profiles/p') })
      .allowInboundServiceTags(ServiceTag.databricksServerless());
    expect(validateStack(stack)).toMatchObject({ valid: true, errors: '' });
    const plan = planStack(stack);
    expect(plan.resource_changes.filter((c: any) => c.type === ASSOC)).toHaveLength(2);
  });
});
