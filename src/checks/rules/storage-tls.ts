import { literal } from '../queries';
import { CheckRule, FindingLevel } from '../rule';
import { accountRule } from './account-rule';

/** TLS below 1.2. */
export const STORAGE_TLS: CheckRule = accountRule(
  'ADBS-STORAGE-TLS',
  FindingLevel.WARNING,
  'A storage account accepts TLS below 1.2',
  'Set min_tls_version = "TLS1_2" (the only value azurerm 5.x accepts)',
  (_model, account) => {
    const tls = literal(account.values.min_tls_version);
    return tls === 'TLS1_0' || tls === 'TLS1_1' ? `min_tls_version ${tls} accepts TLS below 1.2 (azurerm 5.x refuses it).` : undefined;
  },
);
