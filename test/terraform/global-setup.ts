import { ChildProcess, spawn } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { requireTerraform } from './cli';
import { ALL_ENDS, End, reattachVariable, schemaVariable, subsetsVariable } from './ends';
import { schemaFile } from './schemas';

/**
 * Jest global setup: starts the offline stand-in providers once for the whole run, one server process
 * per end (ends.ts), and hands their addresses to the test workers (workers inherit this environment):
 * TF_REATTACH_PROVIDERS_OLDEST / _NEWEST (every type), STANDIN_SUBSETS_OLDEST / _NEWEST (where the
 * harness asks for servers of only the types a configuration uses), and TF_REATTACH_PROVIDERS = the
 * oldest end's, for a plain `terraform` call in a test (the oldest end's state is the default workspace's),
 * and STANDIN_WORLD_DIR, where each end keeps its fake cloud (standin/api.js).
 */
export default async function globalSetup(): Promise<void> {
  requireTerraform();
  const files = Object.fromEntries(ALL_ENDS.map((end) => [end, schemaFile(end)])) as Record<End, string>;
  const fixtures = mkdtempSync(join(tmpdir(), 'cdktf-adbs-fixtures-'));
  const subsets = mkdtempSync(join(tmpdir(), 'cdktf-adbs-subsets-'));
  const world = mkdtempSync(join(tmpdir(), 'cdktf-adbs-world-'));
  const started: ChildProcess[] = [];
  try {
    const reattach = await Promise.all(ALL_ENDS.map((end) => start(end, files[end], fixtures, join(subsets, end), world, started)));
    ALL_ENDS.forEach((end, i) => {
      process.env[reattachVariable(end)] = reattach[i];
      process.env[schemaVariable(end)] = files[end];
      process.env[subsetsVariable(end)] = join(subsets, end);
    });
  } catch (e) {
    started.forEach((server) => server.kill('SIGTERM'));
    throw e;
  }
  process.env.TF_REATTACH_PROVIDERS = process.env[reattachVariable('oldest')];
  process.env.STANDIN_FIXTURES_DIR = fixtures;
  process.env.STANDIN_SUBSETS_DIR = subsets;
  process.env.STANDIN_WORLD_DIR = world;
  process.env.STANDIN_PIDS = started.map((s) => s.pid).join(',');
  writeFileSync(join(fixtures, '.pid'), process.env.STANDIN_PIDS);
}

/** How long a stand-in may take to start before the run gives up (STANDIN_START_SECONDS, default 300). */
const STANDIN_START_SECONDS = Number(process.env.STANDIN_START_SECONDS ?? 300);

/** Starts one end's stand-in server; resolves with its TF_REATTACH_PROVIDERS value. */
async function start(end: End, schemas: string, fixtures: string, subsets: string, world: string, started: ChildProcess[]): Promise<string> {
  const server = spawn(process.execPath, [join(__dirname, 'standin', 'server.js'), schemas], {
    env: { ...process.env, STANDIN_FIXTURES_DIR: fixtures, STANDIN_SUBSETS_DIR: subsets, STANDIN_WORLD_DIR: world, STANDIN_END: end },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: false,
  });
  started.push(server);
  const reattach = await new Promise<string>((resolve, reject) => {
    let out = '';
    // Event-driven: READY on its stdout, or its exit. The timer is only a safety net for a server that hangs,
    // generous because a loaded machine (2 cores shared with other jobs) may take long to load the schemas.
    const timer = setTimeout(() => reject(new Error(`stand-in provider (${end} end) did not start within ${STANDIN_START_SECONDS} s`)), STANDIN_START_SECONDS * 1000);
    server.stdout!.on('data', (chunk) => {
      out += chunk;
      const line = /^READY (.+)$/m.exec(out);
      if (line) {
        clearTimeout(timer);
        resolve(line[1]);
      }
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stand-in provider (${end} end) exited with ${code}`));
    });
  });
  server.stdout!.removeAllListeners('data');
  server.removeAllListeners('exit');
  server.unref();
  (server.stdout as any)?.unref?.();
  return reattach;
}
