import { CheckedResource, CheckModel } from './model';
import { associations, firewallAction, literal, serverlessTagFact, storageAccounts } from './queries';

/** A Unity Catalog external location with what it stands on: its account, credential and the credential's connector. */
export interface LocationView {
  readonly location: CheckedResource;
  /** The storage account of its URL, when the configuration holds it (a reference to its name, or its literal name). */
  readonly account?: CheckedResource;
  /** Its storage credential, when the configuration holds it. */
  readonly credential?: CheckedResource;
  /** The access connector of that credential, when the configuration holds it. */
  readonly connector?: CheckedResource;
}

const ACCOUNT_IN_URL = /@([a-z0-9]{3,24})\.dfs\.core\.windows\.net/;

/** Every external location of the model, with its account, credential and connector as far as the configuration holds them. */
export function externalLocations(model: CheckModel): LocationView[] {
  const accounts = storageAccounts(model);
  const credentials = model.ofType('databricks_storage_credential');
  return model.ofType('databricks_external_location').map((location) => {
    const url = location.values.url;
    const byRef = [...model.addressesIn(url)].map((a) => model.get(a)).find((r) => r?.type === 'azurerm_storage_account');
    const name = typeof url === 'string' ? ACCOUNT_IN_URL.exec(url)?.[1] : undefined;
    const account = byRef ?? (name ? accounts.find((a) => literal(a.values.name) === name) : undefined);
    const credRef = [...model.addressesIn(location.values.credential_name)].map((a) => model.get(a)).find((r) => r?.type === 'databricks_storage_credential');
    const credName = literal(location.values.credential_name);
    const credential = credRef ?? (credName ? credentials.find((c) => literal(c.values.name) === credName) : undefined);
    const connector = credential ? connectorOf(model, credential) : undefined;
    return { location, account, credential, connector };
  });
}

/** The access connector a storage credential's managed identity belongs to (a reference, or its literal ID). */
function connectorOf(model: CheckModel, credential: CheckedResource): CheckedResource | undefined {
  const identity = credential.values.azure_managed_identity;
  const block = Array.isArray(identity) ? identity[0] : identity;
  if (!block || typeof block !== 'object') {
    return undefined;
  }
  const byRef = [...model.addressesIn(block.access_connector_id)].map((a) => model.get(a)).find((r) => r?.type === 'azurerm_databricks_access_connector');
  const id = literal(block.access_connector_id)?.toLowerCase();
  return byRef ?? (id ? model.ofType('azurerm_databricks_access_connector').find((c) => literal(c.values.id)?.toLowerCase() === id) : undefined);
}

/** Whether a role assignment on the account is given to the connector's identity. */
export function connectorHasRole(model: CheckModel, account: CheckedResource, connector: CheckedResource): boolean {
  return model.referrers(account, 'azurerm_role_assignment', 'scope').some((ra) => model.addressesIn(ra.values.principal_id).has(connector.address));
}

/** Whether the account's firewall admits the connector by a resource-instance rule (`network_rules.private_link_access`). */
export function firewallAdmits(model: CheckModel, account: CheckedResource, connector: CheckedResource): boolean {
  const rules = Array.isArray(account.values.network_rules) ? account.values.network_rules[0] : account.values.network_rules;
  const access = rules?.private_link_access;
  const entries: any[] = Array.isArray(access) ? access : access ? [access] : [];
  const id = literal(connector.values.id)?.toLowerCase();
  const admits = (e: any) =>
    model.addressesIn(e?.endpoint_resource_id).has(connector.address) || (id !== undefined && literal(e?.endpoint_resource_id)?.toLowerCase() === id);
  return entries.some(admits)
    || model.referrers(account, 'azurerm_storage_account_network_rules', 'storage_account_id').some((r) => model.addressesIn(r.values.private_link_access).has(connector.address));
}

/** Whether serverless compute reaches the account: an NCC private endpoint rule on it, or an association with a serverless-tag profile. */
export function serverlessReaches(model: CheckModel, account: CheckedResource): boolean {
  if (model.referrers(account, 'databricks_mws_ncc_private_endpoint_rule', 'resource_id').length > 0) {
    return true;
  }
  return associations(model).some((v) => model.targetsOf(v.association, 'resource_id').includes(account) && serverlessTagFact(v) === true);
}

/** Whether the account denies by default (its firewall's action, or public access off). */
export function deniesByDefault(model: CheckModel, account: CheckedResource): boolean {
  return account.values.public_network_access_enabled === false || firewallAction(model, account) === 'Deny';
}
