/**
 * Self-check of the served schemas (Terraform does not check provider schemas itself): one instance of
 * every resource and data source type of every provider, with only the required arguments set to
 * placeholders, validates and plans.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { requireTerraform, terraformEnv } from './cli';
import { planDir, validateDir } from './harness';
import { schemaFile } from './schemas';

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

const schemas = JSON.parse(readFileSync(schemaFile(), 'utf8')).providers;

describe.each(Object.keys(schemas))('every type of %s', (address) => {
  const schema = schemas[address];
  const local = address.split('/').pop()!;
  const source = address.replace('registry.terraform.io/', '');
  const config: any = {
    terraform: { required_providers: { [local]: { source } } },
    provider: { [local]: [minimal(schema.provider)] },
    resource: Object.fromEntries(Object.entries<any>(schema.resources).map(([t, b]) => [t, { this: minimal(b) }])),
    data: Object.fromEntries(Object.entries<any>(schema.data_sources).map(([t, b]) => [t, { this: minimal(b) }])),
  };
  if (Object.keys(config.data).length === 0) delete config.data;
  let dir: string;

  beforeAll(() => {
    requireTerraform();
    dir = mkdtempSync(join(tmpdir(), 'cdktf-adbs-smoke-'));
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config));
    const init = spawnSync('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env: terraformEnv(), encoding: 'utf8' });
    if (init.status !== 0) throw new Error(init.stderr);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('validates', () => {
    const r = validateDir(dir);
    expect(r.errors.slice(0, 4000)).toBe('');
    expect(r.valid).toBe(true);
  });

  test('plans: every resource is created, every data source is read', () => {
    const plan = planDir(dir);
    const creates = (plan.resource_changes ?? []).filter((c: any) => c.mode === 'managed' && c.change.actions.includes('create'));
    expect(creates).toHaveLength(Object.keys(schema.resources).length);
    expect(plan.prior_state?.values?.root_module?.resources ?? []).toHaveLength(Object.keys(schema.data_sources).length);
  });
});
