import { PrivateLinkSubResource, PrivateLinkTarget } from '../../src';
import { armTypeOfResolved } from '../../src/core/arm-resource-id';
import { AZURE_RESOURCE_TYPES, findResourceType } from '../../src/core/azure-resource-types';
import { ARM_API_VERSION, ARM_RESOURCE_TYPE } from '../../src/core/patterns';
import { armId } from '../util';

// The one table of Azure resource types: sub-resources, approval targets and reference typing derive from it.
describe('the table of Azure resource types', () => {
  test('rows are well-formed and unique', () => {
    const types = AZURE_RESOURCE_TYPES.map((r) => r.armType.toLowerCase());
    expect(new Set(types).size).toBe(types.length);
    const terraformTypes = AZURE_RESOURCE_TYPES.flatMap((r) => r.terraformTypes);
    expect(new Set(terraformTypes).size).toBe(terraformTypes.length);
    for (const row of AZURE_RESOURCE_TYPES) {
      expect(row.armType).toMatch(ARM_RESOURCE_TYPE);
      expect(new Set(row.groupIds).size).toBe(row.groupIds.length);
      if (row.connectionsApiVersion !== undefined) {
        expect(row.connectionsApiVersion).toMatch(ARM_API_VERSION);
      }
      // A Private Link Service is named by domain names, everything else with sub-resources by a group ID.
      expect(row.privateLinkService === true).toBe(row.groupIds.length === 0 && row.connectionsApiVersion !== undefined);
    }
  });

  const rows = AZURE_RESOURCE_TYPES.map((r) => [r.armType, r] as const);
  test.each(rows)('%s: sub-resources, approval target and reference typing come from its row', (armType, row) => {
    // Any casing of the type finds the row, as ARM compares types.
    expect(findResourceType(armType.toUpperCase())).toBe(row);
    expect(PrivateLinkSubResource.forResourceType(armType.toLowerCase()).map((s) => s.groupId)).toEqual([...row.groupIds]);
    for (const sub of PrivateLinkSubResource.forResourceType(armType)) {
      expect(sub.resourceTypes).toEqual([armType]);
    }
    const target = PrivateLinkTarget.fromResourceType(armType);
    expect(target?.connectionsType).toBe(row.connectionsApiVersion === undefined ? undefined : `${armType}/privateEndpointConnections@${row.connectionsApiVersion}`);
    for (const tf of row.terraformTypes) {
      expect(armTypeOfResolved(`\${${tf}.thing.id}`)).toBe(armType);
    }
    // A literal ID of the type, child types included (`<ns>/<type>/<name>/<child>/<name>`).
    const [ns, ...segments] = armType.split('/');
    expect(armTypeOfResolved(armId(ns, segments.map((t, i) => `${t}/n${i}`).join('/')))).toBe(armType);
  });

  test('the named constants are the table entries', () => {
    expect(PrivateLinkSubResource.forResourceType('Microsoft.Storage/storageAccounts')).toEqual([
      PrivateLinkSubResource.BLOB, PrivateLinkSubResource.DFS, PrivateLinkSubResource.FILE,
      PrivateLinkSubResource.QUEUE, PrivateLinkSubResource.TABLE, PrivateLinkSubResource.WEB,
    ]);
    expect(PrivateLinkSubResource.forResourceType('Microsoft.Storage/storageAccounts')[0]).toBe(PrivateLinkSubResource.BLOB);
    expect(PrivateLinkTarget.fromResourceType('microsoft.keyvault/VAULTS')).toBe(PrivateLinkTarget.KEY_VAULT);
    const targets = AZURE_RESOURCE_TYPES.filter((r) => r.connectionsApiVersion).map((r) => PrivateLinkTarget.fromResourceType(r.armType));
    expect(PrivateLinkTarget.all()).toEqual(targets);
    expect(PrivateLinkSubResource.EVENT_HUBS_NAMESPACE.resourceTypes).toEqual(['Microsoft.EventHub/namespaces']);
    expect(PrivateLinkSubResource.SERVICE_BUS_NAMESPACE.resourceTypes).toEqual(['Microsoft.ServiceBus/namespaces']);
  });

  test('types outside the table are unknown: no sub-resources, no target, no reference typing', () => {
    expect(PrivateLinkSubResource.forResourceType('Microsoft.Web/sites')).toEqual([]);
    expect(PrivateLinkTarget.fromResourceType('Microsoft.Web/sites')).toBeUndefined();
    expect(armTypeOfResolved('${azurerm_linux_web_app.app.id}')).toBeUndefined();
    expect(armTypeOfResolved('${azurerm_storage_account.lake.name}')).toBeUndefined();
  });
});
