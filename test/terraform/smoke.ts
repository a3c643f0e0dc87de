/**
 * Self-check of the served schemas (Terraform does not check provider schemas itself), at one end: one
 * instance of every resource and data source type of every provider, with only the required arguments
 * set to placeholders (and the values the recorded provider-side rules need), validates and plans.
 * Used by smoke-oldest.test.ts and smoke-newest.test.ts (one file per end, so jest runs them in parallel).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { requireTerraform } from './cli';
import { End, endLabel } from './ends';
import { planDirAt } from './harness';
import { servedSchemas } from './schemas';

function placeholder(type: any): any {
  if (type === 'string' || type === 'dynamic') return 'placeholder';
  if (type === 'number') return 1;
  if (type === 'bool') return true;
  const [kind, inner] = type;
  if (kind === 'list' || kind === 'set') return [placeholder(inner)];
  if (kind === 'map') return { key: placeholder(inner) };
  if (kind === 'object') return Object.fromEntries(Object.entries(inner).map(([n, t]) => [n, placeholder(t)]));
  throw new Error(`no placeholder for ${JSON.stringify(type)}`);
}

/** A body with only the required attributes and blocks. */
function minimal(block: any): any {
  const out: any = {};
  for (const [name, a] of Object.entries<any>(block.attributes ?? {})) {
    if (!a.required) continue;
    if (a.nested_type) {
      const inner = minimal({ attributes: a.nested_type.attributes });
      const n = a.nested_type.nesting;
      out[name] = n === 'single' ? inner : n === 'map' ? { key: inner } : [inner];
    } else {
      out[name] = placeholder(a.type);
    }
  }
  for (const [name, b] of Object.entries<any>(block.block_types ?? {})) {
    if (b.min_items > 0) out[name] = Array.from({ length: b.min_items }, () => minimal(b.block));
  }
  return out;
}

/** JSON with sorted keys, to compare schemas. */
function stable(v: any): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/** Values that satisfy the recorded provider-side rules (schemas/validations.json) of the types that have them. */
const SATISFY: Record<string, object> = {
  'azurerm_network_security_perimeter_access_rule': { direction: 'Inbound', service_tags: ['Storage'] },
  'azurerm_network_security_perimeter_association': { access_mode: 'Learning' },
  'databricks_mws_ncc_private_endpoint_rule': {},
  'time_sleep': { create_duration: '1s' },
  'azapi_update_resource': { type: 'Microsoft.Storage/storageAccounts@2023-05-01', resource_id: 'placeholder' },
  'azapi_resource': { type: 'Microsoft.Storage/storageAccounts@2023-05-01', name: 'placeholder', parent_id: 'placeholder' },
  'data.azapi_resource_list': { type: 'Microsoft.Storage/storageAccounts@2023-05-01' },
};
const RULED = ['azurerm_network_security_perimeter', 'azurerm_network_security_perimeter_profile'];

/** The smoke tests of one end. */
export function smokeTests(end: End): void {
  const schemas = servedSchemas(end).providers;

  test('every type with provider-side rules has values that satisfy them here', () => {
    const ruled = Object.values<any>(schemas).flatMap((p) => [
      ...Object.entries<any>(p.resources).filter(([, b]) => b.validations).map(([t]) => t),
      ...Object.entries<any>(p.data_sources).filter(([, b]) => b.validations).map(([t]) => `data.${t}`),
    ]);
    expect(ruled.filter((t) => !(t in SATISFY) && !RULED.includes(t))).toEqual([]);
  });

  // The newest end checks only what it serves differently from the oldest end (new types and changed
  // schemas, e.g. 57 of azurerm's 1,132 resources); the rest was checked, the same, at the oldest end.
  const oldest = end === 'oldest' ? undefined : servedSchemas('oldest').providers;
  const differs = (address: string, kind: 'resources' | 'data_sources', type: string, block: any) =>
    !oldest || stable(oldest[address]?.[kind]?.[type]) !== stable(block);
  const which = end === 'oldest' ? 'every type' : 'every type served differently from the oldest end';

  describe.each(Object.keys(schemas))(`${which} of %s at the ${endLabel(end)}`, (address) => {
    const schema = schemas[address];
    const local = address.split('/').pop()!;
    const source = address.replace('registry.terraform.io/', '');
    const resources = Object.entries<any>(schema.resources).filter(([t, b]) => differs(address, 'resources', t, b));
    const dataSources = Object.entries<any>(schema.data_sources).filter(([t, b]) => differs(address, 'data_sources', t, b));
    const config: any = {
      terraform: { required_providers: { [local]: { source } } },
      provider: { [local]: [minimal(schema.provider)] },
      resource: Object.fromEntries(resources.map(([t, b]) => [t, { this: { ...minimal(b), ...SATISFY[t] } }])),
      data: Object.fromEntries(dataSources.map(([t, b]) => [t, { this: { ...minimal(b), ...SATISFY[`data.${t}`] } }])),
    };
    if (Object.keys(config.resource).length === 0) delete config.resource;
    if (Object.keys(config.data).length === 0) delete config.data;
    let dir: string;

    beforeAll(() => {
      requireTerraform();
      dir = mkdtempSync(join(tmpdir(), 'cdktf-adbs-smoke-'));
      writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    // `terraform plan` validates first (its error lists what validate would), so one run checks both.
    test('validates and plans: every resource is created, every data source is read', () => {
      const plan = planDirAt(end, dir);
      const creates = (plan.resource_changes ?? []).filter((c: any) => c.mode === 'managed' && c.change.actions.includes('create'));
      expect(creates).toHaveLength(resources.length);
      expect(plan.prior_state?.values?.root_module?.resources ?? []).toHaveLength(dataSources.length);
    });
  });
}
