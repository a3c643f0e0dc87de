import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { TerraformStack } from 'cdktf';
import {
  NetworkSecurityPerimeter,
  NetworkSecurityPerimeterProfile,
  NspAccessMode,
  ServiceTag,
} from '../../src';
import { armId, newStack, only, ref, resources, STORAGE_ID, SUB, synth, ruleFindings, findingsOn } from '../util';

const NSP = 'azurerm_network_security_perimeter';
const PROFILE = 'azurerm_network_security_perimeter_profile';
const RULE = 'azurerm_network_security_perimeter_access_rule';
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

describe('NetworkSecurityPerimeter', () => {
  test('creates perimeter, profile, one rule per kind, and a Learning association by default', () => {
    const { stack, nsp } = setup();
    const profile = nsp.addProfile('Serverless', {
      name: 'databricks-serverless',
      inboundServiceTags: [ServiceTag.databricksServerless('eastus2')],
      inboundAddressPrefixes: ['203.0.113.0/24', '2001:db8::/32'],
      inboundSubscriptionIds: [SUB],
      outboundFqdns: ['login.microsoftonline.com'],
    });
    const sa = storage(stack);
    profile.associate('lake', { resourceId: sa.id });
    const json = synth(stack);

    expect(only(json, NSP)).toMatchObject({ name: 'nsp-data', resource_group_name: 'rg-net', location: 'eastus2' });
    expect(only(json, PROFILE)).toMatchObject({ name: 'databricks-serverless', network_security_perimeter_id: ref(json, NSP, 'id') });
    const rules = Object.values<any>(resources(json, RULE));
    const profileRef = ref(json, PROFILE, 'id');
    expect(rules).toHaveLength(4);
    expect(rules).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'inbound-service-tags', direction: 'Inbound', service_tags: ['AzureDatabricksServerless.EastUS2'], network_security_perimeter_profile_id: profileRef }),
      expect.objectContaining({ name: 'inbound-address-prefixes', direction: 'Inbound', address_prefixes: ['203.0.113.0/24', '2001:db8::/32'] }),
      expect.objectContaining({ name: 'inbound-subscriptions', direction: 'Inbound', subscription_ids: [`/subscriptions/${SUB}`] }),
      expect.objectContaining({ name: 'outbound-fqdns', direction: 'Outbound', fqdns: ['login.microsoftonline.com'] }),
    ]));
    // Exactly one list per rule.
    for (const r of rules) {
      const lists = ['service_tags', 'address_prefixes', 'subscription_ids', 'fqdns'].filter((k) => r[k] !== undefined);
      expect(lists).toHaveLength(1);
    }
    expect(only(json, ASSOC)).toEqual(
      expect.objectContaining({ name: 'lake', network_security_perimeter_profile_id: profileRef, resource_id: '${azurerm_storage_account.Lake.id}', access_mode: 'Learning' }),
    );
    expect(profile.accessRules).toHaveLength(4);
  });

  test('raises the azurerm floor to 4.58.0, which has the NSP resources (4.81.0 once something is associated)', () => {
    const { stack } = setup();
    const json = synth(stack);
    expect(json.terraform.required_providers.azurerm).toEqual({ source: 'hashicorp/azurerm', version: '>= 4.58.0, < 6.0.0' });
  });

  test('without NSP resources the prebuilt azurerm pin stays', () => {
    const { stack } = newStack();
    storage(stack);
    expect(synth(stack).terraform.required_providers.azurerm.version).toBe('4.55.0');
  });

  test('rules added later join the same Terraform rule, without duplicates', () => {
    const { stack, nsp } = setup();
    const profile = nsp.addProfile('P', { name: 'p1' });
    profile.allowInboundServiceTags(ServiceTag.databricksServerless('eastus2'));
    profile.allowInboundServiceTags(ServiceTag.databricksServerless('eastus2'), ServiceTag.of('AzureMonitor'));
    expect(only(synth(stack), RULE).service_tags).toEqual(['AzureDatabricksServerless.EastUS2', 'AzureMonitor']);
  });

  test('a profile with no rules emits no rule resources', () => {
    const { stack, nsp } = setup();
    nsp.addProfile('P', { name: 'p1' });
    expect(resources(synth(stack), RULE)).toEqual({});
  });

  test.each([NspAccessMode.AUDIT, NspAccessMode.ENFORCED])('access mode %#', (mode) => {
    const { stack, nsp } = setup();
    nsp.addProfile('P', { name: 'p1' }).associate('kv', { resourceId: armId('Microsoft.KeyVault/vaults', 'kv1'), accessMode: mode, name: 'kv-assoc' });
    expect(only(synth(stack), ASSOC)).toMatchObject({ access_mode: mode.value, name: 'kv-assoc' });
  });

  test('imports a perimeter and a profile by ID', () => {
    const { stack } = newStack();
    const perimeterId = armId('Microsoft.Network/networkSecurityPerimeters', 'nsp-shared', 'rg-net');
    const imported = NetworkSecurityPerimeter.fromPerimeterAttributes(stack, 'Shared', { perimeterId });
    imported.addProfile('P', { name: 'extra' });
    const profileId = `${perimeterId}/profiles/defaultProfile`;
    const profile = NetworkSecurityPerimeterProfile.fromProfileAttributes(stack, 'Default', { profileId });
    profile.allowInboundServiceTags(ServiceTag.databricksServerless('eastus2'));
    profile.associate('lake', { resourceId: STORAGE_ID });
    const json = synth(stack);
    expect(resources(json, NSP)).toEqual({});
    expect(only(json, PROFILE)).toMatchObject({ network_security_perimeter_id: perimeterId });
    expect(only(json, RULE).network_security_perimeter_profile_id).toBe(profileId);
    expect(only(json, ASSOC).network_security_perimeter_profile_id).toBe(profileId);
    expect(json.terraform.required_providers.azurerm.version).toBe('>= 4.81.0, < 6.0.0');
  });

  test('a perimeter may live in an Azure region where Azure Databricks does not run; its Databricks tag must still be a Databricks region\'s', () => {
    const { stack } = newStack();
    const nsp = new NetworkSecurityPerimeter(stack, 'Nsp', { name: 'nsp-it', resourceGroupName: 'rg', location: 'Italy North' });
    const profile = nsp.addProfile('P', { name: 'p1', inboundServiceTags: [ServiceTag.databricksServerless('switzerlandnorth')] });
    expect(() => profile.allowInboundServiceTags(ServiceTag.databricksServerless('italynorth'))).toThrow(/italynorth is an Azure region but Azure Databricks does not run there/);
    const json = synth(stack);
    expect(only(json, NSP)).toMatchObject({ location: 'italynorth' });
    expect(only(json, RULE).service_tags).toEqual(['AzureDatabricksServerless.SwitzerlandNorth']);
  });
});

describe('NetworkSecurityPerimeter guards', () => {
  test.each(['', '-nsp', 'nsp-', 'nsp data', 'a'.repeat(81)])('rejects the name %j', (name) => {
    const { stack } = newStack();
    expect(() => new NetworkSecurityPerimeter(stack, 'Nsp', { name, resourceGroupName: 'rg', location: 'eastus2' })).toThrow(
      /invalid name .*1-80 characters/,
    );
  });

  test('rejects bad profile and association names', () => {
    const { nsp } = setup();
    expect(() => nsp.addProfile('P', { name: 'bad name' })).toThrow(/Nsp\/P: invalid name "bad name"/);
    const profile = nsp.addProfile('Q', { name: 'ok' });
    expect(() => profile.associate('has space', { resourceId: STORAGE_ID })).toThrow(/invalid name \(defaults to the construct ID\) "has space"/);
  });

  test('rejects bad rule elements', () => {
    const { nsp } = setup();
    const p = nsp.addProfile('P', { name: 'p' });
    expect(() => p.allowInboundAddressPrefixes('10.0.0.0')).toThrow(/invalid inboundAddressPrefixes "10.0.0.0": not an IPv4 or IPv6 CIDR prefix/);
    expect(() => p.allowInboundAddressPrefixes('10.0.0.300/24')).toThrow(/not an IPv4 or IPv6 CIDR/);
    expect(() => p.allowInboundAddressPrefixes('10.0.0.0/33')).toThrow(/not an IPv4 or IPv6 CIDR/);
    expect(() => p.allowInboundSubscriptions('my-sub')).toThrow(/invalid inboundSubscriptionIds "my-sub": not a subscription ID/);
    expect(() => p.allowOutboundFqdns('https://x.example.com')).toThrow(/invalid outboundFqdns "https:\/\/x.example.com"/);
  });

  test('more than 200 rule elements in one profile is an error at synth', () => {
    const { stack, nsp } = setup();
    const p = nsp.addProfile('P', { name: 'p' });
    p.allowInboundAddressPrefixes(...Array.from({ length: 150 }, (_, i) => `10.${i}.0.0/16`));
    p.allowInboundSubscriptions(...Array.from({ length: 50 }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`));
    expect(() => synth(stack)).not.toThrow();
    p.allowOutboundFqdns('login.microsoftonline.com');
    expect(() => synth(stack)).toThrow(/invalid access rules "201 elements": a profile holds at most 200 rule elements/);
  });

  test('imports reject IDs of the wrong type', () => {
    const { stack } = newStack();
    expect(() => NetworkSecurityPerimeter.fromPerimeterAttributes(stack, 'A', { perimeterId: STORAGE_ID })).toThrow(
      /invalid perimeterId .*expected the ID of a Microsoft.Network\/networkSecurityPerimeters \(network security perimeter\), got a Microsoft.Storage\/storageAccounts/,
    );
    expect(() => NetworkSecurityPerimeterProfile.fromProfileAttributes(stack, 'B', { profileId: 'not-an-id' })).toThrow(/invalid profileId "not-an-id": not a well-formed/);
  });

  test('a malformed literal resource ID for an association is an error', () => {
    const { nsp } = setup();
    expect(() => nsp.addProfile('P', { name: 'p' }).associate('x', { resourceId: '/subscriptions/x' })).toThrow(/invalid resourceId "\/subscriptions\/x"/);
  });

  test('a resource associated with two perimeters is an error at synth', () => {
    const { stack, nsp } = setup();
    const other = new NetworkSecurityPerimeter(stack, 'Other', { name: 'nsp-other', resourceGroupName: 'rg', location: 'eastus2' });
    const sa = storage(stack);
    nsp.addProfile('P', { name: 'p' }).associate('lake', { resourceId: sa.id });
    other.addProfile('P', { name: 'p' }).associate('lake', { resourceId: sa.id });
    expect(() => synth(stack)).toThrow(/the resource is associated more than once \(test\/Nsp\/P\/lake, test\/Other\/P\/lake\)/);
  });

  test('the same literal ID in different casing counts as the same resource', () => {
    const { stack, nsp } = setup();
    nsp.addProfile('P', { name: 'p' }).associate('a', { resourceId: STORAGE_ID });
    nsp.addProfile('Q', { name: 'q' }).associate('b', { resourceId: STORAGE_ID.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/') });
    expect(() => synth(stack)).toThrow(/associated more than once/);
  });

  test('a storage account in Enforced mode warns; Learning and other resources do not', () => {
    const { stack, nsp } = setup();
    const p = nsp.addProfile('P', { name: 'p' });
    const sa = storage(stack);
    p.associate('lake', { resourceId: sa.id, accessMode: NspAccessMode.ENFORCED });
    p.associate('lake2', { resourceId: STORAGE_ID.replace('stlake', 'stother'), accessMode: NspAccessMode.ENFORCED });
    p.associate('learn', { resourceId: storage(stack, 'Learn').id });
    p.associate('kv', { resourceId: armId('Microsoft.KeyVault/vaults', 'kv'), accessMode: NspAccessMode.ENFORCED });
    const w = ruleFindings(stack, 'ADBS-ENFORCED-STORAGE');
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/^Storage account associated in Enforced mode: Databricks requires Learning \(Transition\) mode.*blocks trusted-service access/);
    expect(findingsOn(stack, 'ADBS-ENFORCED-STORAGE')).toEqual(['test/Nsp/P/lake/Resource', 'test/Nsp/P/lake2/Resource']);
  });
});

describe('NetworkSecurityPerimeter hardening', () => {
  test('allow* with no values adds nothing: Azure rejects a rule with an empty list', () => {
    const { stack, nsp } = setup();
    const profile = nsp.addProfile('P', { name: 'p' });
    profile.allowInboundServiceTags();
    profile.allowInboundAddressPrefixes(...[]);
    profile.allowInboundSubscriptions();
    profile.allowOutboundFqdns();
    expect(resources(synth(stack), RULE)).toEqual({});
    expect(profile.accessRules).toEqual([]);
    profile.allowOutboundFqdns('login.microsoftonline.com');
    expect(Object.values<any>(resources(synth(stack), RULE)).map((r) => r.fqdns)).toEqual([['login.microsoftonline.com']]);
  });

  test('association names are unique per perimeter, across its profiles; other perimeters may reuse them', () => {
    const { stack, nsp } = setup();
    const a = nsp.addProfile('A', { name: 'a' });
    const b = nsp.addProfile('B', { name: 'b' });
    a.associate('storage', { resourceId: armId('Microsoft.Storage/storageAccounts', 'st1') });
    expect(() => b.associate('storage', { resourceId: armId('Microsoft.Storage/storageAccounts', 'st2') })).toThrow(
      /test\/Nsp\/B\/storage: invalid name \(defaults to the construct ID\) "storage": association test\/Nsp\/A\/storage of the same perimeter already has this name; Azure names associations per perimeter, not per profile.*Fix: pass a distinct name/,
    );
    expect(() => b.associate('storage2', { resourceId: armId('Microsoft.Storage/storageAccounts', 'st3'), name: 'STORAGE' })).toThrow(/invalid name "STORAGE": association test\/Nsp\/A\/storage/);
    const other = new NetworkSecurityPerimeter(stack, 'Other', { name: 'nsp-other', resourceGroupName: 'rg-net', location: 'eastus2' });
    expect(() => other.addProfile('C', { name: 'c' }).associate('storage', { resourceId: armId('Microsoft.Storage/storageAccounts', 'st4') })).not.toThrow();
  });
});

describe('imported perimeter and profile IDs, checked as azurerm checks them (case-sensitively)', () => {
  const perimeterId = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityPerimeters/nsp-shared`;
  test.each([
    perimeterId.replace('resourceGroups', 'resourcegroups'),
    perimeterId.replace('Microsoft.Network', 'microsoft.network'),
    perimeterId.replace('networkSecurityPerimeters', 'NetworkSecurityPerimeters'),
    perimeterId.replace('/subscriptions/', '/Subscriptions/'),
  ])('%s is refused for a perimeter, with the exact casing as the fix', (id) => {
    const { stack } = newStack();
    expect(() => NetworkSecurityPerimeter.fromPerimeterAttributes(stack, 'P', { perimeterId: id })).toThrow(
      /invalid perimeterId .*the provider matches this ID case-sensitively.*Fix: write it as \/subscriptions\/<guid>\/resourceGroups\/<rg>\/providers\/Microsoft.Network\/networkSecurityPerimeters\/<name>/,
    );
  });

  test('profiles too; the exact casing passes', () => {
    const { stack } = newStack();
    expect(() => NetworkSecurityPerimeterProfile.fromProfileAttributes(stack, 'A', { profileId: `${perimeterId}/Profiles/p` })).toThrow(
      /invalid profileId .*case-sensitively.*networkSecurityPerimeters\/<name>\/profiles\/<name>/,
    );
    expect(() => NetworkSecurityPerimeterProfile.fromProfileAttributes(stack, 'B', { profileId: `${perimeterId}/profiles/p` })).not.toThrow();
    expect(() => NetworkSecurityPerimeter.fromPerimeterAttributes(stack, 'C', { perimeterId })).not.toThrow();
  });
});

describe('association targets that are not IDs', () => {
  test('resourceId: storageAccount.name is an error naming the attribute; an IPv6 prefix that is not one is refused', () => {
    const { stack, nsp } = setup();
    const sa = storage(stack);
    const profile = nsp.addProfile('P', { name: 'p' });
    expect(() => profile.associate('lake', { resourceId: sa.name })).toThrow(/invalid resourceId "\$\{azurerm_storage_account.Lake.name\}": it refers to the "name" attribute/);
    expect(() => profile.allowInboundAddressPrefixes(':::/64')).toThrow(/invalid inboundAddressPrefixes ":::\/64": not an IPv4 or IPv6 CIDR prefix/);
    expect(() => profile.allowInboundAddressPrefixes('2001:db8::/129')).toThrow(/invalid inboundAddressPrefixes "2001:db8::\/129"/);
  });
});
