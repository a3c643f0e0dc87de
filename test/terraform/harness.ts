/**
 * Real Terraform, offline: validate, plan and apply synthesized stacks against the stand-in providers
 * that the jest global setup started, at BOTH ends of the provider version ranges (ends.ts): every
 * function here runs at the oldest and the newest end, and a failure names the end.
 *
 * No `terraform init`: the providers are reattached (TF_REATTACH_PROVIDERS), which Terraform neither
 * installs, locks nor version-checks, and the backend is removed, so a folder is ready once its
 * main.tf.json is written, for both ends. Each end keeps its own state in the same folder: the oldest
 * end in the default workspace (terraform.tfstate), the newest in workspace `newest`. The ends run in
 * parallel, each against stand-in servers of only the types the folder uses (see reattach).
 *
 * A configuration runs at the ends its own `required_providers` admit (endsOf): a stack whose
 * databricks floor is raised above the oldest end's version by a feature (a network policy: 1.116.0)
 * runs at the newest end only, and one pinned below the newest end's versions at the oldest end only.
 */
import { spawnSync } from 'child_process';
import { createHash, randomUUID } from 'crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { requireTerraform, terraformEnv } from './cli';
import { ALL_ENDS, End, endLabel, ENDS, END_SPECS, reattachVariable, subsetsVariable } from './ends';
import { unsatisfiable } from '../../src/core/version-constraints';

export type { End } from './ends';
export { ENDS, endLabel } from './ends';

export interface Diagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly detail: string;
  /** The end that reported it. */
  readonly end?: End;
  /** The resource (or block) address Terraform attributes it to, when it does. */
  readonly address?: string;
}

export interface ValidateResult {
  readonly valid: boolean;
  readonly diagnostics: Diagnostic[];
  /** Errors as one text, one line per error: `[<end> (<provider versions>)] <address>: <summary>: <detail>`. */
  readonly errors: string;
}

/** A validation at both ends: valid when valid at both; diagnostics and errors of both. */
export interface EndsValidateResult extends ValidateResult {
  readonly ends: Record<End, ValidateResult>;
}

/** Fixture entries by Terraform type: the stand-in answers data sources (and applies) with them. */
export type Fixtures = Record<string, Array<{ match?: Record<string, unknown>; values: Record<string, unknown> }>>;

function env(end: End, dir: string): NodeJS.ProcessEnv {
  // The oldest end's state is the folder's default one; the newest end's is workspace `newest`
  // (Terraform creates it on first use).
  return { ...terraformEnv(), TF_REATTACH_PROVIDERS: reattach(end, dir), TF_WORKSPACE: end === 'oldest' ? 'default' : end };
}

const subsetReattach = new Map<string, string>();
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * The stand-in servers for a folder at an end: ones that serve only the resource and data source types
 * of its configuration and state (Terraform decodes every type it is served on every run, and azurerm
 * has 1,500), asked of the end's stand-in once per type set (see serveSubsets in standin/server.js).
 */
function reattach(end: End, dir: string): string {
  const variable = reattachVariable(end);
  const all = process.env[variable];
  if (!all) {
    throw new Error(`${variable} is not set: run these tests through jest (test/terraform/global-setup.ts starts the stand-in providers)`);
  }
  const subsets = process.env[subsetsVariable(end)];
  if (!subsets) {
    return all;
  }
  const types = JSON.stringify(typesOf(dir));
  const key = createHash('sha256').update(types).digest('hex').slice(0, 16);
  let value = subsetReattach.get(`${end} ${key}`);
  if (!value) {
    const answer = join(subsets, `${key}.reattach.json`);
    if (!existsSync(answer)) {
      const request = join(subsets, `${key}.request.json`);
      writeFileSync(`${request}.${process.pid}.tmp`, types);
      renameSync(`${request}.${process.pid}.tmp`, request);
      // Waits for the answer while the stand-ins live (a dead one fails at once); the deadline is only a
      // safety net for a hung one, generous for a loaded machine (STANDIN_START_SECONDS, default 300).
      const limit = Number(process.env.STANDIN_START_SECONDS ?? 300);
      const deadline = Date.now() + limit * 1000;
      let nextAliveCheck = Date.now() + 1000;
      while (!existsSync(answer)) {
        if (Date.now() > nextAliveCheck) {
          const dead = standinPids().find((pid) => !alive(pid));
          if (dead !== undefined) {
            throw new Error(`the stand-in process ${dead} exited before answering ${request}`);
          }
          nextAliveCheck = Date.now() + 1000;
        }
        if (Date.now() > deadline) {
          throw new Error(`the stand-in of the ${endLabel(end)} did not answer ${request} within ${limit} s`);
        }
        Atomics.wait(sleeper, 0, 0, 2);
      }
    }
    value = readFileSync(answer, 'utf8');
    subsetReattach.set(`${end} ${key}`, value);
  }
  return value;
}

/** The stand-in servers global-setup.ts started (STANDIN_PIDS). */
function standinPids(): number[] {
  return (process.env.STANDIN_PIDS ?? '').split(',').filter((p) => p.length > 0).map(Number);
}

/** Whether a process is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The resource and data source types of a folder's configuration and of its states, sorted. */
function typesOf(dir: string): { resources: string[]; data_sources: string[] } {
  const config = JSON.parse(readFileSync(join(dir, 'main.tf.json'), 'utf8'));
  const resources = new Set(Object.keys(config.resource ?? {}));
  const dataSources = new Set(Object.keys(config.data ?? {}));
  const states = [join(dir, 'terraform.tfstate'), ...ALL_ENDS.map((end) => join(dir, 'terraform.tfstate.d', end, 'terraform.tfstate'))];
  for (const state of states.filter((f) => existsSync(f))) {
    for (const r of JSON.parse(readFileSync(state, 'utf8')).resources ?? []) {
      (r.mode === 'data' ? dataSources : resources).add(r.type);
    }
  }
  return { resources: [...resources].sort(), data_sources: [...dataSources].sort() };
}

interface RunResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

const MAX_BUFFER = 1024 * 1024 * 1024;
const RUN_JOBS = join(__dirname, 'standin', 'run-jobs.js');

function run(end: End, dir: string, args: string[]): RunResult {
  const r = spawnSync('terraform', args, { cwd: dir, env: env(end, dir), encoding: 'utf8', maxBuffer: MAX_BUFFER });
  if (r.error) {
    throw r.error;
  }
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The version an end counts as for a provider's constraint. Every end serves the azurerm NSP types of
 * 4.73.0 (ends.ts NSP_TYPES; upstream their schema is the same from 4.58.0 to 5.2.0), and the library's
 * azurerm floors for them (4.58.0, 4.81.0: a release, then a fix of how the association waits) are not
 * schema changes: a stack whose azurerm floor only they raise still runs at the 4.x ends, its other azurerm
 * types checked against a schema older than its floor at the oldest end (the stricter check).
 */
function countsAs(end: End, provider: string, constraint: string): string {
  const version = (END_SPECS[end].versions as Record<string, string>)[provider];
  if (provider === 'azurerm' && version.startsWith('4.') && unsatisfiable(constraint, `= ${version}`) && !unsatisfiable(constraint, '= 4.81.0')) {
    return '4.81.0';
  }
  return version;
}

/**
 * The ends a folder's configuration runs at: those whose served provider versions its
 * `required_providers` constraints admit (see countsAs). The exact pins the prebuilt bindings write
 * (`4.55.0`, `1.99.0`: the library replaces them by ranges in every stack that uses it) do not count, so
 * hand-written test stacks run at both ends. A configuration that admits neither fails.
 */
export function endsOf(dir: string): End[] {
  const config = JSON.parse(readFileSync(join(dir, 'main.tf.json'), 'utf8'));
  const required: Record<string, { version?: string }> = config.terraform?.required_providers ?? {};
  const admitted = ENDS.filter((end) =>
    Object.entries(required).every(([name, r]) => {
      const version = (END_SPECS[end].versions as Record<string, string>)[name];
      const prebuiltPin = r.version === END_SPECS.oldest.versions[name as 'azurerm'];
      return !version || !r.version || prebuiltPin || !unsatisfiable(r.version, `= ${countsAs(end, name, r.version)}`);
    }));
  if (!admitted.length) {
    throw new Error(`${dir}: its required_providers admit neither end (${ENDS.map(endLabel).join('; ')}): ${JSON.stringify(required)}`);
  }
  return admitted;
}

/**
 * Runs Terraform commands at every end the folder runs at (endsOf), the ends in parallel
 * (standin/run-jobs.js), each end's commands one after the other, stopping at the first that fails.
 * Returns each end's results, in order.
 */
function runAtEveryEnd(dir: string, commands: (end: End) => string[][], ends: End[] = endsOf(dir)): Record<End, RunResult[]> {
  const jobs = ends.map((end) => ({ cwd: dir, env: env(end, dir), commands: commands(end).map((args) => ['terraform', ...args]) }));
  const r = spawnSync(process.execPath, [RUN_JOBS], { input: JSON.stringify(jobs), encoding: 'utf8', maxBuffer: MAX_BUFFER });
  if (r.error || r.status !== 0) {
    throw new Error(`running terraform at both ends failed: ${r.error?.message ?? r.stderr}`);
  }
  const results: RunResult[][] = JSON.parse(r.stdout);
  return Object.fromEntries(ends.map((end, i) => [end, results[i]])) as Record<End, RunResult[]>;
}

/** Each end's value (of the ends that ran), or the failures of all ends together, each naming its end. */
function collect<T>(runs: Partial<Record<End, unknown>>, fn: (end: End) => T): Record<End, T> {
  const results: Partial<Record<End, T>> = {};
  const failures: string[] = [];
  for (const end of ENDS.filter((e) => e in runs)) {
    try {
      results[end] = fn(end);
    } catch (e: any) {
      failures.push(e.message);
    }
  }
  if (failures.length) {
    throw new Error(failures.join('\n\n'));
  }
  return results as Record<End, T>;
}

/**
 * Writes a synthesized stack to a fresh folder (backend removed: state stays in the folder). The folder
 * serves both ends and every later call; it needs no init (see the file comment).
 */
export function writeStack(stack: TerraformStack): string {
  requireTerraform();
  const json = JSON.parse(Testing.synth(stack, true));
  delete json.terraform?.backend;
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-adbs-tf-'));
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(json, null, 2));
  if (json.module) {
    // Modules need installing (once: it does not depend on the end).
    const init = run('oldest', dir, ['init', '-input=false', '-no-color', '-backend=false']);
    if (init.status !== 0) {
      throw new Error(`terraform init failed:\n${init.stderr}${init.stdout}`);
    }
  }
  return dir;
}

/** Writes a Terraform JSON configuration (e.g. hand-written, for a negative test) to a fresh folder. */
export function writeConfig(config: object): string {
  requireTerraform();
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-adbs-tf-'));
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config, null, 2));
  return dir;
}

/** `terraform validate` on a stack, at both ends. */
export function validateStack(stack: TerraformStack): EndsValidateResult {
  const dir = writeStack(stack);
  try {
    return validateDir(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const VALIDATE = ['validate', '-json', '-no-color'];

/** `terraform validate` in a prepared folder, at both ends (the ends it runs at: endsOf). */
export function validateDir(dir: string): EndsValidateResult {
  const runs = runAtEveryEnd(dir, () => [VALIDATE]);
  const ran = ENDS.filter((end) => end in runs);
  const ends = Object.fromEntries(ran.map((end) => [end, validateResult(end, runs[end][0])])) as Record<End, ValidateResult>;
  return {
    valid: ran.every((end) => ends[end].valid),
    diagnostics: ran.flatMap((end) => ends[end].diagnostics),
    errors: ran.map((end) => ends[end].errors).filter(Boolean).join('\n'),
    ends,
  };
}

/** `terraform validate` in a prepared folder, at one end. */
export function validateDirAt(end: End, dir: string): ValidateResult {
  return validateResult(end, run(end, dir, VALIDATE));
}

function validateResult(end: End, r: RunResult): ValidateResult {
  let out: any;
  try {
    out = JSON.parse(r.stdout);
  } catch {
    throw new Error(`terraform validate at the ${endLabel(end)} did not answer in JSON:\n${r.stderr}${r.stdout}`);
  }
  const diagnostics: Diagnostic[] = (out.diagnostics ?? []).map((d: any) => ({
    severity: d.severity,
    summary: d.summary,
    detail: d.detail ?? '',
    end,
    // Provider diagnostics carry the address; Terraform's own (e.g. an unknown argument) the enclosing block.
    ...(d.address || d.snippet?.context ? { address: d.address ?? d.snippet.context.replace(/^resource\./, '') } : {}),
  }));
  const errors = diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `[${endLabel(end)}] ${d.address ? `${d.address}: ` : ''}${d.summary}: ${d.detail}`)
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

/** How a plan runs. */
export interface PlanOptions {
  /**
   * Refresh first, as a day-2 `terraform plan` does: the stand-in reads each object from its fake cloud
   * (standin/api.js), so drift made there shows. Default false (a first plan has nothing to refresh).
   */
  readonly refresh?: boolean;
  /** More arguments for `terraform plan` (e.g. `-replace=<address>`). */
  readonly extraArgs?: string[];
}

/** The commands of a plan at one end: plan to a file, then show it as JSON. */
function planCommands(end: End, dir: string, options: PlanOptions = {}): string[][] {
  const out = `plan-${end}.bin`;
  return [['plan', `-refresh=${options.refresh ? 'true' : 'false'}`, '-input=false', '-no-color', `-out=${out}`, ...varArgs(dir), ...(options.extraArgs ?? [])], ['show', '-json', out]];
}

function planResult(end: End, [plan, show]: RunResult[]): any {
  if (plan.status !== 0) {
    throw new Error(`terraform plan failed at the ${endLabel(end)}:\n${plan.stderr}`);
  }
  if (show.status !== 0) {
    throw new Error(`terraform show failed at the ${endLabel(end)}:\n${show.stderr}`);
  }
  return JSON.parse(show.stdout);
}

/** What a plan does: `<address>: <actions>` per resource change, sorted. */
function changeList(plan: any): string[] {
  return (plan.resource_changes ?? []).map((c: any) => `${c.address}: ${c.change.actions.join('+')}`).sort();
}

/**
 * `terraform plan` (no refresh) in a prepared folder at both ends, each against its own state; fails
 * when either fails or when they plan different changes (addresses and actions). Returns both plans,
 * as `terraform show -json` gives them.
 */
export function planDirAll(dir: string, fixtures?: Fixtures, options: PlanOptions = {}): Record<End, any> {
  const runs = withFixtures(fixtures, () => runAtEveryEnd(dir, (end) => planCommands(end, dir, options)));
  const plans = collect(runs, (end) => planResult(end, runs[end]));
  const [first, ...others] = ENDS.filter((end) => end in runs);
  for (const end of others) {
    const a = changeList(plans[first]);
    const b = changeList(plans[end]);
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      throw new Error(
        `the ends plan different changes:\n  only at the ${endLabel(first)}: ${a.filter((c) => !b.includes(c)).join(', ') || '-'}\n` +
          `  only at the ${endLabel(end)}: ${b.filter((c) => !a.includes(c)).join(', ') || '-'}`,
      );
    }
  }
  return plans;
}

/** `terraform plan` at both ends (see planDirAll); returns the oldest end's plan (of the ends it runs at). */
export function planDir(dir: string, fixtures?: Fixtures, options: PlanOptions = {}): any {
  const plans = planDirAll(dir, fixtures, options);
  return plans[ENDS.find((end) => end in plans)!];
}

/** `terraform plan` at one end only, against that end's state. */
export function planDirAt(end: End, dir: string, fixtures?: Fixtures, options: PlanOptions = {}): any {
  return withFixtures(fixtures, () => {
    const [plan, show] = planCommands(end, dir, options);
    const planned = run(end, dir, plan);
    return planResult(end, planned.status === 0 ? [planned, run(end, dir, show)] : [planned]);
  });
}

/** `terraform apply` at both ends, each into its own state (it records state; nothing leaves the machine). */
export function applyDir(dir: string, fixtures?: Fixtures, extraArgs: string[] = [], options: PlanOptions = {}): Record<End, string> {
  const runs = withFixtures(fixtures, () =>
    runAtEveryEnd(dir, () => [['apply', '-auto-approve', `-refresh=${options.refresh ? 'true' : 'false'}`, '-input=false', '-no-color', ...varArgs(dir), ...extraArgs]]));
  return collect(runs, (end) => {
    if (runs[end][0].status !== 0) {
      throw new Error(`terraform apply failed at the ${endLabel(end)}:\n${runs[end][0].stderr}`);
    }
    return runs[end][0].stdout;
  });
}

/** `terraform apply` at one end only (refresh first), into that end's state; returns its output. */
export function applyDirAt(end: End, dir: string, extraArgs: string[] = []): string {
  const r = run(end, dir, ['apply', '-auto-approve', '-input=false', '-no-color', ...varArgs(dir), ...extraArgs]);
  if (r.status !== 0) {
    throw new Error(`terraform apply failed at the ${endLabel(end)}:\n${r.stderr}`);
  }
  return r.stdout;
}

/** The state file of an end in a folder (the oldest end's is the default workspace's). */
export function stateFile(dir: string, end: End): string {
  return end === 'oldest' ? join(dir, 'terraform.tfstate') : join(dir, 'terraform.tfstate.d', end, 'terraform.tfstate');
}

/**
 * A provider upgrade: the state one end's providers wrote becomes the other end's, as when a pipeline
 * moves to newer providers with the same state (the other end's providers upgrade it as they read it).
 */
export function moveState(dir: string, from: End, to: End): void {
  const target = stateFile(dir, to);
  mkdirSync(join(target, '..'), { recursive: true });
  copyFileSync(stateFile(dir, from), target);
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { World } = require('./standin/api');

/** The fake cloud of an end (standin/api.js): read and change what a test's objects are on the "remote" side. */
export function world(end: End): { get(kind: string, key: string): any; put(kind: string, key: string, value: any): void } {
  const dir = process.env.STANDIN_WORLD_DIR;
  if (!dir) {
    throw new Error('STANDIN_WORLD_DIR is not set: run these tests through jest (test/terraform/global-setup.ts)');
  }
  return new World(dir, end);
}

/**
 * Gives one end's fake cloud the other's objects whose keys pass a filter (a provider upgrade keeps the
 * cloud). A target's connections are merged (by ID), so what other tests keep there stays.
 */
export function copyWorld(from: End, to: End, filter: (key: string) => boolean): void {
  const root = join(process.env.STANDIN_WORLD_DIR ?? '', from);
  for (const kind of existsSync(root) ? readdirSync(root) : []) {
    for (const file of readdirSync(join(root, kind)).filter((f) => f.endsWith('.json'))) {
      const { key, ...value } = JSON.parse(readFileSync(join(root, kind, file), 'utf8'));
      if (!filter(key)) {
        continue;
      }
      const existing = world(to).get(kind, key);
      if (kind === 'connections' && existing) {
        const ids = new Set(value.connections.map((c: any) => c.id));
        value.connections = [...existing.connections.filter((c: any) => !ids.has(c.id)), ...value.connections];
      }
      world(to).put(kind, key, value);
    }
  }
}

/** The planned `after` values of one resource address. */
export function plannedAfter(plan: any, address: string): any {
  const change = (plan.resource_changes ?? []).find((c: any) => c.address === address);
  if (!change) {
    throw new Error(`no planned change for ${address}; planned: ${(plan.resource_changes ?? []).map((c: any) => c.address).join(', ')}`);
  }
  return change.change.after;
}

/** Plans a stack in a fresh folder at both ends; returns both plans. */
export function planStackAll(stack: TerraformStack, fixtures?: Fixtures): Record<End, any> {
  const dir = writeStack(stack);
  try {
    return planDirAll(dir, fixtures);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Plans a stack in a fresh folder at both ends; returns the oldest end's plan (of the ends it runs at). */
export function planStack(stack: TerraformStack, fixtures?: Fixtures): any {
  const plans = planStackAll(stack, fixtures);
  return plans[ENDS.find((end) => end in plans)!];
}
