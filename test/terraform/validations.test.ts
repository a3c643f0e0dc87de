/**
 * The provider-side value rules of schemas/validations.json, with real Terraform at both ends: every rule
 * has a negative case the stand-in must reject with an error naming the attribute (and the end), and the
 * values the library emits still validate and plan.
 *
 * All cases of a phase share one configuration (one resource per case), validated (or planned) once per
 * end; Terraform attributes each diagnostic to its resource address.
 */
import { readFileSync, rmSync } from 'fs';
import { join } from 'path';
import { End, endLabel, ENDS } from './ends';
import { planDirAll, planDirAt, validateDir, validateDirAt, writeConfig, EndsValidateResult } from './harness';

interface Case {
  /** What it breaks: `<type> <rule> [<attribute or detail>]` (see coverage below). */
  readonly breaks: string;
  readonly type: string;
  readonly config: Record<string, unknown>;
  /** The attribute the error must name. */
  readonly attribute: string;
  readonly message: RegExp;
  /** `plan` for CustomizeDiff rules (terraform plan reports them, validate does not). */
  readonly phase?: 'plan';
}

const PROFILE_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network/networkSecurityPerimeters/nsp/profiles/p';
const NSP_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network/networkSecurityPerimeters/nsp';
const STORAGE_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1';
const TYPE = 'Microsoft.Storage/storageAccounts/privateEndpointConnections@2023-05-01';

type Body = Record<string, unknown>;
const nsp = (c: Body): Body => ({ name: 'nsp1', resource_group_name: 'rg', location: 'eastus2', ...c });
const profile = (c: Body): Body => ({ name: 'profile1', network_security_perimeter_id: NSP_ID, ...c });
const rule = (c: Body): Body => ({ name: 'rule1', network_security_perimeter_profile_id: PROFILE_ID, direction: 'Inbound', ...c });
const assoc = (c: Body): Body => ({ name: 'assoc1', network_security_perimeter_profile_id: PROFILE_ID, resource_id: STORAGE_ID, access_mode: 'Learning', ...c });
const pe = (c: Body): Body => ({ network_connectivity_config_id: 'ncc-1', resource_id: STORAGE_ID, ...c });
const approve = (c: Body): Body => ({ type: TYPE, body: { properties: { status: 'Approved' } }, ...c });
const sleep = (c: Body): Body => c;
const RG_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg';
/** An azapi_resource as ServerlessWorkspace emits it (the API version given). */
const workspace = (c: Body, version = '2026-01-01'): Body => ({
  type: `Microsoft.Databricks/workspaces@${version}`,
  name: 'dbw-rules',
  parent_id: RG_ID,
  location: 'westeurope',
  body: { sku: { name: 'premium' }, properties: { computeMode: 'Serverless', publicNetworkAccess: 'Enabled' } },
  response_export_values: ['properties.workspaceId', 'properties.workspaceUrl'],
  ...c,
});

const NAME_RULE = /invalid value for name \(`name` must be between 1 and 80 characters long/;
const SDK_ONE_OF = 'address_prefixes,fqdns,service_tags,subscription_ids';

const CASES: Case[] = [
  { breaks: 'azurerm_network_security_perimeter regex name', type: 'azurerm_network_security_perimeter', config: nsp({ name: '-nsp' }), attribute: 'name', message: NAME_RULE },
  { breaks: 'azurerm_network_security_perimeter_profile regex name', type: 'azurerm_network_security_perimeter_profile', config: profile({ name: 'profile!' }), attribute: 'name', message: NAME_RULE },
  { breaks: 'azurerm_network_security_perimeter_access_rule regex name', type: 'azurerm_network_security_perimeter_access_rule', config: rule({ name: 'rule-', service_tags: ['Storage'] }), attribute: 'name', message: NAME_RULE },
  { breaks: 'azurerm_network_security_perimeter_association regex name', type: 'azurerm_network_security_perimeter_association', config: assoc({ name: 'assoc.' }), attribute: 'name', message: NAME_RULE },
  {
    breaks: 'azurerm_network_security_perimeter_access_rule enum direction',
    type: 'azurerm_network_security_perimeter_access_rule',
    config: rule({ direction: 'Outbund', fqdns: ['example.com'] }),
    attribute: 'direction',
    message: /expected direction to be one of \["Inbound" "Outbound"\], got Outbund/,
  },
  ...['address_prefixes', 'fqdns', 'service_tags', 'subscription_ids'].map((attribute) => ({
    breaks: `azurerm_network_security_perimeter_access_rule min_items ${attribute}`,
    type: 'azurerm_network_security_perimeter_access_rule',
    config: rule({ direction: attribute === 'fqdns' ? 'Outbound' : 'Inbound', [attribute]: [] }),
    attribute,
    message: new RegExp(`${attribute}: attribute supports 1 item minimum, config has 0 declared`),
  })),
  {
    breaks: 'azurerm_network_security_perimeter_access_rule exactly_one_of none',
    type: 'azurerm_network_security_perimeter_access_rule',
    config: rule({}),
    attribute: 'service_tags',
    message: new RegExp(`"service_tags": one of \`${SDK_ONE_OF}\` must be specified`),
  },
  {
    breaks: 'azurerm_network_security_perimeter_access_rule exactly_one_of many',
    type: 'azurerm_network_security_perimeter_access_rule',
    config: rule({ service_tags: ['Storage'], address_prefixes: ['203.0.113.0/24'] }),
    attribute: 'service_tags',
    message: new RegExp(`only one of \`${SDK_ONE_OF}\` can be specified, but \`address_prefixes,service_tags\` were specified`),
  },
  ...[
    ['Outbound', 'address_prefixes', ['203.0.113.0/24']],
    ['Outbound', 'subscription_ids', ['/subscriptions/00000000-0000-0000-0000-000000000002']],
    ['Outbound', 'service_tags', ['Storage']],
    ['Inbound', 'fqdns', ['example.com']],
  ].map(([direction, attribute, value]) => ({
    breaks: `azurerm_network_security_perimeter_access_rule forbidden_when ${direction} ${attribute}`,
    type: 'azurerm_network_security_perimeter_access_rule',
    config: rule({ direction, [attribute as string]: value }),
    attribute: attribute as string,
    message: new RegExp(`\`${attribute}\` cannot be specified when \`direction\` is ${direction}`),
    phase: 'plan' as const,
  })),
  {
    breaks: 'azurerm_network_security_perimeter_association enum access_mode',
    type: 'azurerm_network_security_perimeter_association',
    config: assoc({ access_mode: 'Learn' }),
    attribute: 'access_mode',
    message: /expected access_mode to be one of \["Audit" "Enforced" "Learning"\], got Learn/,
  },
  {
    breaks: 'databricks_mws_ncc_private_endpoint_rule conflicts_with group_id domain_names',
    type: 'databricks_mws_ncc_private_endpoint_rule',
    config: pe({ group_id: 'blob', domain_names: ['example.com'] }),
    attribute: 'group_id',
    message: /"group_id": conflicts with domain_names/,
  },
  {
    breaks: 'databricks_mws_ncc_private_endpoint_rule conflicts_with resource_names',
    type: 'databricks_mws_ncc_private_endpoint_rule',
    config: pe({ domain_names: ['example.com'], resource_names: ['bucket'] }),
    attribute: 'resource_names',
    message: /"resource_names": conflicts with domain_names/,
  },
  {
    breaks: 'azapi_update_resource regex type',
    type: 'azapi_update_resource',
    config: approve({ type: 'Microsoft.Storage/storageAccounts/privateEndpointConnections', resource_id: STORAGE_ID }),
    attribute: 'type',
    message: /Invalid Resource Type: expected "type" to be <resource-type>@<api-version>/,
  },
  {
    breaks: 'azapi_update_resource exactly_one_of none',
    type: 'azapi_update_resource',
    config: approve({}),
    attribute: 'resource_id',
    message: /Invalid configuration: One of the arguments "name" or "resource_id" must be set/,
  },
  {
    breaks: 'azapi_update_resource exactly_one_of many',
    type: 'azapi_update_resource',
    config: approve({ name: 'conn', parent_id: STORAGE_ID, resource_id: STORAGE_ID }),
    attribute: 'resource_id',
    message: /Invalid configuration: Only one of the arguments "name" or "resource_id" can be set/,
  },
  {
    breaks: 'azapi_update_resource required_with name',
    type: 'azapi_update_resource',
    config: approve({ name: 'conn' }),
    attribute: 'parent_id',
    message: /Invalid configuration: The argument "parent_id" is required when the argument "name" is set/,
  },
  {
    breaks: 'azapi_update_resource required_with parent_id',
    type: 'azapi_update_resource',
    config: approve({ parent_id: STORAGE_ID, resource_id: STORAGE_ID }),
    attribute: 'parent_id',
    message: /Invalid configuration: The argument "name" is required when the argument "parent_id" is set/,
  },
  {
    breaks: 'azapi_resource regex type',
    type: 'azapi_resource',
    config: workspace({ type: 'Microsoft.Databricks/workspaces' }),
    attribute: 'type',
    message: /Invalid Resource Type: expected "type" to be <resource-type>@<api-version>/,
  },
  {
    breaks: 'azapi_resource required_unless parent_id',
    type: 'azapi_resource',
    config: workspace({ parent_id: null }),
    attribute: 'parent_id',
    message: /Missing required argument: The argument "parent_id" is required, but no definition was found\./,
  },
  {
    breaks: 'azapi_resource not_string body',
    type: 'azapi_resource',
    config: workspace({ body: '{"properties":{"computeMode":"Serverless"}}' }),
    // The framework's attribute error: its text names no attribute (Terraform shows the path as a source range).
    attribute: 'must not be a string',
    message: /Invalid Type: The value must not be a string\. From 2\.0, the value only accepts an HCL object/,
  },
  ...['tags', 'location'].map((attribute) => ({
    breaks: `azapi_resource key_conflict ${attribute}`,
    type: 'azapi_resource',
    config: workspace({ tags: { team: 'data' }, body: { [attribute]: attribute === 'tags' ? { team: 'data' } : 'westeurope', properties: { computeMode: 'Serverless' } } }),
    attribute,
    message: new RegExp(`Invalid configuration: can't specify both the argument "${attribute}" and "${attribute}" in the argument "body"`),
  })),
  {
    breaks: 'azapi_resource api_version type',
    type: 'azapi_resource',
    config: workspace({}, '2099-01-01'),
    attribute: 'type',
    message: /embedded schema validation failed: the argument "type"'s api-version is invalid\.\n The supported versions are \[2018-04-01, .*2024-09-01-preview.*\]/,
  },
  {
    breaks: 'data.azapi_resource_list regex type',
    type: 'data.azapi_resource_list',
    config: { type: 'Microsoft.Storage/storageAccounts/privateEndpointConnections', parent_id: STORAGE_ID },
    attribute: 'type',
    message: /Invalid Resource Type: expected "type" to be <resource-type>@<api-version>/,
  },
  ...[['create_duration', '30'], ['destroy_duration', '5 minutes']].map(([attribute, value]) => ({
    breaks: `time_sleep regex ${attribute}`,
    type: 'time_sleep',
    config: sleep({ [attribute]: value }),
    attribute,
    message: new RegExp(`Invalid Attribute Value Match: Attribute ${attribute} must be a number immediately followed by ms \\(milliseconds\\), s \\(seconds\\), m \\(minutes\\), or h \\(hours\\).*got: "${value}"`),
  })),
  {
    breaks: 'time_sleep at_least_one_of',
    type: 'time_sleep',
    config: sleep({ triggers: { a: 'b' } }),
    attribute: 'create_duration',
    message: /Invalid Attribute Combination: At least one attribute out of \[create_duration,destroy_duration\] must be specified/,
  },
];

/** What the library emits (and other valid uses): no rule may reject them; unknown values pass every value rule. */
/** A value known only after apply (the id of the first entry below): `ifEmpty` would break a rule, `otherwise` not. */
const unknown = (ifEmpty: string, otherwise: string) => `\${time_sleep.c0.id == "" ? ${ifEmpty} : ${otherwise}}`;
const VALID: Array<[string, Record<string, unknown>]> = [
  ['time_sleep', sleep({ create_duration: '0s' })],
  ['azurerm_network_security_perimeter', nsp({ name: 'nsp-stlandingeastus2' })],
  ['azurerm_network_security_perimeter_profile', profile({ name: 'databricks-serverless' })],
  ['azurerm_network_security_perimeter_access_rule', rule({ name: 'inbound-service-tags', service_tags: ['AzureDatabricksServerless.EastUS2'] })],
  ['azurerm_network_security_perimeter_access_rule', rule({ name: 'inbound-address-prefixes', address_prefixes: ['203.0.113.0/24'] })],
  ['azurerm_network_security_perimeter_access_rule', rule({ name: 'inbound-subscriptions', subscription_ids: ['/subscriptions/00000000-0000-0000-0000-000000000002'] })],
  ['azurerm_network_security_perimeter_access_rule', rule({ name: 'outbound-fqdns', direction: 'Outbound', fqdns: ['example.com'] })],
  ['azurerm_network_security_perimeter_access_rule', rule({ name: 'unknown', direction: unknown('"Outbound"', '"Inbound"'), service_tags: unknown('[]', '["Storage"]') })],
  ['azurerm_network_security_perimeter_association', assoc({ name: 'unknown', access_mode: unknown('"Learn"', '"Learning"') })],
  ...['Learning', 'Audit', 'Enforced'].map((mode): [string, Record<string, unknown>] => ['azurerm_network_security_perimeter_association', assoc({ access_mode: mode })]),
  ['databricks_mws_ncc_private_endpoint_rule', pe({ group_id: 'blob' })],
  ['databricks_mws_ncc_private_endpoint_rule', pe({ domain_names: ['example.com'] })],
  ['azapi_update_resource', approve({ resource_id: `${STORAGE_ID}/privateEndpointConnections/c1` })],
  ['azapi_update_resource', approve({ name: 'c1', parent_id: STORAGE_ID })],
  ['data.azapi_resource_list', { type: TYPE, parent_id: STORAGE_ID }],
  // A resource group needs no parent_id; a type the rules do not record, or an unknown one, is not checked;
  // the embedded type data is not consulted when schema validation is off (the workspace's API version is
  // new at azapi 2.9.0: see the floor test below); an unknown body passes.
  ['azapi_resource', { type: 'Microsoft.Resources/resourceGroups@2021-04-01', name: 'rg-rules', location: 'westeurope' }],
  ['azapi_resource', workspace({ schema_validation_enabled: false })],
  ['azapi_resource', workspace({ type: unknown('"Microsoft.Databricks/workspaces@2099-01-01"', '"Microsoft.Databricks/workspaces@2024-05-01"') })],
  ['azapi_resource', workspace({ type: 'Microsoft.Network/publicIPAddresses@2099-01-01', body: { properties: {} } })],
  ['azapi_resource', workspace({ tags: { team: 'data' }, body: `\${jsondecode(${unknown('"{\\"tags\\":{}}"', '"{\\"properties\\":{}}"').slice(2, -1)})}` }, '2024-05-01')],
  ...['0s', '60s', '1.5m', '100ms', '2h'].map((d): [string, Record<string, unknown>] => ['time_sleep', sleep({ create_duration: d })]),
  ['time_sleep', sleep({ destroy_duration: '30s' })],
  ['time_sleep', sleep({ create_duration: unknown('"30"', '"30s"') })],
];

/** One configuration: a resource (or data source) per entry, named c<i>; returns it and each entry's address. */
function configOf(entries: Array<{ type: string; config: Record<string, unknown> }>): { config: any; addresses: string[] } {
  const config: any = {
    terraform: {
      required_providers: {
        azurerm: { source: 'hashicorp/azurerm', version: '>= 4.55.0, < 6.0.0' },
        databricks: { source: 'databricks/databricks', version: '>= 1.99.0, < 2.0.0' },
        azapi: { source: 'azure/azapi', version: '>= 2.0.1, < 3.0.0' },
        time: { source: 'hashicorp/time', version: '>= 0.9.0, < 1.0.0' },
      },
    },
    provider: { azurerm: [{ features: [{}] }] },
    resource: {},
    data: {},
  };
  const addresses = entries.map(({ type, config: body }, i) => {
    const data = type.startsWith('data.');
    const t = type.replace(/^data\./, '');
    const kind = data ? config.data : config.resource;
    (kind[t] ??= {})[`c${i}`] = body;
    return `${type}.c${i}`;
  });
  for (const kind of ['resource', 'data']) {
    if (Object.keys(config[kind]).length === 0) delete config[kind];
  }
  return { config, addresses };
}

function errorsOf(result: EndsValidateResult, end: End, address: string): string {
  return result.ends[end].diagnostics
    .filter((d) => d.severity === 'error' && d.address === address)
    .map((d) => `${d.summary}: ${d.detail}`)
    .join('\n');
}

/** `Error: <summary>\n\n  with <address>,` blocks of a failed plan's message, by address. */
function planErrors(message: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of message.split(/\n(?=Error: )/)) {
    const at = /\n\s+with ([\w.-]+),/.exec(block);
    if (at) out.set(at[1], `${out.get(at[1]) ?? ''}${block}`);
  }
  return out;
}

describe('provider-side value rules, at both ends', () => {
  const validateCases = CASES.filter((c) => c.phase !== 'plan');
  const planCases = CASES.filter((c) => c.phase === 'plan');
  const dirs: string[] = [];
  let validated: EndsValidateResult;
  let validateAddresses: string[];
  let planMessages: Record<End, string>;
  let planAddresses: string[];

  beforeAll(() => {
    const v = configOf(validateCases);
    validateAddresses = v.addresses;
    dirs.push(writeConfig(v.config));
    validated = validateDir(dirs[0]);
    const p = configOf(planCases);
    planAddresses = p.addresses;
    dirs.push(writeConfig(p.config));
    planMessages = Object.fromEntries(ENDS.map((end) => {
      try {
        planDirAt(end, dirs[1]);
        return [end, ''];
      } catch (e: any) {
        return [end, e.message];
      }
    })) as Record<End, string>;
  });
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('every rule of validations.json has a negative case here', () => {
    const validations = JSON.parse(readFileSync(join(__dirname, 'schemas', 'validations.json'), 'utf8'));
    const needed: string[] = [];
    for (const kinds of Object.values<any>(validations.providers)) {
      for (const [kind, types] of Object.entries<any>(kinds)) {
        for (const [t, rules] of Object.entries<any>(types)) {
          const type = kind === 'data_sources' ? `data.${t}` : t;
          for (const r of rules) {
            if (['enum', 'regex', 'min_items', 'conflicts_with'].includes(r.rule)) needed.push(...r.attributes.map((a: string) => `${type} ${r.rule} ${a}`));
            if (r.rule === 'exactly_one_of') needed.push(`${type} exactly_one_of none`, `${type} exactly_one_of many`);
            if (r.rule === 'at_least_one_of') needed.push(`${type} at_least_one_of`);
            if (r.rule === 'required_with') needed.push(`${type} required_with ${r.attribute}`);
            if (r.rule === 'forbidden_when') needed.push(...r.forbidden.map((f: string) => `${type} forbidden_when ${r.equals} ${f}`));
            if (['not_string', 'key_conflict'].includes(r.rule)) needed.push(...r.attributes.map((a: string) => `${type} ${r.rule} ${a}`));
            if (['required_unless', 'api_version'].includes(r.rule)) needed.push(`${type} ${r.rule} ${r.attribute}`);
          }
        }
      }
    }
    // A case covers a key when its `breaks` starts with it or names it among its attributes.
    const covered = (key: string) => CASES.some((c) => {
      const [type, ruleName, ...rest] = key.split(' ');
      const words = c.breaks.split(' ');
      return words[0] === type && words[1] === ruleName && rest.every((w) => words.slice(2).includes(w));
    });
    expect(needed.filter((k) => !covered(k))).toEqual([]);
  });

  describe.each(ENDS)('%s end', (end) => {
    test.each(validateCases.map((c, i) => [c.breaks, i]))('terraform validate rejects: %s', (_name, i) => {
      const c = validateCases[i as number];
      const errors = errorsOf(validated, end, validateAddresses[i as number]);
      expect(errors).toMatch(c.message);
      expect(errors).toContain(c.attribute);
      // The harness's error text names the end (its provider versions) and the resource.
      expect(validated.errors).toContain(`[${endLabel(end)}] ${validateAddresses[i as number]}: `);
    });

    test.each(planCases.map((c, i) => [c.breaks, i]))('terraform plan rejects: %s', (_name, i) => {
      const c = planCases[i as number];
      expect(planMessages[end]).toContain(`terraform plan failed at the ${endLabel(end)}`);
      const errors = planErrors(planMessages[end]).get(planAddresses[i as number]) ?? '';
      expect(errors).toMatch(c.message);
      expect(errors).toContain(c.attribute);
    });
  });

  test('the serverless workspace the library emits: its API version (2026-01-01) is in azapi 2.12.0\'s type data, not in 2.0.1\'s (the azapi floor 2.9.0)', () => {
    const dir = writeConfig(configOf([{ type: 'azapi_resource', config: workspace({}) }]).config);
    try {
      expect(validateDirAt('newest', dir).errors).toBe('');
      const oldest = validateDirAt('oldest', dir);
      expect(oldest.valid).toBe(false);
      expect(oldest.errors).toMatch(/azapi_resource\.c0: Invalid configuration: embedded schema validation failed: the argument "type"'s api-version is invalid\.\n The supported versions are \[2018-04-01, 2021-04-01-preview, 2022-04-01-preview, 2023-02-01, 2023-09-15-preview, 2024-05-01, 2024-09-01-preview\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('what the library emits validates and plans at both ends', () => {
    const { config } = configOf(VALID.map(([type, body]) => ({ type, config: body })));
    const dir = writeConfig(config);
    try {
      const result = validateDir(dir);
      expect(result.errors).toBe('');
      expect(result.valid).toBe(true);
      const plans = planDirAll(dir);
      expect(plans.oldest.resource_changes.filter((c: any) => c.change.actions.includes('create'))).toHaveLength(VALID.filter(([t]) => !t.startsWith('data.')).length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
