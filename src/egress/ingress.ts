import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkWorkspaceId } from './destinations';
import { NOT_PUBLIC, overlaps, parseIpv4Range } from '../core/ipv4';
import { invalidProp } from '../core/validation';

/**
 * Who may reach the workspaces of a policy from the public internet (`ingress.public_access`).
 * Requests that arrive over a registered private endpoint are governed by {@link PrivateIngress}.
 */
export class PublicIngress {
  /**
   * Any public IP address (`FULL_ACCESS`): what a policy without ingress settings allows; the workspace's
   * own IP access lists still apply.
   */
  public static readonly UNRESTRICTED = new PublicIngress('FULL_ACCESS', []);
  /** No request from the public internet (`RESTRICTED_ACCESS` without allow rules): private access only. */
  public static readonly NONE = new PublicIngress('RESTRICTED_ACCESS', []);

  /**
   * Only these public IPv4 addresses or CIDR ranges (`RESTRICTED_ACCESS`, one allow rule with
   * `included_ip_ranges`). Private ranges (RFC 1918, loopback, link-local) are refused: the API admits only
   * public ranges here.
   */
  public static fromIpRanges(...ipRanges: string[]): PublicIngress {
    return new PublicIngress('RESTRICTED_ACCESS', ipRanges);
  }

  /** The `restriction_mode` value. */
  public readonly mode: string;
  /** The allowed ranges (empty: none, or every one with `FULL_ACCESS`). */
  public readonly ipRanges: string[];

  private constructor(mode: string, ipRanges: string[]) {
    this.mode = mode;
    this.ipRanges = ipRanges;
  }
}

/** Which registered private endpoints may reach the workspaces of a policy (`ingress.private_access`). */
export class PrivateIngress {
  /** Any endpoint registered to the account (`ALLOW_ALL_REGISTERED_ENDPOINTS`): the API's default. */
  public static readonly ALL_REGISTERED_ENDPOINTS = new PrivateIngress('ALLOW_ALL_REGISTERED_ENDPOINTS', []);

  /** Only these registered endpoints (`RESTRICTED_ACCESS`, one allow rule with `endpoints.endpoint_ids`). */
  public static fromEndpoints(...endpointIds: string[]): PrivateIngress {
    return new PrivateIngress('RESTRICTED_ACCESS', endpointIds);
  }

  /** The `restriction_mode` value. */
  public readonly mode: string;
  /** The allowed endpoint registrations (empty with `ALLOW_ALL_REGISTERED_ENDPOINTS`). */
  public readonly endpointIds: string[];

  private constructor(mode: string, endpointIds: string[]) {
    this.mode = mode;
    this.endpointIds = endpointIds;
  }
}

/** Which other workspaces may call the workspaces of a policy (`ingress.cross_workspace_access`). */
export class CrossWorkspaceIngress {
  /** None (`RESTRICTED_ACCESS` without allow rules): what every policy of this library writes by default. */
  public static readonly NONE = new CrossWorkspaceIngress('RESTRICTED_ACCESS', []);
  /** Any source workspace, in any account (`FULL_ACCESS`): widens access, so only when chosen. */
  public static readonly ANY = new CrossWorkspaceIngress('FULL_ACCESS', []);

  /** Only these source workspaces (numeric IDs, literal or tokens). */
  public static fromWorkspaces(...workspaceIds: string[]): CrossWorkspaceIngress {
    return new CrossWorkspaceIngress('RESTRICTED_ACCESS', workspaceIds);
  }

  /** The `restriction_mode` value. */
  public readonly mode: string;
  /** The allowed source workspaces. */
  public readonly workspaceIds: string[];

  private constructor(mode: string, workspaceIds: string[]) {
    this.mode = mode;
    this.workspaceIds = workspaceIds;
  }
}

/** Whether the ingress rules are enforced, or only evaluated and logged (`ingress_dry_run`). */
export class IngressEnforcement {
  /** The rules are written to `ingress` and enforced. */
  public static readonly ENFORCED = new IngressEnforcement(false);
  /**
   * The rules are written to `ingress_dry_run` (evaluated and logged, nothing refused), while `ingress`
   * stays as open as a policy without ingress settings. Roll out: dry run, read the denials, enforce.
   */
  public static readonly DRY_RUN = new IngressEnforcement(true);

  /** Whether this is a dry run. */
  public readonly dryRun: boolean;

  private constructor(dryRun: boolean) {
    this.dryRun = dryRun;
  }
}

/** Context-based ingress of a network policy: who may reach its workspaces, from where. */
export interface ServerlessIngressOptions {
  /**
   * Requests from the public internet.
   * @default PublicIngress.UNRESTRICTED
   */
  readonly publicAccess?: PublicIngress;
  /**
   * Public IPv4 addresses or CIDR ranges always refused (deny rules are evaluated first). With
   * `PublicIngress.UNRESTRICTED` the policy is written as restricted with an allow rule for every IP
   * range, so that the deny rule applies (a `FULL_ACCESS` mode holds no rules).
   * @default - none
   */
  readonly blockedIpRanges?: string[];
  /**
   * Requests over registered private endpoints.
   * @default PrivateIngress.ALL_REGISTERED_ENDPOINTS
   */
  readonly privateAccess?: PrivateIngress;
  /**
   * Requests from other workspaces.
   * @default CrossWorkspaceIngress.NONE
   */
  readonly crossWorkspaceAccess?: CrossWorkspaceIngress;
  /**
   * Enforce the rules, or only log what they would refuse.
   * @default IngressEnforcement.ENFORCED
   */
  readonly enforcement?: IngressEnforcement;
}

/** The two ingress objects of a policy: the enforced one and the dry run (absent when not used). */
export interface IngressBlocks {
  readonly ingress: Record<string, unknown>;
  readonly dryRun?: Record<string, unknown>;
}

/**
 * The ingress every policy of this library writes when it has no ingress settings: as open as a policy
 * without ingress, but cross-workspace access, in the form the Databricks security reference architecture
 * writes (terraform-databricks-sra, network_policy module and #249). Each part is written because the API
 * fills or requires it: private access (#5884), cross-workspace access (required), public access with an
 * empty rule list (restored from the configuration when the API leaves it out).
 */
export const OPEN_INGRESS = {
  public_access: { restriction_mode: 'FULL_ACCESS', allow_rules: [] },
  private_access: { restriction_mode: 'ALLOW_ALL_REGISTERED_ENDPOINTS' },
  cross_workspace_access: { restriction_mode: 'RESTRICTED_ACCESS' },
};

const ALL = { all_destinations: true };
/** A literal public IPv4 address or CIDR range checked; a token as it is. */
export function checkIpRange(scope: IConstruct, prop: string, value: string): string {
  if (Token.isUnresolved(value)) {
    return value;
  }
  const range = parseIpv4Range(value);
  if (!range) {
    invalidProp(scope, prop, value, 'not an IPv4 address or CIDR range (context-based ingress matches IPv4 sources)', 'write it as "203.0.113.0/24" or "203.0.113.7"');
  }
  const [first, bits] = range;
  if (first % 2 ** (32 - bits) !== 0) {
    const network = [24, 16, 8, 0].map((s) => Math.floor((first - (first % 2 ** (32 - bits))) / 2 ** s) % 256).join('.');
    invalidProp(scope, prop, value, `host bits are set below the /${bits} prefix, so the range is not what it reads as`, `write the network address, "${network}/${bits}"`);
  }
  const privateRange = NOT_PUBLIC.find(([, start, size]) => overlaps(range, [start, size]));
  if (privateRange) {
    invalidProp(
      scope,
      prop,
      value,
      `it includes addresses of ${privateRange[0]}, which is not public; public ingress rules admit only public ranges`,
      bits === 0 ? 'leave the public allow list out (PublicIngress.UNRESTRICTED) to allow every address' : 'list public ranges only; private sources reach the workspace over registered endpoints (privateAccess)',
    );
  }
  return value;
}

function rule(label: string, origin: Record<string, unknown>): Record<string, unknown> {
  return { label, origin, destination: ALL };
}

function once(scope: IConstruct, prop: string, values: string[], check: (v: string) => string): string[] {
  const seen = new Set<string>();
  if (values.length === 0) {
    invalidProp(scope, prop, values, 'the list is empty', 'list at least one entry, or choose the mode without a list');
  }
  return values.map((v) => {
    const checked = check(v);
    if (seen.has(checked)) {
      invalidProp(scope, prop, v, 'listed twice', 'list each entry once');
    }
    seen.add(checked);
    return checked;
  });
}

/** The ingress objects for these options, checked. */
export function ingressBlocks(scope: IConstruct, options: ServerlessIngressOptions): IngressBlocks {
  const pub = options.publicAccess ?? PublicIngress.UNRESTRICTED;
  const priv = options.privateAccess ?? PrivateIngress.ALL_REGISTERED_ENDPOINTS;
  const cross = options.crossWorkspaceAccess ?? CrossWorkspaceIngress.NONE;
  const dryRun = (options.enforcement ?? IngressEnforcement.ENFORCED).dryRun;
  const allowedRanges = pub === PublicIngress.UNRESTRICTED || pub === PublicIngress.NONE
    ? [] : once(scope, 'ingress.publicAccess', pub.ipRanges, (v) => checkIpRange(scope, 'ingress.publicAccess', v));
  const blocked = options.blockedIpRanges === undefined
    ? [] : once(scope, 'ingress.blockedIpRanges', options.blockedIpRanges, (v) => checkIpRange(scope, 'ingress.blockedIpRanges', v));
  if (blocked.length && pub === PublicIngress.NONE) {
    invalidProp(scope, 'ingress.blockedIpRanges', options.blockedIpRanges, 'public access is closed (PublicIngress.NONE): there is nothing to block', 'leave blockedIpRanges out');
  }
  const endpoints = priv === PrivateIngress.ALL_REGISTERED_ENDPOINTS
    ? [] : once(scope, 'ingress.privateAccess', priv.endpointIds, (v) => checkEndpointId(scope, v));
  const workspaces = cross === CrossWorkspaceIngress.NONE || cross === CrossWorkspaceIngress.ANY
    ? [] : once(scope, 'ingress.crossWorkspaceAccess', cross.workspaceIds, (v) => checkWorkspaceId(scope, 'ingress.crossWorkspaceAccess', v));
  // A block list needs an allow rule (its own allow-every-range rule, or the allow list): neither is in a dry run.
  if (dryRun && (allowedRanges.length || blocked.length)) {
    invalidProp(
      scope,
      'ingress.enforcement',
      'IngressEnforcement.DRY_RUN',
      'ingress_dry_run.public_access has no allow_rules in the admitted databricks provider versions (checked up to 1.132.0), so a dry run cannot carry a public IP allow list (nor the allow-every-range rule a block list needs)',
      'dry-run the private and cross-workspace rules (or PublicIngress.NONE), then enforce the public IP rules with IngressEnforcement.ENFORCED',
    );
  }

  const publicAccess: Record<string, unknown> = { restriction_mode: blocked.length ? 'RESTRICTED_ACCESS' : pub.mode };
  if (!dryRun) {
    publicAccess.allow_rules = allowedRanges.length
      ? [rule('allowed-ip-ranges', { included_ip_ranges: { ip_ranges: allowedRanges } })]
      : blocked.length ? [rule('all-ip-ranges', { all_ip_ranges: true })] : [];
  }
  if (blocked.length) {
    publicAccess.deny_rules = [rule('blocked-ip-ranges', { included_ip_ranges: { ip_ranges: blocked } })];
  }
  const privateAccess: Record<string, unknown> = { restriction_mode: priv.mode };
  if (endpoints.length) {
    privateAccess.allow_rules = [rule('allowed-endpoints', { endpoints: { endpoint_ids: endpoints } })];
  }
  const crossWorkspace: Record<string, unknown> = { restriction_mode: cross.mode };
  if (workspaces.length) {
    crossWorkspace.allow_rules = [rule('allowed-workspaces', { selected_workspaces: { workspace_ids: workspaces } })];
  }
  const built = { public_access: publicAccess, private_access: privateAccess, cross_workspace_access: crossWorkspace };
  return dryRun ? { ingress: OPEN_INGRESS, dryRun: built } : { ingress: built };
}

function checkEndpointId(scope: IConstruct, value: string): string {
  if (!Token.isUnresolved(value) && !/^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,254}$/.test(value)) {
    invalidProp(scope, 'ingress.privateAccess', value, 'not an endpoint registration ID', 'pass the ID of the private endpoint as registered to the Databricks account');
  }
  return value;
}
