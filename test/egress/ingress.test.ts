import { TerraformVariable } from 'cdktf';
import {
  CrossWorkspaceIngress,
  IngressEnforcement,
  PrivateIngress,
  PublicIngress,
  ServerlessEgressPolicy,
  ServerlessIngressOptions,
} from '../../src';
import { newStack, only, synth } from '../util';

const POLICY = 'databricks_account_network_policy';
const ALL = { all_destinations: true };
/** Above 2^53 and odd: a double would change it. */
const WS = '9007199254740993';

function policyWith(ingress: ServerlessIngressOptions, id = 'test') {
  const { stack, account } = newStack(id);
  const policy = new ServerlessEgressPolicy(stack, 'Egress', { networkPolicyId: 'np-data', accountProvider: account, ingress });
  return { stack, policy };
}

function emitted(ingress: ServerlessIngressOptions) {
  const { stack } = policyWith(ingress);
  const json = synth(stack);
  return { policy: only(json, POLICY), version: json.terraform.required_providers.databricks.version };
}

describe('ServerlessEgressPolicy ingress', () => {
  test('an IP allow list, selected endpoints and source workspaces, enforced: one allow rule each, every destination, the floor 1.116.0', () => {
    const { policy, version } = emitted({
      publicAccess: PublicIngress.fromIpRanges('203.0.113.0/24', '198.51.100.7'),
      privateAccess: PrivateIngress.fromEndpoints('pe-registration-1'),
      crossWorkspaceAccess: CrossWorkspaceIngress.fromWorkspaces(WS),
    });
    expect(policy.ingress).toEqual({
      public_access: {
        restriction_mode: 'RESTRICTED_ACCESS',
        allow_rules: [{ label: 'allowed-ip-ranges', origin: { included_ip_ranges: { ip_ranges: ['203.0.113.0/24', '198.51.100.7'] } }, destination: ALL }],
      },
      private_access: {
        restriction_mode: 'RESTRICTED_ACCESS',
        allow_rules: [{ label: 'allowed-endpoints', origin: { endpoints: { endpoint_ids: ['pe-registration-1'] } }, destination: ALL }],
      },
      cross_workspace_access: {
        restriction_mode: 'RESTRICTED_ACCESS',
        allow_rules: [{ label: 'allowed-workspaces', origin: { selected_workspaces: { workspace_ids: [WS] } }, destination: ALL }],
      },
    });
    expect('ingress_dry_run' in policy).toBe(false);
    expect(version).toBe('>= 1.116.0, < 2.0.0');
  });

  test('defaults: the open ingress a policy without rules writes; NONE closes public access; ANY opens cross-workspace access', () => {
    expect(emitted({}).policy.ingress).toEqual({
      public_access: { restriction_mode: 'FULL_ACCESS', allow_rules: [] },
      private_access: { restriction_mode: 'ALLOW_ALL_REGISTERED_ENDPOINTS' },
      cross_workspace_access: { restriction_mode: 'RESTRICTED_ACCESS' },
    });
    const closed = emitted({ publicAccess: PublicIngress.NONE, crossWorkspaceAccess: CrossWorkspaceIngress.ANY }).policy.ingress;
    expect(closed.public_access).toEqual({ restriction_mode: 'RESTRICTED_ACCESS', allow_rules: [] });
    expect(closed.cross_workspace_access).toEqual({ restriction_mode: 'FULL_ACCESS' });
  });

  test('a block list on open public access: restricted, an allow rule for every IP range and the deny rule (FULL_ACCESS holds no rules)', () => {
    const { policy } = emitted({ blockedIpRanges: ['192.0.2.0/24'] });
    expect(policy.ingress.public_access).toEqual({
      restriction_mode: 'RESTRICTED_ACCESS',
      allow_rules: [{ label: 'all-ip-ranges', origin: { all_ip_ranges: true }, destination: ALL }],
      deny_rules: [{ label: 'blocked-ip-ranges', origin: { included_ip_ranges: { ip_ranges: ['192.0.2.0/24'] } }, destination: ALL }],
    });
    const both = emitted({ publicAccess: PublicIngress.fromIpRanges('203.0.113.0/24'), blockedIpRanges: ['203.0.113.128/25'] }).policy.ingress.public_access;
    expect(both.allow_rules.map((r: any) => r.label)).toEqual(['allowed-ip-ranges']);
    expect(both.deny_rules[0].origin.included_ip_ranges.ip_ranges).toEqual(['203.0.113.128/25']);
  });

  test('dry run: the rules go to ingress_dry_run, the enforced ingress stays open; enforcing moves them', () => {
    const rules = { privateAccess: PrivateIngress.fromEndpoints('pe-1'), crossWorkspaceAccess: CrossWorkspaceIngress.fromWorkspaces(WS), publicAccess: PublicIngress.NONE };
    const dry = emitted({ ...rules, enforcement: IngressEnforcement.DRY_RUN }).policy;
    expect(dry.ingress).toEqual(emitted({}).policy.ingress);
    expect(dry.ingress_dry_run).toEqual({
      public_access: { restriction_mode: 'RESTRICTED_ACCESS' },
      private_access: { restriction_mode: 'RESTRICTED_ACCESS', allow_rules: [{ label: 'allowed-endpoints', origin: { endpoints: { endpoint_ids: ['pe-1'] } }, destination: ALL }] },
      cross_workspace_access: { restriction_mode: 'RESTRICTED_ACCESS', allow_rules: [{ label: 'allowed-workspaces', origin: { selected_workspaces: { workspace_ids: [WS] } }, destination: ALL }] },
    });
    const enforced = emitted(rules).policy;
    expect('ingress_dry_run' in enforced).toBe(false);
    expect(enforced.ingress.private_access).toEqual(dry.ingress_dry_run.private_access);
  });

  test('a dry run cannot carry a public IP allow or block list (no allow_rules in ingress_dry_run.public_access)', () => {
    expect(() => policyWith({ publicAccess: PublicIngress.fromIpRanges('203.0.113.0/24'), enforcement: IngressEnforcement.DRY_RUN }))
      .toThrow(/invalid ingress\.enforcement "IngressEnforcement\.DRY_RUN": ingress_dry_run\.public_access has no allow_rules .*Fix: dry-run the private and cross-workspace rules/);
    expect(() => policyWith({ blockedIpRanges: ['192.0.2.0/24'], enforcement: IngressEnforcement.DRY_RUN })).toThrow(/invalid ingress\.enforcement/);
    // Public access left open (the default) or closed is what a dry run can carry.
    const open = emitted({ privateAccess: PrivateIngress.fromEndpoints('pe-1'), enforcement: IngressEnforcement.DRY_RUN }).policy;
    expect(open.ingress_dry_run.public_access).toEqual({ restriction_mode: 'FULL_ACCESS' });
    expect(open.ingress_dry_run.private_access.restriction_mode).toBe('RESTRICTED_ACCESS');
  });

  test('IP ranges are validated: IPv4, no host bits, public only, once each, not empty', () => {
    const bad = (ranges: string[], re: RegExp) => expect(() => policyWith({ publicAccess: PublicIngress.fromIpRanges(...ranges) })).toThrow(re);
    bad(['2001:db8::/32'], /invalid ingress\.publicAccess "2001:db8::\/32": not an IPv4 address or CIDR range.*Fix: write it as "203\.0\.113\.0\/24"/);
    bad(['203.0.113.0/33'], /invalid ingress\.publicAccess "203\.0\.113\.0\/33": not an IPv4/);
    bad(['203.0.113.7/24'], /invalid ingress\.publicAccess "203\.0\.113\.7\/24": host bits are set below the \/24 prefix.*Fix: write the network address, "203\.0\.113\.0\/24"/);
    bad(['10.1.0.0/16'], /invalid ingress\.publicAccess "10\.1\.0\.0\/16": it includes addresses of 10\.0\.0\.0\/8, which is not public.*Fix: list public ranges only/);
    bad(['172.31.255.255'], /it includes addresses of 172\.16\.0\.0\/12/);
    bad(['192.168.0.0/15'], /it includes addresses of 192\.168\.0\.0\/16/);
    bad(['0.0.0.0/0'], /invalid ingress\.publicAccess "0\.0\.0\.0\/0": it includes addresses of 10\.0\.0\.0\/8.*Fix: leave the public allow list out \(PublicIngress\.UNRESTRICTED\)/);
    bad(['203.0.113.0/24', '203.0.113.0/24'], /invalid ingress\.publicAccess "203\.0\.113\.0\/24": listed twice\. Fix: list each entry once/);
    bad([], /invalid ingress\.publicAccess \[\]: the list is empty\. Fix: list at least one entry, or choose the mode without a list/);
    // Next to a private range, but public: accepted.
    expect(() => policyWith({ publicAccess: PublicIngress.fromIpRanges('172.32.0.0/16', '11.0.0.0/8', '192.169.0.0/16') })).not.toThrow();
    expect(() => policyWith({ blockedIpRanges: ['10.0.0.1'] })).toThrow(/invalid ingress\.blockedIpRanges "10\.0\.0\.1": it includes addresses of 10\.0\.0\.0\/8/);
    expect(() => policyWith({ publicAccess: PublicIngress.NONE, blockedIpRanges: ['192.0.2.0/24'] }))
      .toThrow(/invalid ingress\.blockedIpRanges \["192\.0\.2\.0\/24"\]: public access is closed \(PublicIngress\.NONE\): there is nothing to block\. Fix: leave blockedIpRanges out/);
    expect(() => policyWith({ blockedIpRanges: [] })).toThrow(/invalid ingress\.blockedIpRanges \[\]: the list is empty/);
    expect(() => policyWith({ blockedIpRanges: ['192.0.2.0/24', '192.0.2.0/24'] })).toThrow(/invalid ingress\.blockedIpRanges "192\.0\.2\.0\/24": listed twice/);
  });

  test('IP ranges given as tokens pass as written, in the allow and the block list', () => {
    const { stack, account } = newStack('tokens');
    const office = new TerraformVariable(stack, 'office', { type: 'string' });
    const blocked = new TerraformVariable(stack, 'blocked', { type: 'string' });
    new ServerlessEgressPolicy(stack, 'Egress', {
      networkPolicyId: 'np',
      accountProvider: account,
      ingress: { publicAccess: PublicIngress.fromIpRanges(office.stringValue), blockedIpRanges: [blocked.stringValue] },
    });
    const pub = only(synth(stack), POLICY).ingress.public_access;
    expect(pub.allow_rules.map((r: any) => r.origin.included_ip_ranges.ip_ranges)).toEqual([['${var.office}']]);
    expect(pub.deny_rules.map((r: any) => r.origin.included_ip_ranges.ip_ranges)).toEqual([['${var.blocked}']]);
  });

  test('endpoints and source workspaces are validated; tokens pass as written', () => {
    expect(() => policyWith({ crossWorkspaceAccess: CrossWorkspaceIngress.fromWorkspaces('adb-123') })).toThrow(/invalid ingress\.crossWorkspaceAccess "adb-123": a workspace ID is the number/);
    expect(() => policyWith({ crossWorkspaceAccess: CrossWorkspaceIngress.fromWorkspaces(WS, WS) })).toThrow(/invalid ingress\.crossWorkspaceAccess "9007199254740993": listed twice/);
    expect(() => policyWith({ privateAccess: PrivateIngress.fromEndpoints('has space') }))
      .toThrow(/invalid ingress\.privateAccess "has space": not an endpoint registration ID\. Fix: pass the ID of the private endpoint as registered to the Databricks account/);
    expect(() => policyWith({ privateAccess: PrivateIngress.fromEndpoints() })).toThrow(/invalid ingress\.privateAccess \[\]: the list is empty/);
    const { stack, account } = newStack('tokens');
    const v = new TerraformVariable(stack, 'ws', { type: 'string' });
    new ServerlessEgressPolicy(stack, 'Egress', { networkPolicyId: 'np', accountProvider: account, ingress: { crossWorkspaceAccess: CrossWorkspaceIngress.fromWorkspaces(v.stringValue) } });
    expect(only(synth(stack), POLICY).ingress.cross_workspace_access.allow_rules[0].origin.selected_workspaces.workspace_ids).toEqual(['${var.ws}']);
  });

  test('a stack pinned below 1.116.0 fails at synth naming the version; without ingress rules it would get the policy without ingress', () => {
    const { stack } = policyWith({ publicAccess: PublicIngress.NONE });
    stack.addOverride('terraform.required_providers.databricks.version', '~> 1.110.0');
    expect(() => synth(stack)).toThrow(/invalid databricks provider version constraint "~> 1.110.0": the stack's constraint and the library's ">= 1.116.0, < 2.0.0" cannot both hold/);
  });
});
