import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../../src/checks/cli';
import { STORAGE_OPEN } from '../../src/checks/rules/storage-open';

const ROOT = join(__dirname, '..', '..');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const SUBNET = '/subscriptions/8453a5d5-9e9e-40c7-87a4-0ab4cc197f48/resourceGroups/prod-azure-eastus2c2-nephos/providers/Microsoft.Network/virtualNetworks/kaas-vnet/subnets/worker-subnet';
const HOW = 'terraform show -json <planfile> > plan.json';
/** A stack trace line, as Node prints one. */
const TRACE = /^\s+at /m;

/** Runs the command as a process (from source). */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src/checks/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('what the command accepts as input', () => {
  let dir: string;
  const write = (name: string, json: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(json));
    return file;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'adbs-cli-input-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each<[string, unknown, RegExp]>([
    ['an empty object', {}, /is a JSON object with none of format_version, planned_values, resource_changes, resource, data or terraform \(its keys: none\)/],
    ['a list', [1, 2], /holds a JSON list, not a Terraform plan or configuration/],
    ['a string', 'plan', /holds a JSON string/],
    ['null', null, /holds a JSON null/],
    ['a state (terraform show -json without a plan file)', { format_version: '1.0', terraform_version: '1.11.4', values: { root_module: {} } }, /is the JSON of a Terraform state \(terraform show -json without a plan file\), not of a plan/],
    ['a state file', { version: 4, terraform_version: '1.11.4', serial: 1, resources: [] }, /is a Terraform state file, not a plan/],
    ['cdktf\'s manifest.json', { version: '0.21.0', stacks: { test: {} } }, /is cdktf's manifest.json: pass one stack's cdktf.out\/stacks\/<stack>\/cdk.tf.json/],
    ['a plan without format_version', { planned_values: { root_module: {} } }, /is not a plan as terraform show -json prints it \(no format_version\)/],
    ['a format_version alone', { format_version: '1.2' }, /has a format_version but no planned_values or resource_changes/],
    ['a plan whose resources are not a list', { format_version: '1.2', planned_values: { root_module: { resources: 5 } } }, /planned_values.root_module is not a module with a list of resources/],
    ['a plan whose changes are not a list', { format_version: '1.2', resource_changes: {} }, /resource_changes is not a list of changes/],
    ['a plan with a broken configuration', { format_version: '1.2', resource_changes: [], configuration: { root_module: { module_calls: [] } } }, /configuration.root_module is not a module configuration/],
    ['a configuration whose resources are a list', { resource: [] }, /is not a Terraform JSON configuration as cdktf synthesizes it \(its resource is not an object of blocks\)/],
    ['a configuration whose resource body is a string', { resource: { azurerm_storage_account: { a: 'x' } } }, /its resource is not an object of blocks/],
    ['a configuration whose terraform block is a string', { terraform: 'x' }, /its terraform is not an object of blocks/],
  ])('refuses %s: exit 2, naming the file, what was expected and how to make a plan', (_name, json, reason) => {
    const file = write('input.json', json);
    const r = runCli(['check', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).toContain(`cdktf-azure-databricks-serverless: ${file} `);
    expect(r.stderr).toContain(`Expected the JSON of a Terraform plan (terraform plan -out <planfile>, then ${HOW}) or a synthesized configuration (cdktf.out/stacks/<stack>/cdk.tf.json).`);
    expect(r.stderr).not.toMatch(TRACE);
  });

  test('refuses the package.json next to it (the wrong file in a pipeline), as a process: exit 2, a message, no trace', () => {
    const r = cli('check', 'package.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cdktf-azure-databricks-serverless: package.json is a JSON object with none of .* \(its keys: name, .*\), not a Terraform plan or configuration\. /);
    expect(r.stderr).not.toMatch(TRACE);
  });

  test.each<[string, unknown]>([
    ['a plan with nothing planned', { format_version: '1.2', planned_values: { root_module: {} } }],
    ['a plan with changes only', { format_version: '1.2', resource_changes: [] }],
    ['a configuration with a terraform block only', { terraform: { required_providers: {} } }],
    ['a configuration of resources', { resource: { azurerm_resource_group: { rg: { name: 'rg', location: 'eastus2' } } } }],
    ['a configuration of data sources', { data: {} }],
  ])('accepts %s', (_name, json) => {
    const r = runCli(['check', write('ok.json', json)]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/: 0 error\(s\), 0 warning\(s\), 0 info, 0 suppressed\n$/);
  });
});

describe('help, version and flags', () => {
  test.each([[['--help']], [['-h']], [['help']], [['check', '--help']], [['check', 'plan.json', '-h']], [['rules', '--help']]])('%j prints the usage on stdout, exit 0', (args) => {
    const r = runCli(args);
    expect(r).toEqual({ code: 0, stdout: expect.stringMatching(/^Usage:\n {2}cdktf-azure-databricks-serverless check /), stderr: '' });
    expect(r.stdout).toContain('--version');
  });

  test('--version prints the package version, exit 0 (as a process too)', () => {
    expect(runCli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(runCli(['check', '--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(cli('--version')).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  test('no arguments: the usage on stderr, exit 2', () => {
    expect(runCli([])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^Usage:/) });
  });

  test.each<[string[], RegExp]>([
    [['--ncc-subnets', 'foo'], /invalid --ncc-subnets "foo": expected comma-separated ARM subnet IDs, \/subscriptions\/<guid>\/resourceGroups\/<rg>\/providers\/Microsoft.Network\/virtualNetworks\/<vnet>\/subnets\/<subnet>/],
    [['--ncc-subnets', `${SUBNET},/subscriptions/x/subnets/y`], /invalid --ncc-subnets "\/subscriptions\/x\/subnets\/y"/],
    [['--ncc-subnets', SUBNET.replace('/subnets/', '/')], /invalid --ncc-subnets/],
    [['--ncc-subnets', SUBNET.replace('8453a5d5', 'not-a-guid')], /invalid --ncc-subnets/],
    [['--ncc-subnets', ' , '], /invalid --ncc-subnets ""/],
    [['--ncc-subnets'], /--ncc-subnets needs a value/],
    [['--format', '--fail-on', 'never'], /--format needs a value/],
    [['--fail-on=fatal'], /invalid --fail-on "fatal"/],
    [['--verbose'], /unknown option --verbose/],
    [['-v'], /unknown option -v/],
  ])('check plan.json %j is refused: exit 2 with the reason and the usage', (flags, reason) => {
    const r = runCli(['check', 'plan.json', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).toContain('Usage:');
    expect(r.stderr).not.toMatch(TRACE);
  });

  test('rules takes no arguments', () => {
    expect(runCli(['rules', 'all'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/rules takes no arguments \(got all\)/) });
  });

  test('--ncc-subnets takes ARM subnet IDs in any case, and --name=value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'adbs-cli-flags-'));
    try {
      const file = join(dir, 'plan.json');
      const account = { address: 'azurerm_storage_account.a', mode: 'managed', type: 'azurerm_storage_account', values: { network_rules: [{ default_action: 'Deny', virtual_network_subnet_ids: [SUBNET] }] } };
      writeFileSync(file, JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: [account] } } }));
      expect(runCli(['check', file, '--ncc-subnets', SUBNET.toUpperCase()]).code).toBe(1);
      expect(runCli(['check', file, `--ncc-subnets=${SUBNET}`, '--fail-on=never']).code).toBe(0);
      expect(runCli(['check', file, `--ncc-subnets=${SUBNET}`, '--format=json']).stdout).toMatch(/^\{\n {2}"stack"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an internal error says so, with the trace, exit 3', () => {
    const dir = mkdtempSync(join(tmpdir(), 'adbs-cli-internal-'));
    const spy = jest.spyOn(STORAGE_OPEN, 'check').mockImplementation(() => {
      throw new TypeError('boom');
    });
    try {
      const file = join(dir, 'plan.json');
      writeFileSync(file, JSON.stringify({ format_version: '1.2', planned_values: { root_module: {} } }));
      const r = runCli(['check', file]);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^cdktf-azure-databricks-serverless: internal error \(a bug of the checks, not of the input; please report it with this trace\): boom\nTypeError: boom\n/);
      expect(r.stderr).toMatch(TRACE);
    } finally {
      spy.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
