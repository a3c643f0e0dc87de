import { AccountNetworkPolicy } from '@cdktf/provider-databricks/lib/account-network-policy';
import { DataDatabricksMwsNetworkConnectivityConfig } from '@cdktf/provider-databricks/lib/data-databricks-mws-network-connectivity-config';
import { MwsNccPrivateEndpointRule } from '@cdktf/provider-databricks/lib/mws-ncc-private-endpoint-rule';
import { MwsNetworkConnectivityConfig } from '@cdktf/provider-databricks/lib/mws-network-connectivity-config';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { l1Account } from './helpers';
import { account, constant, ENTRA_AZURERM, entraStack, handPlan, PlannedResource, refs, res } from './plans';
import { AzapiUpdateResource } from '../../src/bindings/azapi/update-resource';
import {
  AzurermNetworkSecurityPerimeter,
  AzurermNetworkSecurityPerimeterAccessRule,
  AzurermNetworkSecurityPerimeterAssociation,
  AzurermNetworkSecurityPerimeterProfile,
} from '../../src/bindings/azurerm-nsp/resources';
import { armId } from '../util';

/**
 * One shared set of inputs for the rule pack: what hand-written estates and plans contain, as users write
 * them (data-source NCCs, profiles and perimeters given by ID, expression values, explicitly empty lists,
 * IDs in other casings, `count`/`for_each` instances, modules). Each is a document the checks command
 * reads (a synthesized L1 stack's `cdk.tf.json`, or a plan as `terraform show -json` prints it), with every
 * finding of the whole pack on it (`<rule> <address>`), in report order.
 */
export interface Estate {
  readonly name: string;
  readonly kind: 'configuration' | 'plan';
  /** The JSON document. */
  readonly json: () => any;
  /** Every finding of the pack: `<rule ID> <address>`, in report order. */
  readonly findings: readonly string[];
}

/** A hand-written stack as the checks command reads it (its cdk.tf.json). */
function l1(build: (stack: TerraformStack) => void): () => any {
  return () => {
    const { stack } = entraStack();
    build(stack);
    return JSON.parse(Testing.synth(stack));
  };
}

const PERIMETER_ID = armId('Microsoft.Network/networkSecurityPerimeters', 'nsp-shared', 'rg-net');
/** A profile created elsewhere, given by ID. */
const PROFILE_ID = `${PERIMETER_ID}/profiles/defaultProfile`;
/** The same profile ID as another tool prints it (ARM compares IDs case-insensitively). */
const PROFILE_ID_UPPER = PROFILE_ID.replace('/resourceGroups/rg-net/', '/resourceGroups/RG-NET/').replace('defaultProfile', 'DEFAULTPROFILE');
/** A storage account outside the estate, its ID lower-cased as `az` may print it. */
const LOWER_STORAGE_ID = armId('Microsoft.Storage/storageAccounts', 'stshared').toLowerCase();

/** A perimeter profile with one inbound service-tag rule (`direction` as given), in the stack. */
function profileWithRule(stack: TerraformStack, direction: string, tags: string[]) {
  const nsp = new AzurermNetworkSecurityPerimeter(stack, 'Nsp', { name: 'nsp-data', resourceGroupName: 'rg', location: 'eastus2' });
  const profile = new AzurermNetworkSecurityPerimeterProfile(stack, 'Profile', { name: 'p', networkSecurityPerimeterId: nsp.id });
  new AzurermNetworkSecurityPerimeterAccessRule(stack, 'Rule', { name: 'tags', networkSecurityPerimeterProfileId: profile.id, direction, serviceTags: tags });
  return profile;
}

/** The NCC resource of a plan, in eastus2. */
const planNcc = (address = 'databricks_mws_network_connectivity_config.ncc') => res(address, { name: 'ncc', region: 'eastus2' });

export const ESTATES: readonly Estate[] = [
  {
    name: 'a firewall that allowlists the subnets of a data-source NCC (read, not created here)',
    kind: 'configuration',
    json: l1((stack) => {
      const shared = new DataDatabricksMwsNetworkConnectivityConfig(stack, 'Shared', { name: 'ncc-shared' });
      l1Account(stack, 'Lake', { networkRules: { defaultAction: 'Deny', virtualNetworkSubnetIds: shared.egressConfig.defaultRules.azureServiceEndpointRule.subnets } });
    }),
    findings: ['ADBS-LEGACY-SUBNETS azurerm_storage_account.Lake'],
  },
  {
    name: 'associations to a profile given by ID (its rules too, in another casing), in Enforced mode, one to an account ID in lower case',
    kind: 'configuration',
    json: l1((stack) => {
      new AzurermNetworkSecurityPerimeterAccessRule(stack, 'Tags', {
        name: 'tags', networkSecurityPerimeterProfileId: PROFILE_ID_UPPER, direction: 'Inbound', serviceTags: ['AzureDatabricksServerless.EastUS2'],
      });
      const lake = l1Account(stack, 'Lake');
      new AzurermNetworkSecurityPerimeterAssociation(stack, 'LakeAssoc', { name: 'lake', networkSecurityPerimeterProfileId: PROFILE_ID, resourceId: lake.id, accessMode: 'Enforced' });
      new AzurermNetworkSecurityPerimeterAssociation(stack, 'SharedAssoc', { name: 'shared', networkSecurityPerimeterProfileId: PROFILE_ID, resourceId: LOWER_STORAGE_ID, accessMode: 'Audit' });
    }),
    findings: [
      'ADBS-TAG-PATH-MODE azurerm_network_security_perimeter_association.LakeAssoc',
      'ADBS-TAG-PATH-MODE azurerm_network_security_perimeter_association.SharedAssoc',
      'ADBS-ENFORCED-STORAGE azurerm_network_security_perimeter_association.LakeAssoc',
    ],
  },
  {
    name: 'an imported profile\'s association in Enforced mode to an account ID in lower case, nothing known of the profile\'s rules',
    kind: 'configuration',
    json: l1((stack) => {
      new AzurermNetworkSecurityPerimeterAssociation(stack, 'Shared', { name: 'shared', networkSecurityPerimeterProfileId: PROFILE_ID, resourceId: LOWER_STORAGE_ID, accessMode: 'Enforced' });
    }),
    findings: ['ADBS-ENFORCED-STORAGE azurerm_network_security_perimeter_association.Shared'],
  },
  {
    name: 'an access rule whose direction is an expression (a variable), on the profile of a closed account in Learning mode',
    kind: 'configuration',
    json: l1((stack) => {
      const direction = new TerraformVariable(stack, 'direction', { type: 'string' }).stringValue;
      const profile = profileWithRule(stack, direction, ['AzureDatabricksServerless.EastUS2']);
      const lake = l1Account(stack, 'Lake');
      new AzurermNetworkSecurityPerimeterAssociation(stack, 'LakeAssoc', { name: 'lake', networkSecurityPerimeterProfileId: profile.id, resourceId: lake.id, accessMode: 'Learning' });
    }),
    findings: ['ADBS-REOPENED-ACCOUNT azurerm_network_security_perimeter_association.LakeAssoc'],
  },
  {
    name: 'an outbound-only profile of a closed account in Learning mode (nothing reopened)',
    kind: 'configuration',
    json: l1((stack) => {
      const profile = profileWithRule(stack, 'Outbound', ['Storage']);
      const lake = l1Account(stack, 'Lake');
      new AzurermNetworkSecurityPerimeterAssociation(stack, 'LakeAssoc', { name: 'lake', networkSecurityPerimeterProfileId: profile.id, resourceId: lake.id, accessMode: 'Learning' });
    }),
    findings: [],
  },
  {
    name: 'a restricted network policy whose destination lists are written, empty',
    kind: 'configuration',
    json: l1((stack) => {
      new AccountNetworkPolicy(stack, 'Policy', {
        networkPolicyId: 'np-data',
        egress: { networkAccess: { restrictionMode: 'RESTRICTED_ACCESS', allowedInternetDestinations: [], allowedStorageDestinations: [] } },
      });
      new AccountNetworkPolicy(stack, 'Open', { networkPolicyId: 'np-open', egress: { networkAccess: { restrictionMode: 'FULL_ACCESS', allowedInternetDestinations: [] } } });
    }),
    findings: ['ADBS-EGRESS-EMPTY databricks_account_network_policy.Policy'],
  },
  {
    name: 'a private endpoint rule that an azapi update of another type references (tags on its target), and one really approved',
    kind: 'configuration',
    json: l1((stack) => {
      const ncc = new MwsNetworkConnectivityConfig(stack, 'Ncc', { name: 'ncc', region: 'eastus2' });
      const lake = l1Account(stack, 'Lake');
      const rule = new MwsNccPrivateEndpointRule(stack, 'Blob', { networkConnectivityConfigId: ncc.networkConnectivityConfigId, resourceId: lake.id, groupId: 'blob' });
      new AzapiUpdateResource(stack, 'Tag', { resourceType: 'Microsoft.Storage/storageAccounts@2023-05-01', resourceId: lake.id, body: { tags: { endpoint: rule.endpointName } } });
      const vault = new MwsNccPrivateEndpointRule(stack, 'Vault', { networkConnectivityConfigId: ncc.networkConnectivityConfigId, resourceId: VAULT, groupId: 'vault' });
      new AzapiUpdateResource(stack, 'Approve', {
        resourceType: 'Microsoft.KeyVault/vaults/privateEndpointConnections@2023-07-01',
        resourceId: `${VAULT}/privateEndpointConnections/${vault.endpointName}`,
        body: { properties: { privateLinkServiceConnectionState: { status: 'Approved' } } },
      });
    }),
    // The account has a blob endpoint rule and no dfs one, on the hierarchical namespace: ADBS-ADLS-BLOB-DFS too.
    findings: ['ADBS-UNAPPROVED-RULE databricks_mws_ncc_private_endpoint_rule.Blob', 'ADBS-ADLS-BLOB-DFS azurerm_storage_account.Lake'],
  },
  {
    name: 'a plan with count and for_each instances: accounts whose firewall lists are computed from an NCC\'s egress_config',
    kind: 'plan',
    json: () => instancePlan([planNcc(), ...['a', 'b'].map((k) => legacyAccount(`azurerm_storage_account.lake["${k}"]`)), legacyAccount('azurerm_storage_account.logs[0]')]),
    findings: [
      'ADBS-LEGACY-SUBNETS azurerm_storage_account.lake["a"]',
      'ADBS-LEGACY-SUBNETS azurerm_storage_account.lake["b"]',
      'ADBS-LEGACY-SUBNETS azurerm_storage_account.logs[0]',
    ],
  },
  {
    name: 'a plan with modules: an open account and a legacy firewall inside module instances',
    kind: 'plan',
    json: () => modulePlan(),
    findings: [
      'ADBS-LEGACY-SUBNETS module.data["x"].azurerm_storage_account.lake',
      'ADBS-STORAGE-OPEN module.data["y"].azurerm_storage_account.open',
    ],
  },
];

const VAULT = armId('Microsoft.KeyVault/vaults', 'kv-data');

/** A closed account whose firewall subnets are known only after apply, computed from the NCC's egress_config. */
function legacyAccount(address: string): PlannedResource {
  return { address, ...legacyParts(address) };
}

/**
 * A plan of resources with instance keys (`x.y["k"]`, `x.y[0]`): planned values and changes per instance, the
 * configuration once per resource, without keys, as Terraform writes it.
 */
function instancePlan(resources: PlannedResource[]): any {
  const plan = handPlan(resources, { azurerm: ENTRA_AZURERM });
  const key = (address: string) => /\[[^\]]*\]$/.exec(address)?.[0];
  for (const r of plan.planned_values.root_module.resources) {
    const k = key(r.address);
    if (k) {
      r.name = r.name.slice(0, -k.length);
      r.index = JSON.parse(k.slice(1, -1));
    }
  }
  const configured = new Map<string, any>();
  for (const r of plan.configuration.root_module.resources) {
    const address = r.address.replace(/\[[^\]]*\]$/, '');
    configured.set(address, { ...r, address, name: address.split('.')[1] });
  }
  plan.configuration.root_module.resources = [...configured.values()];
  return plan;
}

/** The values, unknowns and expressions of a legacy account at an address. */
function legacyParts(address: string): Omit<PlannedResource, 'address'> {
  const base = account(address.split('.').pop()!.replace(/\W/g, ''), {
    network_rules: {
      value: [{ default_action: 'Deny' }],
      unknown: [{ virtual_network_subnet_ids: true }],
      expressions: [{
        default_action: constant('Deny'),
        virtual_network_subnet_ids: refs('databricks_mws_network_connectivity_config.ncc.egress_config[0].default_rules[0].azure_service_endpoint_rule[0].subnets', 'databricks_mws_network_connectivity_config.ncc'),
      }],
    },
  });
  return { values: base.values, unknown: base.unknown, expressions: base.expressions };
}

/** A plan whose resources live in instances of a module `data` (for_each), configured once in the module. */
function modulePlan(): any {
  const lake = legacyParts('lake');
  const open = account('open', { public_network_access_enabled: true, network_rules: { value: [{ default_action: 'Allow' }], unknown: [{}], expressions: [{ default_action: constant('Allow') }] } });
  const ncc = planNcc();
  const planned = (module: string, r: PlannedResource) => ({
    address: `${module}.${r.address}`,
    mode: 'managed',
    type: r.address.split('.')[0],
    name: r.address.split('.')[1],
    values: r.values ?? {},
  });
  const inModule = { ...lake, address: 'azurerm_storage_account.lake' };
  const plan = handPlan([ncc], { azurerm: ENTRA_AZURERM });
  plan.planned_values.root_module.child_modules = [
    { address: 'module.data["x"]', resources: [planned('module.data["x"]', inModule)] },
    { address: 'module.data["y"]', resources: [planned('module.data["y"]', open)] },
  ];
  plan.resource_changes.push(
    { address: 'module.data["x"].azurerm_storage_account.lake', type: 'azurerm_storage_account', change: { actions: ['create'], after_unknown: inModule.unknown } },
    { address: 'module.data["y"].azurerm_storage_account.open', type: 'azurerm_storage_account', change: { actions: ['create'], after_unknown: open.unknown } },
  );
  // The module's configuration: its resources reference the NCC through a variable the call sets.
  const moduleLake = {
    ...inModule.expressions,
    network_rules: [{ default_action: constant('Deny'), virtual_network_subnet_ids: refs('var.subnets') }],
  };
  plan.configuration.root_module.module_calls = {
    data: {
      source: './data',
      for_each_expression: constant({ x: 1, y: 2 }),
      expressions: { subnets: refs('databricks_mws_network_connectivity_config.ncc.egress_config[0].default_rules[0].azure_service_endpoint_rule[0].subnets', 'databricks_mws_network_connectivity_config.ncc') },
      module: {
        resources: [
          { address: 'azurerm_storage_account.lake', type: 'azurerm_storage_account', name: 'lake', provider_config_key: 'azurerm', expressions: moduleLake },
          { address: 'azurerm_storage_account.open', type: 'azurerm_storage_account', name: 'open', provider_config_key: 'azurerm', expressions: open.expressions },
        ],
        variables: { subnets: {} },
      },
    },
  };
  return plan;
}
