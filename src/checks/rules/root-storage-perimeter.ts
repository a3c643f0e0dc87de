import { CheckModel } from '../model';
import { literal } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/**
 * Whether an ID is in a Databricks workspace's managed resource group, which Databricks locks, so
 * nothing in it can join a perimeter: by reference to a workspace's `managed_resource_group_id`, by a
 * workspace's `managed_resource_group_name`, or by the default `databricks-rg-` prefix.
 */
function managedGroupTest(model: CheckModel): (resourceId: unknown) => boolean {
  const workspaces = model.ofType('azurerm_databricks_workspace');
  const addresses = new Set(workspaces.map((w) => w.address));
  const managed = new Set(workspaces.map((w) => literal(w.values.managed_resource_group_name)?.toLowerCase()).filter((g) => g !== undefined));
  return (resourceId) => {
    if (typeof resourceId === 'string' && resourceId.includes('managed_resource_group_id') && [...model.addressesIn(resourceId)].some((a) => addresses.has(a))) {
      return true;
    }
    const id = literal(resourceId);
    const group = id ? /\/resourceGroups\/([^/]+)\//i.exec(id)?.[1]?.toLowerCase() : undefined;
    return group !== undefined && (managed.has(group) || group.startsWith('databricks-rg-'));
  };
}

/** An NSP association on a storage account in a workspace's managed resource group (workspace root / DBFS storage). */
export const ROOT_STORAGE_PERIMETER: CheckRule = {
  id: 'ADBS-ROOT-STORAGE-PERIMETER',
  level: FindingLevel.ERROR,
  title: 'A workspace\'s managed (root) storage account is associated with a perimeter',
  fix: 'Secure workspace root storage with private endpoints only (ServerlessSecureStorage with workspaceRootStorage: true); drop the association',
  check(model: CheckModel): RuleHit[] {
    const inManagedGroup = managedGroupTest(model);
    return model
      .ofType('azurerm_network_security_perimeter_association')
      .filter((a) => inManagedGroup(a.values.resource_id))
      .map((a) => ({
        resource: a,
        message:
          'The association targets a resource in a Databricks workspace\'s managed resource group (the workspace root storage): Databricks locks that group with a deny assignment, ' +
          'so the association fails at apply, and the workspace must keep working without a perimeter in front of its root storage.',
      }));
  },
};
