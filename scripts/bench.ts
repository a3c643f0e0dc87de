/**
 * Synth benchmark: N copies of the flagship estate pattern (one NCC, two bound workspaces, a private
 * endpoint data lake, a service-tag account, workspace root storage) in one stack, synthesized with
 * app.synth() (Testing.synth is quadratic for big stacks). Prints one JSON line per N.
 *
 *   npx projen bench            # N = 1, 10, 100
 *   npx ts-node --transpile-only scripts/bench.ts 1 10 100 300
 */
import { mkdtempSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DatabricksWorkspace } from '@cdktf/provider-azurerm/lib/databricks-workspace';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { DatabricksProvider } from '@cdktf/provider-databricks/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { NetworkConnectivityConfig, ServerlessSecureStorage, StorageAccess } from '../src';

function build(stack: TerraformStack, i: number, account: DatabricksProvider): void {
  const region = 'eastus2';
  const ncc = new NetworkConnectivityConfig(stack, `ncc${i}`, {
    name: `ncc-${i}`,
    region,
    accountProvider: account,
    accountLimits: { maxNccsPerRegion: 1e9, maxPrivateEndpointsPerRegion: 1e9 },
  });
  for (const w of ['a', 'b']) {
    const ws = new DatabricksWorkspace(stack, `ws${i}${w}`, { name: `dbw-${i}${w}`, resourceGroupName: 'rg', location: region, sku: 'premium' });
    ncc.bindWorkspace(`ws-${w}`, { workspace: ws });
  }
  new ServerlessSecureStorage(stack, `lake${i}`, {
    networkConnectivityConfig: ncc,
    storageAccount: { name: `stlake${i}`, resourceGroupName: 'rg', location: region },
  });
  new ServerlessSecureStorage(stack, `landing${i}`, {
    networkConnectivityConfig: ncc,
    access: StorageAccess.SERVICE_TAG,
    storageAccount: { name: `stland${i}`, resourceGroupName: 'rg', location: region },
  });
  new ServerlessSecureStorage(stack, `root${i}`, {
    networkConnectivityConfig: ncc,
    workspaceRootStorage: true,
    storageAccountId: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/mrg-${i}/providers/Microsoft.Storage/storageAccounts/dbroot${i}`,
  });
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const n of sizes.length ? sizes : [1, 10, 100]) {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-adbs-bench-'));
  const t0 = process.hrtime.bigint();
  const app = new App({ outdir, skipValidation: false });
  const stack = new TerraformStack(app, 'bench');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const account = new DatabricksProvider(stack, 'account', { alias: 'account', host: 'https://accounts.azuredatabricks.net' });
  for (let i = 0; i < n; i++) {
    build(stack, i, account);
  }
  const t1 = process.hrtime.bigint();
  app.synth();
  const t2 = process.hrtime.bigint();
  const bytes = statSync(join(outdir, 'stacks', 'bench', 'cdk.tf.json')).size;
  rmSync(outdir, { recursive: true, force: true });
  const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
  console.log(JSON.stringify({
    estates: n,
    constructMs: Math.round(ms(t0, t1)),
    synthMs: Math.round(ms(t1, t2)),
    msPerEstate: Math.round((ms(t0, t2) / n) * 10) / 10,
    outputKB: Math.round(bytes / 1024),
    rssMB: Math.round(process.memoryUsage().rss / 1048576),
  }));
}
