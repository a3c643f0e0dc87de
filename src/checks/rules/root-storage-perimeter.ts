import { CheckModel } from '../model';
import { hitOn, literal, targetFact, verdict } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/**
 * Whether an ID is in a Databricks workspace's managed resource group, which Databricks locks, so
 * nothing in it can join a perimeter: by reference to a workspace's `managed_resource_group_id`, by a
 * workspace's `managed_resource_group_name`, or by the default `databricks-rg-` prefix; an ID that
 * references a resource or data source (e.g. `data.azurerm_storage_account`) is tested by that one's
 * `resource_group_name` the same way.
 */
function managedGroupTest(model: CheckModel): (resourceId: unknown) => boolean {
  const workspaces = model.ofType('azurerm_databricks_workspace');
  const addresses = new Set(workspaces.map((w) => w.address));
  const managed = new Set(workspaces.map((w) => literal(w.values.managed_resource_group_name)?.toLowerCase()).filter((g) => g !== undefined));
  const byWorkspace = (value: unknown, attribute: RegExp) =>
    typeof value === 'string' && attribute.test(value) && [...model.addressesIn(value)].some((a) => addresses.has(a));
  const managedGroup = (group: string | undefined) => group !== undefined && (managed.has(group.toLowerCase()) || group.toLowerCase().startsWith('databricks-rg-'));
  return (resourceId) => {
    if (byWorkspace(resourceId, /managed_resource_group_id/)) {
      return true;
    }
    const id = literal(resourceId);
    if (id !== undefined) {
      return managedGroup(/\/resourceGroups\/([^/]+)\//i.exec(id)?.[1]);
    }
    // An ID known only after apply: the resource group of what it references.
    return [...model.addressesIn(resourceId)].some((address) => {
      const group = model.get(address)?.values.resource_group_name;
      return managedGroup(literal(group)) || byWorkspace(group, /managed_resource_group_(name|id)/);
    });
  };
}

/**
 * An NSP association on a storage account in a workspace's managed resource group (workspace root / DBFS storage).
 *
 * Unknowns (plan): a `resource_id` known only after apply is decided by what it references: a
 * workspace's managed resource group, or a resource or data source in it (Databricks creates the root
 * storage account, so a configuration names it only by literal ID or through what a workspace says).
 * One that names no resource of the plan gives a "cannot tell" finding.
 */
export const ROOT_STORAGE_PERIMETER: CheckRule = {
  id: 'ADBS-ROOT-STORAGE-PERIMETER',
  level: FindingLevel.ERROR,
  title: 'A workspace\'s managed (root) storage account is associated with a perimeter',
  fix: 'Secure workspace root storage with private endpoints only (ServerlessSecureStorage with workspaceRootStorage: true); drop the association',
  check(model: CheckModel): RuleHit[] {
    const inManagedGroup = managedGroupTest(model);
    return model.ofType('azurerm_network_security_perimeter_association').flatMap((a) =>
      hitOn(
        a,
        verdict(
          inManagedGroup(a.values.resource_id) || (targetFact(model, a, 'resource_id') ?? false),
          () =>
            'The association targets a resource in a Databricks workspace\'s managed resource group (the workspace root storage): Databricks locks that group with a deny assignment, ' +
            'so the association fails at apply, and the workspace must keep working without a perimeter in front of its root storage.',
          'whether the association targets a workspace\'s managed (root) storage',
        ),
      ),
    );
  },
};
