import { TerraformStack } from 'cdktf';

/**
 * The Terraform JSON document a stack's synth made, held for the checks that run after it (in the app's
 * validation), so they neither read the written file back nor make the document again.
 *
 * cdktf's synthesizer runs a stack's aspects, then calls `stack.toTerraform()` and writes the result; the
 * checks' aspect wraps that stack's `toTerraform` (once) so the document of the call after the aspects is
 * kept until the checks take it. The document is what is written: cdktf's resolve leaves out undefined
 * values, and the groups are put in the written order (sorted keys), so the checks see resources in the
 * order they saw them in the file.
 */
const HELD = new WeakMap<TerraformStack, any>();
const WRAPPED = new WeakSet<TerraformStack>();

/** From now on (this synth), keeps the document the stack's next `toTerraform()` makes. */
export function holdDocument(stack: TerraformStack): void {
  HELD.delete(stack);
  if (WRAPPED.has(stack)) {
    return;
  }
  WRAPPED.add(stack);
  const original = stack.toTerraform;
  stack.toTerraform = function toTerraform(this: TerraformStack): any {
    const document = original.call(this);
    HELD.set(stack, document);
    return document;
  };
}

/** The document held for the stack (once: it is released), in the written order; undefined when none was made. */
export function takeHeldDocument(stack: TerraformStack): any {
  const document = HELD.get(stack);
  HELD.delete(stack);
  if (document === undefined || document === null || typeof document !== 'object') {
    return undefined;
  }
  return { ...document, resource: sortedGroups(document.resource), data: sortedGroups(document.data), provider: sortedKeys(document.provider) };
}

/** `{ type: { name: body } }` with types and names in sorted order, as the written file has them. */
function sortedGroups(groups: any): any {
  if (!groups || typeof groups !== 'object') {
    return groups;
  }
  return Object.fromEntries(Object.keys(groups).sort().map((type) => [type, sortedKeys(groups[type])]));
}

function sortedKeys(object: any): any {
  if (!object || typeof object !== 'object' || Array.isArray(object)) {
    return object;
  }
  return Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]]));
}
