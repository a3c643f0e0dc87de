import { valueFact, verdict } from '../queries';
import { CheckRule, FindingLevel } from '../rule';
import { accountRule } from './account-rule';

/**
 * TLS below 1.2.
 *
 * Unknowns (plan): `min_tls_version` unset is the provider's default, TLS1_2 (no finding); a configured
 * value known only after apply gives a "cannot tell" finding.
 */
export const STORAGE_TLS: CheckRule = accountRule(
  'ADBS-STORAGE-TLS',
  FindingLevel.WARNING,
  'A storage account accepts TLS below 1.2',
  'Set min_tls_version = "TLS1_2" (the only value azurerm 5.x accepts)',
  (_model, account) => {
    const tls = account.values.min_tls_version;
    return verdict(
      valueFact(account, 'min_tls_version', tls, (v) => v === 'TLS1_0' || v === 'TLS1_1'),
      () => `min_tls_version ${tls} accepts TLS below 1.2 (azurerm 5.x refuses it).`,
      'whether it accepts TLS below 1.2',
    );
  },
);
