/**
 * Day 2 of the patterns: accounts added and removed, a policy rolled out, an association enforced, a
 * workspace bound. Each change plans as the smallest correct change, at every end the app admits.
 */
import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { TerraformStack } from 'cdktf';
import { destroyOrder, Scenario } from './scenario';
import {
  CrossWorkspaceIngress,
  IngressEnforcement,
  PrivateIngress,
  PublicIngress,
  ServerlessIngressOptions,
  EgressEnforcement,
  NetworkConnectivityConfig,
  NetworkSecurityPerimeter,
  NspAccessMode,
  ServerlessEgressPolicy,
  ServerlessSecureStorage,
  ServiceTag,
} from '../../src';
import { addresses, newStack, synth } from '../util';

function rgOf(stack: TerraformStack, name: string) {
  return new ResourceGroup(stack, 'rg', { name, location: 'eastus2' });
}

function workspace(stack: TerraformStack, rg: ResourceGroup, id: string) {
  return new DatabricksWorkspace(stack, id, { name: `dbw-${id}`, resourceGroupName: rg.name, location: 'eastus2', sku: 'premium' });
}

/** The addresses an app has that another has not. */
function only(a: TerraformStack, b: TerraformStack): string[] {
  const other = new Set(addresses(synth(b)));
  return addresses(synth(a)).filter((x) => !other.has(x));
}

describe('day 2: ServerlessSecureStorage accounts', () => {
  /** Flagship accounts (default access model) on one NCC, one per name. */
  const estate = (names: string[]) => {
    const { stack, account } = newStack();
    const rg = rgOf(stack, 'rg-day2-estate');
    const ncc = new NetworkConnectivityConfig(stack, 'ncc', { name: 'ncc-day2', region: 'eastus2', accountProvider: account });
    for (const name of names) {
      new ServerlessSecureStorage(stack, name, { networkConnectivityConfig: ncc, storageAccount: { name, resourceGroupName: rg.name, location: 'eastus2' } });
    }
    return stack;
  };

  test('a second account added creates its objects only; one removed destroys its objects only, approvals before rules before the account', () => {
    const s = Scenario.start(estate(['stday2one']));
    try {
      const two = estate(['stday2one', 'stday2two']);
      const added = only(two, estate(['stday2one']));
      // The account, 2 rules, 2 waits, 2 approvals, and its list read at apply.
      expect(added.map((a) => a.replace(/\..*$/, '')).sort()).toEqual([
        'azapi_update_resource', 'azapi_update_resource', 'azurerm_storage_account', 'data', 'databricks_mws_ncc_private_endpoint_rule',
        'databricks_mws_ncc_private_endpoint_rule', 'time_sleep', 'time_sleep',
      ]);
      expect(s.change(two).changes()).toEqual(Object.fromEntries(added.map((a) => [a, a.startsWith('data.') ? 'read' : 'create'])));
      s.apply();
      s.expectSteady();

      const removed = only(two, estate(['stday2two'])).filter((a) => !a.startsWith('data.'));
      expect(s.change(estate(['stday2two'])).changes()).toEqual(Object.fromEntries(removed.map((a) => [a, 'delete'])));
      const out = s.apply();
      const account = removed.find((a) => a.startsWith('azurerm_storage_account.'))!;
      const rules = removed.filter((a) => a.startsWith('databricks_mws_ncc_private_endpoint_rule.'));
      const approvals = removed.filter((a) => a.startsWith('azapi_update_resource.'));
      for (const end of s.ends) {
        const order = destroyOrder(out[end]);
        expect(order.sort()).toEqual([...removed].sort());
        const at = (a: string) => destroyOrder(out[end]).indexOf(a);
        for (const rule of rules) {
          expect(at(rule)).toBeLessThan(at(account));
        }
        for (const [i, approval] of approvals.entries()) {
          expect(at(approval)).toBeLessThan(at(rules[i]));
        }
      }
      s.expectSteady();
    } finally {
      s.dispose();
    }
  });
});

describe('day 2: serverless egress policy', () => {
  const egress = (enforcement: EgressEnforcement, domains: string[], pin?: string) => {
    const { stack, account } = newStack();
    if (pin) {
      stack.addOverride('terraform.required_providers.databricks.version', pin);
    }
    const rg = rgOf(stack, 'rg-day2-egress');
    const policy = new ServerlessEgressPolicy(stack, 'egress', { networkPolicyId: `np-day2-${pin ? 'pinned' : 'current'}`, accountProvider: account, enforcement, allowedDomains: domains });
    policy.applyTo('ml', { workspace: workspace(stack, rg, 'ml') });
    return { stack, policy: `databricks_account_network_policy.${Object.keys(synth(stack).resource.databricks_account_network_policy)[0]}` };
  };

  test.each([
    ['current providers (databricks >= 1.116.0: the newest end)', undefined, ['newest']],
    ['a stack pinned below 1.113.0 (no ingress: the oldest end)', '< 1.113.0', ['oldest']],
  ])('%s: from dry run to enforced, then a domain added: one in-place update each, and converged after each', (_name, pin, ends) => {
    const a = egress(EgressEnforcement.dryRun(), ['pypi.org'], pin);
    const s = Scenario.start(a.stack);
    try {
      expect(s.ends).toEqual(ends);
      expect(s.change(egress(EgressEnforcement.ENFORCED, ['pypi.org'], pin).stack).changes()).toEqual({ [a.policy]: 'update' });
      s.apply();
      s.expectSteady();
      expect(s.change(egress(EgressEnforcement.ENFORCED, ['pypi.org', 'files.pythonhosted.org'], pin).stack).changes()).toEqual({ [a.policy]: 'update' });
      s.apply();
      s.expectSteady();
    } finally {
      s.dispose();
    }
  });
});

describe('day 2: egress deny list and workspace destinations', () => {
  const egress = (blocked: string[], workspaces: string[]) => {
    const { stack, account } = newStack();
    const policy = new ServerlessEgressPolicy(stack, 'egress', { networkPolicyId: 'np-day2-blocked', accountProvider: account, allowedDomains: ['pypi.org'] });
    policy.blockDomains(...blocked);
    policy.allowWorkspaces(...workspaces);
    return { stack, policy: `databricks_account_network_policy.${Object.keys(synth(stack).resource.databricks_account_network_policy)[0]}` };
  };

  test('a blocked domain added, then a workspace destination (a 64-bit ID): one in-place update each, converged after each', () => {
    const a = egress(['evil.example.com'], ['9223372036854775807']);
    const s = Scenario.start(a.stack);
    try {
      expect(s.ends).toEqual(['newest']);
      expect(s.change(egress(['evil.example.com', 'exfil.example.net'], ['9223372036854775807']).stack).changes()).toEqual({ [a.policy]: 'update' });
      s.apply();
      s.expectSteady();
      expect(s.change(egress(['evil.example.com', 'exfil.example.net'], ['9223372036854775807', '1234567890123457']).stack).changes()).toEqual({ [a.policy]: 'update' });
      s.apply();
      s.expectSteady();
    } finally {
      s.dispose();
    }
  });
});

describe('day 2: ingress rules', () => {
  const withIngress = (ingress: ServerlessIngressOptions) => {
    const { stack, account } = newStack();
    new ServerlessEgressPolicy(stack, 'egress', { networkPolicyId: 'np-day2-ingress', accountProvider: account, allowedDomains: ['pypi.org'], ingress });
    return { stack, policy: `databricks_account_network_policy.${Object.keys(synth(stack).resource.databricks_account_network_policy)[0]}` };
  };

  test('an IP range added to the public allow list: one in-place update, converged', () => {
    const a = withIngress({ publicAccess: PublicIngress.fromIpRanges('203.0.113.0/24'), blockedIpRanges: ['203.0.113.192/26'] });
    const s = Scenario.start(a.stack);
    try {
      expect(s.ends).toEqual(['newest']);
      const b = withIngress({ publicAccess: PublicIngress.fromIpRanges('203.0.113.0/24', '198.51.100.16/28'), blockedIpRanges: ['203.0.113.192/26'] });
      expect(s.change(b.stack).changes()).toEqual({ [a.policy]: 'update' });
      s.apply();
      s.expectSteady();
    } finally {
      s.dispose();
    }
  });

  test('ingress from dry run to enforced: one in-place update, converged, no dry run left in the plan', () => {
    const rules = { publicAccess: PublicIngress.NONE, privateAccess: PrivateIngress.fromEndpoints('pe-registration-1'), crossWorkspaceAccess: CrossWorkspaceIngress.fromWorkspaces('9007199254740993') };
    const a = withIngress({ ...rules, enforcement: IngressEnforcement.DRY_RUN });
    const s = Scenario.start(a.stack);
    try {
      expect(s.ends).toEqual(['newest']);
      const change = s.change(withIngress(rules).stack);
      expect(change.changes()).toEqual({ [a.policy]: 'update' });
      const planned = change.plan().newest.resource_changes.find((c: any) => c.address === a.policy).change;
      expect([planned.before.ingress_dry_run === null, planned.after.ingress_dry_run ?? null]).toEqual([false, null]);
      expect(planned.after.ingress.private_access).toEqual(planned.before.ingress_dry_run.private_access);
      s.apply();
      s.expectSteady();
    } finally {
      s.dispose();
    }
  });
});

describe('day 2: network security perimeter', () => {
  const perimeter = (mode: NspAccessMode) => {
    const { stack } = newStack();
    const rg = rgOf(stack, 'rg-day2-nsp');
    const shared = new StorageAccount(stack, 'shared', {
      name: 'stday2nsp',
      resourceGroupName: rg.name,
      location: rg.location,
      accountTier: 'Standard',
      accountReplicationType: 'LRS',
      publicNetworkAccessEnabled: true,
      networkRules: { defaultAction: 'Deny' },
    });
    const nsp = new NetworkSecurityPerimeter(stack, 'nsp', { name: 'nsp-day2', resourceGroupName: rg.name, location: 'eastus2' });
    const profile = nsp.addProfile('serverless', { name: 'databricks-serverless', inboundServiceTags: [ServiceTag.databricksServerless('eastus2')] });
    const association = profile.associate('shared', { resourceId: shared.id, accessMode: mode });
    return { stack, association: `azurerm_network_security_perimeter_association.${(association.resource as any).friendlyUniqueId}` };
  };

  test('an association from Learning to Enforced: one in-place update', () => {
    const a = perimeter(NspAccessMode.LEARNING);
    const s = Scenario.start(a.stack);
    try {
      expect(s.change(perimeter(NspAccessMode.ENFORCED).stack).changes()).toEqual({ [a.association]: 'update' });
      s.apply();
      s.expectSteady();
    } finally {
      s.dispose();
    }
  });
});

describe('day 2: NCC bindings', () => {
  const bound = (workspaces: string[]) => {
    const { stack, account } = newStack();
    const rg = rgOf(stack, 'rg-day2-bind');
    const ncc = new NetworkConnectivityConfig(stack, 'ncc', { name: 'ncc-day2-bind', region: 'eastus2', accountProvider: account });
    for (const id of workspaces) {
      ncc.bindWorkspace(id, { workspace: workspace(stack, rg, id) });
    }
    return stack;
  };

  test('a second workspace bound to an NCC: its workspace and its binding are created, nothing else changes', () => {
    const s = Scenario.start(bound(['one']));
    try {
      const b = bound(['one', 'two']);
      expect(s.change(b).changes()).toEqual(Object.fromEntries(only(b, bound(['one'])).map((a) => [a, 'create'])));
      expect(Object.keys(s.changes()).length).toBe(2);
      s.apply();
      s.expectSteady();
    } finally {
      s.dispose();
    }
  });
});
