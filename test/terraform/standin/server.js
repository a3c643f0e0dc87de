#!/usr/bin/env node
/*
 * Offline stand-in for Terraform providers, for tests. Serves Terraform's plugin protocol 6 over gRPC
 * (our own proto subset in plugin.proto) for every provider in a schema file, one port each, and prints
 * one line `READY <TF_REATTACH_PROVIDERS JSON>` on stdout. Terraform then runs validate and plan against
 * it with TF_REATTACH_PROVIDERS, without downloading any provider.
 *
 * What it does like a real provider: serves the schema; reports a required attribute set to null and a
 * read-only (computed-only) attribute set, which Terraform leaves to providers; applies the recorded
 * provider-side value rules a block carries (`validations`: enums, patterns, list minimums, exactly /
 * at least one of, conflicts, CustomizeDiff-style rules at plan; see schemas/validations.json); plans
 * as the provider's SDK does (`behaviour`, schemas/behaviours.json): replacement where an attribute
 * forces it, computed values kept from state or left unknown, computed blocks unknown on create, and
 * the framework's strict apply (an inconsistent result fails) against the SDKv2 legacy type system;
 * applies and refreshes against a fake cloud (api.js: IDs, endpoint names, the private endpoint
 * connections rules make, values an API fills); upgrades state written by another version of the
 * provider to its schema; answers data sources from the fake cloud, fixtures or placeholders.
 * What it cannot do: value rules and plan behaviours that are not recorded, real API calls.
 *
 * Usage: node server.js <schemas.json>   (one end's schemas, as test/terraform/schemas.ts writes them)
 * Env:   STANDIN_SUBSETS_DIR - where the harness asks for servers of a schema subset (see serveSubsets)
 *        STANDIN_FIXTURES_DIR - a folder of *.json fixture files, re-read on every data source read and
 *        resource apply: { "<type>": [ { "match": { "<attr>": <value> }, "values": { "<attr>": <value> } } ] }
 *        The first entry whose `match` equals the configuration wins. For a data source the values fill
 *        its computed attributes; for a resource, the attributes still unknown at apply (before the fake
 *        cloud fills the rest). Values of dynamic attributes (e.g. azapi's `output`) are plain JSON. Tests
 *        running in parallel keep their entries apart with distinct `match` values.
 *        STANDIN_WORLD_DIR and STANDIN_END - where this end's fake cloud is kept (api.js).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { encode, decode, ExtensionCodec } = require('@msgpack/msgpack');
const { World, createApi } = require('./api');

const UNKNOWN = Symbol('unknown');
const codec = new ExtensionCodec();
// cty encodes unknown values as msgpack extension 0 (and refined unknowns as 12).
codec.register({ type: 0, encode: (v) => (v === UNKNOWN ? new Uint8Array([0]) : null), decode: () => UNKNOWN });
codec.register({ type: 12, encode: () => null, decode: () => UNKNOWN });
const MSGPACK = { extensionCodec: codec, useBigInt64: true };
const unpack = (dv) => (dv && dv.msgpack && dv.msgpack.length ? decode(dv.msgpack, MSGPACK) : null);
const pack = (v) => ({ msgpack: Buffer.from(encode(v, MSGPACK)) });

const protoOptions = { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true };
const tfplugin6 = grpc.loadPackageDefinition(protoLoader.loadSync(path.join(__dirname, 'plugin.proto'), protoOptions)).tfplugin6;
// GetProviderSchema answers with bytes encoded once (see encodedSchema); the other methods encode as usual.
const SCHEMA_RESPONSE = tfplugin6.Provider.service.GetProviderSchema;
const PROVIDER_SERVICE = {
  ...tfplugin6.Provider.service,
  GetProviderSchema: { ...SCHEMA_RESPONSE, responseSerialize: (v) => (Buffer.isBuffer(v) ? v : SCHEMA_RESPONSE.responseSerialize(v)) },
};
const plugin = grpc.loadPackageDefinition(protoLoader.loadSync(path.join(__dirname, 'controller.proto'), protoOptions)).plugin;

// ---- schema -----------------------------------------------------------------------------------

const NESTING = { single: 'SINGLE', list: 'LIST', set: 'SET', map: 'MAP', group: 'GROUP' };

function protoAttributes(attributes) {
  return Object.entries(attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, a]) => ({
      name,
      type: a.type !== undefined ? Buffer.from(JSON.stringify(a.type)) : Buffer.alloc(0),
      nested_type: a.nested_type ? { attributes: protoAttributes(a.nested_type.attributes), nesting: NESTING[a.nested_type.nesting] } : null,
      required: !!a.required,
      optional: !!a.optional,
      computed: !!a.computed,
      sensitive: !!a.sensitive,
    }));
}

function protoBlock(block) {
  return {
    version: 0,
    attributes: protoAttributes(block.attributes || {}),
    block_types: Object.entries(block.block_types || {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, b]) => ({
        type_name: name,
        block: protoBlock(b.block),
        nesting: NESTING[b.nesting],
        min_items: b.min_items || 0,
        max_items: b.max_items || 0,
      })),
  };
}

// ---- values -----------------------------------------------------------------------------------

const isDynamic = (a) => a.type === 'dynamic';

/** Calls fn(attrSchema, value, path, holder, key) for every attribute of a block value, recursively. */
function walk(block, value, fn, at = []) {
  if (value === null || value === undefined || value === UNKNOWN || typeof value !== 'object') return;
  for (const [name, a] of Object.entries(block.attributes || {})) {
    fn(a, value[name], [...at, name], value, name);
    if (a.nested_type) {
      for (const [el, key] of elements(value[name], a.nested_type.nesting)) {
        walk({ attributes: a.nested_type.attributes }, el, fn, [...at, name, key]);
      }
    }
  }
  for (const [name, b] of Object.entries(block.block_types || {})) {
    for (const [el, key] of elements(value[name], b.nesting)) {
      walk(b.block, el, fn, [...at, name, key]);
    }
  }
}

function elements(v, nesting) {
  if (v === null || v === undefined || v === UNKNOWN) return [];
  if (nesting === 'single' || nesting === 'group') return [[v, undefined]];
  if (Array.isArray(v)) return v.map((el, i) => [el, i]);
  if (typeof v === 'object') return Object.entries(v).map(([k, el]) => [el, k]);
  return [];
}

function attributePath(at) {
  return {
    steps: at
      .filter((s) => s !== undefined)
      .map((s) => (typeof s === 'number' ? { element_key_int: s } : { attribute_name: s })),
  };
}

function error(summary, detail, at) {
  return { severity: 'ERROR', summary, detail, attribute: at ? attributePath(at) : null };
}

/** What Terraform leaves to providers: required attributes set to null, read-only attributes set; and the block's value rules. */
function validateConfig(block, config) {
  const diags = checkRules(block, config, 'validate');
  walk(block, config, (a, v, at) => {
    const name = at.filter((s) => typeof s === 'string').join('.');
    if (a.required && v === null) {
      diags.push(error('Missing Configuration for Required Attribute', `Must set a configuration value for the ${name} attribute as the provider has marked it as required.`, at));
    }
    if (a.computed && !a.optional && !a.required && v !== null && v !== undefined) {
      // The framework's text, naming the attribute (Terraform shows the path only as a source range).
      diags.push(error('Invalid Configuration for Read-Only Attribute', `Cannot set value for ${name}: the provider has marked it as read-only. Remove the configuration line setting the value.`, at));
    }
  });
  return diags;
}

// ---- provider-side value rules (schemas/validations.json, attached to each block by schemas.ts) ------

const isSet = (v) => v !== null && v !== undefined; // unknown counts as set, as in the providers
const isKnown = (v) => isSet(v) && v !== UNKNOWN;
const goQuote = (list) => `[${list.map((x) => JSON.stringify(x)).join(' ')}]`; // Go's %q of a []string
const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));

/** Each rule's message in the style of the provider's SDK (sdkv2 or framework), unless the rule has its own. */
const MESSAGES = {
  enum: {
    sdkv2: ['expected {attribute} to be one of {values}, got {value}', ''],
    framework: ['Invalid Attribute Value Match', 'Attribute {attribute} value must be one of: {values}, got: "{value}"'],
  },
  regex: {
    sdkv2: ['invalid value for {attribute} ({description})', ''],
    framework: ['Invalid Attribute Value Match', 'Attribute {attribute} {description}, got: {value}'],
  },
  min_items: {
    sdkv2: ['{attribute}: attribute supports {min} item minimum, config has {count} declared', ''],
    framework: ['Invalid Attribute Value', 'Attribute {attribute} list must contain at least {min} elements, got: {count}'],
  },
  exactly_one_of_none: {
    sdkv2: ['"{attribute}": one of `{attributes}` must be specified', ''],
    framework: ['Invalid Attribute Combination', 'No attribute specified when one (and only one) of [{attributes}] is required'],
  },
  exactly_one_of_many: {
    sdkv2: ['"{attribute}": only one of `{attributes}` can be specified, but `{specified}` were specified.', ''],
    framework: ['Invalid Attribute Combination', 'Attributes {specified} specified when one (and only one) of [{attributes}] is required'],
  },
  at_least_one_of: {
    sdkv2: ['"{attribute}": one of `{attributes}` must be specified', ''],
    framework: ['Invalid Attribute Combination', 'At least one attribute out of [{attributes}] must be specified'],
  },
  conflicts_with: {
    sdkv2: ['"{attribute}": conflicts with {other}', ''],
    framework: ['Invalid Attribute Combination', 'Attribute "{other}" cannot be specified when "{attribute}" is specified'],
  },
  required_with: {
    sdkv2: ['"{attribute}": all of `{attribute},{with}` must be specified', ''],
    framework: ['Invalid Attribute Combination', 'Attribute "{with}" must be specified when "{attribute}" is specified'],
  },
  forbidden_when: { sdkv2: ['{message}', ''], framework: ['{message}', ''] },
  // Rules whose provider writes its own message (summary and detail in the rule).
  own: { sdkv2: ['{summary}', '{detail}'], framework: ['{summary}', '{detail}'] },
};

function ruleError(rule, kind, vars, at) {
  const [summary, detail] = MESSAGES[kind][rule.sdk || 'sdkv2'];
  const own = { exactly_one_of_none: rule.detail_none, exactly_one_of_many: rule.detail_many }[kind] ?? rule.detail;
  const all = { ...rule, ...vars, values: rule.values && goQuote(rule.values) };
  return error(fill(rule.summary || summary, all), fill(own !== undefined ? own : detail, all), at);
}

/** Diagnostics of a block's rules of one phase (`validate` or `plan`) on its configuration (top-level attributes). */
function checkRules(block, config, phase) {
  const diags = [];
  if (!config || config === UNKNOWN) return diags;
  for (const rule of block.validations || []) {
    if ((rule.phase || 'validate') !== phase) continue;
    const names = rule.attributes || [];
    const own = rule.sdk === 'framework' || rule.summary; // one diagnostic, not one per attribute of the group
    switch (rule.rule) {
      case 'enum':
        for (const attribute of names) {
          const v = config[attribute];
          if (isKnown(v) && !rule.values.includes(v)) diags.push(ruleError(rule, 'enum', { attribute, value: v }, [attribute]));
        }
        break;
      case 'regex':
        for (const attribute of names) {
          const v = config[attribute];
          if (isKnown(v) && !new RegExp(rule.pattern).test(v)) diags.push(ruleError(rule, 'regex', { attribute, value: JSON.stringify(v) }, [attribute]));
        }
        break;
      case 'min_items':
        for (const attribute of names) {
          const v = config[attribute];
          if (isKnown(v) && Array.isArray(v) && v.length < rule.min) diags.push(ruleError(rule, 'min_items', { attribute, count: v.length }, [attribute]));
        }
        break;
      case 'exactly_one_of':
      case 'at_least_one_of': {
        const specified = names.filter((n) => isKnown(config[n]));
        const unknown = names.some((n) => config[n] === UNKNOWN);
        const vars = { attributes: names.join(','), specified: specified.join(',') };
        if (specified.length === 0 && !unknown) {
          // sdkv2 reports it on every attribute of the group
          const kind = rule.rule === 'exactly_one_of' ? 'exactly_one_of_none' : 'at_least_one_of';
          for (const attribute of own ? [names[0]] : names) diags.push(ruleError(rule, kind, { ...vars, attribute }, own ? undefined : [attribute]));
        } else if (rule.rule === 'exactly_one_of' && specified.length > 1) {
          for (const attribute of own ? [specified[0]] : specified) diags.push(ruleError(rule, 'exactly_one_of_many', { ...vars, attribute }, own ? undefined : [attribute]));
        }
        break;
      }
      case 'conflicts_with':
        for (const attribute of names.filter((n) => isSet(config[n]))) {
          const other = names.find((n) => n !== attribute && isKnown(config[n]));
          if (other) diags.push(ruleError(rule, 'conflicts_with', { attribute, other }, [attribute]));
        }
        break;
      case 'required_with':
        if (isSet(config[rule.attribute]) && !isSet(config[rule.with])) {
          diags.push(ruleError(rule, 'required_with', { attribute: rule.attribute }, own ? undefined : [rule.attribute]));
        }
        break;
      case 'required_unless': {
        const other = config[rule.unless.attribute];
        const exempt = other === UNKNOWN || (isKnown(other) && new RegExp(rule.unless.pattern, rule.unless.flags || '').test(other));
        if (!isSet(config[rule.attribute]) && !exempt) diags.push(ruleError(rule, 'own', { attribute: rule.attribute }, undefined));
        break;
      }
      case 'not_string':
        for (const attribute of names) {
          if (typeof plainDynamic(config[attribute]) === 'string') diags.push(ruleError(rule, 'own', { attribute }, [attribute]));
        }
        break;
      case 'key_conflict': {
        const inner = plainDynamic(config[rule.in]);
        if (!inner || inner === UNKNOWN || typeof inner !== 'object' || Array.isArray(inner)) break;
        for (const attribute of names) {
          if (isKnown(config[attribute]) && isSet(inner[attribute])) diags.push(ruleError(rule, 'own', { attribute, in: rule.in }, undefined));
        }
        break;
      }
      case 'api_version': {
        const v = config[rule.attribute];
        if (!isKnown(v) || (rule.unless_false && config[rule.unless_false] === false)) break;
        const [type, version, ...rest] = String(v).split('@');
        if (rest.length || version === undefined) break; // the type's format rule reports it
        const known = Object.entries(rule.versions).find(([t]) => t.toLowerCase() === type.toLowerCase());
        if (known && !known[1].includes(version)) diags.push(ruleError(rule, 'own', { attribute: rule.attribute, supported: [...known[1]].sort().join(', ') }, undefined));
        break;
      }
      case 'forbidden_when':
        if (config[rule.attribute] === rule.equals) {
          for (const forbidden of rule.forbidden) {
            const v = config[forbidden];
            if (isSet(v) && !(Array.isArray(v) && v.length === 0)) {
              diags.push(ruleError(rule, 'forbidden_when', { forbidden, message: fill(rule.message, { forbidden }) }, [forbidden]));
            }
          }
        }
        break;
      default:
        diags.push(error('stand-in provider failure', `unknown rule ${rule.rule}`));
    }
  }
  return diags;
}

/**
 * A value shaped as the schema's type: every attribute and block present (null, or an empty list or map
 * for a block), attributes the schema does not have dropped. cty's msgpack decoder wants every attribute
 * of an object; the SDKs drop what a schema lacks when they upgrade state (SDKv2 RemoveAttributes, the
 * framework's IgnoreUndefinedAttributes).
 */
function conform(block, value) {
  if (value === null || value === undefined || value === UNKNOWN || typeof value !== 'object') return value;
  const out = {};
  for (const [name, a] of Object.entries(block.attributes || {})) {
    const v = value[name];
    if (a.nested_type && v !== null && v !== undefined && v !== UNKNOWN) {
      const inner = { attributes: a.nested_type.attributes };
      out[name] = mapElements(v, a.nested_type.nesting, (el) => conform(inner, el));
    } else {
      out[name] = v === undefined ? null : v;
    }
  }
  for (const [name, b] of Object.entries(block.block_types || {})) {
    const v = value[name];
    if (v === null || v === undefined) {
      out[name] = b.nesting === 'single' || b.nesting === 'group' ? null : b.nesting === 'map' ? {} : [];
    } else {
      out[name] = v === UNKNOWN ? v : mapElements(v, b.nesting, (el) => conform(b.block, el));
    }
  }
  return out;
}

function mapElements(v, nesting, fn) {
  if (v === UNKNOWN || v === null) return v;
  if (nesting === 'single' || nesting === 'group') return fn(v);
  if (Array.isArray(v)) return v.map(fn);
  return Object.fromEntries(Object.entries(v).map(([k, el]) => [k, fn(el)]));
}

/** Deep equality of decoded values (unknown equals nothing, as in cty). */
function equal(a, b) {
  if (a === UNKNOWN || b === UNKNOWN) return false;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    // 1 and 1n are one number
    return typeof a === 'bigint' || typeof b === 'bigint' ? a !== null && b !== null && BigInt(a) === BigInt(b) : a === b;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => k in b && equal(a[k], b[k]));
}

const clone = (v) => (v === UNKNOWN || v === null || typeof v !== 'object' || v instanceof Uint8Array ? v : Array.isArray(v) ? v.map(clone) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)])));

/** Planned state of a create: unset computed attributes and unset computed blocks become unknown ("known after apply"). */
function planState(block, proposed, behaviour = {}) {
  walk(block, proposed, (a, v, at, holder, key) => {
    if (a.computed && (v === null || v === undefined)) holder[key] = UNKNOWN;
  });
  for (const name of behaviour.computed_blocks || []) {
    if (isEmptyBlock(proposed[name])) proposed[name] = UNKNOWN;
  }
  for (const [name, value] of Object.entries(behaviour.defaults || {})) {
    if (proposed[name] === UNKNOWN || proposed[name] === null) proposed[name] = value;
  }
  return proposed;
}

const isEmptyBlock = (v) => v === null || v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && !Array.isArray(v) && v !== UNKNOWN && Object.keys(v).length === 0);

/**
 * Planned state of an update, as the provider's SDK plans it (Terraform's proposal already carries the
 * prior value of every computed attribute whose configuration is null):
 * - SDKv2: computed values stay as they are; an unset computed block keeps its prior value (the proposal,
 *   made from the configuration, has none);
 * - framework: when anything changes, every computed attribute whose configuration is null becomes
 *   unknown (fwserver MarkComputedNilsAsUnknown), but those with UseStateForUnknown, and those a
 *   provider's own plan keeps (keep_unless_changed).
 */
function planUpdate(block, prior, proposed, config, behaviour) {
  if (behaviour.sdk !== 'framework') {
    for (const name of behaviour.computed_blocks || []) {
      if (isEmptyBlock(config[name])) proposed[name] = prior[name];
    }
    return proposed;
  }
  if (equal(proposed, prior)) return proposed;
  const keep = new Set(behaviour.use_state_for_unknown || []);
  const markUnknown = (b, value, cfg, prefix) => {
    if (!value || value === UNKNOWN || typeof value !== 'object') return;
    for (const [name, a] of Object.entries(b.attributes || {})) {
      const c = cfg && typeof cfg === 'object' ? cfg[name] : null;
      if (a.computed && (c === null || c === undefined) && !keep.has(`${prefix}${name}`) && !(name in (behaviour.defaults || {}))) {
        value[name] = UNKNOWN;
      } else if (a.nested_type && a.nested_type.nesting === 'single' && c) {
        markUnknown({ attributes: a.nested_type.attributes }, value[name], c, `${prefix}${name}.`);
      }
    }
  };
  markUnknown(block, proposed, config, '');
  for (const [name, on] of Object.entries(behaviour.keep_unless_changed || {})) {
    if (on.every((n) => equal(proposed[n], prior[n]))) proposed[name] = prior[name];
  }
  return proposed;
}

/** The paths that force replacement (Terraform compares them with state and ignores the equal ones). */
function replacePaths(behaviour, prior, planned) {
  const out = [];
  for (const p of behaviour.requires_replace || []) {
    const [head, ...rest] = p.split('.');
    if (!rest.length) {
      out.push(attributePath([head]));
      continue;
    }
    const n = Math.max(Array.isArray(prior[head]) ? prior[head].length : 0, Array.isArray(planned[head]) ? planned[head].length : 0);
    for (let i = 0; i < n; i++) out.push(attributePath([head, i, ...rest]));
  }
  return out;
}

/** A placeholder for a computed value, by cty type. */
function placeholder(type, name) {
  if (type === 'string') return name === 'id' ? 'standin-id' : `standin-${name}`;
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (Array.isArray(type) && ['list', 'set', 'tuple'].includes(type[0])) return [];
  if (Array.isArray(type) && type[0] === 'map') return {};
  return null;
}

/** cty type JSON of a plain JSON value, for dynamic attributes. */
function ctyType(v) {
  if (v === null) return 'string';
  if (Array.isArray(v)) return ['tuple', v.map(ctyType)];
  if (typeof v === 'object') return ['object', Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ctyType(x)]))];
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return 'string';
}

function dynamicValue(v) {
  return v === null || v === undefined ? null : [Buffer.from(JSON.stringify(ctyType(v))), v];
}

function readFixtures(typeName, config) {
  const dir = process.env.STANDIN_FIXTURES_DIR;
  if (!dir || !fs.existsSync(dir)) return undefined;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    let all;
    try {
      all = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch {
      continue; // being written
    }
    for (const entry of all[typeName] || []) {
      if (Object.entries(entry.match || {}).every(([k, want]) => config[k] === want)) return entry.values || {};
    }
  }
  return undefined;
}

/** A msgpack-decoded dynamic value ([type JSON, value]) as plain JSON; other values as they are. */
function plainDynamic(v) {
  return Array.isArray(v) && v.length === 2 && v[0] instanceof Uint8Array ? v[1] : v;
}

/**
 * azapi's `output` for a read of `response` (upstream azure/terraform-provider-azapi v2.0.1-v2.12.0,
 * internal/services/common.go buildOutputFromBody and utils/json.go ExtractObject): a list of
 * `response_export_values` paths picks those paths (`*` the whole body); without it the whole body,
 * unless the provider sets `disable_default_output` (then `{}`). The JMESPath map form is not emulated.
 */
function azapiOutput(exportValues, providerConfig, response) {
  const paths = plainDynamic(exportValues);
  if (Array.isArray(paths)) {
    const out = {};
    for (const p of paths) {
      if (p === '*') return response;
      const keys = String(p).split('.');
      let from = response;
      for (const k of keys) from = from && typeof from === 'object' ? from[k] : undefined;
      if (from === undefined) continue;
      let to = out;
      keys.slice(0, -1).forEach((k) => (to = to[k] = to[k] || {}));
      to[keys[keys.length - 1]] = from;
    }
    return out;
  }
  if (paths !== null && paths !== undefined) throw new Error('stand-in: only the list form of response_export_values is emulated');
  return providerConfig && providerConfig.disable_default_output === true ? {} : response;
}

function readDataSource(block, typeName, config, providerConfig) {
  let values = readFixtures(typeName, config);
  // The fake cloud's connections of a target, when no fixture answers for it.
  const fromWorld = !values && typeName === 'azapi_resource_list' ? api.listResponse(config) : undefined;
  values = values || (fromWorld ? { response: fromWorld } : {});
  // A fixture may give azapi's raw response instead of `output`: the output is then what azapi would make of it.
  if (typeName === 'azapi_resource_list' && 'response' in values) {
    config.output = dynamicValue(azapiOutput(config.response_export_values, providerConfig, values.response));
  }
  for (const [name, a] of Object.entries(block.attributes || {})) {
    if (!a.computed || (config[name] !== null && config[name] !== undefined)) continue;
    if (name in values) {
      config[name] = isDynamic(a) ? dynamicValue(values[name]) : values[name];
    } else {
      config[name] = isDynamic(a) ? null : placeholder(a.type, name);
    }
  }
  return config;
}

/** A block's value with every attribute null and every nested block empty. */
function emptyObject(block) {
  const out = {};
  for (const name of Object.keys(block.attributes || {})) out[name] = null;
  for (const [name, b] of Object.entries(block.block_types || {})) {
    out[name] = b.nesting === 'single' || b.nesting === 'group' ? null : b.nesting === 'map' ? {} : [];
  }
  return out;
}

/**
 * Applied state: the plan with what was unknown filled by fixtures, then by the fake cloud (which may
 * refuse the call, or fill more, as an API does), then by placeholders. Returns { state, diagnostics }.
 */
function applyState(block, typeName, prior, planned, ctx) {
  const values = readFixtures(typeName, planned) || {};
  for (const [name, v] of Object.entries(values)) {
    if (planned[name] === UNKNOWN) planned[name] = v;
  }
  const diagnostics = (prior === null ? api.create(typeName, planned, (v) => v === UNKNOWN, ctx) : api.update(typeName, planned, (v) => v === UNKNOWN, ctx)) || [];
  for (const [name, b] of Object.entries(block.block_types || {})) {
    if (planned[name] === UNKNOWN) planned[name] = b.nesting === 'single' || b.nesting === 'group' ? null : b.nesting === 'map' ? {} : [];
  }
  walk(block, planned, (a, v, at, holder, key) => {
    if (v === UNKNOWN) holder[key] = isDynamic(a) ? null : placeholder(a.type, key);
  });
  return { state: conform(block, planned), diagnostics };
}

const BIG = '\u0000bigint:';

/**
 * JSON.parse, but an integer a double cannot hold exactly (a 64-bit ID such as a workspace ID) becomes a
 * BigInt, as providers read state numbers exactly (json.Number); JSON.parse would round it.
 */
function parseJsonExact(text) {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i];
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
      const token = m[0];
      out += !m[1] && !m[2] && !Number.isSafeInteger(Number(token)) ? JSON.stringify(BIG + token) : token;
      i += token.length - 1;
    } else {
      out += ch;
    }
  }
  return JSON.parse(out, (k, v) => (typeof v === 'string' && v.startsWith(BIG) ? BigInt(v.slice(BIG.length)) : v));
}

/** State JSON (as Terraform stores it) to the msgpack shape: dynamic values are stored as { value, type }. */
function fromStateJson(block, obj) {
  walk(block, obj, (a, v, at, holder, key) => {
    if (isDynamic(a) && v !== null && v !== undefined) {
      holder[key] = v && typeof v === 'object' && 'type' in v && 'value' in v ? [Buffer.from(JSON.stringify(v.type)), v.value] : dynamicValue(v);
    }
  });
  return obj;
}

// ---- server -----------------------------------------------------------------------------------

/** What the fake cloud gets with each call: the provider's configuration, and azapi's value helpers. */
function apiContext(providerConfig) {
  return { providerConfig, dynamicValue, plainDynamic, azapiOutput };
}

const api = createApi(new World(process.env.STANDIN_WORLD_DIR, process.env.STANDIN_END), process.env.STANDIN_END);

function providerService(address, schema) {
  const resources = schema.resources || {};
  const dataSources = schema.data_sources || {};
  const configs = new Map();
  let cachedSchema;
  const blockOf = (typeName, data) => (data ? dataSources : resources)[typeName] || { attributes: {}, block_types: {} };
  const behaviourOf = (typeName) => blockOf(typeName, false).behaviour || { sdk: schema.sdk || 'sdkv2' };
  const legacy = (typeName) => behaviourOf(typeName).sdk !== 'framework';
  const ok = (cb, body) => cb(null, body);
  const guard = (fn) => (call, cb) => {
    try {
      fn(call, cb);
    } catch (e) {
      cb(null, { diagnostics: [error('stand-in provider failure', `${address}: ${e && e.stack}`)] });
    }
  };
  // The schema response is encoded once: encoding azurerm's takes longer than anything else a run asks.
  const encodedSchema = () => {
    cachedSchema = cachedSchema || SCHEMA_RESPONSE.responseSerialize({
      provider: { version: 0, block: protoBlock(schema.provider || { attributes: {}, block_types: {} }) },
      resource_schemas: Object.fromEntries(Object.entries(resources).map(([t, b]) => [t, { version: 0, block: protoBlock(b) }])),
      data_source_schemas: Object.fromEntries(Object.entries(dataSources).map(([t, b]) => [t, { version: 0, block: protoBlock(b) }])),
      diagnostics: [],
      server_capabilities: { plan_destroy: false, get_provider_schema_optional: true },
    });
    return cachedSchema;
  };
  return {
    encodedSchema,
    GetMetadata: guard((call, cb) => ok(cb, {
      server_capabilities: { plan_destroy: false, get_provider_schema_optional: true },
      resources: Object.keys(resources).map((type_name) => ({ type_name })),
      data_sources: Object.keys(dataSources).map((type_name) => ({ type_name })),
    })),
    GetProviderSchema: guard((call, cb) => ok(cb, encodedSchema())),
    ValidateProviderConfig: guard((call, cb) => ok(cb, { diagnostics: validateConfig(schema.provider || {}, unpack(call.request.config)) })),
    ValidateResourceConfig: guard((call, cb) =>
      ok(cb, { diagnostics: validateConfig(blockOf(call.request.type_name, false), unpack(call.request.config)) })),
    ValidateDataResourceConfig: guard((call, cb) =>
      ok(cb, { diagnostics: validateConfig(blockOf(call.request.type_name, true), unpack(call.request.config)) })),
    UpgradeResourceState: guard((call, cb) => {
      const raw = call.request.raw_state && call.request.raw_state.json;
      const obj = raw && raw.length ? parseJsonExact(Buffer.from(raw).toString('utf8')) : null;
      const block = blockOf(call.request.type_name, false);
      ok(cb, { upgraded_state: pack(obj && conform(block, fromStateJson(block, obj))), diagnostics: [] });
    }),
    // Kept per connection (each Terraform run connects anew), for settings that change what reads return.
    ConfigureProvider: guard((call, cb) => {
      configs.set(call.getPeer(), unpack(call.request.config) || {});
      ok(cb, { diagnostics: [] });
    }),
    // A refresh reads the fake cloud (api.js); types it does not hold read back unchanged.
    ReadResource: guard((call, cb) => {
      const current = unpack(call.request.current_state);
      const block = blockOf(call.request.type_name, false);
      const state = current === null ? null : conform(block, api.read(call.request.type_name, current, apiContext(configs.get(call.getPeer()))));
      ok(cb, { new_state: pack(state), diagnostics: [], private: call.request.private });
    }),
    PlanResourceChange: guard((call, cb) => {
      const typeName = call.request.type_name;
      const block = blockOf(typeName, false);
      const behaviour = behaviourOf(typeName);
      const proposed = unpack(call.request.proposed_new_state);
      const prior = unpack(call.request.prior_state);
      const config = unpack(call.request.config);
      // CustomizeDiff-style rules run at plan, on the configuration.
      const ruleDiags = proposed === null ? [] : checkRules(block, config, 'plan');
      if (ruleDiags.length) return ok(cb, { planned_state: call.request.proposed_new_state, diagnostics: ruleDiags });
      if (proposed === null) {
        return ok(cb, { planned_state: call.request.proposed_new_state, requires_replace: [], planned_private: call.request.prior_private, diagnostics: [], legacy_type_system: legacy(typeName) });
      }
      // Create (and the create half of a replacement, which Terraform plans with no prior state): unset
      // computed values unknown. Update: as the provider's SDK plans it.
      const planned = prior === null ? planState(block, proposed, behaviour) : planUpdate(block, prior, proposed, config || {}, behaviour);
      ok(cb, {
        planned_state: pack(conform(block, planned)),
        requires_replace: prior === null ? [] : replacePaths(behaviour, prior, planned),
        planned_private: call.request.prior_private,
        diagnostics: [],
        legacy_type_system: legacy(typeName),
      });
    }),
    ApplyResourceChange: guard((call, cb) => {
      const typeName = call.request.type_name;
      const planned = unpack(call.request.planned_state);
      const prior = unpack(call.request.prior_state);
      const ctx = apiContext(configs.get(call.getPeer()));
      if (planned === null) {
        const diagnostics = api.delete(typeName, prior, ctx) || [];
        return ok(cb, { new_state: pack(null), private: call.request.planned_private, diagnostics, legacy_type_system: legacy(typeName) });
      }
      const { state, diagnostics } = applyState(blockOf(typeName, false), typeName, prior, planned, ctx);
      // A refused call leaves the prior object (an update) or none (a create), as a provider returns it.
      const failed = diagnostics.some((d) => d.severity === 'ERROR');
      ok(cb, { new_state: pack(failed ? prior : state), private: call.request.planned_private, diagnostics, legacy_type_system: legacy(typeName) });
    }),
    // Import: the object as the fixture for { import_id } describes it (all else null), as a provider reads it.
    ImportResourceState: guard((call, cb) => {
      const typeName = call.request.type_name;
      const values = readFixtures(typeName, { import_id: call.request.id });
      if (!values) {
        ok(cb, { diagnostics: [error('Cannot import non-existent remote object', `stand-in: no fixture for ${typeName} with match { "import_id": "${call.request.id}" }`)] });
        return;
      }
      const block = blockOf(typeName, false);
      // A provider's import reads the object (the fake cloud fills what it holds).
      const state = api.read(typeName, Object.assign(emptyObject(block), values), apiContext(configs.get(call.getPeer())));
      ok(cb, { imported_resources: [{ type_name: typeName, state: pack(conform(block, state)), private: Buffer.alloc(0) }], diagnostics: [] });
    }),
    ReadDataSource: guard((call, cb) => {
      const config = unpack(call.request.config) || {};
      const state = readDataSource(blockOf(call.request.type_name, true), call.request.type_name, config, configs.get(call.getPeer()));
      ok(cb, { state: pack(state), diagnostics: [] });
    }),
    GetFunctions: guard((call, cb) => ok(cb, { diagnostics: [] })),
    StopProvider: guard((call, cb) => ok(cb, { Error: '' })),
  };
}

const servers = [];

/** Serves each provider of a schema set on a port of its own; resolves with their TF_REATTACH_PROVIDERS value. */
async function serve(providers, warm) {
  const reattach = {};
  for (const [address, schema] of Object.entries(providers)) {
    const server = new grpc.Server({ 'grpc.max_send_message_length': 256 * 1024 * 1024, 'grpc.max_receive_message_length': 256 * 1024 * 1024 });
    const service = providerService(address, schema);
    if (warm) warm.push(service.encodedSchema);
    server.addService(PROVIDER_SERVICE, service);
    server.addService(plugin.GRPCController.service, { Shutdown: (call, cb) => cb(null, {}) });
    const port = await new Promise((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
    servers.push(server);
    reattach[address] = { Protocol: 'grpc', ProtocolVersion: 6, Pid: process.pid, Test: true, Addr: { Network: 'tcp', String: `127.0.0.1:${port}` } };
  }
  return reattach;
}

/** The providers with only the given resource and data source types (and every provider block). */
function subset(providers, { resources = [], data_sources = [] }) {
  const pick = (all, names) => Object.fromEntries(names.filter((n) => all && all[n]).map((n) => [n, all[n]]));
  return Object.fromEntries(Object.entries(providers).map(([address, schema]) => [address, {
    provider: schema.provider,
    resources: pick(schema.resources, resources),
    data_sources: pick(schema.data_sources, data_sources),
  }]));
}

/**
 * Schema subsets on request (STANDIN_SUBSETS_DIR): Terraform spends most of a run decoding the
 * provider schemas it is served, and azurerm's has 1,500 types, so the harness asks for servers that
 * serve only the types a configuration uses. A request is `<key>.request.json` ({ resources,
 * data_sources }); the answer, `<key>.reattach.json`, is the TF_REATTACH_PROVIDERS value of servers
 * serving that subset (started once per key, kept for the run).
 */
function serveSubsets(dir, providers) {
  const started = new Map();
  const handle = (file) => {
    const key = file.replace(/\.request\.json$/, '');
    if (started.has(key)) return;
    let types;
    try {
      types = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch {
      return; // being written: the next scan sees it
    }
    started.set(key, serve(subset(providers, types)).then((reattach) => {
      const out = path.join(dir, `${key}.reattach.json`);
      fs.writeFileSync(`${out}.tmp`, JSON.stringify(reattach));
      fs.renameSync(`${out}.tmp`, out);
    }).catch((e) => process.stderr.write(`stand-in: subset ${key}: ${e && e.stack}\n`)));
  };
  const scan = () => {
    if (!fs.existsSync(dir)) return; // the run is over: the teardown removed the folder
    for (const f of fs.readdirSync(dir)) if (f.endsWith('.request.json')) handle(f);
  };
  fs.mkdirSync(dir, { recursive: true });
  fs.watch(dir, (event, file) => file && file.endsWith('.request.json') && handle(file));
  setInterval(scan, 50).unref(); // in case a watch event is missed
  scan();
}

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: server.js <schemas.json>');
  const { providers } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const warm = [];
  const reattach = await serve(providers, warm);
  if (process.env.STANDIN_SUBSETS_DIR) serveSubsets(process.env.STANDIN_SUBSETS_DIR, providers);
  const stop = () => {
    for (const s of servers) s.forceShutdown();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`READY ${JSON.stringify(reattach)}\n`);
  // Encode the full schemas now, while jest loads the test files.
  setImmediate(() => warm.forEach((encode) => encode()));
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack}\n`);
  process.exit(1);
});
