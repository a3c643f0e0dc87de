#!/usr/bin/env node
/**
 * The plan audit: `cdktf-azure-databricks-serverless check <file>` runs the serverless network checks
 * over the JSON of `terraform show -json <planfile>` or a synthesized `cdk.tf.json`, prints the report
 * and exits 1 when a finding is at the failing level. No cdktf needed.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { CheckModel } from './model';
import { planShapeError } from './plan-values';
import { countAtLeast, formatReport, reportJson, runRules, Suppression } from './report';
import { FindingLevel } from './rule';
import { ALL_RULES, missingReason, unknownRule } from './rules';

const NAME = 'cdktf-azure-databricks-serverless';

const HOW_TO_PLAN = 'terraform plan -out <planfile>, then terraform show -json <planfile> > plan.json';

const USAGE = `Usage:
  ${NAME} check <plan.json | cdk.tf.json> [options]
  ${NAME} rules
  ${NAME} --help | --version

check runs the serverless network checks over a Terraform plan as JSON
(terraform plan -out <planfile>; terraform show -json <planfile> > plan.json)
or a synthesized Terraform JSON configuration (cdktf.out/stacks/<stack>/cdk.tf.json),
prints the report and exits 1 when a finding is at the failing level.

Options:
  --fail-on <level>       error (default), warning, info or never
  --format <format>       text (default) or json (the report JSON cdktf synth writes)
  --suppressions <file>   JSON list of { "ruleId", "address", "reason" }: a rule on an address and
                          every address inside it (module.x, azurerm_storage_account.y); reason required
  --ncc-subnets <ids>     comma-separated legacy serverless subnet IDs of the NCCs (ARM subnet IDs),
                          when the plan does not hold the NCC (ADBS-LEGACY-SUBNETS)
  --disable <rule-id>     do not run a rule (repeatable)
  -h, --help              print this help
  --version               print the version

Exit codes: 0 no failing finding, 1 failing findings, 2 bad usage or input, 3 internal error.
`;

/** What the command prints and returns; `main` wires it to the process. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A mistake in the command line (the usage follows the message). */
class UsageError extends Error {}

/** An input file that cannot be checked (the message says what was expected and how to make it). */
class InputError extends Error {}

/**
 * Runs the command on its arguments (without `node` and the script). A user's mistake is a message and
 * exit code 2, never a stack trace; anything else is an internal error (exit 3, with the trace).
 */
export function runCli(args: string[]): CliResult {
  try {
    return run(args);
  } catch (e) {
    if (e instanceof UsageError) {
      return { code: 2, stdout: '', stderr: `${NAME}: ${e.message}\n\n${USAGE}` };
    }
    if (e instanceof InputError) {
      return { code: 2, stdout: '', stderr: `${NAME}: ${e.message}\n` };
    }
    const error = e instanceof Error ? e : new Error(String(e));
    return {
      code: 3,
      stdout: '',
      stderr: `${NAME}: internal error (a bug of the checks, not of the input; please report it with this trace): ${error.message}\n${error.stack ?? ''}\n`,
    };
  }
}

function run(args: string[]): CliResult {
  if (args.includes('--help') || args.includes('-h') || args[0] === 'help') {
    return { code: 0, stdout: USAGE, stderr: '' };
  }
  if (args.includes('--version')) {
    return { code: 0, stdout: `${packageVersion()}\n`, stderr: '' };
  }
  const [command, ...rest] = args;
  if (command === undefined) {
    return { code: 2, stdout: '', stderr: USAGE };
  }
  if (command === 'rules') {
    if (rest.length > 0) {
      throw new UsageError(`rules takes no arguments (got ${rest.join(' ')})`);
    }
    const lines = ALL_RULES.map((r) => `${r.id.padEnd(28)} ${r.level.name.padEnd(8)} ${r.title}\n${' '.repeat(38)}Fix: ${r.fix}`);
    return { code: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
  }
  if (command !== 'check') {
    throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
  const options = parseOptions(rest);
  const json = readJson(options.file, 'the input');
  const facts = { serverlessSubnetIds: options.subnets };
  const model = inputKind(json, options.file) === 'plan' ? CheckModel.fromPlanJson(json, facts) : CheckModel.fromTerraformJson(json, facts);
  const rules = ALL_RULES.filter((r) => !options.disabled.includes(r.id));
  const report = runRules(options.file, model, rules, options.suppressions);
  const failing = options.failOn ? countAtLeast(report, options.failOn) : 0;
  const text = options.format === 'json' ? `${reportJson(report)}\n` : formatReport(report);
  const verdict = failing > 0 ? `${failing} finding(s) at level ${options.failOn!.name} or above: failing.\n` : '';
  return { code: failing > 0 ? 1 : 0, stdout: text, stderr: verdict };
}

/** This package's version (the package.json two folders up: of src/checks and of lib/checks alike). */
function packageVersion(): string {
  return String(JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version);
}

interface Options {
  file: string;
  failOn?: FindingLevel;
  format: 'text' | 'json';
  suppressions: Suppression[];
  subnets: string[];
  disabled: string[];
}

/** An ARM subnet ID, as the NCC's legacy serverless subnets are written (case-insensitive, as ARM compares). */
const SUBNET_ID = /^\/subscriptions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i;

function parseOptions(args: string[]): Options {
  const options: Options = { file: '', failOn: FindingLevel.ERROR, format: 'text', suppressions: [], subnets: [], disabled: [] };
  for (let i = 0; i < args.length; i++) {
    // --name=value reads as --name value.
    const eq = args[i].startsWith('--') ? args[i].indexOf('=') : -1;
    const arg = eq > 0 ? args[i].slice(0, eq) : args[i];
    const inline = eq > 0 ? args[i].slice(eq + 1) : undefined;
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) {
        throw new UsageError(`${arg} needs a value`);
      }
      return v;
    };
    if (arg === '--fail-on') {
      const level = value();
      if (level !== 'never' && !['error', 'warning', 'info'].includes(level)) {
        throw new UsageError(`invalid --fail-on ${JSON.stringify(level)}: expected error, warning, info or never`);
      }
      options.failOn = level === 'never' ? undefined : FindingLevel.of(level);
    } else if (arg === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json') {
        throw new UsageError(`invalid --format ${JSON.stringify(format)}: expected text or json`);
      }
      options.format = format;
    } else if (arg === '--suppressions') {
      options.suppressions.push(...readSuppressions(value()));
    } else if (arg === '--ncc-subnets') {
      const ids = value().split(',').map((s) => s.trim()).filter((s) => s.length > 0);
      const bad = ids.find((id) => !SUBNET_ID.test(id));
      if (ids.length === 0 || bad !== undefined) {
        throw new UsageError(
          `invalid --ncc-subnets ${JSON.stringify(bad ?? '')}: expected comma-separated ARM subnet IDs, ` +
            '/subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet> ' +
            '(the NCC\'s egress_config.default_rules.azure_service_endpoint_rule.subnets)',
        );
      }
      options.subnets.push(...ids);
    } else if (arg === '--disable') {
      const id = value();
      const error = unknownRule('--disable', 'rule ID', id);
      if (error) {
        throw new UsageError(error.message);
      }
      options.disabled.push(id);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else if (options.file) {
      throw new UsageError(`one input file only (got ${options.file} and ${arg})`);
    } else {
      options.file = arg;
    }
  }
  if (!options.file) {
    throw new UsageError('check needs the JSON file to check');
  }
  return options;
}

function readJson(file: string, what: string): any {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${what} ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${what} ${file} is not JSON (${(e as Error).message}); for a plan, use ${HOW_TO_PLAN}`);
  }
}

/**
 * What an input is: a plan (an object with a `format_version` and `planned_values` or `resource_changes`,
 * as `terraform show -json <planfile>` prints it) or a Terraform JSON configuration (an object with
 * `resource`, `data` or `terraform` objects, as cdktf synthesizes it). Anything else is refused, naming
 * what it looks like when that is clear.
 */
function inputKind(json: any, file: string): 'plan' | 'configuration' {
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const expected = `Expected the JSON of a Terraform plan (${HOW_TO_PLAN}) or a synthesized configuration (cdktf.out/stacks/<stack>/cdk.tf.json).`;
  const refuse = (what: string) => new InputError(`${file} ${what}. ${expected}`);
  if (!isObject(json)) {
    throw refuse(`holds a JSON ${Array.isArray(json) ? 'list' : json === null ? 'null' : typeof json}, not a Terraform plan or configuration`);
  }
  if ('format_version' in json || 'planned_values' in json || 'resource_changes' in json) {
    if (!('planned_values' in json) && !('resource_changes' in json)) {
      throw refuse('values' in json ? 'is the JSON of a Terraform state (terraform show -json without a plan file), not of a plan' : 'has a format_version but no planned_values or resource_changes: not a plan');
    }
    const error = typeof json.format_version === 'string' ? planShapeError(json) : 'no format_version';
    if (error) {
      throw refuse(`is not a plan as terraform show -json prints it (${error})`);
    }
    return 'plan';
  }
  if (['resource', 'data', 'terraform'].some((k) => k in json)) {
    const blocks = (v: unknown) =>
      isObject(v) && Object.values(v as object).every((byName) => isObject(byName) && Object.values(byName as object).every(isObject));
    const bad = ['resource', 'data'].find((k) => k in json && !blocks(json[k])) ?? ('terraform' in json && !isObject(json.terraform) ? 'terraform' : undefined);
    if (bad) {
      throw refuse(`is not a Terraform JSON configuration as cdktf synthesizes it (its ${bad} is not an object of blocks)`);
    }
    return 'configuration';
  }
  if ('stacks' in json && 'version' in json) {
    throw refuse('is cdktf\'s manifest.json: pass one stack\'s cdktf.out/stacks/<stack>/cdk.tf.json');
  }
  if (Array.isArray(json.resources) && 'terraform_version' in json) {
    throw refuse('is a Terraform state file, not a plan');
  }
  const keys = Object.keys(json);
  throw refuse(
    'is a JSON object with none of format_version, planned_values, resource_changes, resource, data or terraform ' +
      `(its keys: ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', ...' : ''}${keys.length === 0 ? 'none' : ''}), not a Terraform plan or configuration`,
  );
}

function readSuppressions(file: string): Suppression[] {
  const list = readJson(file, 'the suppressions file');
  if (!Array.isArray(list)) {
    throw new UsageError(`the suppressions file ${file} must hold a JSON list of { "ruleId", "address", "reason" }`);
  }
  return list.map((s: any, i: number) => {
    const where = `${file}[${i}]`;
    if (typeof s?.address !== 'string' || s.address.length === 0) {
      throw new UsageError(`${where}: invalid address ${JSON.stringify(s?.address)}: expected a resource or module address, e.g. azurerm_storage_account.lake`);
    }
    const error = unknownRule(where, 'ruleId', String(s.ruleId)) ?? missingReason(where, String(s.ruleId), s.reason);
    if (error) {
      throw new UsageError(error.message);
    }
    return { address: s.address, ruleId: s.ruleId, reason: s.reason };
  });
}

/* istanbul ignore next: the process wiring; tests run the command as a process and through runCli */
if (require.main === module) {
  const result = runCli(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
