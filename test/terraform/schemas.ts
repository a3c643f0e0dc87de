/**
 * The schemas the stand-in serves at each end (see ends.ts), built once and cached under
 * node_modules/.cache/tf-standin/:
 *  - azurerm and databricks: extracted (standin/extract.js) from the generated code of a provider
 *    package: the installed cdktf packages at the oldest end; at the newest end the cdktn packages,
 *    fetched with `npm pack` (tarballs cached by version) and unpacked only to read that code;
 *  - the azurerm NSP types at both ends: from the cdktn azurerm package;
 *  - what the generated code cannot tell (azurerm's required `features` block): schemas/supplement.json
 *    `corrections`;
 *  - azapi and time: schemas/supplement.json (transcribed from upstream source), cut to the end's version;
 *  - the provider-side value rules of schemas/validations.json, attached to each type;
 *  - how each provider plans the types the library emits (schemas/behaviours.json: replacements, values
 *    kept from state or left unknown, optional attributes that are not computed), attached to each type.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { CDKTN_AZURERM, compareVersions, End, END_SPECS, NSP_TYPES, recordsEnd, SchemaPackage, schemaVariable } from './ends';

const ROOT = join(__dirname, '..', '..');
export const CACHE = join(ROOT, 'node_modules', '.cache', 'tf-standin');
const EXTRACT = join(__dirname, 'standin', 'extract.js');
const SUPPLEMENT = join(__dirname, 'schemas', 'supplement.json');
const VALIDATIONS = join(__dirname, 'schemas', 'validations.json');
const BEHAVIOURS = join(__dirname, 'schemas', 'behaviours.json');
const AZURERM_5X = join(__dirname, 'schemas', 'azurerm-5x.json');

export type ProviderName = 'azurerm' | 'databricks' | 'azapi' | 'time';

export const ADDRESSES: Record<ProviderName, string> = {
  azurerm: 'registry.terraform.io/hashicorp/azurerm',
  databricks: 'registry.terraform.io/databricks/databricks',
  azapi: 'registry.terraform.io/azure/azapi',
  time: 'registry.terraform.io/hashicorp/time',
};

const NAME_OF: Record<string, ProviderName> = Object.fromEntries(Object.entries(ADDRESSES).map(([n, a]) => [a, n as ProviderName]));

/** The served schema file of an end: the one the jest global setup started the stand-in with, else built (cached). */
export function schemaFile(end: End): string {
  const fromSetup = process.env[schemaVariable(end)];
  return fromSetup && existsSync(fromSetup) ? fromSetup : buildSchemaFile(end);
}

const served = new Map<End, any>();

/** The served schemas of an end: `{ end, providers: { "<address>": { provider, resources, data_sources } } }`. */
export function servedSchemas(end: End): any {
  if (!served.has(end)) {
    served.set(end, readJson(schemaFile(end)));
  }
  return served.get(end);
}

/** Builds (or finds in the cache) the schema file of an end. */
export function buildSchemaFile(end: End): string {
  const spec = END_SPECS[end];
  const key = hash(JSON.stringify({
    end,
    spec,
    nsp: CDKTN_AZURERM,
    inputs: [EXTRACT, SUPPLEMENT, VALIDATIONS, BEHAVIOURS, AZURERM_5X, __filename].map((f) => hash(readFileSync(f, 'utf8'))),
  }));
  const file = join(CACHE, `schemas-${end}-${key}.json`);
  if (existsSync(file)) {
    return file;
  }
  const providers: Record<string, any> = {};
  for (const name of ['azurerm', 'databricks'] as const) {
    const pkg = spec.packages[name];
    const extracted = extractedSchema(name, pkg);
    if (name === 'azurerm' && spec.azurerm5x) {
      providers[ADDRESSES[name]] = cutToAzurerm5x(extracted, spec.versions.azurerm);
      continue;
    }
    if (extracted.provider_version !== spec.versions[name]) {
      throw new Error(`${pkg.name}@${pkg.version} is generated from ${name} ${extracted.provider_version}, but test/terraform/ends.ts serves ${name} ${spec.versions[name]} at the ${end} end: correct ends.ts`);
    }
    providers[ADDRESSES[name]] = extracted;
  }
  addNspTypes(providers[ADDRESSES.azurerm], spec.packages.azurerm, !!spec.azurerm5x);
  const supplement = readJson(SUPPLEMENT);
  applyCorrections(providers, supplement.corrections ?? {});
  for (const [address, schema] of Object.entries<any>(supplement.providers)) {
    const version = spec.versions[NAME_OF[address]];
    if (!version) {
      throw new Error(`supplement.json: ${address} is not a provider of test/terraform/ends.ts`);
    }
    providers[address] = {
      source: `${supplement.sources[address].repo} ${supplement.sources[address].tag}, cut to ${version}`,
      provider_version: version,
      provider: atVersion(schema.provider, version, `${address} provider`),
      resources: mapValues(schema.resources ?? {}, (b, t) => atVersion(b, version, t)),
      data_sources: mapValues(schema.data_sources ?? {}, (b, t) => atVersion(b, version, `data.${t}`)),
    };
  }
  attachValidations(providers, recordsEnd(end));
  attachBehaviours(providers, end);
  if (spec.azurerm5x) {
    addAzurerm5xValueRules(providers[ADDRESSES.azurerm]);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { check } = require(EXTRACT); // the extractor's self-checks, on what the supplement adds too
  for (const [address, schema] of Object.entries<any>(providers)) {
    check(address, schema);
  }
  mkdirSync(CACHE, { recursive: true });
  writeAtomically(file, JSON.stringify({ end, providers }));
  // Earlier builds of this end.
  for (const old of readdirSync(CACHE).filter((f) => f.startsWith(`schemas-${end}-`) && f.endsWith('.json') && join(CACHE, f) !== file)) {
    rmSync(join(CACHE, old), { force: true });
  }
  return file;
}

/**
 * azurerm 5.x from an azurerm 4.x schema: the provider block and the types schemas/azurerm-5x.json records
 * keep only the names azurerm 5.2.0 has (a recorded name the 4.x schema lacks fails: its type is unknown
 * here), and 5.x's value rules of those types are added; every other type is served as it is.
 */
function cutToAzurerm5x(extracted: any, version: string): any {
  const record = readJson(AZURERM_5X);
  // Dotted names are a block's own names (`network_rules.bypass`); a block with none listed is kept whole.
  const cut = (block: any, names: string[], where: string): any => {
    const own = names.filter((n) => !n.includes('.'));
    const missing = own.filter((n) => !block.attributes[n] && !block.block_types[n]);
    if (missing.length) {
      throw new Error(`azurerm-5x.json: ${where} has ${missing.join(', ')} at 5.2.0, which the 4.x schema it is cut from lacks`);
    }
    const inner = (n: string) => names.filter((x) => x.startsWith(`${n}.`)).map((x) => x.slice(n.length + 1));
    return {
      ...block,
      attributes: Object.fromEntries(Object.entries<any>(block.attributes).filter(([n]) => own.includes(n))),
      block_types: Object.fromEntries(Object.entries<any>(block.block_types)
        .filter(([n]) => own.includes(n))
        .map(([n, b]) => [n, inner(n).length ? { ...b, block: cut(b.block, inner(n), `${where}.${n}`) } : b])),
    };
  };
  const schema = JSON.parse(JSON.stringify(extracted));
  schema.provider_version = version;
  schema.source = `${extracted.package}@${extracted.package_version} (azurerm ${extracted.provider_version}) cut to azurerm ${version} as azurerm-5x.json records it`;
  // Names only: every block's `id` is implicit in the record.
  // The provider block: its arguments; the features sub-blocks the record names are checked, not cut to.
  schema.provider = cut(schema.provider, record.provider.filter((n: string) => !n.includes('.')), 'the provider block');
  for (const path of record.provider.filter((n: string) => n.includes('.'))) {
    checkPath({ attributes: schema.provider.attributes, block_types: schema.provider.block_types }, path, 'azurerm-5x.json provider');
  }
  for (const [type, names] of Object.entries<string[]>(record.resources)) {
    schema.resources[type] = cut(schema.resources[type], [...names, ...(schema.resources[type].attributes.id ? ['id'] : [])], type);
  }
  return schema;
}

/** The NSP types come from the cdktn azurerm package at both ends (see NSP_TYPES). */
function addNspTypes(azurerm: any, pkg: SchemaPackage, cut: boolean): void {
  if (cut) {
    return; // cut from the cdktn package, which has them (and checked against the 5.2.0 record)
  }
  const from = pkg === CDKTN_AZURERM ? azurerm : extractedSchema('azurerm', CDKTN_AZURERM);
  for (const type of NSP_TYPES) {
    if (!from.resources[type]) {
      throw new Error(`${CDKTN_AZURERM.name}@${CDKTN_AZURERM.version} has no ${type}`);
    }
    if (pkg !== CDKTN_AZURERM) {
      if (azurerm.resources[type]) {
        throw new Error(`${pkg.name}@${pkg.version} has ${type} now: serve it from there (drop it from NSP_TYPES in ends.ts)`);
      }
      azurerm.resources[type] = from.resources[type];
    }
  }
  azurerm.nsp_types_from = `${CDKTN_AZURERM.name}@${CDKTN_AZURERM.version}`;
}

/**
 * The supplement's `corrections`: facts of an extracted provider's schema that its generated code does
 * not keep (e.g. azurerm's required `features` block: cdktf generates every provider argument as
 * optional). A correction of a block the extracted schema lacks, or one it already has, fails.
 */
function applyCorrections(providers: Record<string, any>, corrections: Record<string, any>): void {
  for (const [address, correction] of Object.entries<any>(corrections)) {
    if (address === '//') continue;
    const schema = providers[address];
    if (!schema || !correction.source) {
      throw new Error(`supplement.json corrections: ${address} is not an extracted provider, or has no source`);
    }
    for (const [name, fix] of Object.entries<any>(correction.provider?.block_types ?? {})) {
      const block = schema.provider.block_types[name];
      if (!block) {
        throw new Error(`supplement.json corrections: the ${address} provider block has no block ${name}`);
      }
      if (Object.entries<any>(fix).every(([k, v]) => block[k] === v)) {
        throw new Error(`supplement.json corrections: the extracted ${address} provider block already has ${name} ${JSON.stringify(fix)}: drop the correction`);
      }
      Object.assign(block, fix);
    }
  }
}

/** A supplement block at a provider version: without the attributes newer than it (`since`), and without notes. */
function atVersion(block: any, version: string, where: string): any {
  const since: Record<string, string> = block.since ?? {};
  for (const name of Object.keys(since)) {
    if (!block.attributes?.[name] && !block.block_types?.[name]) {
      throw new Error(`supplement.json: ${where} has a since for ${name}, which it does not have`);
    }
  }
  const keep = (name: string) => !since[name] || compareVersions(since[name], version) <= 0;
  return {
    attributes: Object.fromEntries(Object.entries<any>(block.attributes ?? {}).filter(([n]) => keep(n))),
    block_types: Object.fromEntries(Object.entries<any>(block.block_types ?? {})
      .filter(([n]) => keep(n))
      .map(([n, b]) => [n, { ...b, block: atVersion(b.block, version, `${where}.${n}`) }])),
  };
}

/** Attaches the rules of validations.json to the served blocks; a rule naming a type or attribute the end lacks fails. */
function attachValidations(providers: Record<string, any>, end: End): void {
  const validations = readJson(VALIDATIONS);
  for (const [address, kinds] of Object.entries<any>(validations.providers)) {
    const sdk = validations.sources[address]?.sdk;
    if (!providers[address] || !sdk) {
      throw new Error(`validations.json: ${address} is not served, or has no sources entry with its sdk`);
    }
    for (const [kind, types] of Object.entries<any>(kinds)) {
      for (const [type, rules] of Object.entries<any>(types)) {
        const block = providers[address][kind]?.[type];
        if (!block) {
          throw new Error(`validations.json: ${address} ${kind} ${type} is not in the ${end} end's schema`);
        }
        for (const rule of rules) {
          const named = [
            ...(rule.attributes ?? []), rule.attribute, rule.with, ...(rule.forbidden ?? []), rule.unless?.attribute, rule.unless_false, rule.in,
          ].filter(Boolean);
          const missing = named.filter((n: string) => !block.attributes[n]);
          if (missing.length) {
            throw new Error(`validations.json: ${type} has no attribute ${missing.join(', ')} at the ${end} end`);
          }
        }
        // A rule's `versions` may differ per end (api_version: the API versions a provider release knows).
        block.validations = rules.map((rule: any) => ({
          ...rule,
          ...(rule.versions ? { versions: mapValues(rule.versions, (v) => atEnd<string[]>(v, end)) } : {}),
          sdk,
        }));
      }
    }
  }
}

/** 5.x's value changes of the storage account (azurerm-5x.json value_changes): min_tls_version only TLS1_2. */
function addAzurerm5xValueRules(azurerm: any): void {
  const changes = readJson(AZURERM_5X).value_changes.azurerm_storage_account;
  const block = azurerm.resources.azurerm_storage_account;
  block.validations = [
    ...(block.validations ?? []),
    { rule: 'enum', attributes: ['min_tls_version'], values: changes.min_tls_version.accepted, sdk: 'sdkv2', file: changes.min_tls_version.source, tags: ['v5.2.0'] },
  ];
}

/** An entry's value at an end: `{ "oldest": ..., "newest": ... }` or one value for both. */
function atEnd<T>(value: T | Record<End, T> | undefined, end: End): T | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of [end, recordsEnd(end)]) {
      if (key in (value as object)) {
        return (value as Record<End, T>)[key];
      }
    }
  }
  return value as T | undefined;
}

/**
 * Attaches behaviours.json to the served blocks (`block.behaviour`, and each provider's default `sdk`), and
 * serves the attributes an entry lists as plain optional without `computed`. An entry naming a type,
 * attribute or block the end lacks fails.
 */
function attachBehaviours(providers: Record<string, any>, end: End): void {
  const behaviours = readJson(BEHAVIOURS);
  for (const [address, source] of Object.entries<any>(behaviours.sources)) {
    if (!providers[address]) {
      throw new Error(`behaviours.json: ${address} is not served`);
    }
    providers[address].sdk = source.sdk;
  }
  for (const [address, kinds] of Object.entries<any>(behaviours.providers)) {
    for (const [type, entry] of Object.entries<any>(kinds.resources ?? {})) {
      const block = providers[address]?.resources?.[type];
      if (!block) {
        throw new Error(`behaviours.json: ${address} ${type} is not in the ${end} end's schema`);
      }
      const where = `behaviours.json: ${type} at the ${end} end`;
      const behaviour: any = { sdk: entry.sdk ?? behaviours.sources[address].sdk };
      for (const key of ['requires_replace', 'use_state_for_unknown', 'computed_blocks']) {
        const paths: string[] = atEnd(entry[key], end) ?? [];
        for (const path of paths) {
          checkPath(block, path, where);
        }
        behaviour[key] = paths;
      }
      for (const name of behaviour.computed_blocks) {
        if (!block.block_types?.[name]) {
          throw new Error(`${where}: computed_blocks names ${name}, which is not a block`);
        }
      }
      const keep = atEnd<Record<string, string[]>>(entry.keep_unless_changed, end) ?? {};
      Object.entries(keep).forEach(([name, on]) => [name, ...on].forEach((n) => checkPath(block, n, where)));
      behaviour.keep_unless_changed = keep;
      const defaults = atEnd<Record<string, unknown>>(entry.defaults, end) ?? {};
      Object.keys(defaults).forEach((n) => checkPath(block, n, where));
      behaviour.defaults = defaults;
      const plain: string[] = atEnd(entry.plain_optional, end) ?? [];
      const except: string[] = atEnd(entry.plain_optional_except, end) ?? [];
      except.forEach((n) => checkPath(block, n, where));
      if (plain.includes('*')) {
        servePlainOptional(block.attributes, except, '');
      } else {
        for (const path of plain) {
          const a = checkPath(block, path, where);
          if (!a.optional) {
            throw new Error(`${where}: plain_optional names ${path}, which is not optional`);
          }
          a.computed = false;
        }
      }
      block.behaviour = behaviour;
    }
  }
}

/** Every optional attribute (nested ones too) but the excepted paths, served without `computed`. */
function servePlainOptional(attributes: Record<string, any>, except: string[], prefix: string): void {
  for (const [name, a] of Object.entries<any>(attributes)) {
    const path = `${prefix}${name}`;
    if (a.optional && !except.includes(path)) {
      a.computed = false;
    }
    if (a.nested_type) {
      servePlainOptional(a.nested_type.attributes, except, `${path}.`);
    }
  }
}

/** The attribute (or block) a dotted path names in a served block; fails when there is none. */
function checkPath(block: any, path: string, where: string): any {
  let at: any = block;
  let found: any;
  for (const name of path.split('.')) {
    const attributes = at.attributes ?? at.nested_type?.attributes ?? {};
    found = attributes[name] ?? at.block_types?.[name];
    if (!found) {
      throw new Error(`${where}: no attribute or block ${path}`);
    }
    at = found.block ?? found;
  }
  return found;
}

/** One provider's schema extracted from a package (cached by package version and extractor contents). */
function extractedSchema(name: 'azurerm' | 'databricks', pkg: SchemaPackage): any {
  const file = join(CACHE, `extracted-${slug(pkg)}-${hash(readFileSync(EXTRACT, 'utf8'))}.json`);
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    const { root, cleanup } = packageRoot(pkg);
    try {
      const out = `${file}.${process.pid}.tmp`;
      execFileSync(process.execPath, [EXTRACT, out, `${name}=${root}`], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      renameSync(out, file);
      // Extractions of this package by an older extractor.
      for (const stale of readdirSync(CACHE).filter((f) => f.startsWith(`extracted-${slug(pkg)}-`) && f.endsWith('.json') && join(CACHE, f) !== file)) {
        rmSync(join(CACHE, stale), { force: true });
      }
    } finally {
      cleanup();
    }
  }
  return readJson(file).providers[ADDRESSES[name]];
}

/** The folder holding a package's package.json and lib/: installed, or unpacked from its tarball. */
function packageRoot(pkg: SchemaPackage): { root: string; cleanup: () => void } {
  if (pkg.from === 'installed') {
    const manifest = require.resolve(`${pkg.name}/package.json`, { paths: [ROOT] });
    const installed = readJson(manifest).version;
    if (installed !== pkg.version) {
      throw new Error(`${pkg.name} ${installed} is installed, but test/terraform/ends.ts reads ${pkg.version}: correct ends.ts (and the provider version it serves)`);
    }
    return { root: join(manifest, '..'), cleanup: () => undefined };
  }
  const tgz = tarball(pkg);
  const dir = mkdtempSync(join(CACHE, 'unpack-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    // Only the manifest and the generated code; the .jsii assembly (most of the tarball) is not needed.
    execFileSync('tar', ['-xzf', tgz, '-C', dir, 'package/package.json', 'package/lib'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e: any) {
    cleanup();
    throw new Error(`cannot unpack ${tgz} with tar: ${e.stderr ?? e.message}`);
  }
  return { root: join(dir, 'package'), cleanup };
}

/** The npm tarball of a package, fetched once with `npm pack` into the cache. */
export function tarball(pkg: SchemaPackage): string {
  const dir = join(CACHE, 'tarballs');
  const file = join(dir, `${slug(pkg)}.tgz`);
  if (existsSync(file)) {
    return file;
  }
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(join(dir, 'pack-'));
  try {
    execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', tmp, '--loglevel=error'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 300_000,
    });
    const packed = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (!packed) {
      throw new Error('npm pack wrote no .tgz');
    }
    renameSync(join(tmp, packed), file);
  } catch (e: any) {
    throw new Error(
      `npm pack ${pkg.name}@${pkg.version} failed. The offline Terraform tests read the newest end's provider schemas from the ` +
        `generated code of this package, fetched once from the npm registry and cached as ${file}: the npm registry must be ` +
        `reachable (or put that tarball there).\n${(e.stderr || e.message).trim()}`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return file;
}

function slug(pkg: SchemaPackage): string {
  return `${pkg.name.replace(/^@/, '').replace(/\//g, '-')}-${pkg.version}`;
}

function mapValues(o: Record<string, any>, fn: (v: any, k: string) => any): Record<string, any> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fn(v, k)]));
}

function readJson(file: string): any {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
