/**
 * azurerm 5.x: no generated 5.x provider package exists, so the stand-in cannot serve a 5.x schema. What
 * the library's bundled examples emit is checked against a recorded table of the 5.2.0 argument and
 * attribute names instead (schemas/azurerm-5x.json, read from upstream source): every azurerm attribute
 * they emit must be in it, and their storage accounts must use the values 5.x still accepts.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { servedSchemas } from './schemas';
import { ApprovalStack } from '../../examples/approval';
import { EgressStack } from '../../examples/egress';
import { EstateStack } from '../../examples/estate';
import { FoundationStack } from '../../examples/foundation';
import { IngressStack } from '../../examples/ingress';
import { PerimeterStack } from '../../examples/perimeter';

const TABLE = JSON.parse(readFileSync(join(__dirname, 'schemas', 'azurerm-5x.json'), 'utf8'));

/** Meta-arguments and cdktf's metadata: not attributes. */
const META = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'count', 'for_each', 'provisioner', 'connection', 'alias']);

const EXAMPLES: Array<[string, new (scope: any, id: string) => TerraformStack]> = [
  ['estate', EstateStack],
  ['foundation', FoundationStack],
  ['approval', ApprovalStack],
  ['perimeter', PerimeterStack],
  ['egress', EgressStack],
  ['ingress', IngressStack],
];

/** The served azurerm schema (newest end), for which keys are blocks or objects (their keys are attributes) and which are maps. */
const azurerm = servedSchemas('newest').providers['registry.terraform.io/hashicorp/azurerm'];

function nestedBlock(block: any, name: string): any | undefined {
  if (block?.block_types?.[name]) return block.block_types[name].block;
  const type = block?.attributes?.[name]?.type;
  const object = Array.isArray(type) && type[0] === 'object' ? type : Array.isArray(type) && Array.isArray(type[1]) && type[1][0] === 'object' ? type[1] : undefined;
  return object ? { attributes: Object.fromEntries(Object.entries<any>(object[1]).map(([k, t]) => [k, { type: t }])), block_types: {} } : undefined;
}

/** Attribute paths of one resource body: top-level keys, and `block.attr` inside blocks and objects. */
function paths(body: any, block: any, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries<any>(body ?? {})) {
    if (!prefix && META.has(key)) continue;
    const path = `${prefix}${key}`;
    out.push(path);
    const inner = nestedBlock(block, key);
    if (inner && value !== null && typeof value === 'object') {
      for (const element of Array.isArray(value) ? value : [value]) {
        if (element !== null && typeof element === 'object') out.push(...paths(element, inner, `${path}.`));
      }
    }
  }
  return [...new Set(out)];
}

/** What a synthesized stack emits of azurerm that the 5.x table lacks: types and attribute paths, named. */
function problemsOf(json: any): string[] {
  const problems: string[] = [];
  for (const [mode, kind] of [['resource', 'resources'], ['data', 'data_sources']] as const) {
    for (const [type, instances] of Object.entries<any>(json[mode] ?? {})) {
      if (!type.startsWith('azurerm_')) continue;
      const label = mode === 'data' ? `data.${type}` : type;
      const known: string[] | undefined = mode === 'resource' ? TABLE.resources[type] : undefined;
      if (!known) {
        problems.push(`${label}: not in schemas/azurerm-5x.json (read its 5.x attributes upstream and add it)`);
        continue;
      }
      for (const [id, body] of Object.entries<any>(instances)) {
        for (const path of paths(body, azurerm[kind][type])) {
          if (!known.includes(path)) problems.push(`${label}.${id}: ${path} is not an azurerm 5.2.0 attribute of ${type}`);
        }
      }
    }
  }
  for (const config of json.provider?.azurerm ?? []) {
    for (const path of paths(config, azurerm.provider)) {
      if (!TABLE.provider.includes(path)) problems.push(`provider azurerm: ${path} is not an azurerm 5.2.0 provider argument`);
    }
  }
  return problems;
}

function synth(Stack: new (scope: any, id: string) => TerraformStack, name: string): any {
  return JSON.parse(Testing.synth(new Stack(Testing.app(), name), true));
}

describe('the recorded azurerm 5.x table', () => {
  test('records its source: the repo, the tag and a file per type', () => {
    expect(TABLE.source).toMatchObject({ repo: 'https://github.com/hashicorp/terraform-provider-azurerm', tag: 'v5.2.0' });
    expect(Object.keys(TABLE.source.files).sort()).toEqual([...Object.keys(TABLE.resources), 'provider'].sort());
  });
});

describe.each(EXAMPLES)('example %s, against azurerm 5.2.0', (name, Stack) => {
  const json = synth(Stack, name);

  test('every azurerm type it emits is in the 5.x table, and every attribute of it', () => {
    expect(problemsOf(json)).toEqual([]);
  });

  test('storage accounts set min_tls_version only to a value 5.x accepts (TLS1_2)', () => {
    const accepted: string[] = TABLE.value_changes.azurerm_storage_account.min_tls_version.accepted;
    const accounts = Object.entries<any>(json.resource?.azurerm_storage_account ?? {});
    const wrong = accounts.filter(([, a]) => a.min_tls_version !== undefined && !accepted.includes(a.min_tls_version)).map(([id, a]) => `${id}: ${a.min_tls_version}`);
    expect(wrong).toEqual([]);
  });
});

test('the paths of a body: blocks and objects are walked, maps are not', () => {
  const body = { name: 'st', tags: { team: 'x' }, network_rules: [{ default_action: 'Deny', private_link_access: [{ endpoint_resource_id: 'id' }] }], lifecycle: { prevent_destroy: true } };
  expect(paths(body, azurerm.resources.azurerm_storage_account).sort()).toEqual([
    'name',
    'network_rules',
    'network_rules.default_action',
    'network_rules.private_link_access',
    'network_rules.private_link_access.endpoint_resource_id',
    'tags',
  ]);
});

test('a type or an attribute missing from the table is named', () => {
  expect(problemsOf({
    provider: { azurerm: [{ features: [{}], skip_provider_registration: true }] },
    resource: {
      azurerm_key_vault: { kv: { name: 'kv' } },
      azurerm_storage_account: { st: { name: 'st', queue_properties: [{ logging: [{ version: '1.0' }] }], lifecycle: { prevent_destroy: true } } },
    },
    data: { azurerm_client_config: { current: {} } },
  })).toEqual([
    'azurerm_key_vault: not in schemas/azurerm-5x.json (read its 5.x attributes upstream and add it)',
    'azurerm_storage_account.st: queue_properties is not an azurerm 5.2.0 attribute of azurerm_storage_account',
    'azurerm_storage_account.st: queue_properties.logging is not an azurerm 5.2.0 attribute of azurerm_storage_account',
    'azurerm_storage_account.st: queue_properties.logging.version is not an azurerm 5.2.0 attribute of azurerm_storage_account',
    'data.azurerm_client_config: not in schemas/azurerm-5x.json (read its 5.x attributes upstream and add it)',
    'provider azurerm: skip_provider_registration is not an azurerm 5.2.0 provider argument',
  ]);
});
