import { IConstruct } from 'constructs';

const registries = new WeakMap<IConstruct, Map<string, unknown>>();

/**
 * One shared object per app (construct tree root) and key, created on first use.
 * Lets constructs check app-wide rules (one NCC per workspace, account limits) in O(1)
 * per construct instead of walking the whole tree.
 */
export function appScoped<T>(scope: IConstruct, key: string, create: () => T): T {
  const root = scope.node.root;
  let byKey = registries.get(root);
  if (!byKey) {
    byKey = new Map();
    registries.set(root, byKey);
  }
  if (!byKey.has(key)) {
    byKey.set(key, create());
  }
  return byKey.get(key) as T;
}
