import { CheckedResource, CheckedProvider, CheckModel, isExpression, referencesIn, valueAt } from './model';
import { unknownInPlan } from './plan-values';
import type { RuleHit } from './rule';

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
 * The firewall's default action: `Deny`/`Allow` as configured (a separate network rules resource first,
 * then the inline block), `none` without any firewall (Azure then admits every network; in a plan, an
 * unset `network_rules` block, Optional+Computed, reads as absent), unknown in a plan when the action is
 * known only after apply or when a network rules resource whose account is known only after apply could
 * be this account's, undefined at synth when it is an expression.
 */
export function firewallAction(model: CheckModel, account: CheckedResource): 'Allow' | 'Deny' | 'none' | Unknown | undefined {
  const separate = separateNetworkRules(model, account);
  const configured = [...separate.map((r) => ({ r, name: 'default_action', v: r.values.default_action })), { r: account, name: 'network_rules.default_action', v: valueAt(account.values, 'network_rules.default_action') }];
  const block = account.values.network_rules;
  if (isExpression(block)) {
    configured.push({ r: account, name: 'network_rules', v: block });
  }
  const first = configured.find((c) => c.v !== undefined);
  if (first) {
    if (!isExpression(first.v)) {
      return String(first.v) === 'Deny' ? 'Deny' : 'Allow';
    }
    return unknownInPlan(first.r, first.v) ? unknownValue(first.r, first.name, first.v) : undefined;
  }
  // Separate network rules whose account is known only after apply and is no resource of the plan.
  const unresolved = model
    .ofType('azurerm_storage_account_network_rules')
    .filter((r) => unknownInPlan(r, r.values.storage_account_id) && model.targetsOf(r, 'storage_account_id').length === 0);
  return unresolved.length ? unknownValue(unresolved[0], 'storage_account_id', unresolved[0].values.storage_account_id) : 'none';
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

/**
 * What an ID attribute points at, unknown in a plan when the ID is known only after apply and points
 * at no resource of the plan (references to resources of the plan decide: they tell its type).
 */
export function targetFact(model: CheckModel, resource: CheckedResource, attribute: string): Unknown | undefined {
  const value = resource.values[attribute];
  return unknownInPlan(resource, value) && model.targetsOf(resource, attribute).length === 0 ? unknownValue(resource, attribute, value) : undefined;
}

/** Whether an ID attribute names a storage account, as a fact (see `pointsAtStorage`, `targetFact`). */
export function storageFact(model: CheckModel, resource: CheckedResource, attribute: string): Fact {
  return pointsAtStorage(model, resource, attribute) !== undefined || (targetFact(model, resource, attribute) ?? false);
}

/**
 * The resources of a type whose attribute points at a workspace: by reference, by the workspace's ARM ID,
 * or by its numeric `workspace_id` (known in a plan of an existing workspace).
 */
export function workspaceReferrers(model: CheckModel, workspace: CheckedResource, type: string, attribute: string): CheckedResource[] {
  const id = workspace.values.workspace_id;
  const byNumber = id === undefined || isExpression(id) ? [] : model.ofType(type).filter((r) => String(r.values[attribute]) === String(id));
  return [...new Set([...model.referrers(workspace, type, attribute), ...byNumber])];
}

/** The first resource of a type whose attribute is known only after apply and points at no resource of the plan, as an unknown. */
export function unresolvedFact(model: CheckModel, type: string, attribute: string): Unknown | undefined {
  return model.ofType(type).map((r) => targetFact(model, r, attribute)).find((f) => f !== undefined);
}

/** An NSP association with what it joins: its profile (in the model, or only known by ID) and its access rules. */
export interface AssociationView {
  readonly association: CheckedResource;
  readonly mode: string | undefined;
  /** The profile resource, when the association references one of the model. */
  readonly profile?: CheckedResource;
  /** The access rules of that profile (none known for a profile outside the model). */
  readonly rules: CheckedResource[];
  /** In a plan, the profile ID when it is known only after apply and names no profile of the plan. */
  readonly profileUnknown?: Unknown;
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
    const profileUnknown = profile ? undefined : targetFact(model, association, PROFILE_ID);
    return { association, mode: literal(association.values.access_mode), profile, rules, profileUnknown };
  });
}

/** A value at a dotted path (see `valueAt`), or the expression a part of the path is (a nested value known only after apply as a whole). */
export function valueThrough(values: { readonly [name: string]: any }, path: string): any {
  let v: any = values;
  for (const key of path.split('.')) {
    v = Array.isArray(v) ? v[0] : v;
    if (isExpression(v) || v === null || v === undefined || typeof v !== 'object') {
      return isExpression(v) ? v : undefined;
    }
    v = v[key];
  }
  return v;
}

/** The service tags of access rules. */
export function serviceTags(rules: CheckedResource[]): string[] {
  return rules.flatMap((r) => (Array.isArray(r.values.service_tags) ? r.values.service_tags : [])).filter((t) => typeof t === 'string');
}

/**
 * Whether a profile allows the Databricks serverless tag (global or regional), as a fact: unknown in a
 * plan when a rule's tags, or the profile, are known only after apply.
 */
export function serverlessTagFact(view: AssociationView): Fact {
  const allows = (v: unknown) => Array.isArray(v) && v.some((t) => typeof t === 'string' && t.startsWith('AzureDatabricksServerless'));
  return anyOf(...view.rules.map((r) => valueFact(r, 'service_tags', r.values.service_tags, allows)), view.profileUnknown ?? false);
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
  return referencesIn(value).filter((r) => /^(?:module\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.)*(data\.)?databricks_mws_network_connectivity_config\./.test(r) && r.includes('egress_config'));
}

/** A short name of a resource for messages: its construct path, else its address. */
export function describe(resource: CheckedResource): string {
  return resource.path ?? resource.address;
}

/**
 * The provider configuration a resource uses (its `provider`, else the default one of its type's
 * provider); undefined when the input has none (a module, configured by its caller).
 */
export function providerOf(model: CheckModel, resource: CheckedResource): CheckedProvider | undefined {
  const key = resource.provider ?? resource.type.split('_')[0];
  return model.providers.find((p) => p.key === key);
}

/** The first block of a block list (plan JSON and cdktf JSON write a block as a list), or the value. */
export function firstBlock(value: unknown): any {
  return Array.isArray(value) ? value[0] : value;
}

/** A value a rule needs that is known only after apply: which value, of what, as the plan writes it. */
export interface Unknown {
  readonly unknown: readonly string[];
}

/** What a rule knows of a fact: true, false, or unknown until apply. */
export type Fact = boolean | Unknown;

function unknownValue(resource: CheckedResource | string, name: string, value: unknown): Unknown {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  const of = typeof resource === 'string' ? resource : describe(resource);
  return { unknown: [`${name} of ${of} (${shown.length > 100 ? `${shown.slice(0, 97)}...` : shown})`] };
}

/**
 * A fact of a resource's value: `test` on a known value (a list partly known: on its known part first).
 * In a plan, a value known only after apply that `test` does not already decide is unknown; at synth,
 * an expression is not a fact (false): the plan will know its value.
 */
export function valueFact(resource: CheckedResource, name: string, value: unknown, test: (v: any) => boolean): Fact {
  if (!isExpression(value) && test(value)) {
    return true;
  }
  return unknownInPlan(resource, value) ? unknownValue(resource, name, value) : false;
}

/**
 * A fact of a provider argument: `test` on its value, unknown when it is an expression, in both inputs (a
 * plan never evaluates provider arguments, so no later check can tell).
 */
export function providerFact(provider: CheckedProvider, name: string, value: unknown, test: (v: any) => boolean): Fact {
  return isExpression(value) ? unknownValue(`the ${provider.key} provider`, name, value) : test(value);
}

/** Whether a fact is unknown until apply. */
export function isUnknown(fact: Fact | string | undefined): fact is Unknown {
  return typeof fact === 'object' && fact !== null;
}

/** Every fact holds: false if one is false, else unknown if one is unknown (naming each), else true. */
export function allOf(...facts: Fact[]): Fact {
  if (facts.includes(false)) {
    return false;
  }
  const unknown = facts.filter(isUnknown).flatMap((f) => f.unknown);
  return unknown.length ? { unknown } : true;
}

/** One fact holds: true if one is true, else unknown if one is unknown, else false. */
export function anyOf(...facts: Fact[]): Fact {
  if (facts.includes(true)) {
    return true;
  }
  const unknown = facts.filter(isUnknown).flatMap((f) => f.unknown);
  return unknown.length ? { unknown } : false;
}

/**
 * A rule's message for a fact: the finding when it holds, a "cannot tell" finding (at the rule's level)
 * naming the values known only after apply when it is unknown, nothing when it does not hold.
 */
export function verdict(fact: Fact, finding: () => string, question: string): string | undefined {
  if (fact === true) {
    return finding();
  }
  if (fact === false) {
    return undefined;
  }
  const values = fact.unknown;
  return (
    `cannot tell from the plan ${question}: ${values.join('; ')} ${values.length > 1 ? 'are' : 'is'} known only after apply. ` +
    'Check the value the apply will set (or make it known when planning), then fix or suppress this finding.'
  );
}

/** A rule's hit on a resource for a message of `verdict` (none without one); a "cannot tell" message as a sentence. */
export function hitOn(resource: CheckedResource, message: string | undefined): RuleHit[] {
  return message ? [{ resource, message: message.replace(/^cannot tell/, 'Cannot tell') }] : [];
}
