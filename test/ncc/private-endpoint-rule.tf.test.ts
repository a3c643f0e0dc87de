/**
 * Real Terraform, offline (test/terraform/): the stacks of private-endpoint-rule validated and planned at both ends.
 */
import { NetworkConnectivityConfig, PrivateLinkSubResource } from '../../src';
import { validateStack } from '../terraform/harness';
import { armId, newStack } from '../util';


function setup() {
  const t = newStack();
  const ncc = new NetworkConnectivityConfig(t.stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: t.account });
  return { ...t, ncc };
}
describe('with real Terraform', () => {
  test('rules for every well-known sub-resource and a Private Link Service, with approvals, validate', () => {
    const { stack, ncc } = setup();
    const S = PrivateLinkSubResource;
    const cases: Array<[PrivateLinkSubResource, string]> = [
      [S.BLOB, 'Microsoft.Storage/storageAccounts'], [S.KEY_VAULT, 'Microsoft.KeyVault/vaults'], [S.SQL_SERVER, 'Microsoft.Sql/servers'],
      [S.COSMOS_DB_SQL, 'Microsoft.DocumentDB/databaseAccounts'], [S.EVENT_HUBS_NAMESPACE, 'Microsoft.EventHub/namespaces'],
      [S.SERVICE_BUS_NAMESPACE, 'Microsoft.ServiceBus/namespaces'], [S.SEARCH_SERVICE, 'Microsoft.Search/searchServices'],
      [S.CONTAINER_REGISTRY, 'Microsoft.ContainerRegistry/registries'], [S.MYSQL_SERVER, 'Microsoft.DBforMySQL/flexibleServers'],
      [S.POSTGRESQL_SERVER, 'Microsoft.DBforPostgreSQL/flexibleServers'],
    ];
    cases.forEach(([sub, type], i) => ncc.addPrivateEndpointRule(`R${i}`, { resourceId: armId(type, `t${i}`), subResource: sub }).approve());
    ncc.addPrivateEndpointRule('Pls', { resourceId: armId('Microsoft.Network/privateLinkServices', 'pls'), domainNames: ['db.example.com'] }).approve();
    expect(validateStack(stack)).toMatchObject({ valid: true, errors: '' });
  });
});
