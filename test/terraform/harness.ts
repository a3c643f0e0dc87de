/**
 * Real Terraform, offline: validate and plan synthesized stacks against the stand-in providers that
 * the jest global setup started (TF_REATTACH_PROVIDERS).
 */
import { spawnSync } from 'child_process';
import { randomUUID } from 'crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { requireTerraform, terraformEnv } from './cli';

export interface Diagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly detail: string;
}

export interface ValidateResult {
  readonly valid: boolean;
  readonly diagnostics: Diagnostic[];
  /** Errors as one text (summary and detail), for assertions. */
  readonly errors: string;
}

/** Fixture entries by Terraform type: the stand-in answers data sources (and applies) with them. */
export type Fixtures = Record<string, Array<{ match?: Record<string, unknown>; values: Record<string, unknown> }>>;

function env(): NodeJS.ProcessEnv {
  if (!process.env.TF_REATTACH_PROVIDERS) {
    throw new Error('TF_REATTACH_PROVIDERS is not set: run these tests through jest (test/terraform/global-setup.ts starts the stand-in providers)');
  }
  return terraformEnv();
}

function run(dir: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync('terraform', args, { cwd: dir, env: env(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) {
    throw r.error;
  }
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

/** Writes a synthesized stack to a fresh folder (backend removed: state stays in the folder) and runs init. */
export function writeStack(stack: TerraformStack): string {
  requireTerraform();
  const json = JSON.parse(Testing.synth(stack, true));
  delete json.terraform?.backend;
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-adbs-tf-'));
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(json, null, 2));
  const init = run(dir, ['init', '-input=false', '-no-color']);
  if (init.status !== 0) {
    throw new Error(`terraform init failed:\n${init.stderr}${init.stdout}`);
  }
  return dir;
}

/** `terraform validate` on a stack. */
export function validateStack(stack: TerraformStack): ValidateResult {
  const dir = writeStack(stack);
  try {
    return validateDir(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function validateDir(dir: string): ValidateResult {
  const r = run(dir, ['validate', '-json', '-no-color']);
  const out = JSON.parse(r.stdout);
  const diagnostics: Diagnostic[] = (out.diagnostics ?? []).map((d: any) => ({ severity: d.severity, summary: d.summary, detail: d.detail ?? '' }));
  const errors = diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.summary}: ${d.detail}`)
    .join('\n');
  return { valid: out.valid === true, diagnostics, errors };
}

/** Placeholder values for the stack's variables, so plan needs no input. */
function varArgs(dir: string): string[] {
  const json = JSON.parse(readFileSync(join(dir, 'main.tf.json'), 'utf8'));
  return Object.keys(json.variable ?? {}).flatMap((name) => ['-var', `${name}=standin`]);
}

function withFixtures<T>(fixtures: Fixtures | undefined, fn: () => T): T {
  const file = fixtures ? join(process.env.STANDIN_FIXTURES_DIR!, `${randomUUID()}.json`) : undefined;
  if (file) {
    writeFileSync(file, JSON.stringify(fixtures));
  }
  try {
    return fn();
  } finally {
    if (file) {
      rmSync(file, { force: true });
    }
  }
}

/** `terraform plan` (no refresh) in a prepared folder; returns the plan as `terraform show -json` gives it. */
export function planDir(dir: string, fixtures?: Fixtures): any {
  return withFixtures(fixtures, () => {
    const plan = run(dir, ['plan', '-refresh=false', '-input=false', '-no-color', '-out=plan.bin', ...varArgs(dir)]);
    if (plan.status !== 0) {
      throw new Error(`terraform plan failed:\n${plan.stderr}`);
    }
    const show = run(dir, ['show', '-json', 'plan.bin']);
    return JSON.parse(show.stdout);
  });
}

/** `terraform apply` against the stand-in (it records state; nothing leaves the machine). */
export function applyDir(dir: string, fixtures?: Fixtures, extraArgs: string[] = []): void {
  withFixtures(fixtures, () => {
    const r = run(dir, ['apply', '-auto-approve', '-refresh=false', '-input=false', '-no-color', ...varArgs(dir), ...extraArgs]);
    if (r.status !== 0) {
      throw new Error(`terraform apply failed:\n${r.stderr}`);
    }
  });
}

/** The planned `after` values of one resource address. */
export function plannedAfter(plan: any, address: string): any {
  const change = (plan.resource_changes ?? []).find((c: any) => c.address === address);
  if (!change) {
    throw new Error(`no planned change for ${address}; planned: ${(plan.resource_changes ?? []).map((c: any) => c.address).join(', ')}`);
  }
  return change.change.after;
}

/** Plans a stack in a fresh folder. */
export function planStack(stack: TerraformStack, fixtures?: Fixtures): any {
  const dir = writeStack(stack);
  try {
    return planDir(dir, fixtures);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
