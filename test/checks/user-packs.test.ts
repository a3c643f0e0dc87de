import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Aspects } from 'cdktf';
import { ESTATES } from './estates';
import { l1Account } from './helpers';
import { runCli } from '../../src/checks/cli';
import { ServerlessNetworkChecks } from '../../src/checks/pack';
import { NetworkConnectivityConfig } from '../../src/ncc/network-connectivity-config';
import { PrivateLinkSubResource } from '../../src/private-link/sub-resource';
import { findingsOn, newStack, STORAGE_ID, VAULT_ID } from '../util';

describe('a pack the user adds', () => {
  test('added before the library\'s constructs, it is the stack\'s pack: the default one the constructs add does not replace it', () => {
    const { app, stack, account } = newStack();
    Aspects.of(stack).add(new ServerlessNetworkChecks({ disabledRules: ['ADBS-LEGACY-SUBNETS'], printReport: false }));
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2', accountProvider: account });
    l1Account(stack, 'Handwritten', { networkRules: { defaultAction: 'Deny', virtualNetworkSubnetIds: ncc.resource.egressConfig.defaultRules.azureServiceEndpointRule.subnets } });
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(() => app.synth()).not.toThrow();
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    const report = JSON.parse(readFileSync(join(app.outdir, 'stacks', 'test', ServerlessNetworkChecks.REPORT_FILE), 'utf8'));
    expect(report.findings.map((f: any) => f.ruleId)).toEqual([]);
  });
});

describe('account limits the constructs declare: the most careful NCC of a region sets the limit', () => {
  test('two NCCs of one region, one declaring at most one NCC per region: the second is one too many', () => {
    const { stack, account } = newStack();
    new NetworkConnectivityConfig(stack, 'A', { name: 'ncc-a', region: 'eastus2', accountProvider: account, accountLimits: { maxNccsPerRegion: 1 } });
    new NetworkConnectivityConfig(stack, 'B', { name: 'ncc-b', region: 'eastus2', accountProvider: account });
    new NetworkConnectivityConfig(stack, 'C', { name: 'ncc-c', region: 'westeurope', accountProvider: account });
    expect(findingsOn(stack, 'ADBS-LIMIT-NCCS')).toEqual(['test/B/Resource']);
  });

  test('private endpoint rules of two NCCs of one region, one declaring one endpoint per region', () => {
    const { stack, account } = newStack();
    const a = new NetworkConnectivityConfig(stack, 'A', { name: 'ncc-a', region: 'eastus2', accountProvider: account });
    const b = new NetworkConnectivityConfig(stack, 'B', { name: 'ncc-b', region: 'eastus2', accountProvider: account, accountLimits: { maxPrivateEndpointsPerRegion: 1 } });
    a.addPrivateEndpointRule('R1', { resourceId: STORAGE_ID, subResource: PrivateLinkSubResource.BLOB }).approve();
    b.addPrivateEndpointRule('R2', { resourceId: VAULT_ID, subResource: PrivateLinkSubResource.KEY_VAULT }).approve();
    expect(findingsOn(stack, 'ADBS-LIMIT-ENDPOINTS')).toEqual(['test/B/R2/Resource']);
  });
});

describe('suppressions files for the shared estates', () => {
  let dir: string;
  const write = (name: string, json: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(json));
    return file;
  };
  const modules = ESTATES.find((e) => e.name.startsWith('a plan with modules'))!;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'adbs-suppress-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a module instance address suppresses the findings inside it', () => {
    const plan = write('plan.json', modules.json());
    const suppressions = write('s.json', [{ ruleId: 'ADBS-STORAGE-OPEN', address: 'module.data["y"]', reason: 'Public dataset, read-only (ticket DATA-7)' }]);
    const r = runCli(['check', plan, '--suppressions', suppressions, '--format', 'json']);
    expect(r.stderr).toBe('1 finding(s) at level error or above: failing.\n');
    expect(JSON.parse(r.stdout).findings.map((f: any) => [f.ruleId, f.address, f.suppressed ?? null])).toEqual([
      ['ADBS-LEGACY-SUBNETS', 'module.data["x"].azurerm_storage_account.lake', null],
      ['ADBS-STORAGE-OPEN', 'module.data["y"].azurerm_storage_account.open', 'Public dataset, read-only (ticket DATA-7)'],
    ]);
    expect(r.code).toBe(1);
  });

  test.each<[string, unknown]>([
    ['no address', { ruleId: 'ADBS-STORAGE-OPEN', reason: 'Public dataset, read-only' }],
    ['an empty address', { ruleId: 'ADBS-STORAGE-OPEN', address: '', reason: 'Public dataset, read-only' }],
    ['an address that is not a string', { ruleId: 'ADBS-STORAGE-OPEN', address: 5, reason: 'Public dataset, read-only' }],
  ])('an entry with %s is refused: exit 2, naming the entry', (_name, entry) => {
    const plan = write('plan.json', modules.json());
    const suppressions = write('bad.json', [entry]);
    const r = runCli(['check', plan, '--suppressions', suppressions]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${suppressions}[0]: invalid address ${JSON.stringify((entry as any).address)}: expected a resource or module address`);
  });
});
