import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';

/** An entry of a {@link ResolvedIndex}: a construct and the value (literal or token) it claims. */
export interface ResolvedEntry {
  readonly construct: IConstruct;
  readonly value: unknown;
}

/**
 * Finds the entries that claim the same value once tokens are resolved (two references to the same
 * attribute are different tokens but the same expression). The index is built once, on first query,
 * so app-wide uniqueness checks stay linear.
 */
export class ResolvedIndex<T extends ResolvedEntry> {
  private readonly entries: T[] = [];
  private byKey?: Map<string, T[]>;
  /** Each entry's key, as the index was built with it. */
  private keys?: Map<T, string>;

  public add(entry: T): void {
    this.entries.push(entry);
    this.byKey = undefined;
    this.keys = undefined;
  }

  /** Every entry whose value resolves like this one's, itself included. */
  public sameValue(entry: T): T[] {
    if (!this.byKey) {
      const index = new Map<string, T[]>();
      const keys = new Map<T, string>();
      for (const e of this.entries) {
        const k = resolvedKey(e);
        keys.set(e, k);
        const group = index.get(k);
        if (group) {
          group.push(e);
        } else {
          index.set(k, [e]);
        }
      }
      this.byKey = index;
      this.keys = keys;
    }
    return this.byKey.get(this.keys!.get(entry) ?? resolvedKey(entry)) ?? [entry];
  }
}

/** The value as synth would write it: literals as they are, references as `${...}` expressions. */
export function resolveValue(scope: IConstruct, value: unknown): unknown {
  return Tokenization.resolve(value, { scope, resolver: new DefaultTokenResolver(new StringConcat()) });
}

/** Per stack: resolved strings by the string given (a token's string form is unique to its token). */
const RESOLVED = new WeakMap<TerraformStack, Map<string, unknown>>();

/**
 * {@link resolveValue} of a string, resolved once per stack: the same token string (e.g. one storage
 * account's `id`, given to the rules of the account and to their approvals) is resolved the first time only.
 * For references whose expression is fixed once made (an element's address does not change once a token
 * of it exists).
 */
export function resolveString(scope: IConstruct, value: string): unknown {
  const stack = TerraformStack.of(scope);
  let cache = RESOLVED.get(stack);
  if (!cache) {
    cache = new Map();
    RESOLVED.set(stack, cache);
  }
  if (cache.has(value)) {
    return cache.get(value);
  }
  const resolved = resolveValue(scope, value);
  cache.set(value, resolved);
  return resolved;
}

/**
 * The key of an entry: a literal is the same value in every stack (IDs compare case-insensitively); an
 * expression names a resource of its own stack (`azurerm_databricks_workspace.ws` in two stacks is two
 * workspaces), so it is keyed with the stack.
 */
function resolvedKey(entry: ResolvedEntry): string {
  const resolved = resolveValue(entry.construct, entry.value);
  const key = typeof resolved === 'string' ? resolved.toLowerCase() : JSON.stringify(resolved);
  return key.includes('${') ? `${TerraformStack.of(entry.construct).node.path}:${key}` : key;
}
