import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

let cliConfig: string | undefined;

/** Environment for offline Terraform runs: no version checkpoint, an empty CLI config. */
export function terraformEnv(): NodeJS.ProcessEnv {
  if (!cliConfig) {
    cliConfig = join(tmpdir(), 'cdktf-adbs-empty.tfrc');
    writeFileSync(cliConfig, '');
  }
  return { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1' };
}

/** Throws a clear error when the Terraform CLI is not on PATH (these tests never skip). */
export function requireTerraform(): void {
  const probe = spawnSync('terraform', ['version'], { env: terraformEnv(), encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'Terraform CLI not found on PATH (`terraform version` failed). These tests evaluate the emitted HCL with real Terraform ' +
        'and do not skip: install Terraform >= 1.5 (e.g. from releases.hashicorp.com) and put it on PATH.',
    );
  }
}

/**
 * Evaluates one HCL expression with `terraform console` in a fresh folder holding `config`
 * (a Terraform JSON configuration, typically locals only). Works offline: no provider is needed.
 * Returns the value, decoded from JSON.
 */
export function evaluate(config: object, expression: string): any {
  requireTerraform();
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-adbs-console-'));
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config, null, 2));
  let out: string;
  try {
    out = execFileSync('terraform', ['console'], {
      cwd: dir,
      env: terraformEnv(),
      input: `jsonencode(${expression})\n`,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (e: any) {
    throw new Error(`terraform console failed on ${expression}:\n${e.stderr ?? e.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The console prints the jsonencode() result as an HCL string literal.
  return JSON.parse(JSON.parse(out.trim()));
}
