/** How a plan's values become the model's: what `terraform show -json` says, read the way synthesized JSON reads. */
import type { CheckedProvider, CheckedResource } from './model';
import { isExpression, modulePrefix, PlanModules } from './references';

/** What a plan says of a value known only after apply, when its configuration references nothing. */
export const UNKNOWN = '${(known after apply)}';

/** The expressions of a resource the plan has no configuration for (a hand-written plan): nothing is known to be unset. */
const NO_CONFIG = Symbol('no configuration');

/** The resources read from a plan: their expressions are unknown until apply (at synth, an expression is known when planning). */
const PLANNED = new WeakSet<object>();

/** Whether a configuration expression is one attribute's (`constant_value`, `references`, or `{}` for neither) rather than a block. */
function isAttributeExpression(e: any): boolean {
  return e !== null && typeof e === 'object' && !Array.isArray(e) && (Object.keys(e).length === 0 || 'constant_value' in e || 'references' in e);
}

/** An unknown value as an expression: the template as written (JSON syntax), else what it references, else UNKNOWN. */
function unknownExpression(refs: string[], written?: unknown): string {
  if (typeof written === 'string' && isExpression(written)) {
    return written;
  }
  return refs.length > 0 ? `\${${refs.join(', ')}}` : UNKNOWN;
}

/** Where a planned value sits in the configuration: a block's body, a list of blocks, one attribute's expression, or nowhere. */
type Node =
  | { readonly kind: 'body' | 'blocks' | 'attribute'; readonly e: any }
  | { readonly kind: 'unset' } // not in the configuration
  | { readonly kind: 'unconfigured' }; // a plan without configuration: nothing is known to be unset

/** The node of a configuration expression inside a block body. */
function nodeOf(e: any): Node {
  if (e === undefined || e === null) {
    return { kind: 'unset' };
  }
  return { kind: Array.isArray(e) ? 'blocks' : isAttributeExpression(e) ? 'attribute' : 'body', e };
}

/** The node of a part of a value: a key of an object, an index of a list. */
function childNode(node: Node, key: string | number, isList: boolean): Node {
  switch (node.kind) {
    case 'attribute':
    case 'unconfigured':
      return node; // every part of an attribute is configured by its expression
    case 'blocks':
      return isList ? { kind: 'body', e: node.e[key as number] ?? {} } : childNode({ kind: 'body', e: node.e[0] ?? {} }, key, false);
    case 'body':
      return isList ? node : nodeOf(node.e[key]); // a list of one block body as written
    default:
      return node;
  }
}

/**
 * Planned values with nulls (unset) left out and unknown values marked, recursively:
 * - an unknown value the configuration does not set (an Optional+Computed attribute or block such as a
 *   storage account's `network_rules`, a default the provider fills in, an attribute only the provider
 *   sets) is left out, as synthesized JSON leaves it out: the rules read it as unset, i.e. the default;
 * - an unknown value the configuration sets reads as an expression of what it references, as in
 *   synthesized JSON (`${azurerm_storage_account.lake.id}`), so a rule links resources the same way for
 *   both inputs, and knows the value is unknown until apply (`unknownInPlan`);
 * - in a plan without configuration (hand-written), every unknown value reads as UNKNOWN.
 * `expressions` is a resource's configuration body, its module-relative references already resolved
 * (`PlanModules.resolveExpressions`), or NO_CONFIG.
 */
export function planValues(values: any, unknown: any, expressions: any): any {
  return planned(values, unknown, expressions === NO_CONFIG ? { kind: 'unconfigured' } : { kind: 'body', e: expressions ?? {} });
}

function planned(values: any, unknown: any, node: Node): any {
  if (unknown === true) {
    if (node.kind === 'unset') {
      return null;
    }
    const e = 'e' in node ? node.e : undefined;
    return unknownExpression([...new Set(referencesOfExpressions(e))], node.kind === 'attribute' ? e.constant_value : undefined);
  }
  if (Array.isArray(values)) {
    const at = (list: any, i: number) => (Array.isArray(list) ? list[i] : undefined);
    return values.map((v, i) => planned(v, at(unknown, i), childNode(node, i, true)));
  }
  if (values !== null && typeof values === 'object') {
    const out: { [name: string]: any } = {};
    for (const key of new Set([...Object.keys(values), ...Object.keys(unknown && typeof unknown === 'object' ? unknown : {})])) {
      const v = planned(values[key] ?? null, unknown?.[key], childNode(node, key, false));
      if (v !== null && v !== undefined) {
        out[key] = v;
      }
    }
    return out;
  }
  return values;
}

/** Whether a resource was read from a plan and a value of it (or a part of the value) is known only after apply. */
export function unknownInPlan(resource: CheckedResource, value: unknown): boolean {
  if (!PLANNED.has(resource)) {
    return false;
  }
  const visit = (v: unknown): boolean =>
    isExpression(v) || (Array.isArray(v) ? v.some(visit) : v !== null && typeof v === 'object' ? Object.values(v).some(visit) : false);
  return visit(value);
}

export function referencesOfExpressions(expressions: any): string[] {
  const out: string[] = [];
  const visit = (v: any) => {
    if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (v && typeof v === 'object') {
      if (Array.isArray(v.references)) {
        out.push(...v.references);
      }
      Object.entries(v).filter(([k]) => k !== 'references' && k !== 'constant_value').forEach(([, x]) => visit(x));
    }
  };
  visit(expressions);
  return out;
}

/** The resources of a plan: planned values (managed resources, data sources read at apply) and the data sources read while planning. */
export function planResources(plan: any): CheckedResource[] {
  const config = new Map<string, { expressions: any; provider?: string }>();
  const walkConfig = (module: any, prefix: string) => {
    for (const r of module?.resources ?? []) {
      config.set(`${prefix}${r.address}`, { expressions: r.expressions ?? {}, provider: typeof r.provider_config_key === 'string' ? r.provider_config_key : undefined });
    }
    for (const [name, call] of Object.entries<any>(module?.module_calls ?? {})) {
      walkConfig(call?.module, `${prefix}module.${name}.`);
    }
  };
  walkConfig(plan?.configuration?.root_module, '');
  const modules = new PlanModules(plan?.configuration?.root_module);
  const unknown = new Map<string, any>((plan?.resource_changes ?? []).map((c: any) => [c?.address, c?.change?.after_unknown]));
  const resources: CheckedResource[] = [];
  const seen = new Set<string>();
  const walkValues = (module: any, dataOnly: boolean) => {
    for (const r of module?.resources ?? []) {
      if (seen.has(r.address) || (dataOnly && r.mode !== 'data')) {
        continue;
      }
      seen.add(r.address);
      // Configuration addresses have no instance keys (module.a["x"].b[0] -> module.a.b).
      const configured = config.get(r.address.replace(/\[[^\]]*\]/g, ''));
      const expressions = configured ? modules.resolveExpressions(configured.expressions, modulePrefix(r.address)) : NO_CONFIG;
      const values = planValues(r.values ?? {}, unknown.get(r.address), expressions);
      const resource: CheckedResource = {
        address: r.address,
        type: r.type,
        values,
        references: configured ? referencesOfExpressions(expressions) : [],
        provider: configured?.provider,
      };
      PLANNED.add(resource);
      resources.push(resource);
    }
    for (const child of module?.child_modules ?? []) {
      walkValues(child, dataOnly);
    }
  };
  walkValues(plan?.planned_values?.root_module, false);
  walkValues(plan?.prior_state?.values?.root_module, true);
  return resources;
}

/** The provider configurations of a plan and the version constraints of its root module. */
export function planProviders(plan: any): { providers: CheckedProvider[]; constraints: Record<string, string> } {
  const providers: CheckedProvider[] = [];
  const constraints: Record<string, string> = {};
  for (const [key, p] of Object.entries<any>(plan?.configuration?.provider_config ?? {})) {
    providers.push({ key, values: expressionValues(p?.expressions ?? {}) });
    if (typeof p?.version_constraint === 'string' && !key.includes('.') && !key.includes(':')) {
      constraints[p.name ?? key] = p.version_constraint;
    }
  }
  return { providers, constraints };
}

/**
 * The values of a plan's configuration expressions (a provider's: the plan never evaluates them): constants
 * as written, an expression that references something as an expression (as synthesized JSON has it), nested
 * blocks as lists of values.
 */
function expressionValues(expressions: any): any {
  const out: Record<string, any> = {};
  for (const [name, e] of Object.entries<any>(expressions ?? {})) {
    if (Array.isArray(e)) {
      out[name] = e.map(expressionValues);
    } else if (isAttributeExpression(e)) {
      const refs: string[] = Array.isArray(e.references) ? e.references : [];
      out[name] = refs.length === 0 && 'constant_value' in e ? e.constant_value : unknownExpression(refs, e.constant_value);
    } else if (e && typeof e === 'object') {
      out[name] = expressionValues(e);
    }
  }
  return out;
}

/** Why a JSON object with a plan's keys cannot be read as a plan (a part of the wrong type), or undefined. */
export function planShapeError(plan: any): string | undefined {
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const listOf = (v: unknown, test: (x: any) => boolean) => v === undefined || (Array.isArray(v) && v.every(test));
  const module = (m: any, where: string): string | undefined => {
    if (m === undefined) {
      return undefined;
    }
    if (!isObject(m) || !listOf(m.resources, (r) => isObject(r) && typeof r.address === 'string' && typeof r.type === 'string')) {
      return `${where} is not a module with a list of resources (address, type)`;
    }
    if (!listOf(m.child_modules, () => true)) {
      return `${where}.child_modules is not a list`;
    }
    return (m.child_modules ?? []).map((c: any, i: number) => module(c, `${where}.child_modules[${i}]`)).find((e: string | undefined) => e);
  };
  const config = (m: any, where: string): string | undefined => {
    if (m === undefined) {
      return undefined;
    }
    if (!isObject(m) || !listOf(m.resources, (r) => isObject(r) && typeof r.address === 'string') || (m.module_calls !== undefined && !isObject(m.module_calls))) {
      return `${where} is not a module configuration (resources, module_calls)`;
    }
    return Object.entries<any>(m.module_calls ?? {}).map(([name, call]) => config(call?.module, `${where}.module_calls.${name}.module`)).find((e) => e);
  };
  const parts: Array<[string, unknown]> = [['planned_values', plan.planned_values], ['prior_state', plan.prior_state], ['configuration', plan.configuration]];
  const notObject = parts.find(([, v]) => v !== undefined && !isObject(v));
  if (notObject) {
    return `${notObject[0]} is not an object`;
  }
  if (!listOf(plan.resource_changes, (c) => isObject(c) && typeof c.address === 'string')) {
    return 'resource_changes is not a list of changes with an address';
  }
  if (plan.configuration?.provider_config !== undefined && !isObject(plan.configuration.provider_config)) {
    return 'configuration.provider_config is not an object';
  }
  return (
    module(plan.planned_values?.root_module, 'planned_values.root_module') ??
    module(plan.prior_state?.values?.root_module, 'prior_state.values.root_module') ??
    config(plan.configuration?.root_module, 'configuration.root_module')
  );
}
