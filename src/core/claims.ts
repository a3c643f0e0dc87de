import { IConstruct } from 'constructs';
import { appScoped } from './app-registry';
import { ResolvedEntry, ResolvedIndex } from './resolved-index';
import { describeInvalid } from './validation';

/** A claim on a value: what claims it, and the owner named in the conflict message (if any). */
export interface Claim extends ResolvedEntry {
  readonly owner?: string;
}

/** What a second claim on one value is told. */
export interface ClaimConflict {
  readonly prop: string;
  readonly value: unknown;
  /** The problem, given where the value is claimed (`<path> (<owner>), ...`). */
  readonly problem: (where: string) => string;
  readonly fix: string;
  /** How the claimants are joined in `where`. Default `, `. */
  readonly separator?: string;
}

/**
 * Claims a value for one claimant of a kind, app-wide: a second claim of the same kind on the same value
 * (same literal in any stack and any casing, or same reference within a stack) is an error at synth, on
 * every claimant. The index is built once, on the first validation, so the check stays linear.
 */
export function claimOnce(claimant: IConstruct, kind: string, value: unknown, conflict: ClaimConflict, owner?: string): Claim {
  const claims = appScoped(claimant, `cdktf-azure-databricks-serverless/claims/${kind}`, () => new ResolvedIndex<Claim>());
  const claim: Claim = { construct: claimant, value, owner };
  claims.add(claim);
  claimant.node.addValidation({
    validate: () => {
      const others = claims.sameValue(claim).filter((c) => c !== claim);
      if (others.length === 0) {
        return [];
      }
      const where = [claim, ...others].map((c) => (c.owner ? `${c.construct.node.path} (${c.owner})` : c.construct.node.path)).join(conflict.separator ?? ', ');
      return [describeInvalid(conflict.prop, conflict.value, conflict.problem(where), conflict.fix)];
    },
  });
  return claim;
}
