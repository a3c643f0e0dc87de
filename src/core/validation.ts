import { Annotations, Token } from 'cdktf';
import { IConstruct } from 'constructs';

/** True when the value (or any element of it) is an unresolved cdktf token. */
export function isUnresolved(value: unknown): boolean {
  if (value === undefined || value === null) {
    return false;
  }
  if (Array.isArray(value)) {
    return Token.isUnresolved(value) || value.some((v) => isUnresolved(v));
  }
  return Token.isUnresolved(value);
}

/**
 * Throws a synth-time error that names the construct, the property, the bad value and the fix.
 */
export function invalidProp(scope: IConstruct, prop: string, value: unknown, problem: string, fix: string): never {
  throw new Error(`${scope.node.path}: invalid ${prop} ${show(value)}: ${problem}. Fix: ${fix}`);
}

/** Same message shape as {@link invalidProp}, returned instead of thrown (for node validations). */
export function describeInvalid(prop: string, value: unknown, problem: string, fix: string): string {
  return `invalid ${prop} ${show(value)}: ${problem}. Fix: ${fix}`;
}

/** Adds a warning annotation (shown by `cdktf synth`, kept in the manifest). */
export function warn(scope: IConstruct, message: string): void {
  Annotations.of(scope).addWarning(message);
}

/** Adds an info annotation. */
export function info(scope: IConstruct, message: string): void {
  Annotations.of(scope).addInfo(message);
}

function show(value: unknown): string {
  if (value === undefined) {
    return '(not set)';
  }
  return JSON.stringify(value);
}
