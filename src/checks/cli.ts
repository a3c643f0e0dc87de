#!/usr/bin/env node
/**
 * The plan audit: `cdktf-azure-databricks-serverless check <file>` runs the serverless network checks
 * over the JSON of `terraform show -json <planfile>` or a synthesized `cdk.tf.json`, prints the report
 * and exits 1 when a finding is at the failing level. No cdktf needed.
 */
import { readFileSync } from 'fs';
import { CheckModel } from './model';
import { countAtLeast, formatReport, reportJson, runRules, Suppression } from './report';
import { FindingLevel } from './rule';
import { ALL_RULES, missingReason, unknownRule } from './rules';

const USAGE = `Usage:
  cdktf-azure-databricks-serverless check <plan.json | cdk.tf.json> [options]
  cdktf-azure-databricks-serverless rules

check runs the serverless network checks over a plan (terraform show -json <planfile> > plan.json)
or a synthesized cdk.tf.json, prints the report and exits 1 when a finding is at the failing level.

Options:
  --fail-on <level>       error (default), warning, info or never
  --format <format>       text (default) or json (the report JSON cdktf synth writes)
  --suppressions <file>   JSON list of { "ruleId", "address", "reason" }: a rule on an address and
                          every address inside it (module.x, azurerm_storage_account.y); reason required
  --ncc-subnets <ids>     comma-separated legacy serverless subnet IDs of the NCCs, when the plan
                          does not hold the NCC (ADBS-LEGACY-SUBNETS)
  --disable <rule-id>     do not run a rule (repeatable)

Exit codes: 0 no failing finding, 1 failing findings, 2 bad usage or input.
`;

/** What the command prints and returns; `main` wires it to the process. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

class UsageError extends Error {}

/** Runs the command on its arguments (without `node` and the script). */
export function runCli(args: string[]): CliResult {
  try {
    const [command, ...rest] = args;
    if (command === 'rules') {
      const lines = ALL_RULES.map((r) => `${r.id.padEnd(28)} ${r.level.name.padEnd(8)} ${r.title}\n${' '.repeat(38)}Fix: ${r.fix}`);
      return { code: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      return { code: command === undefined ? 2 : 0, stdout: command === undefined ? '' : USAGE, stderr: command === undefined ? USAGE : '' };
    }
    if (command !== 'check') {
      throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
    const options = parseOptions(rest);
    const json = readJson(options.file, 'the input');
    const facts = { serverlessSubnetIds: options.subnets };
    const model = CheckModel.isPlanJson(json) ? CheckModel.fromPlanJson(json, facts) : CheckModel.fromTerraformJson(json, facts);
    const rules = ALL_RULES.filter((r) => !options.disabled.includes(r.id));
    const report = runRules(options.file, model, rules, options.suppressions);
    const failing = options.failOn ? countAtLeast(report, options.failOn) : 0;
    const text = options.format === 'json' ? `${reportJson(report)}\n` : formatReport(report);
    const verdict = failing > 0 ? `${failing} finding(s) at level ${options.failOn!.name} or above: failing.\n` : '';
    return { code: failing > 0 ? 1 : 0, stdout: text, stderr: verdict };
  } catch (e) {
    if (e instanceof UsageError) {
      return { code: 2, stdout: '', stderr: `cdktf-azure-databricks-serverless: ${e.message}\n\n${USAGE}` };
    }
    throw e;
  }
}

interface Options {
  file: string;
  failOn?: FindingLevel;
  format: 'text' | 'json';
  suppressions: Suppression[];
  subnets: string[];
  disabled: string[];
}

function parseOptions(args: string[]): Options {
  const options: Options = { file: '', failOn: FindingLevel.ERROR, format: 'text', suppressions: [], subnets: [], disabled: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) {
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
      options.subnets.push(...value().split(',').map((s) => s.trim()).filter((s) => s.length > 0));
    } else if (arg === '--disable') {
      const id = value();
      const error = unknownRule('--disable', 'rule ID', id);
      if (error) {
        throw new UsageError(error);
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
    throw new UsageError(`cannot read ${what} ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} ${file} is not JSON (${(e as Error).message}); for a plan, use terraform show -json <planfile> > plan.json`);
  }
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
      throw new UsageError(error);
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
