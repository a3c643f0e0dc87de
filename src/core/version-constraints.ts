/**
 * Terraform provider version constraints (`>= 4.55.0, != 4.60.0, < 6.0.0`, `~> 4.70`): parsing, and
 * whether several constraints can all hold. Versions are compared as major.minor.patch; pre-releases
 * are not modelled (Terraform only selects them when named exactly).
 */

type Triple = readonly [number, number, number];

/** What a set of constraints admits: `[lowest, highest)` minus single excluded versions, or exactly `equal`. */
interface Admitted {
  readonly lowest: Triple;
  /** Exclusive; undefined means no upper bound. */
  readonly below?: Triple;
  readonly equal: Triple[];
  readonly excluded: Triple[];
}

const CLAUSE = /^(=|!=|>=|<=|>|<|~>)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?$/;

function compare(a: Triple, b: Triple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function next(v: Triple): Triple {
  return [v[0], v[1], v[2] + 1];
}

function show(v: Triple): string {
  return v.join('.');
}

/** Parses one constraint string; returns a description of the problem instead of throwing. */
export function parseConstraint(text: string): Admitted | string {
  let lowest: Triple = [0, 0, 0];
  let below: Triple | undefined;
  const equal: Triple[] = [];
  const excluded: Triple[] = [];
  const raise = (v: Triple) => {
    lowest = compare(v, lowest) > 0 ? v : lowest;
  };
  const cap = (v: Triple) => {
    below = below === undefined || compare(v, below) < 0 ? v : below;
  };
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = CLAUSE.exec(part);
    if (!m) {
      return `"${part}" is not a version constraint (expected e.g. ">= 4.55.0", "< 6.0.0", "!= 1.114.0" or "~> 4.70")`;
    }
    const op = m[1] ?? '=';
    const given = [m[2], m[3], m[4]].filter((x) => x !== undefined).length;
    const v: Triple = [Number(m[2]), Number(m[3] ?? 0), Number(m[4] ?? 0)];
    switch (op) {
      case '=': equal.push(v); break;
      case '!=': excluded.push(v); break;
      case '>=': raise(v); break;
      case '>': raise(next(v)); break;
      case '<': cap(v); break;
      case '<=': cap(next(v)); break;
      default: // ~>: the rightmost given component may grow
        raise(v);
        cap(given <= 2 ? [v[0] + 1, 0, 0] : [v[0], v[1] + 1, 0]);
    }
  }
  return { lowest, below, equal, excluded };
}

/**
 * Whether constraints (each a comma-separated constraint string) can all hold at once. Returns
 * `undefined` when they can, else the reason they cannot.
 */
export function unsatisfiable(...constraints: string[]): string | undefined {
  const parsed: Admitted[] = [];
  for (const c of constraints) {
    const p = parseConstraint(c);
    if (typeof p === 'string') {
      return p;
    }
    parsed.push(p);
  }
  const lowest = parsed.map((p) => p.lowest).reduce((a, b) => (compare(a, b) >= 0 ? a : b));
  const caps = parsed.map((p) => p.below).filter((b): b is Triple => b !== undefined);
  const below = caps.length ? caps.reduce((a, b) => (compare(a, b) <= 0 ? a : b)) : undefined;
  const excluded = parsed.flatMap((p) => p.excluded);
  const isExcluded = (v: Triple) => excluded.some((x) => compare(x, v) === 0);
  const inRange = (v: Triple) => compare(v, lowest) >= 0 && (below === undefined || compare(v, below) < 0);
  const equal = parsed.flatMap((p) => p.equal);
  if (equal.length > 0) {
    const v = equal[0];
    if (equal.some((e) => compare(e, v) !== 0)) {
      return `they name different exact versions (${[...new Set(equal.map(show))].join(', ')})`;
    }
    if (!inRange(v) || isExcluded(v)) {
      return `the exact version ${show(v)} is outside the range the others admit`;
    }
    return undefined;
  }
  if (below !== undefined && compare(lowest, below) >= 0) {
    return `no version is at least ${show(lowest)} and below ${show(below)}`;
  }
  if (below !== undefined && compare(next(lowest), below) === 0 && isExcluded(lowest)) {
    return `the only version they admit, ${show(lowest)}, is excluded`;
  }
  return undefined;
}
