import { allOf, firewallAction, isUnknown, valueFact, verdict } from '../queries';
import { CheckRule, FindingLevel } from '../rule';
import { accountRule } from './account-rule';

/**
 * Public network access on, and a firewall that allows every network.
 *
 * Unknowns (plan): `public_network_access_enabled` unset is its default, true; an unset `network_rules`
 * block (Optional+Computed: the plan shows it unknown) with no network rules resource pointing at the
 * account is no firewall, so the account is open. A configured value known only after apply (the access
 * flag, a default action) or a network rules resource whose account is known only after apply (it may
 * be this account's firewall) gives a "cannot tell" finding naming it.
 */
export const STORAGE_OPEN: CheckRule = accountRule(
  'ADBS-STORAGE-OPEN',
  FindingLevel.WARNING,
  'A storage account is open to every network',
  'Set network_rules.default_action = "Deny" (and allow what needs it), or public_network_access_enabled = false with private endpoints',
  (model, account) => {
    const publicOn = valueFact(account, 'public_network_access_enabled', account.values.public_network_access_enabled, (v) => v === undefined || v === true);
    const action = firewallAction(model, account);
    const firewallOpen = isUnknown(action) ? action : action === 'Allow' || action === 'none';
    return verdict(
      allOf(publicOn, firewallOpen),
      () => `public network access is on and ${action === 'none' ? 'there is no firewall' : 'the firewall allows by default'}: any network can reach it.`,
      'whether it is open to every network',
    );
  },
);
