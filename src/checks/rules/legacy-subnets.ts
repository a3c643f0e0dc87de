import { CheckedResource, CheckModel, isExpression, valueAt } from '../model';
import { associations, describe, egressConfigReferences, firewallSubnetValues, pointsAtStorage, separateNetworkRules, serviceTags, storageAccounts } from '../queries';
import { CheckRule, FindingLevel, RuleHit } from '../rule';

const DEADLINE = '9 June 2026';

/** The NCCs' legacy serverless subnets the model knows: given as facts, or read from NCC values in a plan. */
function knownSubnets(model: CheckModel): Set<string> {
  const fromNccs = model
    .withData('databricks_mws_network_connectivity_config')
    .flatMap((n) => valueAt(n.values, 'egress_config.default_rules.azure_service_endpoint_rule.subnets') ?? []);
  return new Set([...model.facts.serverlessSubnetIds, ...fromNccs].filter((s): s is string => typeof s === 'string').map((s) => s.toLowerCase()));
}

/** What in a firewall list is a legacy serverless subnet: known literal IDs, or references to an NCC's `egress_config`. */
function legacyIn(value: unknown, known: Set<string>): string[] {
  if (isExpression(value)) {
    return egressConfigReferences(value).length ? ['(reference to egress_config)'] : [];
  }
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap((s) => {
    if (typeof s !== 'string') {
      return [];
    }
    if (isExpression(s)) {
      return egressConfigReferences(s).length ? ['(reference to egress_config)'] : [];
    }
    return known.has(s.toLowerCase()) ? [s] : [];
  });
}

/** The associations that already put an account on the service-tag path (a profile allowing the serverless tag). */
function tagPathAssociations(model: CheckModel): Map<string, CheckedResource> {
  const out = new Map<string, CheckedResource>();
  for (const a of associations(model)) {
    if (serviceTags(a.rules).some((t) => t.startsWith('AzureDatabricksServerless'))) {
      const account = pointsAtStorage(model, a.association, 'resource_id');
      if (account && account !== true) {
        out.set(account.address, a.association);
      }
    }
  }
  return out;
}

/** The pattern that replaces the allowlist, for one account. */
function migration(account: CheckedResource, onTagPath: CheckedResource | undefined): string {
  if (onTagPath) {
    return `Migration for ${describe(account)}: step 1 is in place (${describe(onTagPath)} allows the AzureDatabricksServerless tag); ` +
      'check serverless access in the perimeter\'s access logs, then remove the subnets from the firewall.';
  }
  if (account.external) {
    // An existing account a ServerlessSecureStorage already describes.
    return `Migration for ${describe(account)}: set its access to StorageAccess.SERVICE_TAG (or PRIVATE_ENDPOINTS_AND_SERVICE_TAG), deploy, ` +
      'then remove the subnets from the account\'s firewall and from existingFirewallSubnetIds.';
  }
  return `Migration for ${describe(account)}: new ServerlessSecureStorage(scope, id, { networkConnectivityConfig, storageAccountId: ${account.address}.id, ` +
    'access: StorageAccess.SERVICE_TAG }) (or PRIVATE_ENDPOINTS), deploy, then remove the subnets from its firewall.';
}

/**
 * The storage firewall allowlists the NCC's serverless subnets: the legacy path that ended on 9 June 2026.
 *
 * Unknowns (plan): decided from the configuration, never "cannot tell". A subnet list (or entry) known
 * only after apply is legacy exactly when it is computed from an NCC's `egress_config` (created or read;
 * across module outputs and variables too, but not through a local: a plan does not say what a local
 * references): a configuration has no other source of those
 * Databricks-owned subnet IDs, and literal IDs (or variables) are known when planning. An unset
 * `network_rules` block (Optional+Computed) holds no subnets.
 */
export const LEGACY_SUBNETS: CheckRule = {
  id: 'ADBS-LEGACY-SUBNETS',
  level: FindingLevel.ERROR,
  title: 'A storage firewall allowlists the NCC\'s legacy serverless subnets',
  fix: 'Reach the account through the AzureDatabricksServerless service tag of a perimeter in Learning mode (or private endpoints), check the perimeter\'s access logs, then remove the subnet IDs',
  check(model: CheckModel): RuleHit[] {
    const known = knownSubnets(model);
    const onTagPath = tagPathAssociations(model);
    return storageAccounts(model).flatMap((account) => {
      let legacy = firewallSubnetValues(model, account).flatMap((v) => legacyIn(v, known));
      if (legacy.length === 0 && [account, ...separateNetworkRules(model, account)].some((r) => egressConfigReferences(r.references.map((x) => `\${${x}}`)).length)) {
        // A plan, before the NCC exists: the list is unknown, but the configuration references the NCC's egress_config.
        legacy = ['(reference to egress_config)'];
      }
      if (legacy.length === 0) {
        return [];
      }
      legacy = [...new Set(legacy)];
      return [{
        resource: account,
        message:
          `The storage firewall allowlists the NCC's serverless subnets (${legacy.length}: ${legacy.join(', ')}): this legacy service-endpoint path ended on ${DEADLINE} and the account is non-compliant. ` +
          'Migrate: (1) deploy StorageAccess.SERVICE_TAG (or PRIVATE_ENDPOINTS_AND_SERVICE_TAG), which associates the account with a perimeter in Learning mode that allows ' +
          'AzureDatabricksServerless.<Region>; (2) check serverless access in the perimeter\'s access logs; (3) remove the subnet IDs from the firewall. ' +
          migration(account, onTagPath.get(account.address)),
      }];
    });
  },
};
