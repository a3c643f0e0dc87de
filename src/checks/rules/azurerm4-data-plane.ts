import { unsatisfiable } from '../../core/version-constraints';
import { allOf, anyOf, firewallAction, firstBlock, isUnknown, providerFact, providerOf, valueFact, verdict } from '../queries';
import { CheckRule, FindingLevel } from '../rule';
import { accountRule } from './account-rule';

/**
 * A locked-down storage account on a stack that admits azurerm 4.x, whose azurerm provider does not turn
 * the data-plane calls off. After creating an account, and on every read, azurerm 4.x calls the account's
 * data plane (queue properties, static website: storage_account_resource.go, v4.55.0 Create and Read);
 * an account that denies public access answers 403 to any runner outside its network
 * (hashicorp/terraform-provider-azurerm#33454), and the apply fails. `features { storage {
 * data_plane_available = false } }` (from 4.9.0) skips those calls; 5.x makes none and still accepts the
 * setting (it does nothing there).
 *
 * Unknowns: an unset `public_network_access_enabled` is true and an unset `network_rules` block is no
 * firewall (not locked down); a configured access flag or default action known only after apply (plan)
 * leaves "locked down" unknown. `data_plane_available` given as an expression is unknown in both inputs
 * (a plan never evaluates provider arguments). Unknown with everything else holding: a "cannot tell"
 * finding. No provider block (a module): no finding.
 */
export const AZURERM4_DATA_PLANE: CheckRule = accountRule(
  'ADBS-AZURERM4-DATA-PLANE',
  FindingLevel.WARNING,
  'azurerm 4.x reads a locked-down storage account through its data plane',
  'Set features { storage { data_plane_available = false } } on the azurerm provider (harmless on 5.x), or require azurerm >= 5.0.0',
  (model, account) => {
    const constraint = model.constraints.azurerm;
    if (constraint !== undefined && unsatisfiable(constraint, '< 5.0.0') !== undefined) {
      return undefined; // 5.x only: no data-plane calls
    }
    // No provider block here: the configuration is a module whose caller configures the provider.
    const provider = providerOf(model, account);
    if (!provider) {
      return undefined;
    }
    const action = firewallAction(model, account);
    const closed = anyOf(
      valueFact(account, 'public_network_access_enabled', account.values.public_network_access_enabled, (v) => v === false),
      isUnknown(action) ? action : action === 'Deny',
    );
    const storage = firstBlock(firstBlock(provider.values.features)?.storage);
    const callsDataPlane = providerFact(provider, 'features.storage.data_plane_available', storage?.data_plane_available, (v) => v !== false);
    return verdict(
      allOf(closed, callsDataPlane),
      () =>
        `it denies public network access, and azurerm 4.x (admitted by ${constraint === undefined ? 'this configuration' : JSON.stringify(constraint)}) reads its queue ` +
        'properties through the data plane after creating it and on every refresh: from a runner outside the account\'s network that read gets 403 and the apply fails ' +
        `(hashicorp/terraform-provider-azurerm#33454). The ${provider.key} provider does not set data_plane_available = false.`,
      'whether azurerm 4.x reads it through a data plane it closes',
    );
  },
);
