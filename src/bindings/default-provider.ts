import { TerraformProvider, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

const defaults = new WeakMap<TerraformStack, Map<string, TerraformProvider>>();

/** Records an un-aliased provider as the stack's default for its type. */
export function registerDefaultProvider(provider: TerraformProvider, alias: string | undefined): void {
  if (alias !== undefined) {
    return;
  }
  const stack = TerraformStack.of(provider);
  let byType = defaults.get(stack);
  if (!byType) {
    byType = new Map();
    defaults.set(stack, byType);
  }
  if (!byType.has(provider.terraformResourceType)) {
    byType.set(provider.terraformResourceType, provider);
  }
}

/**
 * The stack's default (un-aliased) provider of a type, created with `create` when the stack has none
 * yet. O(1): providers register themselves when constructed.
 */
export function defaultProvider<T extends TerraformProvider>(scope: IConstruct, type: string, create: (stack: TerraformStack) => T): T {
  const stack = TerraformStack.of(scope);
  const existing = defaults.get(stack)?.get(type);
  return (existing as T | undefined) ?? create(stack);
}
