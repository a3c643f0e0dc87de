/** Terraform references and values as the checks read them, in synthesized JSON and in plans. */

/** `azurerm_storage_account.lake.id` -> `azurerm_storage_account.lake`; `data.x.y.z` -> `data.x.y`; not a resource: undefined. */
export function resourceAddressOf(ref: string): string | undefined {
  const m = /^((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)(?:\[[^\]]*\])?(?:\..*)?$/.exec(ref);
  if (!m || /^(var|local|module|each|count|path|terraform|self)\./.test(m[1])) {
    return undefined;
  }
  return m[1];
}

/** Every reference inside `${...}` interpolations of a value (strings, lists and maps, recursively). */
export function referencesIn(value: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.includes('${')) {
        for (const m of v.matchAll(/(?<![\w."])((?:data\.)?[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+)/g)) {
          out.push(m[1]);
        }
      }
    } else if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (v && typeof v === 'object') {
      Object.values(v).forEach(visit);
    }
  };
  visit(value);
  return out;
}

/** A value at a dotted path; a block given as a list (plan JSON) or an object (cdktf JSON) reads the same. */
export function valueAt(values: { readonly [name: string]: any }, path: string): any {
  let v: any = values;
  for (const key of path.split('.')) {
    if (Array.isArray(v)) {
      v = v[0];
    }
    if (v === null || v === undefined || typeof v !== 'object') {
      return undefined;
    }
    v = v[key];
  }
  return v;
}

/** Whether a value is (or contains) a Terraform expression, unknown before apply. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

