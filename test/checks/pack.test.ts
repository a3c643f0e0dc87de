import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { App, Aspects, TerraformStack, Testing } from 'cdktf';
import { l1Account } from './helpers';
import { ServerlessNetworkChecks } from '../../src/checks/pack';
import { FindingLevel } from '../../src/checks/rule';
import { NetworkConnectivityConfig } from '../../src/ncc/network-connectivity-config';
import { PrivateLinkSubResource } from '../../src/private-link/sub-resource';
import { ServerlessSecureStorage } from '../../src/storage/serverless-secure-storage';
import { armId, newStack, STORAGE_ID } from '../util';

const LEGACY = '/subscriptions/8453a5d5-9e9e-40c7-87a4-0ab4cc197f48/resourceGroups/prod-azure-eastus2c2-nephos/providers/Microsoft.Network/virtualNetworks/kaas-vnet/subnets/worker-subnet';

/** Synthesizes the app with stderr captured; returns what was printed, or the error thrown. */
function synthApp(app: App): { stderr: string; error?: Error } {
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    app.synth();
    return { stderr: spy.mock.calls.map((c) => String(c[0])).join('') };
  } catch (e) {
    return { stderr: spy.mock.calls.map((c) => String(c[0])).join(''), error: e as Error };
  } finally {
    spy.mockRestore();
  }
}

/** A stack for hand-written azurerm resources only. */
function l1Stack(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{ storage: [{ dataPlaneAvailable: false }] }], storageUseAzuread: true });
  return stack;
}

/** A stack with the azurerm provider and a default account-level databricks provider. */
function withProviders(app: App, id: string): TerraformStack {
  const stack = l1Stack(app, id);
  new DatabricksProvider(stack, 'databricks', { host: 'https://accounts.azuredatabricks.net', accountId: '11111111-2222-3333-4444-555555555555' });
  return stack;
}

function reportOf(app: App, stack: string): any {
  return JSON.parse(readFileSync(join(app.outdir, 'stacks', stack, ServerlessNetworkChecks.REPORT_FILE), 'utf8'));
}

/** A stack with one legacy-subnet existing account (an error) and one rule without approval (a warning). */
function riskyStack() {
  const t = newStack();
  const ncc = new NetworkConnectivityConfig(t.stack, 'Ncc', { name: 'ncc', region: 'eastus2', accountProvider: t.account });
  const lake = new ServerlessSecureStorage(t.stack, 'Lake', { networkConnectivityConfig: ncc, storageAccountId: STORAGE_ID, existingFirewallSubnetIds: [LEGACY], nccServerlessSubnetIds: [LEGACY] });
  ncc.addPrivateEndpointRule('Vault', { resourceId: armId('Microsoft.KeyVault/vaults', 'kv'), subResource: PrivateLinkSubResource.KEY_VAULT });
  return { ...t, ncc, lake };
}

describe('the default pack at synth', () => {
  test('an error finding fails app.synth(), after the report is printed and written', () => {
    const { app } = riskyStack();
    const { stderr, error } = synthApp(app);
    expect(error?.message).toMatch(
      /Serverless network checks failed for stack test: 1 finding\(s\) at level error or above \(report in stacks\/test\/serverless-network-checks.json\)/,
    );
    expect(stderr).toContain('Serverless network checks, test: 1 error(s), 1 warning(s), 0 info, 0 suppressed');
    expect(stderr).toMatch(/ERROR\s+ADBS-LEGACY-SUBNETS {2}test\/Lake \(existing:\/subscriptions\/.*\/storageAccounts\/stlake\)\n\s+The storage firewall allowlists/);
    expect(stderr).toMatch(/WARNING\s+ADBS-UNAPPROVED-RULE {2}test\/Ncc\/Vault\/Resource \(databricks_mws_ncc_private_endpoint_rule\.\S+\)\n.*\n\s+Fix: Call approve\(\)/);
    const report = reportOf(app, 'test');
    expect(report.summary).toEqual({ errors: 1, warnings: 1, infos: 0, suppressed: 0, reportedOnly: 0 });
    expect(report.findings.map((f: any) => [f.ruleId, f.level, f.path])).toEqual([
      ['ADBS-LEGACY-SUBNETS', 'error', 'test/Lake'],
      ['ADBS-UNAPPROVED-RULE', 'warning', 'test/Ncc/Vault/Resource'],
    ]);
  });

  test('a suppression with a reason keeps the finding in the report, marked, and lets the synth pass; annotations carry the IDs', () => {
    const { app, lake } = riskyStack();
    ServerlessNetworkChecks.suppress(lake, 'ADBS-LEGACY-SUBNETS', 'Migration in progress: subnets removed after the access-log check (ticket NET-42)');
    const { stderr, error } = synthApp(app);
    expect(error).toBeUndefined();
    expect(stderr).toContain('0 error(s), 1 warning(s), 0 info, 1 suppressed');
    expect(stderr).toMatch(/SUPPRESSED\s+ADBS-LEGACY-SUBNETS.*\n.*\n\s+Suppressed: Migration in progress/);
    const report = reportOf(app, 'test');
    expect(report.findings[0]).toMatchObject({ ruleId: 'ADBS-LEGACY-SUBNETS', suppressed: expect.stringMatching(/^Migration in progress/) });
    const manifest = JSON.parse(readFileSync(join(app.outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks.test.annotations).toEqual([
      { constructPath: 'test/Ncc/Vault/Resource', level: '@cdktf/warn', message: expect.stringMatching(/^\[ADBS-UNAPPROVED-RULE\] Private endpoint rule/) },
    ]);
  });

  test('a suppression needs a known rule ID and a reason', () => {
    const { lake } = riskyStack();
    expect(() => ServerlessNetworkChecks.suppress(lake, 'ADBS-NOPE', 'a long enough reason')).toThrow(
      /^test\/Lake: invalid ruleId "ADBS-NOPE": no such rule. Fix: use one of ADBS-LEGACY-SUBNETS, /,
    );
    expect(() => ServerlessNetworkChecks.suppress(lake, 'ADBS-LEGACY-SUBNETS', ' ok ')).toThrow(
      /^test\/Lake: invalid reason " ok ": a suppression needs a reason \(10 characters or more\). Fix: say why ADBS-LEGACY-SUBNETS does not apply here/,
    );
  });

  test('a suppression covers the construct and what is below it, for that rule only', () => {
    const { stack, ncc } = riskyStack();
    ServerlessNetworkChecks.suppress(ncc, 'ADBS-UNAPPROVED-RULE', 'Approved by the key vault team\'s own pipeline');
    ServerlessNetworkChecks.suppress(ncc, 'ADBS-LEGACY-SUBNETS', 'The NCC is not where the legacy finding is');
    const report = ServerlessNetworkChecks.check(stack);
    expect(report.findings.map((f) => [f.ruleId, f.suppressed !== undefined])).toEqual([
      ['ADBS-LEGACY-SUBNETS', false],
      ['ADBS-UNAPPROVED-RULE', true],
    ]);
  });

  test('a suppression on a construct does not cover a sibling whose name starts the same', () => {
    const { stack } = newStack();
    l1Account(stack, 'Lake', { minTlsVersion: 'TLS1_0' });
    const sibling = l1Account(stack, 'LakeCopy', { minTlsVersion: 'TLS1_0' });
    ServerlessNetworkChecks.suppress(stack.node.findChild('Lake'), 'ADBS-STORAGE-TLS', 'Legacy client, retired in Q3 (ticket NET-7)');
    expect(ServerlessNetworkChecks.check(stack).findings.map((f) => [f.path, f.suppressed !== undefined])).toEqual([
      ['test/Lake', true],
      [sibling.node.path, false],
    ]);
  });

  test('a stack without findings prints nothing and writes an empty report', () => {
    const { app, stack, account } = newStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2', accountProvider: account });
    new ServerlessSecureStorage(stack, 'Lake', { networkConnectivityConfig: ncc, storageAccountId: STORAGE_ID });
    const { stderr, error } = synthApp(app);
    expect(error).toBeUndefined();
    expect(stderr).toBe('');
    expect(reportOf(app, 'test')).toEqual({ stack: 'test', summary: { errors: 0, warnings: 0, infos: 0, suppressed: 0, reportedOnly: 0 }, findings: [] });
  });

  test('a stack of hand-written resources only is not checked unless the pack is applied to the app or added to the stack', () => {
    const app = Testing.app();
    l1Account(l1Stack(app, 'quiet'), 'Open', { publicNetworkAccessEnabled: true, networkRules: undefined });
    synthApp(app);
    expect(existsSync(join(app.outdir, 'stacks', 'quiet', ServerlessNetworkChecks.REPORT_FILE))).toBe(false);

    const audited = Testing.app();
    ServerlessNetworkChecks.applyTo(audited);
    // A stack created after applyTo is checked too.
    l1Account(l1Stack(audited, 'audited'), 'Open', { publicNetworkAccessEnabled: true, networkRules: undefined });
    const { stderr, error } = synthApp(audited);
    expect(error).toBeUndefined();
    expect(reportOf(audited, 'audited').findings.map((f: any) => f.ruleId)).toEqual(['ADBS-STORAGE-OPEN']);
    expect(stderr).toContain('Serverless network checks, audited: 0 error(s), 1 warning(s)');

    const perStack = Testing.app();
    const stack = l1Stack(perStack, 'one');
    l1Account(stack, 'Open', { publicNetworkAccessEnabled: true, networkRules: undefined });
    l1Account(l1Stack(perStack, 'unchecked'), 'Open', { publicNetworkAccessEnabled: true, networkRules: undefined });
    Aspects.of(stack).add(new ServerlessNetworkChecks({ printReport: false }));
    expect(synthApp(perStack).stderr).toBe('');
    expect(reportOf(perStack, 'one').summary.warnings).toBe(1);
    expect(existsSync(join(perStack.outdir, 'stacks', 'unchecked', ServerlessNetworkChecks.REPORT_FILE))).toBe(false);
  });
});

describe('what the default pack enforces, and on which routes', () => {
  /** The library's NCC next to a hand-written account whose firewall lists the NCC's legacy subnets (an error). */
  const mixed = (app: App) => {
    const stack = withProviders(app, 'mixed');
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2' });
    l1Account(stack, 'Handwritten', { networkRules: { defaultAction: 'Deny', virtualNetworkSubnetIds: ncc.resource.egressConfig.defaultRules.azureServiceEndpointRule.subnets } });
    return stack;
  };

  test('by default a finding on a resource the library did not create is reported, marked, and fails nothing; applied, the pack enforces it', () => {
    const app = Testing.app();
    mixed(app);
    const { stderr, error } = synthApp(app);
    expect(error).toBeUndefined();
    const [finding] = reportOf(app, 'mixed').findings;
    expect(finding).toMatchObject({ ruleId: 'ADBS-LEGACY-SUBNETS', path: 'mixed/Handwritten', enforced: false });
    expect(reportOf(app, 'mixed').summary).toMatchObject({ errors: 1, reportedOnly: 1 });
    expect(stderr).toMatch(/1 on resources this library did not create: reported only; apply the pack to enforce/);
    expect(stderr).toMatch(/ERROR\*\s+ADBS-LEGACY-SUBNETS {2}mixed\/Handwritten/);

    const enforced = Testing.app();
    mixed(enforced);
    ServerlessNetworkChecks.applyTo(enforced);
    expect(synthApp(enforced).error?.message).toMatch(/Serverless network checks failed for stack mixed: 1 finding\(s\) at level error/);
  });

  test('cdktf synth --hcl runs the checks on the same document: the report is written and an error fails the synth', () => {
    const app = new App({ outdir: Testing.app().outdir, hclOutput: true });
    const stack = withProviders(app, 'test');
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2' });
    new ServerlessSecureStorage(stack, 'Lake', { networkConnectivityConfig: ncc, storageAccountId: STORAGE_ID, existingFirewallSubnetIds: [LEGACY], nccServerlessSubnetIds: [LEGACY] });
    const { error } = synthApp(app);
    expect(existsSync(join(app.outdir, 'stacks', 'test', 'cdk.tf'))).toBe(true);
    expect(reportOf(app, 'test').summary.errors).toBe(1);
    expect(error?.message).toMatch(/Serverless network checks failed for stack test: 1 finding\(s\) at level error/);
  });

  test('an app that skips validation says that the checks did not run', () => {
    const app = new App({ outdir: Testing.app().outdir, skipValidation: true });
    const stack = withProviders(app, 'test');
    new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2' });
    synthApp(app);
    const manifest = JSON.parse(readFileSync(join(app.outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks.test.annotations.map((a: any) => a.message)).toContain(
      'Serverless network checks skipped: the app skips validation (skipValidation: true); nothing was checked.',
    );
  });

  test('under the cdktf CLI the report is not printed to stderr (the CLI would show it as [ERROR] lines, and shows the annotations)', () => {
    const saved = { ...process.env };
    const { app } = riskyStack();
    process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = 'true';
    process.env.CDKTF_OUTDIR = app.outdir;
    try {
      const { stderr } = synthApp(app);
      expect(stderr).toBe('');
      expect(reportOf(app, 'test').summary.errors).toBe(1);
    } finally {
      process.env = saved;
    }
  });
});

describe('pack options', () => {
  test('the user\'s pack (on the app\'s aspects, or applied) takes precedence over the default: reportOnly, failOn', () => {
    const lenient = riskyStack();
    Aspects.of(lenient.app).add(new ServerlessNetworkChecks({ reportOnly: true, printReport: false }));
    const r1 = synthApp(lenient.app);
    expect(r1.error).toBeUndefined();
    expect(r1.stderr).toBe('');
    expect(reportOf(lenient.app, 'test').summary.errors).toBe(1);
    // The error reaches the manifest as a warning: the cdktf CLI would fail on an error annotation.
    const manifest = JSON.parse(readFileSync(join(lenient.app.outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks.test.annotations.map((a: any) => [a.level, a.message.slice(0, 42)])).toEqual([
      ['@cdktf/warn', '[ADBS-LEGACY-SUBNETS] error: The storage f'],
      ['@cdktf/warn', '[ADBS-UNAPPROVED-RULE] Private endpoint ru'],
    ]);

    const strict = newStack();
    const ncc = new NetworkConnectivityConfig(strict.stack, 'Ncc', { name: 'ncc', region: 'eastus2', accountProvider: strict.account });
    ncc.addPrivateEndpointRule('Vault', { resourceId: armId('Microsoft.KeyVault/vaults', 'kv'), subResource: PrivateLinkSubResource.KEY_VAULT });
    expect(synthApp(strict.app).error).toBeUndefined();
    const strictApp = newStack();
    const ncc2 = new NetworkConnectivityConfig(strictApp.stack, 'Ncc', { name: 'ncc', region: 'eastus2', accountProvider: strictApp.account });
    ncc2.addPrivateEndpointRule('Vault', { resourceId: armId('Microsoft.KeyVault/vaults', 'kv'), subResource: PrivateLinkSubResource.KEY_VAULT });
    ServerlessNetworkChecks.applyTo(strictApp.app, { failOn: FindingLevel.WARNING });
    expect(synthApp(strictApp.app).error?.message).toMatch(/Serverless network checks failed for stack test: 1 finding\(s\) at level warning or above/);
  });

  test('a stack\'s own pack wins over the app\'s', () => {
    const { app, stack } = riskyStack();
    ServerlessNetworkChecks.applyTo(app, { failOn: FindingLevel.WARNING });
    Aspects.of(stack).add(new ServerlessNetworkChecks({ reportOnly: true, printReport: false }));
    const { error, stderr } = synthApp(app);
    expect(error).toBeUndefined();
    expect(stderr).toBe('');
  });

  test('disabledRules skips a rule; an unknown ID is an error', () => {
    const { stack } = riskyStack();
    expect(ServerlessNetworkChecks.check(stack, { disabledRules: ['ADBS-LEGACY-SUBNETS'] }).findings.map((f) => f.ruleId)).toEqual(['ADBS-UNAPPROVED-RULE']);
    expect(() => new ServerlessNetworkChecks({ disabledRules: ['ADBS-LEGACY'] })).toThrow(/^ServerlessNetworkChecks: invalid disabledRules "ADBS-LEGACY": no such rule/);
  });

  test('each stack gets its own report', () => {
    const app = Testing.app();
    for (const id of ['one', 'two']) {
      l1Account(l1Stack(app, id), 'Lake', { minTlsVersion: id === 'one' ? 'TLS1_0' : 'TLS1_2' });
    }
    ServerlessNetworkChecks.applyTo(app);
    synthApp(app);
    expect(reportOf(app, 'one').findings.map((f: any) => f.ruleId)).toEqual(['ADBS-STORAGE-TLS']);
    expect(reportOf(app, 'two').findings).toEqual([]);
  });

  test('rules() lists every rule once with its level, title and fix; FindingLevel.of refuses an unknown level', () => {
    const rules = ServerlessNetworkChecks.rules();
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(rules.find((r) => r.id === 'ADBS-LEGACY-SUBNETS')).toMatchObject({ level: 'error' });
    expect(rules.filter((r) => r.level === 'error').map((r) => r.id)).toEqual(['ADBS-LEGACY-SUBNETS', 'ADBS-ROOT-STORAGE-PERIMETER']);
    expect(rules.every((r) => r.title.length > 0 && r.fix.length > 0)).toBe(true);
    expect(() => FindingLevel.of('fatal')).toThrow(/invalid level "fatal": expected error, warning or info/);
  });
});
