/**
 * What the stand-in serves at each end (schemas.ts): the provider versions of ends.ts, where each
 * schema comes from, the azapi cut at 2.0.1, the JSON-shape facts of azapi, and the message when the
 * newest end's packages cannot be fetched.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { CDKTN_AZURERM, END_SPECS, ENDS, NSP_TYPES } from './ends';
import { ADDRESSES, servedSchemas, tarball } from './schemas';

const SUPPLEMENT = JSON.parse(readFileSync(join(__dirname, 'schemas', 'supplement.json'), 'utf8'));

describe.each(ENDS)('%s end', (end) => {
  const { providers } = servedSchemas(end);
  const spec = END_SPECS[end];

  test('serves the provider versions of ends.ts, from the packages ends.ts names', () => {
    const served = Object.fromEntries(Object.entries(ADDRESSES).map(([name, address]) => [name, providers[address].provider_version]));
    expect(served).toEqual(spec.versions);
    expect(providers[ADDRESSES.azurerm].package).toBe(`${spec.packages.azurerm.name}@${spec.packages.azurerm.version}`);
    expect(providers[ADDRESSES.databricks].package).toBe(`${spec.packages.databricks.name}@${spec.packages.databricks.version}`);
  });

  test('the NSP types come from the cdktn azurerm package, the same at both ends', () => {
    expect(providers[ADDRESSES.azurerm].nsp_types_from).toBe(`${CDKTN_AZURERM.name}@${CDKTN_AZURERM.version}`);
    const newest = servedSchemas('newest').providers[ADDRESSES.azurerm].resources;
    for (const type of NSP_TYPES) {
      const { validations: _a, ...here } = providers[ADDRESSES.azurerm].resources[type];
      const { validations: _b, ...there } = newest[type];
      expect(here).toEqual(there);
    }
  });

  test('azapi: retry is a single nested attribute, timeouts a single block, body optional and not computed, no create_headers', () => {
    const update = providers[ADDRESSES.azapi].resources.azapi_update_resource;
    const list = providers[ADDRESSES.azapi].data_sources.azapi_resource_list;
    for (const block of [update, list]) {
      expect(block.attributes.retry.nested_type.nesting).toBe('single');
      expect(block.block_types.timeouts.nesting).toBe('single');
      expect(block.attributes.response_export_values).toMatchObject({ type: 'dynamic', optional: true });
    }
    expect(update.attributes.body).toEqual({ type: 'dynamic', optional: true });
    expect(update.attributes.create_headers).toBeUndefined();
  });

  test('azapi: attributes newer than the end\'s version are left out', () => {
    const since = SUPPLEMENT.providers[ADDRESSES.azapi].resources.azapi_update_resource.since;
    const attributes = providers[ADDRESSES.azapi].resources.azapi_update_resource.attributes;
    for (const name of Object.keys(since)) {
      expect([name, name in attributes]).toEqual([name, end === 'newest']);
    }
    expect(Object.keys(providers[ADDRESSES.azapi].provider.attributes).includes('preserve_resource_id_casing')).toBe(end === 'newest');
  });
});

test('a package that cannot be fetched fails, saying the npm registry must be reachable', () => {
  const saved = { registry: process.env.npm_config_registry, retries: process.env.npm_config_fetch_retries };
  process.env.npm_config_registry = 'http://127.0.0.1:9/';
  process.env.npm_config_fetch_retries = '0';
  try {
    expect(() => tarball({ name: '@cdktn/provider-azurerm', version: '0.0.0-unreachable', from: 'tarball' })).toThrow(
      /npm pack @cdktn\/provider-azurerm@0.0.0-unreachable failed\. .*the npm registry must be reachable/,
    );
  } finally {
    for (const [key, value] of [['npm_config_registry', saved.registry], ['npm_config_fetch_retries', saved.retries]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
});
