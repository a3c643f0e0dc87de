import { spawn } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { requireTerraform } from './cli';
import { schemaFile } from './schemas';

/**
 * Jest global setup: starts the offline stand-in providers once for the whole run and hands their
 * addresses to the test workers through TF_REATTACH_PROVIDERS (workers inherit this environment).
 */
export default async function globalSetup(): Promise<void> {
  requireTerraform();
  const schemas = schemaFile();
  const fixtures = mkdtempSync(join(tmpdir(), 'cdktf-adbs-fixtures-'));
  const server = spawn(process.execPath, [join(__dirname, 'standin', 'server.js'), schemas], {
    env: { ...process.env, STANDIN_FIXTURES_DIR: fixtures },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: false,
  });
  const reattach = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('stand-in provider did not start within 30 s')), 30_000);
    server.stdout!.on('data', (chunk) => {
      out += chunk;
      const line = /^READY (.+)$/m.exec(out);
      if (line) {
        clearTimeout(timer);
        resolve(line[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`stand-in provider exited with ${code}`)));
  });
  server.stdout!.removeAllListeners('data');
  server.removeAllListeners('exit');
  server.unref();
  (server.stdout as any)?.unref?.();
  process.env.TF_REATTACH_PROVIDERS = reattach;
  process.env.STANDIN_FIXTURES_DIR = fixtures;
  process.env.STANDIN_PID = String(server.pid);
  writeFileSync(join(fixtures, '.pid'), String(server.pid));
}
