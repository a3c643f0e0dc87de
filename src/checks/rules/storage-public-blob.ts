import { valueFact, verdict } from '../queries';
import { CheckRule, FindingLevel } from '../rule';
import { accountRule } from './account-rule';

/**
 * Public (anonymous) blob access allowed.
 *
 * Unknowns (plan): `allow_nested_items_to_be_public` unset is true on azurerm 4.x (a finding, as at
 * synth); a configured value known only after apply gives a "cannot tell" finding.
 */
export const STORAGE_PUBLIC_BLOB: CheckRule = accountRule(
  'ADBS-STORAGE-PUBLIC-BLOB',
  FindingLevel.WARNING,
  'A storage account allows public (anonymous) blob access',
  'Set allow_nested_items_to_be_public = false (the azurerm 5.x default; 4.x defaults to true)',
  (_model, account) => {
    const value = account.values.allow_nested_items_to_be_public;
    return verdict(
      valueFact(account, 'allow_nested_items_to_be_public', value, (v) => v === undefined || v === true),
      () =>
        value === true
          ? 'allow_nested_items_to_be_public is true: containers can be made public.'
          : 'allow_nested_items_to_be_public is unset, which is true on azurerm 4.x: containers can be made public.',
      'whether it allows public blob access',
    );
  },
);
