import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { StorageAccountNetworkRulesA } from '@cdktf/provider-azurerm/lib/storage-account-network-rules';
import { MwsNccPrivateEndpointRule } from '@cdktf/provider-databricks/lib/mws-ncc-private-endpoint-rule';
import { MwsNetworkConnectivityConfig } from '@cdktf/provider-databricks/lib/mws-network-connectivity-config';
import { Token } from 'cdktf';
import { l1Account } from './helpers';
import { entraStack } from './plans';
import { runCli } from '../../src/checks/cli';
import { CheckModel } from '../../src/checks/model';
import { ServerlessNetworkChecks } from '../../src/checks/pack';
import { UNKNOWN } from '../../src/checks/plan-values';
import { runRules } from '../../src/checks/report';
import { ALL_RULES } from '../../src/checks/rules';
import { NetworkConnectivityConfig } from '../../src/ncc/network-connectivity-config';
import { PrivateLinkSubResource } from '../../src/private-link/sub-resource';
import { ServerlessSecureStorage } from '../../src/storage/serverless-secure-storage';
import { planDir, planStack, writeStack } from '../terraform/harness';
import { newStack, STORAGE_ID, VAULT_ID } from '../util';

const ROOT = join(__dirname, '..', '..');
const LEGACY = '/subscriptions/8453a5d5-9e9e-40c7-87a4-0ab4cc197f48/resourceGroups/prod-azure-eastus2c2-nephos/providers/Microsoft.Network/virtualNetworks/kaas-vnet/subnets/worker-subnet';

const OTHER_SUBNET = '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-app/providers/Microsoft.Network/virtualNetworks/vnet-app/subnets/app';

/** Runs the command as a process, as `npx cdktf-azure-databricks-serverless` would (from source). */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'src/checks/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A hand-written estate, planned by real Terraform: an NCC, an account whose separate firewall rules
 * reference the NCC's legacy subnets, one whose firewall lists them as copied literals, an open account,
 * an account written without a network_rules block (the plan shows the block unknown), and a rule nobody
 * approves.
 */
function plannedEstate(): { dir: string; planFile: string; plan: any } {
  const { stack, account } = entraStack();
  const ncc = new MwsNetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2', provider: account });
  const lake = l1Account(stack, 'Lake', { networkRules: undefined });
  new StorageAccountNetworkRulesA(stack, 'LakeRules', {
    storageAccountId: lake.id,
    defaultAction: 'Deny',
    // A splat, as hand-written code often has it (the stand-in plans the computed block as an empty list).
    virtualNetworkSubnetIds: Token.asList(`\${flatten(${ncc.fqn}.egress_config[*].default_rules[*].azure_service_endpoint_rule[*].subnets)}`),
  });
  l1Account(stack, 'Copied', { networkRules: { defaultAction: 'Deny', virtualNetworkSubnetIds: [LEGACY] } });
  l1Account(stack, 'Open', { publicNetworkAccessEnabled: true, networkRules: { defaultAction: 'Allow' } });
  l1Account(stack, 'Bare', { publicNetworkAccessEnabled: undefined, networkRules: undefined });
  new MwsNccPrivateEndpointRule(stack, 'Vault', { networkConnectivityConfigId: ncc.networkConnectivityConfigId, resourceId: VAULT_ID, groupId: 'vault', provider: account });
  const dir = writeStack(stack);
  const plan = planDir(dir);
  const planFile = join(dir, 'plan.json');
  writeFileSync(planFile, JSON.stringify(plan));
  return { dir, planFile, plan };
}

describe('the plan audit command', () => {
  let estate: { dir: string; planFile: string; plan: any };
  beforeAll(() => {
    estate = plannedEstate();
  });
  afterAll(() => rmSync(estate.dir, { recursive: true, force: true }));

  test('a real plan: the report on stdout, exit 1 on the error', () => {
    const r = cli('check', estate.planFile);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(`Serverless network checks, ${estate.planFile}: 1 error(s), 3 warning(s), 0 info, 0 suppressed`);
    expect(r.stdout.split('\n').filter((l) => /^ {2}[A-Z]/.test(l)).map((l) => l.trim().split(/\s+/).slice(0, 3).join(' '))).toEqual([
      'ERROR ADBS-LEGACY-SUBNETS azurerm_storage_account.Lake',
      'WARNING ADBS-UNAPPROVED-RULE databricks_mws_ncc_private_endpoint_rule.Vault',
      // Written without a network_rules block: the plan shows the block unknown; no firewall, so open.
      'WARNING ADBS-STORAGE-OPEN azurerm_storage_account.Bare',
      'WARNING ADBS-STORAGE-OPEN azurerm_storage_account.Open',
    ]);
    expect(r.stdout).toContain('Storage account azurerm_storage_account.Bare: public network access is on and there is no firewall: any network can reach it.');
    expect(r.stdout).toMatch(/ {2}ERROR {6}ADBS-LEGACY-SUBNETS {2}azurerm_storage_account\.Lake\n\s+The storage firewall allowlists the NCC's serverless subnets \(1: \(reference to egress_config\)\)/);
    expect(r.stdout).toMatch(/ {2}WARNING {4}ADBS-STORAGE-OPEN {2}azurerm_storage_account\.Open\n/);
    expect(r.stdout).toMatch(/ {2}WARNING {4}ADBS-UNAPPROVED-RULE {2}databricks_mws_ncc_private_endpoint_rule\.Vault\n/);
    expect(r.stderr).toBe('1 finding(s) at level error or above: failing.\n');
  });

  test('--fail-on never exits 0; --fail-on warning counts warnings', () => {
    expect(cli('check', estate.planFile, '--fail-on', 'never').code).toBe(0);
    const r = cli('check', estate.planFile, '--fail-on', 'warning');
    expect([r.code, r.stderr]).toEqual([1, '4 finding(s) at level warning or above: failing.\n']);
  });

  test('a suppressions file marks findings suppressed, with the reason; the rest still count', () => {
    const file = join(estate.dir, 'suppressions.json');
    writeFileSync(file, JSON.stringify([{ ruleId: 'ADBS-LEGACY-SUBNETS', address: 'azurerm_storage_account.Lake', reason: 'Migration ticket NET-42, subnets go next sprint' }]));
    const r = runCli(['check', estate.planFile, '--suppressions', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toEqual({ errors: 0, warnings: 3, infos: 0, suppressed: 1, reportedOnly: 0 });
    expect(report.findings.find((f: any) => f.ruleId === 'ADBS-LEGACY-SUBNETS')).toMatchObject({ suppressed: 'Migration ticket NET-42, subnets go next sprint' });
  });

  test('--ncc-subnets finds the copied literal subnets too', () => {
    const r = cli('check', estate.planFile, '--ncc-subnets', LEGACY);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/: 2 error\(s\), 3 warning\(s\)/);
    expect(r.stdout).toContain(`ERROR      ADBS-LEGACY-SUBNETS  azurerm_storage_account.Copied\n             The storage firewall allowlists the NCC's serverless subnets (1: ${LEGACY})`);
  });

  test('the plan model: unknown values read as expressions, nulls as unset, references from the configuration', () => {
    const model = CheckModel.fromPlanJson(estate.plan);
    const rules = model.get('azurerm_storage_account_network_rules.LakeRules')!;
    // Unknown until apply: the expression as the configuration writes it, as in synthesized JSON.
    expect(rules.values.storage_account_id).toBe('${azurerm_storage_account.Lake.id}');
    expect(model.referencedAddresses(rules)).toEqual(new Set(['azurerm_storage_account.Lake', 'databricks_mws_network_connectivity_config.Ncc']));
    // Unknown and not in the configuration (computed, or Optional+Computed left unset): unset, as synthesized JSON has it.
    expect(model.get('azurerm_storage_account.Lake')!.values.id).toBeUndefined();
    expect(model.get('azurerm_storage_account.Bare')!.values.network_rules).toBeUndefined();
    expect(estate.plan.resource_changes.find((c: any) => c.address === 'azurerm_storage_account.Bare').change.after_unknown.network_rules).toBe(true);
    // A plan without configuration (hand-written): nothing is known to be unset.
    const bare = { ...estate.plan, configuration: undefined };
    expect(CheckModel.fromPlanJson(bare).get('azurerm_storage_account.Bare')!.values.network_rules).toBe(UNKNOWN);
    const open = model.get('azurerm_storage_account.Open')!;
    expect(open.values.public_network_access_enabled).toBe(true);
    expect(Object.values(open.values).includes(null)).toBe(false);
  });
});

describe('one rule set, two inputs', () => {
  test('the plan of a library stack gets the same findings as its synth (approvals found through the plan\'s references)', () => {
    const { stack, account } = entraStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2', accountProvider: account });
    new ServerlessSecureStorage(stack, 'Lake', { networkConnectivityConfig: ncc, storageAccount: { name: 'stlake', resourceGroupName: 'rg', location: 'eastus2' } });
    ncc.addPrivateEndpointRule('Vault', { resourceId: VAULT_ID, subResource: PrivateLinkSubResource.KEY_VAULT });
    l1Account(stack, 'Old', { minTlsVersion: 'TLS1_0' });
    const atSynth = ServerlessNetworkChecks.check(stack).findings.map((f) => `${f.ruleId} ${f.address}`);
    expect(atSynth).toEqual([expect.stringMatching(/^ADBS-UNAPPROVED-RULE databricks_mws_ncc_private_endpoint_rule\./), 'ADBS-STORAGE-TLS azurerm_storage_account.Old']);
    const plan = CheckModel.fromPlanJson(planStack(stack));
    const fromPlan = runRules('plan', plan, ALL_RULES).findings.map((f) => `${f.ruleId} ${f.address}`);
    expect(fromPlan).toEqual(atSynth);
  });
});

describe('the command on other inputs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'adbs-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a synthesized cdk.tf.json: construct paths in the report', () => {
    const { app, stack, account } = newStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2', accountProvider: account });
    ncc.addPrivateEndpointRule('Vault', { resourceId: VAULT_ID, subResource: PrivateLinkSubResource.KEY_VAULT });
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    app.synth();
    jest.restoreAllMocks();
    const r = runCli(['check', join(app.outdir, 'stacks', 'test', 'cdk.tf.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ {2}WARNING {4}ADBS-UNAPPROVED-RULE {2}test\/Ncc\/Vault\/Resource \(databricks_mws_ncc_private_endpoint_rule\.\S+\)/);
    // The same report as synth wrote.
    const synthReport = JSON.parse(readFileSync(join(app.outdir, 'stacks', 'test', 'serverless-network-checks.json'), 'utf8'));
    expect(JSON.parse(runCli(['check', join(app.outdir, 'stacks', 'test', 'cdk.tf.json'), '--format', 'json']).stdout).findings).toEqual(synthReport.findings);
  });

  test('--ncc-subnets finds literal legacy subnets in a plan-shaped input', () => {
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [{ address: 'azurerm_storage_account.lake', mode: 'managed', type: 'azurerm_storage_account', values: { id: STORAGE_ID, network_rules: [{ default_action: 'Deny', virtual_network_subnet_ids: [LEGACY] }], public_network_access_enabled: true } }],
        },
      },
    };
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(plan));
    expect(runCli(['check', file]).code).toBe(0);
    const r = runCli(['check', file, '--ncc-subnets', `${LEGACY}, ${OTHER_SUBNET}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`ADBS-LEGACY-SUBNETS  azurerm_storage_account.lake\n             The storage firewall allowlists the NCC's serverless subnets (1: ${LEGACY})`);
  });

  test('the NCC read as a data source while planning tells the subnets (prior_state)', () => {
    const ncc = {
      address: 'data.databricks_mws_network_connectivity_config.ncc',
      mode: 'data',
      type: 'databricks_mws_network_connectivity_config',
      values: { egress_config: [{ default_rules: [{ azure_service_endpoint_rule: [{ subnets: [LEGACY] }] }] }] },
    };
    const account = { address: 'azurerm_storage_account.lake', mode: 'managed', type: 'azurerm_storage_account', values: { network_rules: [{ default_action: 'Deny', virtual_network_subnet_ids: [LEGACY] }] } };
    const file = join(dir, 'plan.json');
    const plan = { format_version: '1.2', planned_values: { root_module: { resources: [account] } }, prior_state: { values: { root_module: { resources: [ncc] } } } };
    writeFileSync(file, JSON.stringify(plan));
    expect(runCli(['check', file]).stdout).toMatch(/ERROR {6}ADBS-LEGACY-SUBNETS {2}azurerm_storage_account\.lake/);
  });

  test('bad usage and input exit 2 with the reason and the usage', () => {
    const cases: Array<[string[], RegExp]> = [
      [['check'], /check needs the JSON file to check/],
      [['check', 'a.json', 'b.json'], /one input file only/],
      [['check', 'a.json', '--fail-on', 'fatal'], /invalid --fail-on "fatal": expected error, warning, info or never/],
      [['check', 'a.json', '--format', 'xml'], /invalid --format "xml"/],
      [['check', 'a.json', '--disable', 'ADBS-NOPE'], /invalid rule ID "ADBS-NOPE": no such rule/],
      [['check', 'a.json', '--verbose'], /unknown option --verbose/],
      [['lint'], /unknown command "lint"/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('Usage:');
    }
    // An input that cannot be read: the reason, without the usage.
    expect(runCli(['check', join(dir, 'missing.json')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot read the input .*missing.json/) });
    const notJson = join(dir, 'plan.tfplan');
    writeFileSync(notJson, 'binary plan');
    expect(runCli(['check', notJson]).stderr).toMatch(/is not JSON .*terraform show -json <planfile> > plan.json/);
    const suppressions = join(dir, 's.json');
    writeFileSync(suppressions, JSON.stringify([{ ruleId: 'ADBS-STORAGE-OPEN', address: 'azurerm_storage_account.x', reason: 'ok' }]));
    expect(runCli(['check', notJson, '--suppressions', suppressions]).stderr).toMatch(/s.json\[0\]: invalid reason "ok": a suppression needs a reason/);
  });

  test('rules lists every rule; --help prints the usage', () => {
    const r = cli('rules');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('ADBS-')).map((l) => l.split(/\s+/)[0])).toEqual(
      ServerlessNetworkChecks.rules().map((x) => x.id),
    );
    expect(runCli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage:/) });
  });
});
