/**
 * The library's own azurerm NSP bindings (src/bindings/azurerm-nsp) against the NSP schema the stand-in
 * serves (from the generated cdktn azurerm package, at both ends): every attribute a binding emits
 * exists, with a value of the right shape; every attribute the schema requires is a non-optional member
 * of the binding's config interface; nested blocks the schema requires are emitted.
 *
 * The emitted names come from synthesizing each binding with all its config fields set (and with only
 * its required ones), not from reading its source. Which fields are required: `required` below must
 * list exactly the non-optional members of each config interface; the types say so to an editor or
 * `tsc`, and (jest does not type-check) a test asks the TypeScript parser for the interface's members.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { TerraformStack, Testing } from 'cdktf';
import * as ts from 'typescript';
import { endLabel, ENDS, NSP_TYPES } from './ends';
import { servedSchemas } from './schemas';
import * as nsp from '../../src/bindings/azurerm-nsp';
import { BindingMetaConfig } from '../../src/bindings/meta';

type Own<C> = Omit<C, keyof BindingMetaConfig>;
/** The non-optional keys of T. */
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

interface BindingCase<C> {
  /** The config interface's name (in src/bindings/azurerm-nsp/resources.ts). */
  readonly config: string;
  readonly binding: { readonly tfResourceType: string; new (scope: TerraformStack, id: string, config: C): unknown };
  /** Every config field set. */
  readonly full: Required<Own<C>>;
  /** Exactly the non-optional fields of the config interface. */
  readonly required: Record<RequiredKeys<Own<C>>, true>;
}

function bindingCase<C>(c: BindingCase<C>): BindingCase<any> {
  return c;
}

const PROFILE_ID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network/networkSecurityPerimeters/nsp/profiles/p';

const CASES: Array<BindingCase<any>> = [
  bindingCase<nsp.AzurermNetworkSecurityPerimeterConfig>({
    config: 'AzurermNetworkSecurityPerimeterConfig',
    binding: nsp.AzurermNetworkSecurityPerimeter,
    full: { name: 'nsp1', resourceGroupName: 'rg', location: 'eastus2', tags: { team: 'data' } },
    required: { name: true, resourceGroupName: true, location: true },
  }),
  bindingCase<nsp.AzurermNetworkSecurityPerimeterProfileConfig>({
    config: 'AzurermNetworkSecurityPerimeterProfileConfig',
    binding: nsp.AzurermNetworkSecurityPerimeterProfile,
    full: { name: 'profile1', networkSecurityPerimeterId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/networkSecurityPerimeters/nsp' },
    required: { name: true, networkSecurityPerimeterId: true },
  }),
  bindingCase<nsp.AzurermNetworkSecurityPerimeterAccessRuleConfig>({
    config: 'AzurermNetworkSecurityPerimeterAccessRuleConfig',
    binding: nsp.AzurermNetworkSecurityPerimeterAccessRule,
    full: {
      name: 'rule1',
      networkSecurityPerimeterProfileId: PROFILE_ID,
      direction: 'Inbound',
      addressPrefixes: ['203.0.113.0/24'],
      subscriptionIds: ['/subscriptions/00000000-0000-0000-0000-000000000002'],
      serviceTags: ['Storage'],
      fqdns: ['example.com'],
    },
    required: { name: true, networkSecurityPerimeterProfileId: true, direction: true },
  }),
  bindingCase<nsp.AzurermNetworkSecurityPerimeterAssociationConfig>({
    config: 'AzurermNetworkSecurityPerimeterAssociationConfig',
    binding: nsp.AzurermNetworkSecurityPerimeterAssociation,
    full: { name: 'assoc1', networkSecurityPerimeterProfileId: PROFILE_ID, resourceId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1', accessMode: 'Learning' },
    required: { name: true, networkSecurityPerimeterProfileId: true, resourceId: true, accessMode: true },
  }),
];

/** Members of the config interfaces of resources.ts, as the TypeScript parser reads them: name -> optional. */
function configMembers(): Map<string, Map<string, boolean>> {
  const file = join(__dirname, '..', '..', 'src', 'bindings', 'azurerm-nsp', 'resources.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out = new Map<string, Map<string, boolean>>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) {
      out.set(node.name.text, new Map(node.members.filter(ts.isPropertySignature).map((m) => [m.name.getText(source), !!m.questionToken])));
    }
  });
  return out;
}

const META = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'count', 'for_each', 'provisioner', 'connection']);

/** The attributes a binding emits for a config: synthesized, meta-arguments left out. */
function emitted(c: BindingCase<any>, config: object): Record<string, unknown> {
  const stack = new TerraformStack(Testing.app(), 'nsp');
  new c.binding(stack, 'it', config);
  const json = JSON.parse(Testing.synth(stack));
  const body = json.resource[c.binding.tfResourceType].it;
  return Object.fromEntries(Object.entries(body).filter(([k]) => !META.has(k)));
}

/** Does a JSON value have the shape of a cty type (strings may hold references)? */
function fits(type: any, value: unknown): boolean {
  if (typeof value === 'string' && /^\$\{/.test(value)) return true;
  if (type === 'string') return typeof value === 'string';
  if (type === 'number') return typeof value === 'number';
  if (type === 'bool') return typeof value === 'boolean';
  if (type === 'dynamic') return true;
  const [kind, inner] = type;
  if (kind === 'list' || kind === 'set') return Array.isArray(value) && value.every((v) => fits(inner, v));
  if (kind === 'map') return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => fits(inner, v));
  if (kind === 'object') return typeof value === 'object' && value !== null && Object.entries(inner).every(([k, t]) => !(k in value) || fits(t, (value as any)[k]));
  return false;
}

test('every NSP type served has a binding, and every binding a served type', () => {
  expect(CASES.map((c) => c.binding.tfResourceType).sort()).toEqual([...NSP_TYPES].sort());
  const bindings = Object.values(nsp).filter((v: any) => typeof v === 'function' && typeof v.tfResourceType === 'string');
  expect(bindings.map((b: any) => b.tfResourceType).sort()).toEqual([...NSP_TYPES].sort());
});

test.each(CASES.map((c) => [c.config, c] as const))('%s: `required` lists exactly its non-optional members', (name, c) => {
  const members = configMembers().get(name);
  expect(members).toBeDefined();
  expect(Object.keys(c.required).sort()).toEqual([...members!].filter(([, optional]) => !optional).map(([m]) => m).sort());
  expect(Object.keys(c.full).sort()).toEqual([...members!.keys()].sort());
});

describe.each(ENDS)('%s end', (end) => {
  const azurerm = servedSchemas(end).providers['registry.terraform.io/hashicorp/azurerm'];

  test('the NSP types are the cdktn package\'s, at both ends', () => {
    expect(azurerm.nsp_types_from).toMatch(/^@cdktn\/provider-azurerm@/);
  });

  describe.each(CASES.map((c) => [c.binding.tfResourceType, c] as const))(`%s at the ${endLabel(end)}`, (type, c) => {
    const schema = azurerm.resources[type];

    test('every emitted attribute is in the schema, settable, with a value of its type', () => {
      const body = emitted(c, c.full);
      const problems: string[] = [];
      for (const [name, value] of Object.entries(body)) {
        const attribute = schema.attributes[name];
        const block = schema.block_types[name];
        if (!attribute && !block) {
          problems.push(`${name}: not in the schema`);
        } else if (attribute && attribute.computed && !attribute.optional && !attribute.required) {
          problems.push(`${name}: read-only`);
        } else if (attribute && !fits(attribute.type, value)) {
          problems.push(`${name}: ${JSON.stringify(value)} is not a ${JSON.stringify(attribute.type)}`);
        } else if (block && (block.nesting === 'single' ? Array.isArray(value) || typeof value !== 'object' : !Array.isArray(value))) {
          problems.push(`${name}: block with nesting ${block.nesting} emitted as ${JSON.stringify(value)}`);
        }
      }
      expect(problems).toEqual([]);
      // All config fields set: every field reached the output.
      expect(Object.keys(body)).toHaveLength(Object.keys(c.full).length);
    });

    test('every required attribute is a non-optional config field', () => {
      const requiredOnly = Object.fromEntries(Object.keys(c.required).map((k) => [k, (c.full as any)[k]]));
      const body = emitted(c, requiredOnly);
      const schemaRequired = Object.entries<any>(schema.attributes).filter(([, a]) => a.required).map(([n]) => n);
      expect(schemaRequired.filter((n) => !(n in body))).toEqual([]);
    });

    test('nested blocks the schema requires are emitted', () => {
      const body = emitted(c, c.full);
      const requiredBlocks = Object.entries<any>(schema.block_types).filter(([, b]) => b.min_items > 0).map(([n]) => n);
      expect(requiredBlocks.filter((n) => !(n in body))).toEqual([]);
      // The blocks of these types (timeouts) are optional; the bindings emit none of them.
      expect(Object.keys(body).filter((n) => schema.block_types[n])).toEqual([]);
    });
  });
});
