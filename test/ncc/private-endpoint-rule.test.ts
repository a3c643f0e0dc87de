import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { TerraformVariable } from 'cdktf';
import { NetworkConnectivityConfig, PrivateEndpointRule, PrivateLinkSubResource } from '../../src';
import { armId, newStack, only, ref, resolve, resources, STORAGE_ID, synth, VAULT_ID, ruleFindings } from '../util';

const RULE = 'databricks_mws_ncc_private_endpoint_rule';
const NCC = 'databricks_mws_network_connectivity_config';

function setup() {
  const t = newStack();
  const ncc = new NetworkConnectivityConfig(t.stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: t.account });
  return { ...t, ncc };
}

describe('PrivateEndpointRule', () => {
  test('creates a rule for a sub-resource, referencing the NCC, on the account provider', () => {
    const { stack, ncc } = setup();
    const rule = ncc.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB });
    const json = synth(stack);
    expect(only(json, RULE)).toEqual(
      expect.objectContaining({
        network_connectivity_config_id: ref(json, NCC, 'network_connectivity_config_id'),
        resource_id: STORAGE_ID,
        group_id: 'blob',
        provider: 'databricks.account',
      }),
    );
    expect(only(json, RULE).domain_names).toBeUndefined();
    expect(rule.resourceType).toBe('Microsoft.Storage/storageAccounts');
    expect(resolve(stack, rule.ruleId)).toBe(ref(json, RULE, 'rule_id'));
    expect(resolve(stack, rule.endpointName)).toBe(ref(json, RULE, 'endpoint_name'));
    expect(resolve(stack, rule.connectionState)).toBe(ref(json, RULE, 'connection_state'));
  });

  test.each([
    [PrivateLinkSubResource.DFS, 'Microsoft.Storage/storageAccounts', 'dfs'],
    [PrivateLinkSubResource.FILE, 'Microsoft.Storage/storageAccounts', 'file'],
    [PrivateLinkSubResource.QUEUE, 'Microsoft.Storage/storageAccounts', 'queue'],
    [PrivateLinkSubResource.TABLE, 'Microsoft.Storage/storageAccounts', 'table'],
    [PrivateLinkSubResource.WEB, 'Microsoft.Storage/storageAccounts', 'web'],
    [PrivateLinkSubResource.SQL_SERVER, 'Microsoft.Sql/servers', 'sqlServer'],
    [PrivateLinkSubResource.KEY_VAULT, 'Microsoft.KeyVault/vaults', 'vault'],
    [PrivateLinkSubResource.COSMOS_DB_SQL, 'Microsoft.DocumentDB/databaseAccounts', 'Sql'],
    [PrivateLinkSubResource.COSMOS_DB_MONGODB, 'Microsoft.DocumentDB/databaseAccounts', 'MongoDB'],
    [PrivateLinkSubResource.COSMOS_DB_CASSANDRA, 'Microsoft.DocumentDB/databaseAccounts', 'Cassandra'],
    [PrivateLinkSubResource.COSMOS_DB_GREMLIN, 'Microsoft.DocumentDB/databaseAccounts', 'Gremlin'],
    [PrivateLinkSubResource.COSMOS_DB_TABLE, 'Microsoft.DocumentDB/databaseAccounts', 'Table'],
    [PrivateLinkSubResource.EVENT_HUBS_NAMESPACE, 'Microsoft.EventHub/namespaces', 'namespace'],
    [PrivateLinkSubResource.SERVICE_BUS_NAMESPACE, 'Microsoft.ServiceBus/namespaces', 'namespace'],
    [PrivateLinkSubResource.SEARCH_SERVICE, 'Microsoft.Search/searchServices', 'searchService'],
    [PrivateLinkSubResource.CONTAINER_REGISTRY, 'Microsoft.ContainerRegistry/registries', 'registry'],
    [PrivateLinkSubResource.MYSQL_SERVER, 'Microsoft.DBforMySQL/flexibleServers', 'mysqlServer'],
    [PrivateLinkSubResource.POSTGRESQL_SERVER, 'Microsoft.DBforPostgreSQL/flexibleServers', 'postgresqlServer'],
  ])('sub-resource %#: %s on %s emits group_id %s', (sub, type, groupId) => {
    const { stack, ncc } = setup();
    ncc.addPrivateEndpointRule('Rule', { resourceId: armId(type, 'target1'), subResource: sub });
    expect(only(synth(stack), RULE)).toMatchObject({ group_id: groupId, resource_id: armId(type, 'target1') });
  });

  test('resource types match case-insensitively', () => {
    const { stack, ncc } = setup();
    ncc.addPrivateEndpointRule('Rule', {
      resourceId: armId('microsoft.storage/STORAGEACCOUNTS', 'st'),
      subResource: PrivateLinkSubResource.DFS,
    });
    expect(only(synth(stack), RULE).group_id).toBe('dfs');
  });

  test('a sub-resource that does not fit the resource type is an error listing the ones that do', () => {
    const { ncc } = setup();
    expect(() => ncc.addPrivateEndpointRule('Rule', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.KEY_VAULT })).toThrow(
      /test\/Ncc\/Rule: invalid subResource "vault": sub-resource "vault" does not apply to a Microsoft.Storage\/storageAccounts target.*Fix: use one of "blob", "dfs", "file", "queue", "table", "web"/,
    );
    expect(() => ncc.addPrivateEndpointRule('Rule2', { resourceId: VAULT_ID, subResource: PrivateLinkSubResource.BLOB })).toThrow(
      /Fix: use one of "vault"/,
    );
  });

  test('a known sub-resource on an unknown type suggests custom()', () => {
    const { ncc } = setup();
    expect(() =>
      ncc.addPrivateEndpointRule('Rule', { resourceId: armId('Microsoft.Web/sites', 'app'), subResource: PrivateLinkSubResource.BLOB }),
    ).toThrow(/PrivateLinkSubResource.custom/);
  });

  test('custom() sub-resources work on any target, or on the types they name', () => {
    const { stack, ncc } = setup();
    ncc.addPrivateEndpointRule('Sites', { resourceId: armId('Microsoft.Web/sites', 'app'), subResource: PrivateLinkSubResource.custom('sites') });
    const typed = PrivateLinkSubResource.custom('sites', ['Microsoft.Web/sites']);
    expect(() => ncc.addPrivateEndpointRule('Bad', { resourceId: STORAGE_ID, subResource: typed })).toThrow(/does not apply to a Microsoft.Storage/);
    expect(Object.values(resources(synth(stack), RULE)).map((r: any) => r.group_id)).toEqual(['sites']);
    expect(() => PrivateLinkSubResource.custom('two words')).toThrow(/invalid groupId "two words"/);
  });

  test('Private Link Service targets take domain names', () => {
    const { stack, ncc } = setup();
    const pls = armId('Microsoft.Network/privateLinkServices', 'pls-db');
    ncc.addPrivateEndpointRule('Pls', { resourceId: pls, domainNames: ['db.internal.example.com', 'api.internal.example.com'] });
    const rule = only(synth(stack), RULE);
    expect(rule).toMatchObject({ resource_id: pls, domain_names: ['db.internal.example.com', 'api.internal.example.com'] });
    expect(rule.group_id).toBeUndefined();
  });

  test('needs exactly one of subResource and domainNames', () => {
    const { ncc } = setup();
    expect(() => ncc.addPrivateEndpointRule('None', { resourceId: STORAGE_ID })).toThrow(
      /invalid subResource\/domainNames \(not set\): give exactly one of subResource/,
    );
    expect(() =>
      ncc.addPrivateEndpointRule('Both', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB, domainNames: ['a.example.com'] }),
    ).toThrow(/give exactly one of subResource/);
  });

  test('domain names on a non-PLS target, a sub-resource on a PLS, bad domain names: errors', () => {
    const { ncc } = setup();
    const pls = armId('Microsoft.Network/privateLinkServices', 'pls');
    expect(() => ncc.addPrivateEndpointRule('A', { resourceId: STORAGE_ID, domainNames: ['x.example.com'] })).toThrow(
      /invalid domainNames \["x.example.com"\]: domain names are only for Private Link Service targets.*Fix: pass subResource instead \(one of "blob"/,
    );
    expect(() => ncc.addPrivateEndpointRule('B', { resourceId: pls, subResource: PrivateLinkSubResource.custom('x') })).toThrow(
      /a Private Link Service target has no sub-resource/,
    );
    expect(() => ncc.addPrivateEndpointRule('C', { resourceId: pls, domainNames: [] })).toThrow(/invalid domainNames \[\]: the list is empty/);
    expect(() => ncc.addPrivateEndpointRule('D', { resourceId: pls, domainNames: ['https://x.example.com'] })).toThrow(
      /invalid domainNames "https:\/\/x.example.com": not a fully qualified domain name/,
    );
  });

  test.each(['not-an-id', '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st'])(
    'a malformed literal resource ID %j is an error',
    (resourceId) => {
      const { ncc } = setup();
      expect(() => ncc.addPrivateEndpointRule('Rule', { resourceId, subResource: PrivateLinkSubResource.BLOB })).toThrow(
        /invalid resourceId .*not a well-formed Azure resource ID.*Fix: pass the full ID/,
      );
    },
  );

  test('a token resource ID skips the literal checks', () => {
    const { stack, ncc } = setup();
    const id = new TerraformVariable(stack, 'target', { type: 'string' });
    const rule = ncc.addPrivateEndpointRule('Rule', { resourceId: id.stringValue, subResource: PrivateLinkSubResource.KEY_VAULT });
    expect(only(synth(stack), RULE).resource_id).toBe('${var.target}');
    expect(rule.resourceType).toBeUndefined();
  });

  test('a reference to a well-known azurerm resource is checked like a literal ID', () => {
    const { stack, ncc } = setup();
    const sa = new StorageAccount(stack, 'Sa', {
      name: 'stlake', resourceGroupName: 'rg', location: 'eastus2', accountTier: 'Standard', accountReplicationType: 'LRS',
    });
    expect(() => ncc.addPrivateEndpointRule('Vault', { resourceId: sa.id, subResource: PrivateLinkSubResource.KEY_VAULT })).toThrow(
      /sub-resource "vault" does not apply to a Microsoft.Storage\/storageAccounts target/,
    );
    const rule = ncc.addPrivateEndpointRule('Dfs', { resourceId: sa.id, subResource: PrivateLinkSubResource.DFS });
    expect(rule.resourceType).toBe('Microsoft.Storage/storageAccounts');
    expect(Object.values<any>(resources(synth(stack), RULE))[0].resource_id).toBe('${azurerm_storage_account.Sa.id}');
  });

  test('can be created directly with props', () => {
    const { stack, ncc } = setup();
    new PrivateEndpointRule(stack, 'Direct', { networkConnectivityConfig: ncc, resourceId: VAULT_ID, subResource: PrivateLinkSubResource.KEY_VAULT });
    expect(only(synth(stack), RULE)).toMatchObject({ group_id: 'vault', provider: 'databricks.account' });
  });

  test('warns when an app declares more private endpoints in a region than the limit', () => {
    const t = newStack();
    const a = new NetworkConnectivityConfig(t.stack, 'A', { name: 'ncc-a', region: 'eastus2', accountLimits: { maxPrivateEndpointsPerRegion: 2 } });
    const b = new NetworkConnectivityConfig(t.stack, 'B', { name: 'ncc-b', region: 'eastus2', accountLimits: { maxPrivateEndpointsPerRegion: 2 } });
    a.addPrivateEndpointRule('Blob', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB });
    b.addPrivateEndpointRule('Dfs', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.DFS });
    expect(ruleFindings(t.stack, 'ADBS-LIMIT-ENDPOINTS')).toEqual([]);
    b.addPrivateEndpointRule('Vault', { resourceId: VAULT_ID, subResource: PrivateLinkSubResource.KEY_VAULT });
    expect(ruleFindings(t.stack, 'ADBS-LIMIT-ENDPOINTS')).toEqual([expect.stringMatching(/^This stack declares 3 private endpoint rules in region eastus2, more than the account limit of 2/)]);
  });

  test('the default limit is 100 private endpoints per region, across NCCs', () => {
    const t = newStack();
    const a = new NetworkConnectivityConfig(t.stack, 'A', { name: 'ncc-a', region: 'eastus2', accountLimits: { maxParallelRuleCreations: 100 } });
    const b = new NetworkConnectivityConfig(t.stack, 'B', { name: 'ncc-b', region: 'eastus2' });
    for (let i = 0; i < 50; i++) {
      a.addPrivateEndpointRule(`R${i}`, { resourceId: armId('Microsoft.Storage/storageAccounts', `sta${i}`), subResource: PrivateLinkSubResource.BLOB });
      b.addPrivateEndpointRule(`R${i}`, { resourceId: armId('Microsoft.Storage/storageAccounts', `stb${i}`), subResource: PrivateLinkSubResource.BLOB });
    }
    expect(ruleFindings(t.stack, 'ADBS-LIMIT-ENDPOINTS')).toEqual([]);
    b.addPrivateEndpointRule('R100', { resourceId: armId('Microsoft.Storage/storageAccounts', 'stc'), subResource: PrivateLinkSubResource.BLOB });
    expect(ruleFindings(t.stack, 'ADBS-LIMIT-ENDPOINTS')).toEqual([
      expect.stringMatching(/^This stack declares 101 private endpoint rules in region eastus2, more than the account limit of 100 per region/),
    ]);
  });

  test('a Private Link Service rule refuses wildcard domain names', () => {
    const { ncc } = setup();
    const pls = armId('Microsoft.Network/privateLinkServices', 'pls');
    expect(() => ncc.addPrivateEndpointRule('Pls', { resourceId: pls, domainNames: ['*.internal.example.com'] })).toThrow(
      /invalid domainNames "\*\.internal\.example\.com": not a fully qualified domain name. Fix: use a name such as "db.internal.example.com" \(no scheme, port or wildcard\)/,
    );
  });
});

describe('PrivateLinkSubResource.forResourceType', () => {
  test('lists the sub-resources of a type', () => {
    expect(PrivateLinkSubResource.forResourceType('Microsoft.DocumentDB/databaseAccounts').map((s) => s.groupId)).toEqual([
      'Sql', 'MongoDB', 'Cassandra', 'Gremlin', 'Table',
    ]);
    expect(PrivateLinkSubResource.forResourceType('Microsoft.Web/sites')).toEqual([]);
  });
});

describe('rule creation fan-out', () => {
  test('at most 5 rules of one NCC are created at once by default: rule n waits for rule n-5', () => {
    const { stack, ncc } = setup();
    for (let i = 0; i < 7; i++) {
      ncc.addPrivateEndpointRule(`R${i}`, { resourceId: armId('Microsoft.KeyVault/vaults', `kv${i}`), subResource: PrivateLinkSubResource.KEY_VAULT });
    }
    const rules = resources(synth(stack), RULE);
    const names = Object.keys(rules);
    const byIndex = (i: number) => names.find((n) => n.startsWith(`Ncc_R${i}_`))!;
    for (let i = 0; i < 5; i++) expect(rules[byIndex(i)].depends_on).toBeUndefined();
    expect(rules[byIndex(5)].depends_on).toEqual([`${RULE}.${byIndex(0)}`]);
    expect(rules[byIndex(6)].depends_on).toEqual([`${RULE}.${byIndex(1)}`]);
  });

  test('the limit is per NCC and configurable; 1 creates rules one by one', () => {
    const t = newStack();
    const serial = new NetworkConnectivityConfig(t.stack, 'S', { name: 'ncc-s', region: 'eastus2', accountLimits: { maxParallelRuleCreations: 1 } });
    const other = new NetworkConnectivityConfig(t.stack, 'O', { name: 'ncc-o', region: 'eastus2' });
    serial.addPrivateEndpointRule('A', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB });
    other.addPrivateEndpointRule('X', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.DFS });
    serial.addPrivateEndpointRule('B', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.DFS });
    const rules = resources(synth(t.stack), RULE);
    const name = (prefix: string) => Object.keys(rules).find((n) => n.startsWith(prefix))!;
    expect(rules[name('S_B_')].depends_on).toEqual([`${RULE}.${name('S_A_')}`]);
    expect(rules[name('O_X_')].depends_on).toBeUndefined();
  });

  test.each([0, 2.5])('maxParallelRuleCreations %j is an error', (maxParallelRuleCreations) => {
    const { stack } = newStack();
    expect(() => new NetworkConnectivityConfig(stack, 'N', { name: 'ncc1', region: 'eastus2', accountLimits: { maxParallelRuleCreations } })).toThrow(
      /invalid accountLimits.maxParallelRuleCreations .*expected a whole number >= 1/,
    );
  });
});

describe('PrivateEndpointRule duplicates', () => {
  test('two rules of one NCC for the same target and sub-resource are an error naming both; by literal ID in any casing or by reference', () => {
    const { stack, ncc } = setup();
    ncc.addPrivateEndpointRule('A', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB });
    ncc.addPrivateEndpointRule('Dfs', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.DFS });
    expect(() => synth(stack)).not.toThrow();
    ncc.addPrivateEndpointRule('B', { resourceId: STORAGE_ID.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/'), subResource: PrivateLinkSubResource.BLOB });
    expect(() => synth(stack)).toThrow(
      /invalid subResource "blob": rules test\/Ncc\/A and test\/Ncc\/B of one NCC connect to the same target and sub-resource: each is a billed endpoint/,
    );

    const t = setup();
    const sa = new StorageAccount(t.stack, 'Sa', { name: 'sta', resourceGroupName: 'rg', location: 'eastus2', accountTier: 'Standard', accountReplicationType: 'LRS' });
    t.ncc.addPrivateEndpointRule('X', { resourceId: sa.id, subResource: PrivateLinkSubResource.BLOB });
    t.ncc.addPrivateEndpointRule('Y', { resourceId: sa.id, subResource: PrivateLinkSubResource.BLOB });
    expect(() => synth(t.stack)).toThrow(/rules test\/Ncc\/X and test\/Ncc\/Y of one NCC/);
  });

  test('the same domain names (in any order) on one Private Link Service are an error; another NCC may have its own rule', () => {
    const { stack, ncc, account } = setup();
    const pls = armId('Microsoft.Network/privateLinkServices', 'pls');
    ncc.addPrivateEndpointRule('P1', { resourceId: pls, domainNames: ['a.example.com', 'b.example.com'] });
    const other = new NetworkConnectivityConfig(stack, 'Other', { name: 'ncc2', region: 'eastus2', accountProvider: account });
    other.addPrivateEndpointRule('P1', { resourceId: pls, domainNames: ['a.example.com', 'b.example.com'] });
    expect(() => synth(stack)).not.toThrow();
    ncc.addPrivateEndpointRule('P2', { resourceId: pls, domainNames: ['b.example.com', 'a.example.com'] });
    expect(() => synth(stack)).toThrow(/invalid domainNames "a.example.com,b.example.com": rules test\/Ncc\/P1 and test\/Ncc\/P2 of one NCC connect to the same target and domain names/);
  });
});

describe('references that are not IDs', () => {
  test('resourceId: storageAccount.name (a common slip) is an error naming the attribute; id and *_id references pass', () => {
    const { stack, ncc } = setup();
    const sa = new StorageAccount(stack, 'Sa', { name: 'sta', resourceGroupName: 'rg', location: 'eastus2', accountTier: 'Standard', accountReplicationType: 'LRS' });
    expect(() => ncc.addPrivateEndpointRule('ByName', { resourceId: sa.name, subResource: PrivateLinkSubResource.BLOB })).toThrow(
      /test\/Ncc\/ByName: invalid resourceId "\$\{azurerm_storage_account.Sa.name\}": it refers to the "name" attribute of azurerm_storage_account.Sa, which is not a resource ID. Fix: pass the resource's id/,
    );
    expect(() => ncc.addPrivateEndpointRule('ByLocation', { resourceId: sa.location, subResource: PrivateLinkSubResource.BLOB })).toThrow(/"location" attribute/);
    expect(() => ncc.addPrivateEndpointRule('ById', { resourceId: sa.id, subResource: PrivateLinkSubResource.BLOB })).not.toThrow();
    const v = new TerraformVariable(stack, 'target', { type: 'string' });
    expect(() => ncc.addPrivateEndpointRule('ByVar', { resourceId: v.stringValue, subResource: PrivateLinkSubResource.DFS })).not.toThrow();
  });
});
