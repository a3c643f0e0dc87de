/** Terraform references and values as the checks read them, in synthesized JSON and in plans. */

/**
 * `azurerm_storage_account.lake.id` -> `azurerm_storage_account.lake`; `data.x.y.z` -> `data.x.y`; a plan's
 * reference inside a module keeps the module instance (`module.m["k"].azurerm_x.y`); not a resource: undefined.
 */
export function resourceAddressOf(ref: string): string | undefined {
  const m = /^((?:module\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.)*)((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)(?:\[[^\]]*\])?(?:\..*)?$/.exec(ref);
  if (!m || /^(var|local|module|each|count|path|terraform|self)\./.test(m[2])) {
    return undefined;
  }
  return `${m[1]}${m[2]}`;
}

/** Every reference inside `${...}` interpolations of a value (strings, lists and maps, recursively). */
export function referencesIn(value: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.includes('${')) {
        for (const m of v.matchAll(/(?<![\w."])((?:data\.)?[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+|\[(?:"[^"]*"|\d+|\*)\])*\.[A-Za-z0-9_-]+)/g)) {
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


/** The module instance part of a plan address: `module.a["k"].` of `module.a["k"].azurerm_x.y`, empty at the root. */
export function modulePrefix(address: string): string {
  return /^((?:module\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.)*)/.exec(address)![1];
}

/**
 * The modules of a plan's configuration, to follow references across module boundaries: a module's
 * output to what it references inside the module, a module's variable to what its call passes. Each
 * module's configuration is module-relative; the plan's addresses name module instances.
 */
export class PlanModules {
  /** Per module path without instance keys (`module.a.`): output name -> references inside the module. */
  private readonly outputs = new Map<string, Map<string, string[]>>();
  /** Per module path without instance keys: variable name -> references of its call's argument (in the caller). */
  private readonly inputs = new Map<string, Map<string, string[]>>();

  public constructor(root: any) {
    const refsOf = (e: any): string[] => (Array.isArray(e?.references) ? e.references.filter((r: unknown) => typeof r === 'string') : []);
    const walk = (module: any, path: string) => {
      this.outputs.set(path, new Map(Object.entries<any>(module?.outputs ?? {}).map(([name, o]) => [name, refsOf(o?.expression)])));
      for (const [name, call] of Object.entries<any>(module?.module_calls ?? {})) {
        const child = `${path}module.${name}.`;
        this.inputs.set(child, new Map(Object.entries<any>(call?.expressions ?? {}).map(([v, e]) => [v, refsOf(e)])));
        walk(call?.module, child);
      }
    };
    walk(root, '');
  }

  /**
   * A module-relative reference made references of plan addresses, in the module instance `prefix`:
   * a resource's gets the prefix; a module output's and a variable's are followed to the resources they
   * reference; any other (a root variable, a local, each, count) stays as it is.
   */
  public resolve(ref: string, prefix: string, depth = 0): string[] {
    // In a module's configuration, `module.` starts a reference to a child module's output (never to a resource).
    const output = /^module\.([A-Za-z0-9_-]+)((?:\[[^\]]*\])?)\.([A-Za-z0-9_-]+)/.exec(ref);
    if (!output && resourceAddressOf(ref)) {
      return [`${prefix}${ref}`];
    }
    if (depth > 32) {
      return [ref];
    }
    const path = prefix.replace(/\[[^\]]*\]/g, '');
    const refs = output ? this.outputs.get(`${path}module.${output[1]}.`)?.get(output[3]) : undefined;
    if (output && refs) {
      return refs.flatMap((r) => this.resolve(r, `${prefix}module.${output[1]}${output[2]}.`, depth + 1));
    }
    const variable = prefix ? /^var\.([A-Za-z0-9_-]+)/.exec(ref) : null;
    const passed = variable ? this.inputs.get(path)?.get(variable[1]) : undefined;
    if (variable && passed) {
      const parent = /^(.*?)module\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.$/.exec(prefix)![1];
      return passed.flatMap((r) => this.resolve(r, parent, depth + 1));
    }
    return [ref];
  }

  /** Configuration expressions with every `references` list resolved; a template whose references changed is dropped (it names them module-relative). */
  public resolveExpressions(expressions: any, prefix: string): any {
    const visit = (v: any): any => {
      if (Array.isArray(v)) {
        return v.map(visit);
      }
      if (!v || typeof v !== 'object') {
        return v;
      }
      const out: Record<string, any> = {};
      for (const [k, x] of Object.entries<any>(v)) {
        out[k] = k === 'constant_value' ? x : k === 'references' && Array.isArray(x) ? [...new Set(x.flatMap((r: string) => this.resolve(r, prefix)))] : visit(x);
      }
      if (Array.isArray(v.references) && JSON.stringify(out.references) !== JSON.stringify(v.references) && typeof v.constant_value === 'string') {
        delete out.constant_value;
      }
      return out;
    };
    return visit(expressions);
  }
}
