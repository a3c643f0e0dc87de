import { accountLimit, DatabricksAccountLimits, DEFAULT_ACCOUNT_LIMITS, ResolvedAccountLimits } from '../../core/account-limits';
import { CheckedResource, CheckModel } from '../model';
import { isUnknown, literal, targetFact, targetOf, Unknown, valueFact } from '../queries';

/** An NCC of the model or only referenced by ID (imported), with its region and limits. */
export interface NccView {
  /** Its key: the NCC resource's address, or the literal ID of an imported NCC. */
  readonly key: string;
  readonly resource?: CheckedResource;
  readonly region?: string;
  readonly limits: DatabricksAccountLimits;
}

/** The NCC a binding or rule belongs to (`network_connectivity_config_id`). */
export function nccOf(model: CheckModel, resource: CheckedResource): NccView | undefined {
  const created = targetOf(model, resource, 'network_connectivity_config_id', 'databricks_mws_network_connectivity_config');
  // An imported NCC is known by its ID as written: a literal, or the same expression in every resource that uses it.
  const id = resource.values.network_connectivity_config_id;
  const key = created?.address ?? (typeof id === 'string' ? id : undefined);
  return key === undefined ? undefined : nccView(model, key, created);
}

/** The view of an NCC by key. */
export function nccView(model: CheckModel, key: string, resource?: CheckedResource): NccView {
  const facts = model.facts.nccs.get(key);
  const region = facts?.region ?? (resource ? literal(resource.values.region) : undefined);
  return { key, resource, region, limits: facts?.limits ?? DEFAULT_ACCOUNT_LIMITS };
}

/** Groups items by a key, in order. */
export function groupBy<T>(items: T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) {
      const group = out.get(k);
      if (group) {
        group.push(item);
      } else {
        out.set(k, [item]);
      }
    }
  }
  return out;
}

/** The lowest of a limit over NCCs (the most careful declaration wins; none: the default). */
export function lowest(nccs: NccView[], limit: keyof ResolvedAccountLimits): number {
  return Math.min(...[...nccs.map((n) => n.limits), ...(nccs.length ? [] : [DEFAULT_ACCOUNT_LIMITS])].map((l) => accountLimit(l, limit)));
}

/**
 * In a plan, why an NCC's region is not known: its `region` is known only after apply, or (for a rule
 * or binding) its NCC ID is and names no NCC of the plan. Undefined when the region is known, or unknown
 * for another reason (an NCC outside the plan: not counted, as at synth).
 */
export function unknownRegion(model: CheckModel, item: CheckedResource, ncc: NccView | undefined): Unknown | undefined {
  if (ncc?.region !== undefined) {
    return undefined;
  }
  if (ncc?.resource) {
    const fact = valueFact(ncc.resource, 'region', ncc.resource.values.region, () => false);
    return isUnknown(fact) ? fact : undefined;
  }
  return targetFact(model, item, 'network_connectivity_config_id');
}

/**
 * Whether items of unknown regions could push a region past its limit: a region within its limit that
 * all of them would put over it, or (no region known) all of them together over the default limit.
 */
export function couldExceed<T>(groups: Map<string, T[]>, unknown: T[], limitOf: (items: T[]) => number): boolean {
  if (unknown.length === 0) {
    return false;
  }
  const regions = [...groups.values()];
  if (regions.length === 0) {
    return unknown.length > limitOf(unknown);
  }
  return regions.some((g) => g.length <= limitOf(g) && g.length + unknown.length > limitOf(g));
}
