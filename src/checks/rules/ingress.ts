import { overlaps, parseIpv4Range } from '../../core/ipv4';
import { CheckModel, CheckedResource, isExpression, valueAt } from '../model';
import { hitOn } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

/**
 * A nested value as a list: a plan holds single nested objects as themselves and lists as lists; absent
 * and unknown are empty (the model leaves a plan's nulls out).
 */
function list(v: unknown): any[] {
  if (Array.isArray(v)) {
    return v;
  }
  return v === undefined || isExpression(v) ? [] : [v];
}

/** The literal IPv4 ranges of a list of public ingress rules, each with its parse; anything else is left out. */
function ranges(rules: unknown): Array<[string, [number, number]]> {
  return list(rules)
    .flatMap((r) => list(valueAt(r, 'origin.included_ip_ranges.ip_ranges')))
    .flatMap((x) => {
      const parsed = parseIpv4Range(String(x));
      return parsed ? [[String(x), parsed] as [string, [number, number]]] : [];
    });
}

/** What the policy's ingress (enforced, or the dry run) restricts other than public access. */
function restrictsElsewhere(ingress: any): string | undefined {
  const priv = valueAt(ingress, 'private_access');
  const cross = valueAt(ingress, 'cross_workspace_access');
  if (valueAt(priv, 'restriction_mode') === 'RESTRICTED_ACCESS') {
    return 'private access';
  }
  if (list(valueAt(cross, 'allow_rules')).length || list(valueAt(cross, 'deny_rules')).length) {
    return 'cross-workspace access';
  }
  if (list(valueAt(ingress, 'public_access.deny_rules')).length) {
    return 'a public block list';
  }
  return undefined;
}

/**
 * A network policy that sets ingress rules but leaves public access open: `FULL_ACCESS`, or an allow rule
 * for every IP range, with no IP allow list. Requests from any public address still reach the workspaces,
 * so restricting private endpoints or other workspaces, or blocking a few ranges, protects little. A policy
 * without ingress rules (the library's default, as open as a policy without ingress) is not reported: its
 * workspaces' IP access lists and front-end Private Link decide.
 */
export const INGRESS_PUBLIC_OPEN: CheckRule = {
  id: 'ADBS-INGRESS-PUBLIC-OPEN',
  level: FindingLevel.WARNING,
  title: 'A network policy restricts ingress but leaves public access open with no IP allow list',
  fix: 'Allow only your networks (PublicIngress.fromIpRanges(...)), or close public access (PublicIngress.NONE) where users come over Private Link',
  check(model: CheckModel): RuleHit[] {
    return model.ofType('databricks_account_network_policy').flatMap((p) => {
      const ingress = p.values.ingress;
      const pub = valueAt(ingress, 'public_access');
      const mode = valueAt(pub, 'restriction_mode');
      const catchAll = list(valueAt(pub, 'allow_rules')).some((r) => valueAt(r, 'origin.all_ip_ranges') === true);
      const open = mode === 'FULL_ACCESS' ? 'FULL_ACCESS' : catchAll ? 'an allow rule for every IP range' : undefined;
      const elsewhere = restrictsElsewhere(ingress);
      return hitOn(
        p,
        open && elsewhere
          ? `Public ingress is open (${open}) with no IP allow list while the policy restricts ${elsewhere}: requests from any public address still reach its workspaces.`
          : undefined,
      );
    });
  },
};

/** Public deny ranges of one ingress object that cover a whole allow range, as "deny (allowed: allow)". */
function ipOverlaps(ingress: any): string[] {
  const pub = valueAt(ingress, 'public_access');
  const allowed = ranges(valueAt(pub, 'allow_rules'));
  return ranges(valueAt(pub, 'deny_rules')).flatMap(([d, range]) =>
    allowed.filter(([, a]) => range[1] <= a[1] && overlaps(range, a)).map(([a]) => `${d} (allowed: ${a})`));
}

function domainOverlaps(p: CheckedResource): string[] {
  const access = valueAt(p.values, 'egress.network_access');
  const names = (v: unknown) => list(v).map((d) => valueAt(d, 'destination')).filter((x): x is string => typeof x === 'string' && !isExpression(x)).map((x) => x.toLowerCase());
  const allowed = new Set(names(valueAt(access, 'allowed_internet_destinations')));
  return names(valueAt(access, 'blocked_internet_destinations')).filter((d) => allowed.has(d));
}

/**
 * A deny entry of a network policy that covers a whole allow entry: a blocked egress domain that is also
 * allowed, or a blocked public IP range that contains an allowed one. Deny rules are evaluated first
 * (Databricks API), so no allow entry can shadow a deny entry; the reverse can happen, and leaves the allow
 * entry dead: one of the two is a mistake. A block range carved out of a wider allowed range (allow a /24,
 * refuse a /26 of it) is what deny rules are for and is not reported.
 */
export const DENY_COVERS_ALLOW: CheckRule = {
  id: 'ADBS-DENY-COVERS-ALLOW',
  level: FindingLevel.WARNING,
  title: 'A deny entry of a network policy covers a whole allow entry (the allow entry is dead)',
  fix: 'Remove the entry from one of the two lists (deny rules are evaluated first, so the allow entry never applies)',
  check(model: CheckModel): RuleHit[] {
    return model.ofType('databricks_account_network_policy').flatMap((p) => {
      const parts = [
        ...domainOverlaps(p).map((d) => `egress domain ${d}`),
        ...ipOverlaps(p.values.ingress).map((r) => `ingress range ${r}`),
        ...ipOverlaps(p.values.ingress_dry_run).map((r) => `dry-run ingress range ${r}`),
      ];
      return hitOn(p, parts.length ? `Allow entries covered by a deny entry (deny rules are evaluated first, so they never apply): ${parts.join('; ')}.` : undefined);
    });
  },
};
