import { valueFact, verdict } from '../queries';
import { CheckRule, FindingLevel } from '../rule';
import { accountRule } from './account-rule';

/**
 * HTTPS-only off.
 *
 * Unknowns (plan): `https_traffic_only_enabled` unset is its default, true (no finding); a configured
 * value known only after apply gives a "cannot tell" finding.
 */
export const STORAGE_HTTP: CheckRule = accountRule(
  'ADBS-STORAGE-HTTP',
  FindingLevel.WARNING,
  'A storage account accepts plain HTTP',
  'Set https_traffic_only_enabled = true (the default)',
  (_model, account) =>
    verdict(
      valueFact(account, 'https_traffic_only_enabled', account.values.https_traffic_only_enabled, (v) => v === false),
      () => 'https_traffic_only_enabled is false: plain HTTP is accepted.',
      'whether it accepts plain HTTP',
    ),
);
