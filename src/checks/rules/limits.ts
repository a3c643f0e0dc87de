import { accountLimit, DatabricksAccountLimits, DEFAULT_ACCOUNT_LIMITS, ResolvedAccountLimits } from '../../core/account-limits';
import { CheckedResource, CheckModel } from '../model';
import { literal, targetOf } from '../queries';

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

/** The lowest of a limit over NCCs (the most careful declaration wins). */
export function lowest(nccs: NccView[], limit: keyof ResolvedAccountLimits): number {
  return Math.min(...nccs.map((n) => accountLimit(n.limits, limit)));
}
