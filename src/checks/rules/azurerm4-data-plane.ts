import { unsatisfiable } from '../../core/version-constraints';
import { firewallDefaultAction, flag } from '../queries';
import { CheckRule, FindingLevel } from '../rule';
import { accountRule } from './account-rule';

/**
 * A locked-down storage account on a stack that admits azurerm 4.x, whose azurerm provider does not turn
 * the data-plane calls off. After creating an account, and on every read, azurerm 4.x calls the account's
 * data plane (queue properties, static website: storage_account_resource.go, v4.55.0 Create and Read);
 * an account that denies public access answers 403 to any runner outside its network
 * (hashicorp/terraform-provider-azurerm#33454), and the apply fails. `features { storage {
 * data_plane_available = false } }` (from 4.9.0) skips those calls; 5.x makes none and still accepts the
 * setting (it does nothing there).
 */
export const AZURERM4_DATA_PLANE: CheckRule = accountRule(
  'ADBS-AZURERM4-DATA-PLANE',
  FindingLevel.WARNING,
  'azurerm 4.x reads a locked-down storage account through its data plane',
  'Set features { storage { data_plane_available = false } } on the azurerm provider (harmless on 5.x), or require azurerm >= 5.0.0',
  (model, account) => {
    const constraint = model.constraints.azurerm;
    if (constraint !== undefined && unsatisfiable(constraint, '< 5.0.0') !== undefined) {
      return undefined; // 5.x only: no data-plane calls
    }
    const closed = flag(account.values.public_network_access_enabled) === false || firewallDefaultAction(model, account) === 'Deny';
    if (!closed) {
      return undefined;
    }
    const key = account.provider ?? 'azurerm';
    const provider = model.providers.find((p) => p.key === key);
    // No provider block here: the configuration is a module whose caller configures the provider.
    const storage = first(first(provider?.values.features)?.storage);
    if (!provider || storage?.data_plane_available === false) {
      return undefined;
    }
    return (
      `it denies public network access, and azurerm 4.x (admitted by ${constraint === undefined ? 'this configuration' : JSON.stringify(constraint)}) reads its queue ` +
      'properties through the data plane after creating it and on every refresh: from a runner outside the account\'s network that read gets 403 and the apply fails ' +
      `(hashicorp/terraform-provider-azurerm#33454). The ${key} provider does not set data_plane_available = false.`
    );
  },
);

function first(value: unknown): any {
  return Array.isArray(value) ? value[0] : value;
}

