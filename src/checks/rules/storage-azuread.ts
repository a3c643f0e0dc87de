import { allOf, providerFact, providerOf, valueFact, verdict } from '../queries';
import { CheckRule, FindingLevel } from '../rule';
import { accountRule } from './account-rule';

/**
 * A storage account that refuses shared keys, managed by an azurerm provider that authorizes its storage
 * data-plane calls with them: without `storage_use_azuread = true`, azurerm reads the account key and
 * signs data-plane requests with it (the account's queue and static-website properties on 4.x,
 * containers, blobs, queues, shares, ADLS file systems), and an account with `shared_access_key_enabled
 * = false` answers 403 KeyBasedAuthenticationNotPermitted.
 *
 * Unknowns: `shared_access_key_enabled` unset is true (no finding); configured and known only after apply
 * (plan): unknown. `storage_use_azuread` given as an expression is unknown in both inputs (a plan never
 * evaluates provider arguments). Unknown with everything else holding: a "cannot tell" finding. No
 * provider block for the account (a module, configured by its caller): no finding.
 */
export const STORAGE_AZUREAD: CheckRule = accountRule(
  'ADBS-STORAGE-AZUREAD',
  FindingLevel.WARNING,
  'A storage account refuses shared keys while its azurerm provider signs data-plane calls with them',
  'Set storage_use_azuread = true on the azurerm provider',
  (model, account) => {
    const provider = providerOf(model, account);
    if (!provider) {
      return undefined;
    }
    const keysOff = valueFact(account, 'shared_access_key_enabled', account.values.shared_access_key_enabled, (v) => v === false);
    const sharedKeyProvider = providerFact(provider, 'storage_use_azuread', provider.values.storage_use_azuread, (v) => v !== true);
    return verdict(
      allOf(keysOff, sharedKeyProvider),
      () =>
        `shared_access_key_enabled is false, and the ${provider.key} provider does not set storage_use_azuread = true: azurerm then authorizes its ` +
        'storage data-plane calls (the account\'s queue and static-website properties on azurerm 4.x, containers, blobs, queues, shares) with the account key, ' +
        'which the account refuses: they fail with 403 KeyBasedAuthenticationNotPermitted. (ARM_STORAGE_USE_AZUREAD=true in the environment of every run ' +
        'does the same; the check cannot see it: suppress this finding then.)',
      'whether azurerm signs its data-plane calls with keys the account refuses',
    );
  },
);
