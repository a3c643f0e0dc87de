import { AccountNetworkPolicy } from '@cdktf/provider-databricks/lib/account-network-policy';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { CrossWorkspaceIngress, IngressEnforcement, PrivateIngress, PublicIngress, ServerlessEgressPolicy, ServerlessIngressOptions } from '../../src';
import { findingsOn, newStack, synth, warnings } from '../util';
import { ENTRA_AZURERM, handPlan, planFindings, planMessages, res } from './plans';

function libraryPolicies(specs: Record<string, ServerlessIngressOptions | undefined>) {
  const { stack, account } = newStack();
  for (const [id, ingress] of Object.entries(specs)) {
    new ServerlessEgressPolicy(stack, id, { networkPolicyId: `np-${id.toLowerCase()}`, accountProvider: account, allowedDomains: ['pypi.org'], ingress });
  }
  synth(stack);
  return stack;
}

function handStack() {
  const { stack } = newStack('hand', { defaultDatabricks: false });
  const account = new DatabricksProvider(stack, 'databricks', { host: 'https://accounts.azuredatabricks.net', accountId: '11111111-2222-3333-4444-555555555555' });
  const egress = { networkAccess: { restrictionMode: 'RESTRICTED_ACCESS', allowedInternetDestinations: [{ destination: 'pypi.org', internetDestinationType: 'DNS_NAME' }] } };
  const policy = (id: string, override?: Record<string, unknown>) => {
    const p = new AccountNetworkPolicy(stack, id, { networkPolicyId: id, egress, provider: account });
    Object.entries(override ?? {}).forEach(([k, v]) => p.addOverride(k, v));
  };
  return { stack, policy };
}

const rule = (ranges: string[]) => ({ origin: { included_ip_ranges: { ip_ranges: ranges } }, destination: { all_destinations: true } });

describe('ADBS-INGRESS-PUBLIC-OPEN', () => {
  test('library policies: open public access next to restricted private access, cross-workspace rules or a block list is reported; the default ingress, an allow list and closed public access are not', () => {
    const stack = libraryPolicies({
      Default: undefined,
      PrivateOnly: { privateAccess: PrivateIngress.fromEndpoints('pe-1') },
      Cross: { crossWorkspaceAccess: CrossWorkspaceIngress.fromWorkspaces('1234567890123457') },
      Blocked: { blockedIpRanges: ['192.0.2.0/24'] },
      Listed: { publicAccess: PublicIngress.fromIpRanges('203.0.113.0/24'), privateAccess: PrivateIngress.fromEndpoints('pe-1') },
      Closed: { publicAccess: PublicIngress.NONE, crossWorkspaceAccess: CrossWorkspaceIngress.fromWorkspaces('1234567890123457') },
      CrossAny: { crossWorkspaceAccess: CrossWorkspaceIngress.ANY },
      DryRun: { publicAccess: PublicIngress.NONE, privateAccess: PrivateIngress.fromEndpoints('pe-1'), enforcement: IngressEnforcement.DRY_RUN },
    });
    expect(findingsOn(stack, 'ADBS-INGRESS-PUBLIC-OPEN').sort()).toEqual(['test/Blocked/Resource', 'test/Cross/Resource', 'test/PrivateOnly/Resource']);
    expect(warnings(stack).filter((m) => m.startsWith('[ADBS-INGRESS-PUBLIC-OPEN]')).sort()).toEqual([
      expect.stringMatching(/Public ingress is open \(FULL_ACCESS\) with no IP allow list while the policy restricts cross-workspace access: requests from any public address/),
      expect.stringMatching(/Public ingress is open \(FULL_ACCESS\) with no IP allow list while the policy restricts private access/),
      expect.stringMatching(/Public ingress is open \(an allow rule for every IP range\) with no IP allow list while the policy restricts a public block list/),
    ]);
  });

  test('in a plan (nested objects as lists): reported on known values', () => {
    const p = handPlan([
      res('databricks_account_network_policy.open', { network_policy_id: 'open', ingress: [{ public_access: [{ restriction_mode: 'FULL_ACCESS' }], private_access: [{ restriction_mode: 'RESTRICTED_ACCESS' }] }] }),
      res('databricks_account_network_policy.listed', { network_policy_id: 'listed', ingress: [{ public_access: [{ restriction_mode: 'RESTRICTED_ACCESS', allow_rules: [rule(['203.0.113.0/24'])] }], private_access: [{ restriction_mode: 'RESTRICTED_ACCESS' }] }] }),
      // Cross-workspace deny rules alone restrict something: reported.
      res('databricks_account_network_policy.crossdeny', { network_policy_id: 'crossdeny', ingress: [{ public_access: [{ restriction_mode: 'FULL_ACCESS' }], cross_workspace_access: [{ restriction_mode: 'RESTRICTED_ACCESS', allow_rules: null, deny_rules: [{ origin: [{ all_workspaces: true }] }] }] }] }),
      // A catch-all allow rule opens public access whatever the mode reads (here unknown): reported.
      res('databricks_account_network_policy.catchall', { network_policy_id: 'catchall', ingress: [{ public_access: [{ restriction_mode: '${var.mode}', allow_rules: [{ origin: [{ all_ip_ranges: true }] }] }], private_access: [{ restriction_mode: 'RESTRICTED_ACCESS' }] }] }),
      // Absent lists (null in a plan) and unknown rule lists restrict nothing known: not reported.
      res('databricks_account_network_policy.nulls', { network_policy_id: 'nulls', ingress: [{ public_access: [{ restriction_mode: 'FULL_ACCESS', allow_rules: null, deny_rules: null }], cross_workspace_access: [{ restriction_mode: 'RESTRICTED_ACCESS', allow_rules: null, deny_rules: null }] }] }),
      res('databricks_account_network_policy.unknown', { network_policy_id: 'unknown', ingress: [{ public_access: [{ restriction_mode: 'FULL_ACCESS' }], cross_workspace_access: [{ restriction_mode: 'RESTRICTED_ACCESS', allow_rules: '${var.rules}' }] }] }),
    ], { azurerm: ENTRA_AZURERM });
    expect(planFindings(p).filter((f) => f.startsWith('ADBS-INGRESS-PUBLIC-OPEN')).sort()).toEqual([
      'ADBS-INGRESS-PUBLIC-OPEN databricks_account_network_policy.catchall',
      'ADBS-INGRESS-PUBLIC-OPEN databricks_account_network_policy.crossdeny',
      'ADBS-INGRESS-PUBLIC-OPEN databricks_account_network_policy.open',
    ]);
    expect(planMessages(p, 'ADBS-INGRESS-PUBLIC-OPEN').sort()).toEqual([
      expect.stringContaining('open (FULL_ACCESS) with no IP allow list while the policy restricts cross-workspace access'),
      expect.stringContaining('open (FULL_ACCESS) with no IP allow list while the policy restricts private access'),
      expect.stringContaining('open (an allow rule for every IP range) with no IP allow list while the policy restricts private access'),
    ]);
  });
});

describe('ADBS-DENY-COVERS-ALLOW', () => {
  test('a block range containing an allowed range, or a domain both allowed and blocked (any casing), is reported; a carve-out is not', () => {
    const { stack, policy } = handStack();
    policy('covers', { ingress: { public_access: { restriction_mode: 'RESTRICTED_ACCESS', allow_rules: [rule(['203.0.113.0/24', '198.51.100.0/24', '${var.office}'])], deny_rules: [rule(['203.0.0.0/16', '198.51.0.0/16'])] } } });
    policy('same', { ingress: { public_access: { restriction_mode: 'RESTRICTED_ACCESS', allow_rules: [rule(['198.51.100.7'])], deny_rules: [rule(['198.51.100.7/32'])] } } });
    policy('carve', { ingress: { public_access: { restriction_mode: 'RESTRICTED_ACCESS', allow_rules: [rule(['203.0.113.0/24'])], deny_rules: [rule(['203.0.113.192/26'])] } } });
    policy('apart', { ingress: { public_access: { restriction_mode: 'RESTRICTED_ACCESS', allow_rules: [rule(['203.0.113.0/24'])], deny_rules: [rule(['203.0.114.0/24'])] } } });
    policy('dry', { ingress_dry_run: { public_access: { restriction_mode: 'RESTRICTED_ACCESS', allow_rules: [rule(['203.0.113.0/25'])], deny_rules: [rule(['203.0.113.0/24'])] } } });
    policy('domain', { 'egress.network_access.blocked_internet_destinations': [{ destination: 'PyPI.org', internet_destination_type: 'DNS_NAME' }] });
    policy('otherdomain', { 'egress.network_access.blocked_internet_destinations': [{ destination: 'files.pythonhosted.org', internet_destination_type: 'DNS_NAME' }] });
    policy('exprdomain', {
      'egress.network_access.allowed_internet_destinations': [{ destination: '${var.site}', internet_destination_type: 'DNS_NAME' }],
      'egress.network_access.blocked_internet_destinations': [{ destination: '${var.site}', internet_destination_type: 'DNS_NAME' }],
    });
    policy('expr', { ingress: { public_access: { restriction_mode: 'RESTRICTED_ACCESS', allow_rules: [rule(['${var.office}'])], deny_rules: [rule(['${var.office}'])] } } });
    synth(stack);
    expect(findingsOn(stack, 'ADBS-DENY-COVERS-ALLOW').sort()).toEqual(['hand/covers', 'hand/domain', 'hand/dry', 'hand/same']);
    const messages = warnings(stack).filter((m) => m.startsWith('[ADBS-DENY-COVERS-ALLOW]')).map((m) => /never apply\): (.*)\./.exec(m)![1]).sort();
    expect(messages).toEqual([
      'dry-run ingress range 203.0.113.0/24 (allowed: 203.0.113.0/25)',
      'egress domain pypi.org',
      'ingress range 198.51.100.7/32 (allowed: 198.51.100.7)',
      'ingress range 203.0.0.0/16 (allowed: 203.0.113.0/24); ingress range 198.51.0.0/16 (allowed: 198.51.100.0/24)',
    ]);
  });

  test('the library\'s own carve-out (the ingress example\'s shape) is not reported', () => {
    const stack = libraryPolicies({ Carve: { publicAccess: PublicIngress.fromIpRanges('203.0.113.0/24'), blockedIpRanges: ['203.0.113.192/26'] } });
    expect(findingsOn(stack, 'ADBS-DENY-COVERS-ALLOW')).toEqual([]);
    expect(findingsOn(libraryPolicies({ Covers: { publicAccess: PublicIngress.fromIpRanges('203.0.113.0/24'), blockedIpRanges: ['203.0.112.0/23'] } }), 'ADBS-DENY-COVERS-ALLOW')).toEqual(['test/Covers/Resource']);
  });

  test('in a plan: reported on known values', () => {
    const p = handPlan([
      res('databricks_account_network_policy.covers', { network_policy_id: 'covers', ingress: [{ public_access: [{ restriction_mode: 'RESTRICTED_ACCESS', allow_rules: [rule(['203.0.113.0/24'])], deny_rules: [rule(['203.0.112.0/23'])] }] }] }),
      // Destinations unknown or absent in the plan are not compared.
      res('databricks_account_network_policy.unknown', {
        network_policy_id: 'unknown',
        egress: [{ network_access: [{ restriction_mode: 'RESTRICTED_ACCESS', allowed_internet_destinations: [{ destination: null }], blocked_internet_destinations: [{ destination: null }, { destination: '${var.site}' }] }] }],
      }),
    ], { azurerm: ENTRA_AZURERM });
    expect(planFindings(p).filter((f) => f.startsWith('ADBS-DENY-COVERS-ALLOW'))).toEqual(['ADBS-DENY-COVERS-ALLOW databricks_account_network_policy.covers']);
    expect(planMessages(p, 'ADBS-DENY-COVERS-ALLOW')).toEqual([expect.stringContaining('ingress range 203.0.112.0/23 (allowed: 203.0.113.0/24)')]);
  });
});
