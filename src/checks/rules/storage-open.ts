import { isExpression } from '../model';
import { firewallDefaultAction, flag } from '../queries';
import { CheckRule, FindingLevel } from '../rule';
import { accountRule } from './account-rule';

/** Public network access on, and a firewall that allows every network. */
export const STORAGE_OPEN: CheckRule = accountRule(
  'ADBS-STORAGE-OPEN',
  FindingLevel.WARNING,
  'A storage account is open to every network',
  'Set network_rules.default_action = "Deny" (and allow what needs it), or public_network_access_enabled = false with private endpoints',
  (model, account) => {
    if (flag(account.values.public_network_access_enabled) === false || isExpression(account.values.public_network_access_enabled)) {
      return undefined;
    }
    const action = firewallDefaultAction(model, account);
    return action === 'Allow' || action === 'none'
      ? `public network access is on and ${action === 'none' ? 'there is no firewall' : 'the firewall allows by default'}: any network can reach it.`
      : undefined;
  },
);
