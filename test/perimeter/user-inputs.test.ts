import { NetworkSecurityPerimeter, NetworkSecurityPerimeterProfile, ServiceTag } from '../../src';
import { armId, newStack, only, resources, SUB, synth } from '../util';

const RULE = 'azurerm_network_security_perimeter_access_rule';

/** IDs and values a user writes by hand, in the spellings Azure accepts (or refuses). */
describe('perimeter inputs as users write them', () => {
  test('associations of one perimeter share their names whether the profile is created on it or imported by ID, whatever the casing of its names', () => {
    const { stack } = newStack();
    // The same perimeter given twice: once by its ID (names as in the portal), once inside a profile ID (names lower-cased).
    const perimeterId = armId('Microsoft.Network/networkSecurityPerimeters', 'NSP-Shared', 'RG-Net');
    const created = NetworkSecurityPerimeter.fromPerimeterAttributes(stack, 'Shared', { perimeterId }).addProfile('Extra', { name: 'extra' });
    const imported = NetworkSecurityPerimeterProfile.fromProfileAttributes(stack, 'Default', {
      profileId: `${armId('Microsoft.Network/networkSecurityPerimeters', 'nsp-shared', 'rg-net')}/profiles/defaultProfile`,
    });
    created.associate('storage', { resourceId: armId('Microsoft.Storage/storageAccounts', 'st1') });
    expect(() => imported.associate('storage', { resourceId: armId('Microsoft.Storage/storageAccounts', 'st2') })).toThrow(
      /test\/Default\/storage: invalid name \(defaults to the construct ID\) "storage": association test\/Shared\/Extra\/storage of the same perimeter already has this name/,
    );
    // A profile of another perimeter may reuse the name.
    const other = NetworkSecurityPerimeterProfile.fromProfileAttributes(stack, 'Other', {
      profileId: `${armId('Microsoft.Network/networkSecurityPerimeters', 'nsp-other', 'rg-net')}/profiles/defaultProfile`,
    });
    expect(() => other.associate('storage', { resourceId: armId('Microsoft.Storage/storageAccounts', 'st3') })).not.toThrow();
  });

  test('two imported profiles of one perimeter share association names too', () => {
    const { stack } = newStack();
    const perimeter = armId('Microsoft.Network/networkSecurityPerimeters', 'nsp-shared', 'rg-net');
    const a = NetworkSecurityPerimeterProfile.fromProfileAttributes(stack, 'A', { profileId: `${perimeter}/profiles/a` });
    const b = NetworkSecurityPerimeterProfile.fromProfileAttributes(stack, 'B', { profileId: `${perimeter}/profiles/b` });
    a.associate('lake', { resourceId: armId('Microsoft.Storage/storageAccounts', 'st1') });
    expect(() => b.associate('lake', { resourceId: armId('Microsoft.Storage/storageAccounts', 'st2') })).toThrow(/association test\/A\/lake of the same perimeter already has this name/);
  });

  test('a subscription written /Subscriptions/<guid> (as some tools print it) is accepted and written /subscriptions/<guid>', () => {
    const { stack } = newStack();
    const nsp = new NetworkSecurityPerimeter(stack, 'Nsp', { name: 'nsp', resourceGroupName: 'rg', location: 'eastus2' });
    nsp.addProfile('P', { name: 'p', inboundSubscriptionIds: [`/Subscriptions/${SUB}`, `/subscriptions/${SUB.replace(/0/g, '1')}`, SUB.replace(/0/g, '2')] });
    expect(only(synth(stack), RULE).subscription_ids).toEqual([`/subscriptions/${SUB}`, `/subscriptions/${SUB.replace(/0/g, '1')}`, `/subscriptions/${SUB.replace(/0/g, '2')}`]);
  });

  test.each(['1:2:3:4::5:6:7:8/64', '::1:2:3:4:5:6:7:8/128', '1:2:3:4:5:6:7:8::/64', '1:2:3:4:5::6:192.0.2.1/96'])(
    'an IPv6 prefix with "::" and eight groups besides (%s) is refused',
    (prefix) => {
      const { stack } = newStack();
      const profile = new NetworkSecurityPerimeter(stack, 'Nsp', { name: 'nsp', resourceGroupName: 'rg', location: 'eastus2' }).addProfile('P', { name: 'p' });
      expect(() => profile.allowInboundAddressPrefixes(prefix)).toThrow(`invalid inboundAddressPrefixes "${prefix}": not an IPv4 or IPv6 CIDR prefix`);
    },
  );

  test.each(['1:2:3:4:5:6:7::/64', '::2:3:4:5:6:7:8/128', '1:2:3:4::5:192.0.2.1/96'])('an IPv6 prefix with "::" for one group (%s) is accepted', (prefix) => {
    const { stack } = newStack();
    const profile = new NetworkSecurityPerimeter(stack, 'Nsp', { name: 'nsp', resourceGroupName: 'rg', location: 'eastus2' }).addProfile('P', { name: 'p' });
    profile.allowInboundAddressPrefixes(prefix);
    expect(Object.values<any>(resources(synth(stack), RULE)).map((r) => r.address_prefixes)).toEqual([[prefix]]);
  });

  test('only the Databricks serverless tag, global or regional, is the Databricks serverless tag: not a tag that merely starts like it', () => {
    expect(['AzureDatabricksServerless', 'AzureDatabricksServerless.EastUS2', 'AzureDatabricksServerlessPreview', 'AzureDatabricks', 'Storage.EastUS2'].map((t) => [t, ServiceTag.of(t).isDatabricksServerless])).toEqual([
      ['AzureDatabricksServerless', true],
      ['AzureDatabricksServerless.EastUS2', true],
      ['AzureDatabricksServerlessPreview', false],
      ['AzureDatabricks', false],
      ['Storage.EastUS2', false],
    ]);
  });
});
