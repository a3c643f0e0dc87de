import { CheckedResource, CheckModel, isExpression, referencesIn, valueAt } from './model';

/** Storage accounts of the model, existing ones described by constructs included. */
export function storageAccounts(model: CheckModel): CheckedResource[] {
  return model.ofType('azurerm_storage_account');
}

/** The separate `azurerm_storage_account_network_rules` resources of an account. */
export function separateNetworkRules(model: CheckModel, account: CheckedResource): CheckedResource[] {
  return model.referrers(account, 'azurerm_storage_account_network_rules', 'storage_account_id');
}

/** The firewall subnet lists of an account: its inline `network_rules` and any separate network rules resource. */
export function firewallSubnetValues(model: CheckModel, account: CheckedResource): unknown[] {
  return [valueAt(account.values, 'network_rules.virtual_network_subnet_ids'), ...separateNetworkRules(model, account).map((r) => r.values.virtual_network_subnet_ids)].filter(
    (v) => v !== undefined && v !== null,
  );
}

/**
 * The firewall's default action: `Deny`/`Allow` as configured (inline or separate), `none` without any
 * firewall (Azure then admits every network), undefined when it is an expression.
 */
export function firewallDefaultAction(model: CheckModel, account: CheckedResource): string | undefined {
  const separate = separateNetworkRules(model, account).map((r) => r.values.default_action);
  const inline = valueAt(account.values, 'network_rules.default_action');
  const action = separate.find((a) => a !== undefined) ?? inline;
  if (action === undefined) {
    return valueAt(account.values, 'network_rules') === undefined && separate.length === 0 ? 'none' : undefined;
  }
  return isExpression(action) ? undefined : String(action);
}

/** The resource of one of some types an attribute points at (a reference to it, or its literal ID). */
export function targetOf(model: CheckModel, resource: CheckedResource, attribute: string, ...types: string[]): CheckedResource | undefined {
  return model.targetsOf(resource, attribute).find((t) => types.includes(t.type));
}

/** Whether an ID attribute names a storage account: a reference to one, or a literal storage account ID. */
export function pointsAtStorage(model: CheckModel, resource: CheckedResource, attribute: string): CheckedResource | true | undefined {
  const account = targetOf(model, resource, attribute, 'azurerm_storage_account');
  if (account) {
    return account;
  }
  const value = resource.values[attribute];
  return typeof value === 'string' && /\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+$/i.test(value) ? true : undefined;
}

/** An NSP association with what it joins: its profile (in the model, or only known by ID) and its access rules. */
export interface AssociationView {
  readonly association: CheckedResource;
  readonly mode: string | undefined;
  /** The profile resource, when the association references one of the model. */
  readonly profile?: CheckedResource;
  /** The access rules of that profile (none known for a profile outside the model). */
  readonly rules: CheckedResource[];
}

/** Every NSP association, with its profile and that profile's access rules. */
export function associations(model: CheckModel): AssociationView[] {
  const RULE = 'azurerm_network_security_perimeter_access_rule';
  const PROFILE_ID = 'network_security_perimeter_profile_id';
  // Access rules of a profile outside the model, by the profile ID they name.
  const byProfileId = new Map<string, CheckedResource[]>();
  for (const r of model.ofType(RULE)) {
    const id = literal(r.values[PROFILE_ID])?.toLowerCase();
    if (id) {
      const group = byProfileId.get(id);
      if (group) {
        group.push(r);
      } else {
        byProfileId.set(id, [r]);
      }
    }
  }
  return model.ofType('azurerm_network_security_perimeter_association').map((association) => {
    const profile = targetOf(model, association, PROFILE_ID, 'azurerm_network_security_perimeter_profile');
    const profileId = literal(association.values[PROFILE_ID])?.toLowerCase();
    const rules = profile ? model.referrers(profile, RULE, PROFILE_ID) : profileId ? byProfileId.get(profileId) ?? [] : [];
    return { association, mode: literal(association.values.access_mode), profile, rules };
  });
}

/** The service tags of access rules. */
export function serviceTags(rules: CheckedResource[]): string[] {
  return rules.flatMap((r) => (Array.isArray(r.values.service_tags) ? r.values.service_tags : [])).filter((t) => typeof t === 'string');
}

/** Whether a profile's rules admit inbound traffic (any inbound rule). */
export function hasInboundRules(rules: CheckedResource[]): boolean {
  return rules.some((r) => literal(r.values.direction) !== 'Outbound');
}

/** A literal string value, or undefined for an expression or another type. */
export function literal(value: unknown): string | undefined {
  return typeof value === 'string' && !isExpression(value) ? value : undefined;
}

/** A boolean value as configured, undefined when unset or an expression. */
export function flag(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** References to the legacy serverless subnets of an NCC (`egress_config`) inside a value. */
export function egressConfigReferences(value: unknown): string[] {
  return referencesIn(value).filter((r) => /^(data\.)?databricks_mws_network_connectivity_config\./.test(r) && r.includes('egress_config'));
}

/** A short name of a resource for messages: its construct path, else its address. */
export function describe(resource: CheckedResource): string {
  return resource.path ?? resource.address;
}
