import { flag } from '../queries';
import { CheckRule, FindingLevel } from '../rule';
import { accountRule } from './account-rule';

/** HTTPS-only off. */
export const STORAGE_HTTP: CheckRule = accountRule(
  'ADBS-STORAGE-HTTP',
  FindingLevel.WARNING,
  'A storage account accepts plain HTTP',
  'Set https_traffic_only_enabled = true (the default)',
  (_model, account) => (flag(account.values.https_traffic_only_enabled) === false ? 'https_traffic_only_enabled is false: plain HTTP is accepted.' : undefined),
);
