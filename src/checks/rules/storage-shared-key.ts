import { valueFact, verdict } from '../queries';
import { CheckRule, FindingLevel } from '../rule';
import { accountRule } from './account-rule';

/**
 * Shared-key (account key, SAS) authorization on.
 *
 * Unknowns (plan): `shared_access_key_enabled` unset is its default, true (a finding, as at synth); a
 * configured value known only after apply gives a "cannot tell" finding. At synth an expression (a
 * variable) gives none: the plan knows its value.
 */
export const STORAGE_SHARED_KEY: CheckRule = accountRule(
  'ADBS-STORAGE-SHARED-KEY',
  FindingLevel.INFO,
  'A storage account allows shared-key authorization',
  'Set shared_access_key_enabled = false where every client uses Entra ID (and storage_use_azuread = true on the azurerm provider)',
  (_model, account) => {
    const value = account.values.shared_access_key_enabled;
    return verdict(
      valueFact(account, 'shared_access_key_enabled', value, (v) => v === undefined || v === true),
      () => `shared-key authorization (account keys, SAS) is ${value === undefined ? 'on (the default)' : 'on'}.`,
      'whether it allows shared-key authorization',
    );
  },
);
