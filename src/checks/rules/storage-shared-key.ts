import { isExpression } from '../model';
import { flag } from '../queries';
import { CheckRule, FindingLevel } from '../rule';
import { accountRule } from './account-rule';

/** Shared-key (account key, SAS) authorization on. */
export const STORAGE_SHARED_KEY: CheckRule = accountRule(
  'ADBS-STORAGE-SHARED-KEY',
  FindingLevel.INFO,
  'A storage account allows shared-key authorization',
  'Set shared_access_key_enabled = false where every client uses Entra ID (and storage_use_azuread = true on the azurerm provider)',
  (_model, account) =>
    flag(account.values.shared_access_key_enabled) === false || isExpression(account.values.shared_access_key_enabled)
      ? undefined
      : `shared-key authorization (account keys, SAS) is ${account.values.shared_access_key_enabled === undefined ? 'on (the default)' : 'on'}.`,
);
