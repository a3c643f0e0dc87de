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
 * The one error of the library's validations: where (a construct path, or the API called, e.g.
 * `ServiceTag.of`), the property, the bad value, the problem and the fix. Its message reads
 * `<where>: invalid <prop> <value>: <problem>. Fix: <fix>`.
 */
export class ValidationError extends Error {
  /** Whether a value is a ValidationError of this library (also across copies of the package). */
  public static isValidationError(x: unknown): x is ValidationError {
    return x instanceof Error && (x as any)[VALIDATION_ERROR] === true;
  }

  /** The construct path, or the API that was called. */
  public readonly where: string;
  /** The property (or argument) that is wrong. */
  public readonly prop: string;
  /** The bad value as the message shows it (JSON, or `(not set)`). */
  public readonly value: string;
  /** What is wrong with it. */
  public readonly problem: string;
  /** How to fix it. */
  public readonly fix: string;

  /**
   * @param where the construct path, or the API called
   * @param prop the property or argument
   * @param value the bad value (shown as JSON)
   * @param problem what is wrong
   * @param fix how to fix it
   */
  constructor(where: string, prop: string, value: unknown, problem: string, fix: string) {
    super(`${where}: ${describeInvalid(prop, value, problem, fix)}`);
    Object.setPrototypeOf(this, ValidationError.prototype);
    this.name = 'ValidationError';
    this.where = where;
    this.prop = prop;
    this.value = show(value);
    this.problem = problem;
    this.fix = fix;
    Object.defineProperty(this, VALIDATION_ERROR, { value: true });
  }
}

const VALIDATION_ERROR = Symbol.for('cdktf-azure-databricks-serverless.ValidationError');

/**
 * Throws a synth-time error that names the construct, the property, the bad value and the fix.
 */
export function invalidProp(scope: IConstruct, prop: string, value: unknown, problem: string, fix: string): never {
  throw new ValidationError(scope.node.path, prop, value, problem, fix);
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
