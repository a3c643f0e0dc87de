import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageAccountNetworkRulesA } from '@cdktf/provider-azurerm/lib/storage-account-network-rules';
import { MwsNetworkConnectivityConfig } from '@cdktf/provider-databricks/lib/mws-network-connectivity-config';
import { TerraformStack, Testing, TerraformVariable } from 'cdktf';
import { l1Account, ruleIds } from './helpers';
import { constant, entraStack, handPlan, planFindings, planMessages, refs } from './plans';
import { ChecksStack } from '../../examples/checks';
import { CheckModel } from '../../src/checks/model';
import { ServerlessNetworkChecks } from '../../src/checks/pack';
import { runRules } from '../../src/checks/report';
import { ALL_RULES } from '../../src/checks/rules';
import { NetworkConnectivityConfig } from '../../src/ncc/network-connectivity-config';
import { ServerlessSecureStorage } from '../../src/storage/serverless-secure-storage';
import { StorageAccess } from '../../src/storage/storage-access';
import { armId, findingsOn, newStack, ruleFindings } from '../util';

const LEGACY = '/subscriptions/8453a5d5-9e9e-40c7-87a4-0ab4cc197f48/resourceGroups/prod-azure-eastus2c2-nephos/providers/Microsoft.Network/virtualNetworks/kaas-vnet/subnets/worker-subnet';
const OTHER_SUBNET = armId('Microsoft.Network/virtualNetworks', 'vnet-app/subnets/app');

describe('ADBS-LEGACY-SUBNETS on hand-written resources', () => {
  test('an inline firewall that references the NCC egress_config subnets is an error; other subnets are not', () => {
    const { stack, account } = newStack();
    const ncc = new MwsNetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2', provider: account });
    const subnets = ncc.egressConfig.defaultRules.azureServiceEndpointRule.subnets;
    l1Account(stack, 'Legacy', { networkRules: { defaultAction: 'Deny', virtualNetworkSubnetIds: subnets } });
    l1Account(stack, 'Fine', { networkRules: { defaultAction: 'Deny', virtualNetworkSubnetIds: [OTHER_SUBNET] } });
    expect(findingsOn(stack, 'ADBS-LEGACY-SUBNETS')).toEqual(['test/Legacy']);
    expect(ruleFindings(stack, 'ADBS-LEGACY-SUBNETS')[0]).toMatch(
      /^The storage firewall allowlists the NCC's serverless subnets \(1: \(reference to egress_config\)\).*Migration for test\/Legacy: new ServerlessSecureStorage\(.*storageAccountId: azurerm_storage_account.Legacy.id/,
    );
  });

  test('a separate network rules resource with the literal subnet IDs (any case) is an error once the IDs are known', () => {
    const { stack } = newStack();
    const lake = l1Account(stack, 'Lake', { networkRules: undefined });
    new StorageAccountNetworkRulesA(stack, 'Rules', { storageAccountId: lake.id, defaultAction: 'Deny', virtualNetworkSubnetIds: [OTHER_SUBNET, LEGACY.toUpperCase()] });
    expect(findingsOn(stack, 'ADBS-LEGACY-SUBNETS')).toEqual([]);
    expect(findingsOn(stack, 'ADBS-LEGACY-SUBNETS', { nccServerlessSubnetIds: [LEGACY] })).toEqual(['test/Lake']);
    expect(ruleFindings(stack, 'ADBS-LEGACY-SUBNETS', { nccServerlessSubnetIds: [LEGACY] })[0]).toContain(`(1: ${LEGACY.toUpperCase()})`);
  });

  test('the subnets an NCC construct was told are found in any firewall of the stack', () => {
    const { stack, account } = newStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2', accountProvider: account });
    new ServerlessSecureStorage(stack, 'Lake', { networkConnectivityConfig: ncc, storageAccountId: armId('Microsoft.Storage/storageAccounts', 'stlake'), nccServerlessSubnetIds: [LEGACY] });
    l1Account(stack, 'Hand', { networkRules: { defaultAction: 'Deny', virtualNetworkSubnetIds: [LEGACY] } });
    expect(findingsOn(stack, 'ADBS-LEGACY-SUBNETS')).toEqual(['test/Hand']);
  });
});

describe('ADBS-LEGACY-SUBNETS migration listing', () => {
  test('an account already on the service-tag path is told the next steps, not the pattern', () => {
    const stack = new ChecksStack(Testing.app(), 'checks');
    const report = ServerlessNetworkChecks.check(stack);
    expect(report.findings.map((f) => [f.ruleId, f.path, f.suppressed !== undefined])).toEqual([['ADBS-LEGACY-SUBNETS', 'checks/reporting', true]]);
    expect(report.findings[0].message).toContain(
      'Migration for checks/reporting: step 1 is in place (checks/reporting-serverless/Association/Resource allows the AzureDatabricksServerless tag); ' +
        'check serverless access in the perimeter\'s access logs, then remove the subnets from the firewall.',
    );
  });
});

describe('storage account settings', () => {
  test('a closed, hardened account has no finding', () => {
    const { stack } = entraStack();
    l1Account(stack, 'Lake');
    expect(ruleIds(stack)).toEqual([]);
  });

  test('ADBS-STORAGE-OPEN: public access with no firewall, or a firewall that allows by default (inline or separate)', () => {
    const { stack } = newStack();
    l1Account(stack, 'NoFirewall', { publicNetworkAccessEnabled: true, networkRules: undefined });
    l1Account(stack, 'AllowInline', { publicNetworkAccessEnabled: undefined, networkRules: { defaultAction: 'Allow' } });
    const separate = l1Account(stack, 'AllowSeparate', { publicNetworkAccessEnabled: true, networkRules: undefined });
    new StorageAccountNetworkRulesA(stack, 'Rules', { storageAccountId: separate.id, defaultAction: 'Allow' });
    l1Account(stack, 'DenyPublic', { publicNetworkAccessEnabled: true, networkRules: { defaultAction: 'Deny' } });
    l1Account(stack, 'Private', { publicNetworkAccessEnabled: false, networkRules: undefined });
    expect(findingsOn(stack, 'ADBS-STORAGE-OPEN')).toEqual(['test/NoFirewall', 'test/AllowInline', 'test/AllowSeparate']);
    expect(ruleFindings(stack, 'ADBS-STORAGE-OPEN')[0]).toBe('Storage account test/NoFirewall: public network access is on and there is no firewall: any network can reach it.');
  });

  test('ADBS-STORAGE-TLS: TLS1_0 and TLS1_1 are findings, TLS1_2 is not', () => {
    const { stack } = newStack();
    l1Account(stack, 'Tls10', { minTlsVersion: 'TLS1_0' });
    l1Account(stack, 'Tls11', { minTlsVersion: 'TLS1_1' });
    l1Account(stack, 'Tls12', { minTlsVersion: 'TLS1_2' });
    expect(findingsOn(stack, 'ADBS-STORAGE-TLS')).toEqual(['test/Tls10', 'test/Tls11']);
  });

  test('ADBS-STORAGE-SHARED-KEY (info): on when unset or true, not when false', () => {
    const { stack } = newStack();
    l1Account(stack, 'Unset', { sharedAccessKeyEnabled: undefined });
    l1Account(stack, 'On', { sharedAccessKeyEnabled: true });
    l1Account(stack, 'Off', { sharedAccessKeyEnabled: false });
    // Unknown at synth (a variable): no finding.
    l1Account(stack, 'Variable', { sharedAccessKeyEnabled: new TerraformVariable(stack, 'shared_key', { type: 'bool' }).booleanValue });
    expect(findingsOn(stack, 'ADBS-STORAGE-SHARED-KEY')).toEqual(['test/Unset', 'test/On']);
  });

  test('ADBS-STORAGE-HTTP: only an explicit https_traffic_only_enabled = false', () => {
    const { stack } = newStack();
    l1Account(stack, 'Http', { httpsTrafficOnlyEnabled: false });
    l1Account(stack, 'Https', { httpsTrafficOnlyEnabled: true });
    l1Account(stack, 'Unset');
    expect(findingsOn(stack, 'ADBS-STORAGE-HTTP')).toEqual(['test/Http']);
  });

  test('ADBS-STORAGE-PUBLIC-BLOB: true, or unset (true on azurerm 4.x); false is fine', () => {
    const { stack } = newStack();
    l1Account(stack, 'Public', { allowNestedItemsToBePublic: true });
    l1Account(stack, 'Unset', { allowNestedItemsToBePublic: undefined });
    l1Account(stack, 'Closed', { allowNestedItemsToBePublic: false });
    expect(findingsOn(stack, 'ADBS-STORAGE-PUBLIC-BLOB')).toEqual(['test/Public', 'test/Unset']);
  });

  test('ADBS-AZURERM4-DATA-PLANE: a locked-down account on a stack that admits azurerm 4.x, unless its provider turns data-plane calls off', () => {
    const stackWith = (features: any, constraint?: string) => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'test');
      new AzurermProvider(stack, 'azurerm', { features: [features] });
      new AzurermProvider(stack, 'other', { alias: 'other', features: [{ storage: [{ dataPlaneAvailable: false }] }] });
      if (constraint) {
        stack.addOverride('terraform.required_providers.azurerm', { source: 'hashicorp/azurerm', version: constraint });
      }
      l1Account(stack, 'Private');
      l1Account(stack, 'Firewalled', { publicNetworkAccessEnabled: true });
      l1Account(stack, 'Open', { publicNetworkAccessEnabled: true, networkRules: { defaultAction: 'Allow' } });
      l1Account(stack, 'ViaOther', { provider: stack.node.findChild('other') as AzurermProvider });
      return stack;
    };
    expect(findingsOn(stackWith({}), 'ADBS-AZURERM4-DATA-PLANE')).toEqual(['test/Private', 'test/Firewalled']);
    expect(ruleFindings(stackWith({}), 'ADBS-AZURERM4-DATA-PLANE')[0]).toMatch(
      /^Storage account test\/Private: it denies public network access, and azurerm 4.x \(admitted by "4.55.0"\) reads its queue properties .*The azurerm provider does not set data_plane_available = false\.$/,
    );
    expect(findingsOn(stackWith({ storage: [{ dataPlaneAvailable: true }] }, '>= 4.81.0, < 6.0.0'), 'ADBS-AZURERM4-DATA-PLANE')).toEqual(['test/Private', 'test/Firewalled']);
    expect(findingsOn(stackWith({ storage: [{ dataPlaneAvailable: false }] }), 'ADBS-AZURERM4-DATA-PLANE')).toEqual([]);
    // azurerm 5.x only: no data-plane calls to skip.
    expect(findingsOn(stackWith({}, '>= 5.0.0, < 6.0.0'), 'ADBS-AZURERM4-DATA-PLANE')).toEqual([]);
    // No azurerm provider block: a module, configured by its caller.
    const module = new TerraformStack(Testing.app(), 'test');
    l1Account(module, 'Private');
    expect(findingsOn(module, 'ADBS-AZURERM4-DATA-PLANE')).toEqual([]);
  });

  test('ADBS-AZURERM4-DATA-PLANE in a plan: the provider configuration and the constraint are read from it', () => {
    const plan = (storage: unknown[], constraint: string) => ({
      planned_values: { root_module: { resources: [{ address: 'azurerm_storage_account.a', mode: 'managed', type: 'azurerm_storage_account', values: { name: 'sta', public_network_access_enabled: false } }] } },
      resource_changes: [{ address: 'azurerm_storage_account.a', change: { actions: ['create'], after_unknown: {} } }],
      configuration: {
        provider_config: { azurerm: { name: 'azurerm', full_name: 'registry.terraform.io/hashicorp/azurerm', version_constraint: constraint, expressions: { features: [{ storage: storage }] } } },
        root_module: { resources: [{ address: 'azurerm_storage_account.a', provider_config_key: 'azurerm', expressions: {} }] },
      },
    });
    const hits = (p: any) => runRules('plan', CheckModel.fromPlanJson(p), ALL_RULES).findings.filter((f) => f.ruleId === 'ADBS-AZURERM4-DATA-PLANE').map((f) => f.address);
    expect(hits(plan([], '>= 4.55.0, < 6.0.0'))).toEqual(['azurerm_storage_account.a']);
    expect(hits(plan([{ data_plane_available: { constant_value: false } }], '>= 4.55.0, < 6.0.0'))).toEqual([]);
    expect(hits(plan([], '~> 5.2'))).toEqual([]);
  });

  test('the accounts ServerlessSecureStorage creates pass every storage rule, on both access paths', () => {
    const { stack, account } = entraStack();
    const ncc = new NetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2', accountProvider: account });
    const base = { networkConnectivityConfig: ncc };
    new ServerlessSecureStorage(stack, 'Private', { ...base, storageAccount: { name: 'stprivate', resourceGroupName: 'rg', location: 'eastus2' } });
    new ServerlessSecureStorage(stack, 'Tag', { ...base, access: StorageAccess.SERVICE_TAG, storageAccount: { name: 'sttag', resourceGroupName: 'rg', location: 'eastus2' } });
    expect(ruleIds(stack)).toEqual([]);
  });
});

describe('ADBS-STORAGE-AZUREAD', () => {
  const stackWith = (azuread: boolean | string | undefined) => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    const features = [{ storage: [{ dataPlaneAvailable: false }] }];
    new AzurermProvider(stack, 'azurerm', { features, storageUseAzuread: azuread as boolean | undefined });
    const other = new AzurermProvider(stack, 'other', { alias: 'other', features, storageUseAzuread: true });
    l1Account(stack, 'KeysOff');
    l1Account(stack, 'KeysOn', { sharedAccessKeyEnabled: true });
    l1Account(stack, 'KeysDefault', { sharedAccessKeyEnabled: undefined });
    l1Account(stack, 'ViaOther', { provider: other });
    return stack;
  };

  test('shared keys off with a provider that does not set storage_use_azuread = true; on, default or another provider with it: none', () => {
    expect(findingsOn(stackWith(undefined), 'ADBS-STORAGE-AZUREAD')).toEqual(['test/KeysOff']);
    expect(findingsOn(stackWith(false), 'ADBS-STORAGE-AZUREAD')).toEqual(['test/KeysOff']);
    expect(ruleFindings(stackWith(undefined), 'ADBS-STORAGE-AZUREAD')[0]).toMatch(
      /^Storage account test\/KeysOff: shared_access_key_enabled is false, and the azurerm provider does not set storage_use_azuread = true: .* fail with 403 KeyBasedAuthenticationNotPermitted\./,
    );
    expect(findingsOn(stackWith(true), 'ADBS-STORAGE-AZUREAD')).toEqual([]);
  });

  test('the provider an account names by alias decides; no provider block (a module): no finding', () => {
    const stack = stackWith(true);
    l1Account(stack, 'ViaMissing').addOverride('provider', 'azurerm.missing');
    expect(findingsOn(stack, 'ADBS-STORAGE-AZUREAD')).toEqual([]);
    const module = new TerraformStack(Testing.app(), 'test');
    l1Account(module, 'KeysOff');
    expect(findingsOn(module, 'ADBS-STORAGE-AZUREAD')).toEqual([]);
  });

  test('storage_use_azuread as an expression (a variable): cannot tell, at synth too (a plan never evaluates provider arguments)', () => {
    const stack = stackWith(undefined);
    const provider = stack.node.findChild('azurerm') as AzurermProvider;
    provider.storageUseAzuread = new TerraformVariable(stack, 'aad', { type: 'bool' }).booleanValue as unknown as boolean;
    expect(findingsOn(stack, 'ADBS-STORAGE-AZUREAD')).toEqual(['test/KeysOff']);
    expect(ruleFindings(stack, 'ADBS-STORAGE-AZUREAD')[0]).toBe(
      'Storage account test/KeysOff: cannot tell from the plan whether azurerm signs its data-plane calls with keys the account refuses: storage_use_azuread of the azurerm provider (${var.aad}) is known only after apply. ' +
        'Check the value the apply will set (or make it known when planning), then fix or suppress this finding.',
    );
  });

  test('in a plan: the provider configuration is read from it; shared_access_key_enabled known only after apply: cannot tell', () => {
    const account = (address: string, keys: unknown, unknown = false) => ({
      address,
      values: { name: 'st', public_network_access_enabled: false, ...(unknown ? {} : { shared_access_key_enabled: keys }) },
      unknown: unknown ? { shared_access_key_enabled: true } : {},
      expressions: { shared_access_key_enabled: unknown ? refs('terraform_data.flags.output') : constant(keys) },
    });
    const plan = (azuread: unknown) =>
      handPlan([account('azurerm_storage_account.off', false), account('azurerm_storage_account.on', true), account('azurerm_storage_account.later', undefined, true)], {
        azurerm: {
          features: [{ storage: [{ data_plane_available: constant(false) }] }],
          ...(azuread === undefined ? {} : { storage_use_azuread: azuread }),
        },
      });
    const hits = (p: any) => planFindings(p).filter((f) => f.startsWith('ADBS-STORAGE-AZUREAD'));
    expect(hits(plan(undefined))).toEqual(['ADBS-STORAGE-AZUREAD azurerm_storage_account.off', 'ADBS-STORAGE-AZUREAD azurerm_storage_account.later']);
    expect(planMessages(plan(undefined), 'ADBS-STORAGE-AZUREAD')[1]).toMatch(
      /^Storage account azurerm_storage_account.later: cannot tell from the plan .*: shared_access_key_enabled of azurerm_storage_account.later \(\$\{terraform_data.flags.output\}\) is known only after apply\./,
    );
    expect(hits(plan(constant(true)))).toEqual([]);
    expect(hits(plan(constant(false)))).toEqual(['ADBS-STORAGE-AZUREAD azurerm_storage_account.off', 'ADBS-STORAGE-AZUREAD azurerm_storage_account.later']);
    // Provider arguments that reference something: never evaluated in a plan.
    expect(planMessages(plan(refs('local.aad')), 'ADBS-STORAGE-AZUREAD')[0]).toContain('storage_use_azuread of the azurerm provider (${local.aad}) is known only after apply');
    // No provider block: a module.
    expect(planFindings({ ...plan(undefined), configuration: { ...plan(undefined).configuration, provider_config: {} } }).filter((f) => f.startsWith('ADBS-STORAGE-AZUREAD'))).toEqual([]);
  });
});
