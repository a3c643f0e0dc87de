/**
 * Synth benchmark: the flagship pattern against hand-written L1 doing the same job, paired run by run.
 *
 * The job, per account: a locked-down ADLS Gen2 storage account reached by Databricks serverless compute
 * through NCC private endpoint rules for blob and dfs, both connections approved exactly on the account.
 * - flagship: `new ServerlessSecureStorage(stack, id, { networkConnectivityConfig, storageAccount })`;
 * - l1: what the flagship emits, written by hand with the provider bindings and no library construct:
 *   the account, two rules (each waiting for the fifth rule before it, at most 5 created at once), a
 *   `time_sleep` per rule (180 s only while the rule is CREATING, replaced with its endpoint), one
 *   connection list read after both waits, a selection local per rule and two approvals (approved once,
 *   `ignore_changes` on `resource_id` and `body`, replaced with their rule's endpoint, a precondition of
 *   exactly one match): 8 objects per account on both sides.
 * Both sides have one NCC (the library's construct on the flagship side, the L1 on the other), the
 * providers (azurerm as the README's quick start configures it) and synthesize with `app.synth()`
 * (Testing.synth is quadratic); the flagship side's synth includes the serverless network checks the
 * library's constructs bring (the default a user gets). The script and the library are compiled with the
 * repository's TypeScript first, and each run is a fresh plain-Node process (ts-node's source maps would
 * make every stack trace cdktf captures several times dearer, on both sides); sides alternate (flagship,
 * l1, flagship, ...). Sizes from 10,000 on run both sides with the V8 heap capped at 1536 MB.
 *
 *   npx projen bench                                  # N = 100, 1000, 5000, 10000; 3 rounds each
 *   npx ts-node --transpile-only scripts/bench.ts 1000 --rounds 1
 *   BENCH_HEAP_MB=4096 npx ts-node --transpile-only scripts/bench.ts 1000 10000   # 10,000 under a larger cap
 *
 * Figures per run: objects (resources + data sources) and cdktf tokens per account, bytes of the stack's
 * JSON per account, wall time and CPU time (user + system) of building and synthesizing (ms; process
 * start and module loading excluded), and peak RSS of the process (MB; Node and the loaded modules
 * included, the same on both sides) at the end of its synth: the parent reads the written JSON back to
 * count objects and bytes, so that bookkeeping is in neither side's figures. Medians of the rounds per side;
 * the ratios flagship / l1 are the medians of the ratios pair by pair (round r of one side against round r
 * of the other).
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { join } from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { MwsNccPrivateEndpointRule } from '@cdktf/provider-databricks/lib/mws-ncc-private-endpoint-rule';
import { MwsNetworkConnectivityConfig } from '@cdktf/provider-databricks/lib/mws-network-connectivity-config';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { App, TerraformLocal, TerraformProvider, TerraformStack } from 'cdktf';
import { NetworkConnectivityConfig, ServerlessSecureStorage } from '../src';
import { AzapiProvider } from '../src/bindings/azapi/provider';
import { DataAzapiResourceList } from '../src/bindings/azapi/resource-list';
import { AzapiUpdateResource } from '../src/bindings/azapi/update-resource';
import { TimeProvider } from '../src/bindings/time/provider';
import { TimeSleep } from '../src/bindings/time/sleep';

type Side = 'flagship' | 'l1';
interface L1Providers {
  readonly databricks: TerraformProvider;
  readonly azapi: TerraformProvider;
  readonly time: TerraformProvider;
  /** The rules of the NCC so far, in creation order. */
  readonly rules: MwsNccPrivateEndpointRule[];
}
const PARALLEL_RULES = 5;
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
  return `\${[for c in try(${list.fqn}.output.value, []) : c if try(endswith(lower(c.properties.privateEndpoint.id), lower("/privateEndpoints/\${coalesce(${endpoint})}")), false) && contains(["pending", "approved"], lower(try(c.properties.privateLinkServiceConnectionState.status, "")))]}`;
}

function l1(stack: TerraformStack, ncc: MwsNetworkConnectivityConfig, providers: L1Providers, i: number): void {
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
  const rules = ['blob', 'dfs'].map((groupId) => {
    // At most 5 rules of the NCC created at once (the account API throttles): each waits for the fifth before it.
    const earlier = providers.rules.length >= PARALLEL_RULES ? providers.rules[providers.rules.length - PARALLEL_RULES] : undefined;
    const rule = new MwsNccPrivateEndpointRule(stack, `lake${i}-${groupId}`, {
      networkConnectivityConfigId: ncc.networkConnectivityConfigId,
      resourceId: accountId,
      groupId,
      provider: providers.databricks,
      dependsOn: earlier ? [earlier] : undefined,
    });
    providers.rules.push(rule);
    return rule;
  });
  // Each rule's wait: 180 s while the rule may still be CREATING (databricks 1.99 returns then), else none.
  const endpoints = rules.map((rule) => rule.endpointName);
  const waits = rules.map(
    (rule, k) =>
      new TimeSleep(stack, `${rule.node.id}-wait`, {
        createDuration: `\${contains(["PENDING", "ESTABLISHED"], coalesce(${rule.fqn}.connection_state, "CREATING")) ? "0s" : "180s"}`,
        triggers: { endpoint: endpoints[k] },
        provider: providers.time,
        lifecycle: { ignoreChanges: ['create_duration'] },
      }),
  );
  const list = new DataAzapiResourceList(stack, `lake${i}-connections`, {
    resourceType: CONNECTIONS,
    parentId: accountId,
    responseExportValues: ['value'],
    dependsOn: waits,
    provider: providers.azapi,
  });
  rules.forEach((rule, k) => {
    const endpoint = `${rule.fqn}.endpoint_name`;
    const match = new TerraformLocal(stack, `${rule.node.id}-match`, selected(list, endpoint)).asString;
    new AzapiUpdateResource(stack, `${rule.node.id}-approve`, {
      resourceType: CONNECTIONS,
      resourceId: `\${length(${match}) == 1 ? ${match}[0].id : ""}`,
      body: { properties: { privateLinkServiceConnectionState: { status: 'Approved', description: `Approved for Databricks, private endpoint ${endpoints[k]}` } } },
      provider: providers.azapi,
      lifecycle: {
        ignoreChanges: ['resource_id', 'body'],
        // Terraform reads replace_triggered_by as a bare reference.
        replaceTriggeredBy: [`${rule.terraformResourceType}.${rule.friendlyUniqueId}.endpoint_name`],
        precondition: [{ condition: `\${length(${match}) == 1}`, errorMessage: 'expected exactly one connection to approve' }],
      },
    });
  });
}

/** One run in this process: builds N accounts on one side, synthesizes, prints one JSON line. */
function child(side: Side, n: number): void {
  const tokens = () => (globalThis as any).__cdktfTokenMap?.tokenCounter ?? 0;
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-adbs-bench-'));
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const tokens0 = tokens();
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  // As the README's quick start configures it (both sides): a locked-down account is managed through ARM and
  // Azure AD only, else azurerm's data-plane calls fail with 403 at apply (the checks warn about it otherwise).
  new AzurermProvider(stack, 'azurerm', { features: [{ storage: [{ dataPlaneAvailable: false }] }], storageUseAzuread: true });
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
    const providers = { databricks: account, azapi: new AzapiProvider(stack, 'azapi'), time: new TimeProvider(stack, 'time'), rules: [] };
    const ncc = new MwsNetworkConnectivityConfig(stack, 'ncc', { name: 'ncc-bench', region: REGION, provider: account });
    for (let i = 0; i < n; i++) {
      l1(stack, ncc, providers, i);
    }
  }
  const built = process.cpuUsage(cpu0);
  app.synth();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  // The peak is taken here, at the end of the synth: reading the written JSON back is the parent's job
  // (below), so the child's peak is building and synthesizing only, on both sides.
  const peakMB = process.resourceUsage().maxRSS / 1024;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const buildCpuMs = (built.user + built.system) / 1000;
  console.log(JSON.stringify({ side, n, outdir, tokens: (tokens() - tokens0) / n, ms, cpuMs, buildCpuMs, peakMB }));
}

/** What the child wrote, read in the parent: objects and JSON bytes per account. */
function measureOutput(result: any): any {
  const { outdir, n } = result;
  const text = readFileSync(join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8');
  if (process.env.BENCH_KEEP) {
    writeFileSync(`${process.env.BENCH_KEEP}.${result.side}.${n}.json`, text);
  }
  const json = JSON.parse(text);
  rmSync(outdir, { recursive: true, force: true });
  const count = (group: any) => Object.values<any>(group ?? {}).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
  // The NCC is shared: objects per account leave it out.
  const objects = count(json.resource) + count(json.data) - 1;
  return { ...result, objects: objects / n, bytes: Buffer.byteLength(text) / n };
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

/**
 * Sizes from this on run both sides with the V8 heap capped (the goal: 10,000 accounts in 1.5 GiB of heap).
 * `BENCH_HEAP_MB` changes the cap, to see what the cap itself costs.
 */
const CAPPED_FROM = 10000;
const HEAP_CAP_MB = Number(process.env.BENCH_HEAP_MB ?? 1536);

function run(entry: string, side: Side, n: number): any {
  const flags = n >= CAPPED_FROM ? [`--max-old-space-size=${HEAP_CAP_MB}`] : [];
  const r = spawnSync(process.execPath, [...flags, entry, '--child', side, String(n)], {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    throw new Error(`bench child ${side} N=${n} failed:\n${r.stderr.slice(-4000)}`);
  }
  return measureOutput(JSON.parse(r.stdout.trim().split('\n').pop()!));
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
  console.log(`node ${process.version}, ${cpus().length} cores, ${rounds} rounds per size, sides alternating (flagship, l1, ...); ` +
    `N >= ${CAPPED_FROM} with --max-old-space-size=${HEAP_CAP_MB} on both sides`);
  console.log('CPU: user + system ms of building and synthesizing (checks included); peak: the process\'s peak RSS; ratios are medians of the pairs');
  console.log('N\tside\tobjects/acct\ttokens/acct\tJSON bytes/acct\twall ms\tCPU ms\tCPU ms/acct\tpeak MB');
  const perAccount: { [n: number]: { cpu: number; peak: number; l1Peak: number } } = {};
  for (const n of sizes.length ? sizes : [100, 1000, 5000, 10000]) {
    const runs: { [side: string]: any[] } = { flagship: [], l1: [] };
    for (let r = 0; r < rounds; r++) {
      for (const side of ['flagship', 'l1'] as Side[]) {
        runs[side].push(run(entry, side, n));
      }
    }
    const m: { [side: string]: any } = {};
    for (const side of ['flagship', 'l1']) {
      const rs = runs[side];
      const med = (key: string) => median(rs.map((x) => x[key]));
      m[side] = { ...rs[0], ms: med('ms'), cpuMs: med('cpuMs'), buildCpuMs: med('buildCpuMs'), peakMB: med('peakMB') };
      const x = m[side];
      console.log(`${n}\t${side}\t${fmt(x.objects)}\t${fmt(x.tokens)}\t${fmt(x.bytes, 0)}\t${fmt(x.ms, 0)}\t${fmt(x.cpuMs, 0)}\t${fmt(x.cpuMs / n, 2)}\t${fmt(x.peakMB, 0)}`);
    }
    // Ratios pair by pair (round r's flagship against round r's l1), then the median: robust to drift.
    const pairs = (key: string) => median(runs.flagship.map((f, r) => f[key] / runs.l1[r][key]));
    console.log(`${n}\tratio\t${fmt(m.flagship.objects / m.l1.objects, 2)}\t${fmt(m.flagship.tokens / m.l1.tokens, 2)}\t` +
      `${fmt(m.flagship.bytes / m.l1.bytes, 2)}\t${fmt(pairs('ms'), 2)}\t${fmt(pairs('cpuMs'), 2)}\t\t${fmt(pairs('peakMB'), 2)}`);
    perAccount[n] = { cpu: m.flagship.cpuMs / n, peak: m.flagship.peakMB / n, l1Peak: m.l1.peakMB / n };
  }
  const ns = Object.keys(perAccount).map(Number).sort((a, b) => a - b);
  if (ns.includes(1000) && ns.length >= 2) {
    const b = ns[ns.length - 1];
    console.log(`linear: flagship CPU ms per account at N=${b} / at N=1000: ${fmt(perAccount[b].cpu / perAccount[1000].cpu, 2)}`);
    // Memory per account: the slope of peak RSS between sizes (Node and the modules are the same at every size).
    const slope = (key: 'peak' | 'l1Peak', from: number, to: number) => (perAccount[to][key] * to - perAccount[from][key] * from) / (to - from);
    const steps = ns.slice(1).map((to, k) => `${ns[k]}->${to} ${fmt(slope('peak', ns[k], to), 3)} / ${fmt(slope('l1Peak', ns[k], to), 3)}`);
    console.log(`peak RSS per added account, MB (flagship / l1): ${steps.join(', ')}`);
  }
}

main(process.argv.slice(2));
