/**
 * The served schemas against something independent of them: schemas/known-attributes.json records, by
 * hand from upstream provider source at a stated tag, the names and flags of a few attributes and blocks
 * of the types the library emits (and the azurerm provider block). The smoke tests cannot find a schema
 * error (they build their configurations from the schema they check); this can: every recorded name
 * must be served at both ends, with the recorded flags, block nesting and item counts, and every name
 * recorded `absent` must not be served.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { compareVersions, End, END_SPECS, ENDS, NSP_TYPES } from './ends';
import { ADDRESSES, ProviderName, servedSchemas } from './schemas';

const RECORD = JSON.parse(readFileSync(join(__dirname, 'schemas', 'known-attributes.json'), 'utf8'));

type Flag = 'R' | 'O' | 'OC' | 'C' | 'absent';

interface RecordedBlock {
  readonly nesting?: string;
  readonly min_items?: number;
  readonly max_items?: number;
  readonly attributes?: Record<string, Flag | Record<End, Flag>>;
  readonly blocks?: Record<string, RecordedBlock | 'absent' | Record<End, RecordedBlock | 'absent'>>;
}

interface RecordedType extends RecordedBlock {
  readonly provider: ProviderName;
  readonly kind: 'provider' | 'resources' | 'data_sources';
  readonly type: string;
  readonly tags: Record<End, string>;
  readonly files: string[];
}

const TYPES: RecordedType[] = RECORD.types;

/** A recorded value at an end: `{ oldest, newest }` or the same at both. */
function at<T>(value: T | Record<End, T>, end: End): T {
  return value && typeof value === 'object' && ENDS.some((e) => e in (value as object)) ? (value as Record<End, T>)[end] : (value as T);
}

function servedFlag(attribute: any): string {
  if (attribute.required) return 'R';
  if (attribute.optional) return attribute.computed ? 'OC' : 'O';
  return attribute.computed ? 'C' : 'neither required, optional nor computed';
}

/**
 * The differences between a served block and its record, one line each. `extracted`: an upstream O may
 * be served as OC (the record's `tolerated`); nothing else may differ.
 */
function differences(where: string, served: any, recorded: RecordedBlock, end: End, extracted: boolean): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(recorded.attributes ?? {})) {
    const want = at(value, end);
    const attribute = served.attributes?.[name];
    const got = attribute ? servedFlag(attribute) : served.block_types?.[name] ? 'a block' : 'absent';
    if (got !== want && !(extracted && want === 'O' && got === 'OC')) {
      out.push(`${where}.${name}: upstream ${want}, served ${got}`);
    }
  }
  for (const [name, value] of Object.entries(recorded.blocks ?? {})) {
    const want = at(value, end);
    const block = served.block_types?.[name];
    if (want === 'absent') {
      if (block || served.attributes?.[name]) out.push(`${where}.${name}: upstream absent, served`);
      continue;
    }
    if (!block) {
      out.push(`${where}.${name}: upstream a block, served ${served.attributes?.[name] ? 'an attribute' : 'absent'}`);
      continue;
    }
    for (const key of ['nesting', 'min_items', 'max_items'] as const) {
      if (block[key] !== want[key]) out.push(`${where}.${name}: upstream ${key} ${want[key]}, served ${block[key]}`);
    }
    out.push(...differences(`${where}.${name}`, block.block, want, end, extracted));
  }
  return out;
}

const label = (t: RecordedType) => (t.kind === 'provider' ? `provider ${t.type}` : t.kind === 'data_sources' ? `data.${t.type}` : t.type);

describe.each(ENDS)('%s end: the served schema agrees with upstream source (known-attributes.json)', (end) => {
  const providers = servedSchemas(end).providers;

  test.each(TYPES.map((t) => [label(t), t.tags[end], t] as const))('%s (upstream %s)', (_label, _tag, recorded) => {
    const provider = providers[ADDRESSES[recorded.provider]];
    const served = recorded.kind === 'provider' ? provider.provider : provider[recorded.kind][recorded.type];
    expect(served).toBeDefined();
    const extracted = (recorded.provider === 'azurerm' || recorded.provider === 'databricks') && recorded.kind !== 'provider';
    expect(differences(label(recorded), served, recorded, end, extracted)).toEqual([]);
  });
});

describe('the record', () => {
  test('covers the types the library emits, and the azurerm provider block', () => {
    expect(TYPES.map(label).sort()).toEqual([
      'azapi_resource',
      'azapi_update_resource',
      'azurerm_databricks_access_connector',
      'azurerm_network_security_perimeter_access_rule',
      'azurerm_storage_account',
      'data.azapi_resource_list',
      'databricks_account_network_policy',
      'databricks_mws_ncc_private_endpoint_rule',
      'databricks_mws_network_connectivity_config',
      'provider azurerm',
      'time_sleep',
    ]);
  });

  test('each entry names its source files and the tag it was read at, per end: the version the end serves, or the stated nearest', () => {
    for (const t of TYPES) {
      expect([label(t), t.files.length > 0, typeof RECORD.repos[t.provider]]).toEqual([label(t), true, 'string']);
      for (const end of ENDS) {
        const serves = `v${END_SPECS[end].versions[t.provider]}`;
        if ((NSP_TYPES as readonly string[]).includes(t.type)) {
          // Served from @cdktn/provider-azurerm 16.1.0 (azurerm 4.73.0) at both ends.
          expect([label(t), end, t.tags[end]]).toEqual([label(t), end, 'v4.73.0']);
        } else if (t.provider === 'databricks' && end === 'newest') {
          // 1.132.0 is newer than the newest tag read (see the record's notes): the nearest older tag.
          expect([label(t), end, t.tags[end], compareVersions(t.tags[end].slice(1), serves.slice(1)) < 0]).toEqual([label(t), end, 'v1.128.0', true]);
        } else {
          expect([label(t), end, t.tags[end]]).toEqual([label(t), end, serves]);
        }
      }
    }
  });
});
