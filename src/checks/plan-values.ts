/** How a plan's values become the model's: what `terraform show -json` says, read the way synthesized JSON reads. */

/** What a plan says of a value known only after apply: an expression, as synthesized JSON has it. */
export const UNKNOWN = '${(known after apply)}';

/**
 * Planned values with nulls (unset) left out and unknown values marked, recursively. An unknown value
 * whose configuration references other objects reads as an expression of those references, as in
 * synthesized JSON (`${azurerm_storage_account.lake.id}`), so a rule links resources the same way for
 * both inputs.
 */
export function planValues(values: any, unknown: any, expressions: any): any {
  if (unknown === true) {
    const refs: unknown = expressions?.references;
    return Array.isArray(refs) && refs.length > 0 ? `\${${refs.join(', ')}}` : UNKNOWN;
  }
  if (Array.isArray(values)) {
    const at = (list: any, i: number) => (Array.isArray(list) ? list[i] : undefined);
    return values.map((v, i) => planValues(v, at(unknown, i), at(expressions, i)));
  }
  if (values !== null && typeof values === 'object') {
    const out: { [name: string]: any } = {};
    for (const key of new Set([...Object.keys(values), ...Object.keys(unknown && typeof unknown === 'object' ? unknown : {})])) {
      const v = planValues(values[key] ?? null, unknown?.[key], expressions?.[key]);
      if (v !== null && v !== undefined) {
        out[key] = v;
      }
    }
    return out;
  }
  return values;
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


/** The provider configurations of a plan (constant arguments) and the version constraints of its root module. */
export function planProviders(plan: any): { providers: { key: string; values: any }[]; constraints: Record<string, string> } {
  const providers: { key: string; values: any }[] = [];
  const constraints: Record<string, string> = {};
  for (const [key, p] of Object.entries<any>(plan?.configuration?.provider_config ?? {})) {
    providers.push({ key, values: constantValues(p?.expressions ?? {}) });
    if (typeof p?.version_constraint === 'string' && !key.includes('.')) {
      constraints[p.name ?? key] = p.version_constraint;
    }
  }
  return { providers, constraints };
}

/**
 * The constant values of a plan's configuration expressions (`{ constant_value }`, nested blocks as lists
 * of expression objects); references are left out.
 */
function constantValues(expressions: any): any {
  const out: Record<string, any> = {};
  for (const [name, e] of Object.entries<any>(expressions ?? {})) {
    if (Array.isArray(e)) {
      out[name] = e.map(constantValues);
    } else if (e && typeof e === 'object' && 'constant_value' in e) {
      out[name] = e.constant_value;
    }
  }
  return out;
}
