import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { TerraformVariable } from 'cdktf';
import {
  DryRunProduct,
  EgressAccess,
  EgressEnforcement,
  NetworkConnectivityConfig,
  PrivateLinkSubResource,
  ServerlessEgressPolicy,
  ServerlessSecureStorage,
  StorageAccess,
} from '../../src';
import { findingsOn, newStack, only, ref, resources, STORAGE_ID, synth, warningAnnotations, warnings } from '../util';

const POLICY = 'databricks_account_network_policy';
const OPTION = 'databricks_workspace_network_option';
const ACCOUNT_ID = '11111111-2222-3333-4444-555555555555';

function setup() {
  const t = newStack();
  const policy = new ServerlessEgressPolicy(t.stack, 'Egress', { networkPolicyId: 'np-data', accountProvider: t.account });
  return { ...t, policy };
}

function workspace(stack: any, id = 'Ws') {
  return new DatabricksWorkspace(stack, id, { name: `dbw-${id.toLowerCase()}`, resourceGroupName: 'rg', location: 'eastus2', sku: 'premium' });
}

describe('ServerlessEgressPolicy', () => {
  test('restricted and enforced by default; account_id always written; the whole ingress as the API fills it, on databricks >= 1.116.0', () => {
    const { stack, policy } = setup();
    const json = synth(stack);
    expect(only(json, POLICY)).toEqual({
      account_id: ACCOUNT_ID,
      network_policy_id: 'np-data',
      egress: { network_access: { restriction_mode: 'RESTRICTED_ACCESS', policy_enforcement: { enforcement_mode: 'ENFORCED' } } },
      ingress: {
        public_access: { restriction_mode: 'FULL_ACCESS', allow_rules: [] },
        private_access: { restriction_mode: 'ALLOW_ALL_REGISTERED_ENDPOINTS' },
        cross_workspace_access: { restriction_mode: 'RESTRICTED_ACCESS' },
      },
      provider: 'databricks.account',
    });
    expect(json.terraform.required_providers.databricks.version).toBe('>= 1.116.0, < 2.0.0');
    expect(policy.access).toBe(EgressAccess.RESTRICTED);
    expect(policy.enforcement).toBe(EgressEnforcement.ENFORCED);
  });

  test('a stack pinned below databricks 1.113.0 gets the policy without ingress and keeps its floor; one between 1.113 and 1.115 cannot converge: synth fails', () => {
    const pinned = setup();
    pinned.stack.addOverride('terraform.required_providers.databricks.version', '~> 1.110.0');
    const json = synth(pinned.stack);
    expect('ingress' in only(json, POLICY)).toBe(false);
    expect(json.terraform.required_providers.databricks.version).toBe('~> 1.110.0, >= 1.99.0, != 1.114.0, < 2.0.0');
    // A range that reaches 1.113 but not 1.116: the feature's floor cannot hold.
    const between = setup();
    between.stack.addOverride('terraform.required_providers.databricks.version', '>= 1.110.0, < 1.116.0');
    expect(() => synth(between.stack)).toThrow(/invalid databricks provider version constraint ">= 1.110.0, < 1.116.0": the stack's constraint and the library's ">= 1.116.0, < 2.0.0" cannot both hold/);
    // Reaching 1.116: the floor is combined, and the ingress written.
    const wide = setup();
    wide.stack.addOverride('terraform.required_providers.databricks.version', '>= 1.110.0');
    const wideJson = synth(wide.stack);
    expect(wideJson.terraform.required_providers.databricks.version).toBe('>= 1.110.0, >= 1.116.0, < 2.0.0');
    expect(Object.keys(only(wideJson, POLICY).ingress).sort()).toEqual(['cross_workspace_access', 'private_access', 'public_access']);
  });

  test('allowed domains (lowercased) and storage accounts, as props and allow* methods, in order', () => {
    const { stack, account } = newStack();
    const policy = new ServerlessEgressPolicy(stack, 'Egress', {
      networkPolicyId: 'np-data',
      accountProvider: account,
      allowedDomains: ['PyPI.org'],
      allowedStorage: [{ storageAccountName: 'stlanding' }],
    });
    policy.allowDomains('files.pythonhosted.org');
    policy.allowStorage({ storageAccountName: 'stlogs', services: ['blob'] });
    const access = only(synth(stack), POLICY).egress.network_access;
    expect(access.allowed_internet_destinations).toEqual([
      { destination: 'pypi.org', internet_destination_type: 'DNS_NAME' },
      { destination: 'files.pythonhosted.org', internet_destination_type: 'DNS_NAME' },
    ]);
    expect(access.allowed_storage_destinations).toEqual([
      { storage_destination_type: 'AZURE_STORAGE', azure_storage_account: 'stlanding', azure_storage_service: 'blob' },
      { storage_destination_type: 'AZURE_STORAGE', azure_storage_account: 'stlanding', azure_storage_service: 'dfs' },
      { storage_destination_type: 'AZURE_STORAGE', azure_storage_account: 'stlogs', azure_storage_service: 'blob' },
    ]);
  });

  test('dry run for all products, or only some (the others are enforced); full access', () => {
    const { stack, account } = newStack();
    new ServerlessEgressPolicy(stack, 'All', { networkPolicyId: 'np-all', accountProvider: account, enforcement: EgressEnforcement.dryRun() });
    new ServerlessEgressPolicy(stack, 'Sql', {
      networkPolicyId: 'np-sql',
      accountProvider: account,
      enforcement: EgressEnforcement.dryRun(DryRunProduct.DBSQL, DryRunProduct.ML_SERVING),
    });
    new ServerlessEgressPolicy(stack, 'Open', { networkPolicyId: 'np-open', accountProvider: account, access: EgressAccess.FULL });
    const byId = Object.fromEntries(Object.values<any>(resources(synth(stack), POLICY)).map((p) => [p.network_policy_id, p.egress.network_access]));
    expect(byId['np-all'].policy_enforcement).toEqual({ enforcement_mode: 'DRY_RUN' });
    expect(byId['np-sql'].policy_enforcement).toEqual({ enforcement_mode: 'DRY_RUN', dry_run_mode_product_filter: ['DBSQL', 'ML_SERVING'] });
    expect(byId['np-open'].restriction_mode).toBe('FULL_ACCESS');
  });

  test('applyTo a workspace of the app or by ID: the option references the policy, so the policy exists first', () => {
    const { stack, policy } = setup();
    const ws = workspace(stack);
    policy.applyTo('Ws', { workspace: ws });
    policy.applyTo('Legacy', { workspaceId: '9007199254740993' });
    const json = synth(stack);
    const options = Object.values<any>(resources(json, OPTION));
    expect(options.map((o) => o.workspace_id).sort()).toEqual([ref(json, 'azurerm_databricks_workspace', 'workspace_id'), '9007199254740993'].sort());
    expect(options.every((o) => o.network_policy_id === ref(json, POLICY, 'network_policy_id'))).toBe(true);
    expect(options.every((o) => o.provider === 'databricks.account')).toBe(true);
  });

  test('account_id from accountId, or from the default databricks provider', () => {
    const { stack } = newStack('test', { defaultDatabricks: false });
    new ServerlessEgressPolicy(stack, 'Given', { networkPolicyId: 'np-a', accountId: '99999999-2222-3333-4444-555555555555' });
    new DatabricksProvider(stack, 'databricks', { host: 'https://accounts.azuredatabricks.net', accountId: '77777777-2222-3333-4444-555555555555' });
    new ServerlessEgressPolicy(stack, 'Default', { networkPolicyId: 'np-b' });
    const ids = Object.values<any>(resources(synth(stack), POLICY)).map((p) => [p.network_policy_id, p.account_id, p.provider]);
    expect(ids).toEqual([
      ['np-a', '99999999-2222-3333-4444-555555555555', undefined],
      ['np-b', '77777777-2222-3333-4444-555555555555', undefined],
    ]);
  });

  test('an imported policy is applied by ID and cannot be changed here', () => {
    const { stack, account } = newStack();
    const shared = ServerlessEgressPolicy.fromPolicyAttributes(stack, 'Shared', { networkPolicyId: 'np-shared', accountProvider: account });
    shared.applyTo('Ws', { workspaceId: '123' });
    expect(only(synth(stack), OPTION)).toEqual({ workspace_id: '123', network_policy_id: 'np-shared', provider: 'databricks.account' });
    expect(() => shared.allowDomains('pypi.org')).toThrow(/invalid allowedDomains \["pypi.org"\]: policy np-shared is imported: its destinations are managed where it was created/);
    expect(() => shared.allowStorage({ storageAccountName: 'st' })).toThrow(/invalid allowedStorage "st": policy np-shared is imported/);
  });

  test('adopting default-policy imports it (no create) and protects it from destroy', () => {
    const { stack, account } = newStack();
    const adopted = ServerlessEgressPolicy.adoptDefaultPolicy(stack, 'Default', { accountProvider: account, allowedDomains: ['pypi.org'] });
    const json = synth(stack);
    const name = Object.keys(resources(json, POLICY))[0];
    expect(json.import).toEqual([{ to: `${POLICY}.${name}`, id: 'default-policy', provider: 'databricks.account' }]);
    expect(only(json, POLICY)).toMatchObject({ network_policy_id: 'default-policy', lifecycle: { prevent_destroy: true } });
    expect(adopted.networkPolicyId).toBe('default-policy');
  });
});

describe('ServerlessEgressPolicy wired into ServerlessSecureStorage', () => {
  function make(access: StorageAccess | undefined, extra: any = {}) {
    const t = setup();
    const ncc = new NetworkConnectivityConfig(t.stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: t.account });
    new ServerlessSecureStorage(t.stack, 'Lake', { networkConnectivityConfig: ncc, access, egressPolicy: t.policy, ...extra });
    return t;
  }
  const storage = (json: any) =>
    only(json, POLICY).egress.network_access.allowed_storage_destinations.map((d: any) => [d.azure_storage_account, d.azure_storage_service]);
  const account = { name: 'stlake', resourceGroupName: 'rg', location: 'eastus2' };

  test('a new account adds itself for the services of its private endpoints', () => {
    const subResources = [PrivateLinkSubResource.BLOB, PrivateLinkSubResource.DFS, PrivateLinkSubResource.QUEUE];
    const { stack } = make(undefined, { storageAccount: account, subResources });
    const json = synth(stack);
    const name = ref(json, 'azurerm_storage_account', 'name');
    expect(storage(json)).toEqual([[name, 'blob'], [name, 'dfs'], [name, 'queue']]);
  });

  test('the service-tag path adds blob and dfs; an existing account by literal ID adds its name', () => {
    const { stack } = make(StorageAccess.SERVICE_TAG, { storageAccount: account });
    expect(storage(synth(stack)).map((d: any) => d[1])).toEqual(['blob', 'dfs']);
    const existing = make(undefined, { storageAccountId: STORAGE_ID });
    expect(storage(synth(existing.stack))).toEqual([['stlake', 'blob'], ['stlake', 'dfs']]);
  });

  test('an existing account by reference adds basename(<id>)', () => {
    const t = setup();
    const id = new TerraformVariable(t.stack, 'lake_id', { type: 'string' });
    const ncc = new NetworkConnectivityConfig(t.stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: t.account });
    new ServerlessSecureStorage(t.stack, 'Lake', { networkConnectivityConfig: ncc, storageAccountId: id.stringValue, egressPolicy: t.policy });
    expect(storage(synth(t.stack))).toEqual([['${basename(var.lake_id)}', 'blob'], ['${basename(var.lake_id)}', 'dfs']]);
  });

  test('an account the user also allowed by hand is listed once', () => {
    const t = setup();
    t.policy.allowStorage({ storageAccountName: 'stlake' });
    const ncc = new NetworkConnectivityConfig(t.stack, 'Ncc', { name: 'ncc1', region: 'eastus2', accountProvider: t.account });
    new ServerlessSecureStorage(t.stack, 'Lake', { networkConnectivityConfig: ncc, storageAccountId: STORAGE_ID, egressPolicy: t.policy });
    expect(storage(synth(t.stack))).toEqual([['stlake', 'blob'], ['stlake', 'dfs']]);
  });
});

describe('ServerlessEgressPolicy guards', () => {
  test.each([
    ['*.blob.core.windows.net', /invalid allowedDomains "\*\.blob\.core\.windows\.net": the Databricks docs describe no wildcard in network policies .*Fix: list each host name, e\.g\. "blob\.core\.windows\.net"/],
    ['https://pypi.org', /invalid allowedDomains "https:\/\/pypi.org": not a fully qualified domain name/],
    ['pypi', /invalid allowedDomains "pypi": not a fully qualified domain name/],
  ])('domain %j is refused', (domain, message) => {
    const { policy } = setup();
    expect(() => policy.allowDomains(domain)).toThrow(message);
  });

  test('duplicate destinations are refused, in any casing', () => {
    const { policy } = setup();
    policy.allowDomains('pypi.org');
    expect(() => policy.allowDomains('PYPI.org')).toThrow(/invalid allowedDomains "PYPI.org": listed twice/);
    policy.allowStorage({ storageAccountName: 'stlake', services: ['dfs'] });
    expect(() => policy.allowStorage({ storageAccountName: 'stlake' })).toThrow(/invalid allowedStorage "stlake dfs": already allowed \(by allowedStorage\)/);
  });

  test('storage destinations are checked: name, services', () => {
    const { policy } = setup();
    expect(() => policy.allowStorage({ storageAccountName: STORAGE_ID })).toThrow(/invalid allowedStorage.storageAccountName .*the name, not the ARM ID/);
    expect(() => policy.allowStorage({ storageAccountName: 'stlake', services: ['vault'] })).toThrow(/invalid allowedStorage.services "vault": not a storage service. Fix: use "blob", "dfs", "file", "queue", "table", "web"/);
    expect(() => policy.allowStorage({ storageAccountName: 'stlake', services: [] })).toThrow(/invalid allowedStorage.services \[\]: the list is empty/);
  });

  test('more than 2000 literal destinations is an error at synth', () => {
    const { stack, policy } = setup();
    policy.allowDomains(...Array.from({ length: 1998 }, (_, i) => `host${i}.example.com`));
    policy.allowStorage({ storageAccountName: 'stlake' });
    expect(() => synth(stack)).not.toThrow();
    policy.allowDomains('one-too-many.example.com');
    expect(() => synth(stack)).toThrow(/invalid allowed destinations "2001 destinations": a network policy holds at most 2000 destinations/);
  });

  test('the same workspace given two policies anywhere in the app is an error naming both', () => {
    const { stack, policy, account } = setup();
    const other = new ServerlessEgressPolicy(stack, 'Other', { networkPolicyId: 'np-other', accountProvider: account });
    const ws = workspace(stack);
    policy.applyTo('A', { workspace: ws });
    other.applyTo('B', { workspace: ws });
    expect(() => synth(stack)).toThrow(/the same workspace is given more than one network policy: test\/Egress\/A \(policy test\/Egress\), test\/Other\/B \(policy test\/Other\)/);
  });

  test('the same literal workspace ID twice is an error; different workspaces are fine', () => {
    const { stack, policy } = setup();
    policy.applyTo('A', { workspaceId: '9007199254740993' });
    policy.applyTo('B', { workspaceId: '9007199254740995' });
    expect(() => synth(stack)).not.toThrow();
    policy.applyTo('C', { workspaceId: '9007199254740993' });
    expect(() => synth(stack)).toThrow(/given more than one network policy/);
  });

  test('default-policy cannot be created; an invalid policy ID is refused', () => {
    const { stack, account } = newStack();
    expect(() => new ServerlessEgressPolicy(stack, 'D', { networkPolicyId: 'default-policy', accountProvider: account })).toThrow(
      /invalid networkPolicyId "default-policy": default-policy exists in every account and cannot be created. Fix: manage it with ServerlessEgressPolicy.adoptDefaultPolicy/,
    );
    expect(() => new ServerlessEgressPolicy(stack, 'L', { networkPolicyId: 'x'.repeat(33), accountProvider: account })).toThrow(/invalid networkPolicyId .*1-32 letters/);
    expect(() => new ServerlessEgressPolicy(stack, 'S', { networkPolicyId: 'np data', accountProvider: account })).toThrow(/invalid networkPolicyId "np data"/);
  });

  test('without an account ID anywhere it is an error naming the fix', () => {
    const { stack } = newStack('test', { defaultDatabricks: false });
    expect(() => new ServerlessEgressPolicy(stack, 'E', { networkPolicyId: 'np-a' })).toThrow(
      /invalid accountId \(not set\): the Databricks account ID is not known.*Fix: pass accountId/,
    );
  });

  test('restricted with no destinations warns what stays reachable; full access or any destination does not', () => {
    const { stack, account } = newStack();
    new ServerlessEgressPolicy(stack, 'Empty', { networkPolicyId: 'np-empty', accountProvider: account });
    new ServerlessEgressPolicy(stack, 'Open', { networkPolicyId: 'np-open', accountProvider: account, access: EgressAccess.FULL });
    new ServerlessEgressPolicy(stack, 'Some', { networkPolicyId: 'np-some', accountProvider: account, allowedDomains: ['pypi.org'] });
    synth(stack);
    synth(stack);
    expect(warnings(stack)).toEqual([expect.stringMatching(/^\[ADBS-EGRESS-EMPTY\] Restricted network policy with no allowed destinations: serverless compute reaches only Unity Catalog/)]);
    expect(findingsOn(stack, 'ADBS-EGRESS-EMPTY')).toEqual(['test/Empty/Resource']);
    // The constructor adds no warning of its own: the finding is the rule's, with its ID.
    expect(warningAnnotations(stack)).toEqual([]);
  });
});

describe('ServerlessEgressPolicy, token inputs', () => {
  test('tokens pass unchecked', () => {
    const { stack, policy } = setup();
    const host = new TerraformVariable(stack, 'host', { type: 'string' });
    policy.allowDomains(host.stringValue);
    policy.applyTo('Ws', { workspaceId: new TerraformVariable(stack, 'ws', { type: 'string' }).stringValue });
    const json = synth(stack);
    expect(only(json, POLICY).egress.network_access.allowed_internet_destinations).toEqual([{ destination: '${var.host}', internet_destination_type: 'DNS_NAME' }]);
    expect(only(json, OPTION).workspace_id).toBe('${var.ws}');
  });
});

describe('ServerlessEgressPolicy: blocked domains and workspace destinations', () => {
  test('blocked domains (lowercased) and workspace IDs (every digit kept), as props and methods; each raises the databricks floor only when used', () => {
    const { stack, policy } = setup();
    expect(synth(stack).terraform.required_providers.databricks.version).toBe('>= 1.116.0, < 2.0.0');
    expect(only(synth(stack), POLICY).egress.network_access).not.toHaveProperty('blocked_internet_destinations');
    policy.blockDomains('Evil.example.com');
    expect(synth(stack).terraform.required_providers.databricks.version).toBe('>= 1.116.0, < 2.0.0');
    const v = new TerraformVariable(stack, 'peer', { type: 'string' });
    policy.allowWorkspaces('9223372036854775807', v.stringValue);
    const json = synth(stack);
    expect(json.terraform.required_providers.databricks.version).toBe('>= 1.118.0, < 2.0.0');
    const access = only(json, POLICY).egress.network_access;
    expect(access.blocked_internet_destinations).toEqual([{ destination: 'evil.example.com', internet_destination_type: 'DNS_NAME' }]);
    expect(access.allowed_databricks_destinations).toEqual([{ workspace_ids: ['9223372036854775807', '${var.peer}'] }]);
    const { stack: other, account } = newStack('other');
    new ServerlessEgressPolicy(other, 'E', { networkPolicyId: 'np', accountProvider: account, blockedDomains: ['a.example.com'] });
    // 1.114.0 is excluded, and below the network-policy floor anyway: the stack's floor stays 1.116.0.
    expect(only(synth(other), POLICY).egress.network_access.blocked_internet_destinations).toEqual([{ destination: 'a.example.com', internet_destination_type: 'DNS_NAME' }]);
  });

  test('a stack pinned below a feature\'s floor fails at synth, naming the feature\'s version', () => {
    const { stack, policy } = setup();
    stack.addOverride('terraform.required_providers.databricks.version', '~> 1.117.0');
    policy.blockDomains('evil.example.com');
    expect(() => synth(stack)).not.toThrow();
    policy.allowWorkspaces('1234567890123457');
    expect(() => synth(stack)).toThrow(/invalid databricks provider version constraint "~> 1.117.0": the stack's constraint and the library's ">= 1.118.0, < 2.0.0" cannot both hold/);
  });

  test('a domain both allowed and blocked is refused, in either order and any casing', () => {
    const { policy } = setup();
    policy.allowDomains('pypi.org');
    expect(() => policy.blockDomains('PyPI.org')).toThrow(/invalid blockedDomains "PyPI.org": the domain is also allowed \(allowedDomains\).*Fix: either allow it or block it/);
    policy.blockDomains('evil.example.com');
    expect(() => policy.allowDomains('EVIL.example.com')).toThrow(/invalid allowedDomains "EVIL.example.com": the domain is also blocked \(blockedDomains\)/);
    const { stack, account } = newStack('props');
    expect(() => new ServerlessEgressPolicy(stack, 'E', { networkPolicyId: 'np', accountProvider: account, allowedDomains: ['x.example.com'], blockedDomains: ['x.example.com'] }))
      .toThrow(/invalid blockedDomains "x.example.com": the domain is also allowed/);
  });

  test('blocked domains are validated like the allow list, once each, and refused on a full-access policy', () => {
    const { policy } = setup();
    expect(() => policy.blockDomains('*.example.com')).toThrow(/invalid blockedDomains "\*\.example\.com": the Databricks docs describe no wildcard/);
    expect(() => policy.blockDomains('https://example.com')).toThrow(/invalid blockedDomains "https:\/\/example.com": not a fully qualified domain name/);
    policy.blockDomains('evil.example.com');
    expect(() => policy.blockDomains('EVIL.example.com')).toThrow(/invalid blockedDomains "EVIL.example.com": listed twice/);
    const { stack, account } = newStack('full');
    const full = new ServerlessEgressPolicy(stack, 'E', { networkPolicyId: 'np', accountProvider: account, access: EgressAccess.FULL });
    expect(() => full.blockDomains('evil.example.com')).toThrow(/invalid blockedDomains "evil.example.com": a policy with full access enforces no block list.*Fix: use EgressAccess.RESTRICTED/);
  });

  test('workspace destinations: digits only, once each (literal or the same reference)', () => {
    const { stack, policy } = setup();
    expect(() => policy.allowWorkspaces('adb-123')).toThrow(/invalid allowedWorkspaces "adb-123": a workspace ID is the number in the workspace URL/);
    expect(() => policy.allowWorkspaces('0123')).toThrow(/invalid allowedWorkspaces "0123"/);
    policy.allowWorkspaces('9223372036854775807');
    expect(() => policy.allowWorkspaces('9223372036854775807')).toThrow(/invalid allowedWorkspaces "9223372036854775807": listed twice/);
    const v = new TerraformVariable(stack, 'peer', { type: 'string' });
    policy.allowWorkspaces(v.stringValue);
    expect(() => policy.allowWorkspaces(v.stringValue)).toThrow(/invalid allowedWorkspaces .*: listed twice/);
  });

  test('an imported policy refuses both: its destinations are managed elsewhere', () => {
    const { stack, account } = newStack();
    const imported = ServerlessEgressPolicy.fromPolicyAttributes(stack, 'I', { networkPolicyId: 'np-shared', accountProvider: account });
    expect(() => imported.blockDomains('evil.example.com')).toThrow(/invalid blockedDomains \["evil.example.com"\]: policy np-shared is imported/);
    expect(() => imported.allowWorkspaces('1234567890123457')).toThrow(/invalid allowedWorkspaces \["1234567890123457"\]: policy np-shared is imported/);
  });
});
