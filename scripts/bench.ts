/**
 * Synth benchmark: the flagship pattern against hand-written L1 doing the same job, paired run by run.
 *
 * The job, per account: a locked-down ADLS Gen2 storage account reached by Databricks serverless compute
 * through NCC private endpoint rules for blob and dfs, both connections approved exactly on the account.
 * - flagship: `new ServerlessSecureStorage(stack, id, { networkConnectivityConfig, storageAccount })`;
 * - l1: what a careful user writes by hand with the provider bindings: the account, two rules, one
 *   connection list and two approvals with the same selection expression.
 * Both sides have one NCC (the library's construct on the flagship side, the L1 on the other) and the
 * providers, and synthesize with `app.synth()` (Testing.synth is quadratic); the flagship side's synth
 * includes the serverless network checks the library's constructs bring. The script and the library are compiled with the repository's TypeScript first, and each
 * run is a fresh plain-Node process (ts-node's source maps would make every stack trace cdktf captures
 * several times dearer, on both sides); sides alternate (flagship, l1, flagship, ...), and the median of
 * the rounds is printed with the ratio flagship / l1. Last, the flagship runs once at N = 10000 with the
 * V8 heap capped at 1536 MB, to show it completes in under 2 GB.
 *
 *   npx projen bench                                 # N = 1, 100, 1000, 5000; 3 rounds; the 10000 check
 *   npx ts-node --transpile-only scripts/bench.ts 1000 --rounds 1 --no-limit-check
 *
 * Figures per run: objects (resources + data sources) per account, cdktf tokens per account, wall time of
 * building and synthesizing (ms; process start and module loading excluded), and peak RSS of the process
 * (MB; Node and the loaded modules included, the same on both sides).
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { join } from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { MwsNccPrivateEndpointRule } from '@cdktf/provider-databricks/lib/mws-ncc-private-endpoint-rule';
import { MwsNetworkConnectivityConfig } from '@cdktf/provider-databricks/lib/mws-network-connectivity-config';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { NetworkConnectivityConfig, ServerlessSecureStorage } from '../src';
import { AzapiProvider } from '../src/bindings/azapi/provider';
import { DataAzapiResourceList } from '../src/bindings/azapi/resource-list';
import { AzapiUpdateResource } from '../src/bindings/azapi/update-resource';

type Side = 'flagship' | 'l1';
const REGION = 'eastus2';
const CONNECTIONS = 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01';

function flagship(stack: TerraformStack, ncc: NetworkConnectivityConfig, i: number): void {
  new ServerlessSecureStorage(stack, `lake${i}`, {
    networkConnectivityConfig: ncc,
    storageAccount: { name: `stlake${i}`, resourceGroupName: 'rg-data', location: REGION },
  });
}

/** The selection a careful user writes by hand: the connection of this endpoint, Pending or Approved. */
function selected(list: DataAzapiResourceList, endpoint: string): string {
  return `[for c in try(${list.fqn}.output.value, []) : c if ${endpoint} != "" && endswith(lower(try(c.properties.privateEndpoint.id, "")), lower("/privateEndpoints/\${${endpoint}}")) && contains(["pending", "approved"], lower(try(c.properties.privateLinkServiceConnectionState.status, "")))]`;
}

function l1(stack: TerraformStack, ncc: MwsNetworkConnectivityConfig, databricks: DatabricksProvider, azapi: AzapiProvider, i: number): void {
  const account = new StorageAccount(stack, `lake${i}`, {
    name: `stlake${i}`,
    resourceGroupName: 'rg-data',
    location: REGION,
    accountKind: 'StorageV2',
    accountTier: 'Standard',
    accountReplicationType: 'LRS',
    isHnsEnabled: true,
    httpsTrafficOnlyEnabled: true,
    minTlsVersion: 'TLS1_2',
    sharedAccessKeyEnabled: false,
    defaultToOauthAuthentication: true,
    allowNestedItemsToBePublic: false,
    crossTenantReplicationEnabled: false,
    publicNetworkAccessEnabled: false,
    networkRules: { defaultAction: 'Deny', bypass: ['None'] },
  });
  const accountId = account.id;
  const rules = ['blob', 'dfs'].map(
    (groupId) =>
      new MwsNccPrivateEndpointRule(stack, `lake${i}-${groupId}`, {
        networkConnectivityConfigId: ncc.networkConnectivityConfigId,
        resourceId: accountId,
        groupId,
        provider: databricks,
      }),
  );
  const list = new DataAzapiResourceList(stack, `lake${i}-connections`, {
    resourceType: CONNECTIONS,
    parentId: accountId,
    responseExportValues: ['value'],
    dependsOn: rules,
    provider: azapi,
  });
  for (const rule of rules) {
    const endpoint = rule.fqn + '.endpoint_name';
    const match = selected(list, endpoint);
    new AzapiUpdateResource(stack, `${rule.node.id}-approve`, {
      resourceType: CONNECTIONS,
      resourceId: `\${length(${match}) == 1 ? ${match}[0].id : ""}`,
      body: { properties: { privateLinkServiceConnectionState: { status: 'Approved', description: 'Approved for Databricks' } } },
      provider: azapi,
      lifecycle: { precondition: [{ condition: `\${length(${match}) == 1}`, errorMessage: 'expected exactly one connection to approve' }] },
    });
  }
}

/** One run in this process: builds N accounts on one side, synthesizes, prints one JSON line. */
function child(side: Side, n: number): void {
  const tokens = () => (globalThis as any).__cdktfTokenMap?.tokenCounter ?? 0;
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-adbs-bench-'));
  const t0 = process.hrtime.bigint();
  const tokens0 = tokens();
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const account = new DatabricksProvider(stack, 'account', { alias: 'account', host: 'https://accounts.azuredatabricks.net' });
  if (side === 'flagship') {
    // The library's side: its constructs, and so its serverless network checks at synth.
    const ncc = new NetworkConnectivityConfig(stack, 'ncc', {
      name: 'ncc-bench',
      region: REGION,
      accountProvider: account,
      accountLimits: { maxPrivateEndpointsPerRegion: 1e9 },
    });
    for (let i = 0; i < n; i++) {
      flagship(stack, ncc, i);
    }
  } else {
    // Hand-written L1 only: no library construct, so no checks.
    const azapi = new AzapiProvider(stack, 'azapi');
    const ncc = new MwsNetworkConnectivityConfig(stack, 'ncc', { name: 'ncc-bench', region: REGION, provider: account });
    for (let i = 0; i < n; i++) {
      l1(stack, ncc, account, azapi, i);
    }
  }
  app.synth();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const json = JSON.parse(readFileSync(join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'));
  rmSync(outdir, { recursive: true, force: true });
  const count = (group: any) => Object.values<any>(group ?? {}).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
  // The NCC is shared: objects per account leave it out.
  const objects = count(json.resource) + count(json.data) - 1;
  console.log(JSON.stringify({ side, n, objects: objects / n, tokens: (tokens() - tokens0) / n, ms, peakMB: process.resourceUsage().maxRSS / 1024 }));
}

/** Compiles this script (and the library it imports) to plain JavaScript once; returns the entry file. */
function compile(): string {
  const out = mkdtempSync(join(tmpdir(), 'cdktf-adbs-bench-js-'));
  const root = join(__dirname, '..');
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const r = spawnSync(process.execPath, [tsc, '--ignoreConfig', '--outDir', out, '--rootDir', root, '--module', 'commonjs', '--target', 'es2020',
    '--esModuleInterop', '--skipLibCheck', '--types', 'node', join(root, 'scripts', 'bench.ts')], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`compiling the benchmark failed:\n${r.stdout}${r.stderr}`);
  }
  symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'), 'dir');
  return join(out, 'scripts', 'bench.js');
}

function run(entry: string, side: Side, n: number, heapMB?: number): any {
  const flags = heapMB ? [`--max-old-space-size=${heapMB}`] : [];
  const r = spawnSync(process.execPath, [...flags, entry, '--child', side, String(n)], {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new Error(`bench child ${side} N=${n} failed:\n${r.stderr}`);
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(argv: string[]): void {
  if (argv[0] === '--child') {
    child(argv[1] as Side, Number(argv[2]));
    return;
  }
  const roundsAt = argv.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 3;
  const sizes = argv.filter((_, i) => i !== roundsAt && i !== roundsAt + 1).map(Number).filter((n) => n > 0);
  const entry = compile();
  process.on('exit', () => rmSync(join(entry, '..', '..'), { recursive: true, force: true }));
  const fmt = (x: number, d = 1) => x.toFixed(d);
  console.log(`node ${process.version}, ${cpus().length} cores, ${rounds} rounds per size, sides alternating`);
  console.log('N\tside\tobjects/acct\ttokens/acct\twall ms\tms/acct\tpeak MB');
  const perAccount: { [n: number]: number } = {};
  for (const n of sizes.length ? sizes : [1, 100, 1000, 5000]) {
    const runs: { [side: string]: any[] } = { flagship: [], l1: [] };
    for (let r = 0; r < rounds; r++) {
      for (const side of ['flagship', 'l1'] as Side[]) {
        runs[side].push(run(entry, side, n));
      }
    }
    const m: { [side: string]: any } = {};
    for (const side of ['flagship', 'l1']) {
      const rs = runs[side];
      m[side] = { objects: rs[0].objects, tokens: rs[0].tokens, ms: median(rs.map((x) => x.ms)), peakMB: median(rs.map((x) => x.peakMB)) };
      console.log(`${n}\t${side}\t${fmt(m[side].objects)}\t${fmt(m[side].tokens)}\t${fmt(m[side].ms, 0)}\t${fmt(m[side].ms / n, 2)}\t${fmt(m[side].peakMB, 0)}`);
    }
    console.log(`${n}\tratio\t${fmt(m.flagship.objects / m.l1.objects, 2)}\t${fmt(m.flagship.tokens / m.l1.tokens, 2)}\t${fmt(m.flagship.ms / m.l1.ms, 2)}\t\t${fmt(m.flagship.peakMB / m.l1.peakMB, 2)}`);
    perAccount[n] = m.flagship.ms / n;
  }
  const ns = Object.keys(perAccount).map(Number).sort((a, b) => a - b);
  if (ns.length >= 2) {
    const [a, b] = ns.slice(-2);
    console.log(`flagship ms per account at N=${b} / at N=${a}: ${fmt(perAccount[b] / perAccount[a], 2)}`);
  }
  if (!argv.includes('--no-limit-check')) {
    const big = run(entry, 'flagship', 10000, 1536);
    console.log(`flagship at N=10000 with a 1536 MB heap: completed in ${fmt(big.ms / 1000)} s, peak RSS ${fmt(big.peakMB, 0)} MB`);
  }
}

main(process.argv.slice(2));
