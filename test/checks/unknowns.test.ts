/**
 * How every plan rule decides on values known only after apply, on hand-written plans that carry
 * `after_unknown` (what `terraform show -json` prints): a value the configuration does not set reads as
 * unset (the default); a configured value known only after apply either is decided from the
 * configuration (its references) or gives the rule's "cannot tell" finding. Exact finding sets.
 */
import { account, COMPUTED, constant, ENTRA_AZURERM, handPlan, later, planFindings, planMessages, PlannedResource, refs, res } from './plans';

const plan = (...resources: PlannedResource[]) => handPlan(resources, { azurerm: ENTRA_AZURERM });

describe('storage account rules', () => {
  test('Optional+Computed values the configuration does not set read as their defaults', () => {
    // A bare account: network_rules, the access flags and TLS left to the provider (the plan shows them unknown).
    const bare = account('bare', {
      public_network_access_enabled: COMPUTED,
      network_rules: COMPUTED,
      shared_access_key_enabled: COMPUTED,
      min_tls_version: COMPUTED,
      allow_nested_items_to_be_public: COMPUTED,
      https_traffic_only_enabled: COMPUTED,
      is_hns_enabled: COMPUTED,
    });
    expect(planFindings(plan(bare))).toEqual([
      'ADBS-STORAGE-OPEN azurerm_storage_account.bare',
      'ADBS-STORAGE-PUBLIC-BLOB azurerm_storage_account.bare',
      'ADBS-STORAGE-SHARED-KEY azurerm_storage_account.bare',
    ]);
    expect(planMessages(plan(bare), 'ADBS-STORAGE-OPEN')).toEqual(['Storage account azurerm_storage_account.bare: public network access is on and there is no firewall: any network can reach it.']);
  });

  test('configured values known only after apply: each rule\'s "cannot tell", naming the value', () => {
    const flags = 'terraform_data.flags.output';
    const p = plan(
      account('access', { public_network_access_enabled: later(flags), network_rules: COMPUTED }),
      account('action', {
        public_network_access_enabled: true,
        network_rules: { value: [{}], unknown: [{ default_action: true }], expressions: [{ default_action: refs(flags) }] },
      }),
      account('settings', {
        min_tls_version: later(flags),
        https_traffic_only_enabled: later(flags),
        allow_nested_items_to_be_public: later(flags),
        shared_access_key_enabled: later(flags),
      }),
    );
    expect(planFindings(p)).toEqual([
      'ADBS-STORAGE-OPEN azurerm_storage_account.access',
      'ADBS-STORAGE-OPEN azurerm_storage_account.action',
      'ADBS-STORAGE-TLS azurerm_storage_account.settings',
      'ADBS-STORAGE-HTTP azurerm_storage_account.settings',
      'ADBS-STORAGE-PUBLIC-BLOB azurerm_storage_account.settings',
      'ADBS-STORAGE-SHARED-KEY azurerm_storage_account.settings',
    ]);
    expect(planMessages(p, 'ADBS-STORAGE-OPEN')).toEqual([
      'Storage account azurerm_storage_account.access: cannot tell from the plan whether it is open to every network: public_network_access_enabled of azurerm_storage_account.access ' +
        '(${terraform_data.flags.output}) is known only after apply. Check the value the apply will set (or make it known when planning), then fix or suppress this finding.',
      expect.stringContaining('Storage account azurerm_storage_account.action: cannot tell from the plan whether it is open to every network: network_rules.default_action of azurerm_storage_account.action'),
    ]);
    expect(planMessages(p, 'ADBS-STORAGE-TLS')).toEqual([expect.stringMatching(/^Storage account azurerm_storage_account.settings: cannot tell from the plan whether it accepts TLS below 1.2: min_tls_version of /)]);
  });

  test('a network rules resource whose account is known only after apply and is no resource of the plan may be any account\'s firewall', () => {
    const rules = res('azurerm_storage_account_network_rules.elsewhere', { storage_account_id: later('module.lake.account_id'), default_action: 'Deny' });
    const p = plan(account('bare', { public_network_access_enabled: true, network_rules: COMPUTED }), rules);
    expect(planFindings(p)).toEqual(['ADBS-STORAGE-OPEN azurerm_storage_account.bare']);
    expect(planMessages(p, 'ADBS-STORAGE-OPEN')[0]).toContain('cannot tell from the plan whether it is open to every network: storage_account_id of azurerm_storage_account_network_rules.elsewhere (${module.lake.account_id})');
    // Pointing at the account: its firewall, decided.
    const linked = res('azurerm_storage_account_network_rules.mine', { storage_account_id: later('azurerm_storage_account.bare.id', 'azurerm_storage_account.bare'), default_action: 'Deny' });
    expect(planFindings(plan(account('bare', { public_network_access_enabled: true, network_rules: COMPUTED }), linked))).toEqual([]);
  });

  test('ADBS-AZURERM4-DATA-PLANE: a locked-down account known only after apply, or data_plane_available given by an expression: cannot tell', () => {
    const provider = (dataPlane: unknown) => ({
      features: [{ storage: [{ data_plane_available: dataPlane }] }],
      storage_use_azuread: constant(true),
    });
    const hits = (p: any) => planFindings(p).filter((f) => f.startsWith('ADBS-AZURERM4'));
    const closed = account('closed');
    expect(hits(handPlan([closed], { azurerm: provider(refs('local.data_plane')) }))).toEqual(['ADBS-AZURERM4-DATA-PLANE azurerm_storage_account.closed']);
    expect(planMessages(handPlan([closed], { azurerm: provider(refs('local.data_plane')) }), 'ADBS-AZURERM4-DATA-PLANE')[0]).toContain(
      'cannot tell from the plan whether azurerm 4.x reads it through a data plane it closes: features.storage.data_plane_available of the azurerm provider (${local.data_plane})',
    );
    const maybe = account('maybe', { public_network_access_enabled: later('terraform_data.f.output'), network_rules: COMPUTED });
    expect(hits(handPlan([maybe], { azurerm: provider(constant(true)) }))).toEqual(['ADBS-AZURERM4-DATA-PLANE azurerm_storage_account.maybe']);
    expect(hits(handPlan([maybe], { azurerm: provider(constant(false)) }))).toEqual([]);
    // Open, whatever the apply says about the flag's twin: the firewall allows.
    expect(hits(handPlan([account('open', { public_network_access_enabled: COMPUTED, network_rules: COMPUTED })], { azurerm: provider(constant(true)) }))).toEqual([]);
  });
});
