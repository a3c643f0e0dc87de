#!/usr/bin/env node
/*
 * Rebuilds Terraform provider schemas from the generated code of prebuilt provider packages, for the
 * offline stand-in provider: the cdktf ones (@cdktf/provider-azurerm, @cdktf/provider-databricks,
 * installed dev dependencies) and the cdktn ones (@cdktn/provider-azurerm, @cdktn/provider-databricks,
 * unpacked from their npm tarballs by schemas.ts; never loaded). The two generators emit the same code
 * apart from the runtime module's name (`cdktf.` or `cdktn.`), which every pattern here accepts.
 *
 * What the generated code tells:
 *  - settable arguments: the `synthesizeHclAttributes()` of each resource/data source/provider class and
 *    the `<struct>ToHclTerraform(struct)` function of each nested struct list every argument as
 *    `snake: { value: <mapper>(this._camel | struct.camel), isBlock, type, storageClassType }`;
 *  - block or attribute: `cdktf.listMapperHcl(fn, true)` is a nested block, `(fn, false)` an attribute;
 *    a bare struct function with type list/set is a block of at most one; type struct is a single
 *    block when the .d.ts documents the member as "<name> block", else an object attribute;
 *  - required: `readonly camel: T` (no `?`) in the .d.ts interface;
 *  - computed-only: a getter of the class (`this.getStringAttribute('snake')` ...) without a setter; in a
 *    nested block, a getter without a setter of its struct's `<Struct>OutputReference` class.
 * Settable optional arguments are marked optional+computed (cdktf does not keep the difference).
 *
 * Usage: node extract.js <out.json> [azurerm|databricks[=<package root>] ...]
 *        (without a root, the installed @cdktf package of that name)
 * Output: { providers: { "<registry address>": { package, package_version, provider_version (the provider
 * release the package was generated from), provider, resources, data_sources } } }, where a
 * block is { attributes: { name: attr }, block_types: { name: { nesting, min_items, max_items, block } } }
 * and attr is { type (cty JSON) | nested_type: { nesting, attributes }, required, optional, computed }.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const PACKAGES = {
  azurerm: { pkg: '@cdktf/provider-azurerm', address: 'registry.terraform.io/hashicorp/azurerm', objectAttrs: 'object' },
  databricks: { pkg: '@cdktf/provider-databricks', address: 'registry.terraform.io/databricks/databricks', objectAttrs: 'nested' },
};

/** The generated code calls its runtime as `cdktf.` (cdktf 0.21) or `cdktn.` (cdktn 0.24). */
const RT = 'cdkt[fn]';

const ENTRY = /\n\s+([a-z0-9_]+): \{\n\s+value: (.+),\n\s+isBlock: (true|false),\n\s+type: "(\w+)",\n\s+storageClassType: "(\w+)",\n\s+\}/g;

function pascal(fn) {
  return fn.charAt(0).toUpperCase() + fn.slice(1);
}

/** Interfaces of a .d.ts: name -> { members: camel -> { required, documentedBlock } }. */
function parseInterfaces(dts) {
  const out = new Map();
  const re = /export interface (\w+)(?: extends [\w.]+)? \{([\s\S]*?)\n\}/g;
  let m;
  while ((m = re.exec(dts))) {
    const members = new Map();
    const body = m[2];
    const memberRe = /(\/\*\*([\s\S]*?)\*\/\s*)?readonly (\w+)(\??): /g;
    let mm;
    while ((mm = memberRe.exec(body))) {
      const doc = mm[2] || '';
      members.set(mm[3], { required: mm[4] !== '?', documentedBlock: /^\s*\*\s*[a-z0-9_]+ block\s*$/m.test(doc) });
    }
    out.set(m[1], members);
  }
  return out;
}

/** Splits a module's JS into struct functions and classes. */
function parseModule(js) {
  const structs = new Map();
  const fnRe = /\nfunction (\w+)ToHclTerraform\(struct\) \{([\s\S]*?)\n\}/g;
  let m;
  while ((m = fnRe.exec(js))) {
    structs.set(m[1], m[2]);
  }
  const classes = [];
  const classRe = new RegExp(`\\nclass (\\w+) extends ${RT}\\.(TerraformResource|TerraformDataSource|TerraformProvider) \\{([\\s\\S]*?)\\n\\}\\nexports\\.\\1 = \\1;`, 'g');
  while ((m = classRe.exec(js))) {
    const tfType = /terraformResourceType: '([a-z0-9_]+)'/.exec(m[3]);
    classes.push({ name: m[1], kind: m[2], body: m[3], tfType: tfType && tfType[1] });
  }
  // The output references of nested structs (`class <Struct>OutputReference extends cdktf.ComplexObject`).
  const outputRefs = new Map();
  const refRe = new RegExp(`\\nclass (\\w+OutputReference) extends ${RT}\\.ComplexObject \\{([\\s\\S]*?)\\n\\}\\nexports\\.\\1 = \\1;`, 'g');
  while ((m = refRe.exec(js))) {
    outputRefs.set(m[1], m[2]);
  }
  return { structs, classes, outputRefs };
}

function entriesOf(body) {
  const hcl = /synthesizeHclAttributes\(\) \{([\s\S]*?)\n    \}/.exec(body);
  const text = hcl ? hcl[1] : body;
  const out = [];
  let m;
  ENTRY.lastIndex = 0;
  while ((m = ENTRY.exec(text))) {
    const camel = /(?:this\._|struct!?\.)(\w+)/.exec(m[2]);
    out.push({ snake: m[1], value: m[2], isBlock: m[3] === 'true', kind: m[4], storage: m[5], camel: camel && camel[1] });
  }
  return out;
}

const PRIMITIVE = { string: 'string', number: 'number', boolean: 'bool' };

function primitiveType(value, kind) {
  const p = new RegExp(`${RT}\\.(string|number|boolean)ToHclTerraform`).exec(value);
  if (!p) return undefined;
  const el = PRIMITIVE[p[1]];
  let type = el;
  // nested list mappers (listMapperHcl(listMapperHcl(...))) wrap once per level
  const depth = (value.match(/listMapperHcl/g) || []).length;
  if (/hashMapperHcl/.test(value)) type = ['map', el];
  for (let i = 0; i < depth; i++) type = [kind === 'set' && i === depth - 1 ? 'set' : 'list', type];
  if (depth === 0 && kind === 'list') type = ['list', el];
  if (depth === 0 && kind === 'set') type = ['set', el];
  return type;
}

function makeExtractor(structs, interfaces, objectAttrs, outputRefs = new Map()) {
  const cache = new Map();
  const withComputed = new Map();

  /**
   * A nested block with its computed-only attributes: the getters without a setter of the struct's
   * `<Struct>OutputReference` class (e.g. an identity block's `principal_id`). Only blocks get them: an
   * object-typed attribute's type is what a configuration writes.
   */
  function blockWithComputed(fnName, inner) {
    if (!withComputed.has(fnName)) {
      const ref = outputRefs.get(`${pascal(fnName)}OutputReference`);
      // Not those typed only as `dynamic` (a computed list of objects held by its own reference class): a
      // dynamic value nested in a block is not what the provider serves, and Terraform cannot decode it.
      const extra = Object.fromEntries(Object.entries(ref ? computedOnly(ref, inner) : {}).filter(([, a]) => a.type !== 'dynamic'));
      withComputed.set(fnName, Object.keys(extra).length ? { ...inner, attributes: { ...inner.attributes, ...extra } } : inner);
    }
    return withComputed.get(fnName);
  }

  function structBlock(fnName, stack) {
    if (cache.has(fnName)) return cache.get(fnName);
    if (stack.includes(fnName)) return { attributes: {}, block_types: {} };
    const body = structs.get(fnName);
    if (body === undefined) throw new Error(`struct function ${fnName}ToHclTerraform not found`);
    const block = buildBlock(entriesOf(body), interfaces.get(pascal(fnName)) || new Map(), [...stack, fnName], false);
    cache.set(fnName, block);
    return block;
  }

  function objectType(block) {
    const attrs = {};
    for (const [n, a] of Object.entries(block.attributes)) attrs[n] = a.type || 'dynamic';
    for (const [n, b] of Object.entries(block.block_types)) attrs[n] = ['list', objectType(b.block)];
    return ['object', attrs];
  }

  function buildBlock(entries, members, stack, topLevel) {
    const block = { attributes: {}, block_types: {} };
    for (const e of entries) {
      const member = (e.camel && members.get(e.camel)) || { required: false, documentedBlock: false };
      const structFn = /([a-z]\w*)ToHclTerraform/.exec(e.value.replace(new RegExp(`${RT}\\.\\w+ToHclTerraform`, 'g'), ''));
      const prim = primitiveType(e.value, e.kind);
      if (prim && !structFn) {
        block.attributes[e.snake] = { type: prim, required: member.required, optional: !member.required, computed: !member.required };
        continue;
      }
      if (!structFn) throw new Error(`cannot type ${e.snake}: ${e.value}`);
      const inner = structBlock(structFn[1], stack);
      const mapped = /listMapperHcl\(\w+, (true|false)\)/.exec(e.value);
      const isBlockValue = mapped ? mapped[1] === 'true' : e.kind !== 'struct' || member.documentedBlock;
      if (isBlockValue) {
        const nesting = e.kind === 'set' ? 'set' : e.kind === 'struct' ? 'single' : 'list';
        block.block_types[e.snake] = {
          nesting,
          min_items: member.required && nesting !== 'single' ? 1 : 0,
          max_items: mapped || nesting === 'single' ? 0 : 1,
          block: blockWithComputed(structFn[1], inner),
        };
      } else if (objectAttrs === 'nested') {
        const nesting = e.kind === 'set' ? 'set' : e.kind === 'map' ? 'map' : e.kind === 'struct' ? 'single' : 'list';
        block.attributes[e.snake] = { nested_type: { nesting, attributes: inner.attributes }, required: member.required, optional: !member.required, computed: !member.required };
      } else {
        const obj = objectType(inner);
        const type = e.kind === 'struct' ? obj : [e.kind === 'set' ? 'set' : e.kind === 'map' ? 'map' : 'list', obj];
        block.attributes[e.snake] = { type, required: member.required, optional: !member.required, computed: !member.required };
      }
    }
    void topLevel;
    return block;
  }

  return { buildBlock };
}

/** Computed-only attributes of a class body (a resource, or a nested block's output reference): getters without a setter. */
function computedOnly(body, known) {
  const out = {};
  const setters = new Set([...body.matchAll(/\n    set (\w+)\(/g)].map((m) => m[1]));
  const getRe = /\n    get (\w+)\(\) \{\n\s+return (.+);\n\s+\}/g;
  let m;
  while ((m = getRe.exec(body))) {
    if (setters.has(m[1]) || m[1].endsWith('Input')) continue;
    const ret = m[2];
    const attr = /this\.(get\w+Attribute|interpolationForAttribute)\('([a-z0-9_]+)'\)/.exec(ret);
    const stored = /^this\._(\w+)$/.exec(ret);
    let snake;
    let type;
    if (attr) {
      snake = attr[2];
      const g = attr[1];
      type = {
        getStringAttribute: 'string',
        getNumberAttribute: 'number',
        getBooleanAttribute: 'bool',
        getListAttribute: ['list', 'string'],
        getNumberListAttribute: ['list', 'number'],
        getStringMapAttribute: ['map', 'string'],
        getNumberMapAttribute: ['map', 'number'],
        getBooleanMapAttribute: ['map', 'bool'],
      }[g] || 'dynamic';
      if (new RegExp(`^${RT}\\.Fn\\.tolist\\(`).test(ret) && Array.isArray(type)) type = ['set', type[1]];
    } else if (stored) {
      const ctor = new RegExp(`this\\._${stored[1]} = new [\\w.]+\\(this, "([a-z0-9_]+)"`).exec(body);
      if (!ctor) continue;
      snake = ctor[1];
      type = 'dynamic';
    } else {
      continue;
    }
    if (known.attributes[snake] || known.block_types[snake]) continue;
    out[snake] = { type, computed: true };
  }
  return out;
}

/** Provider configuration has no computed arguments. */
function uncompute(block) {
  for (const a of Object.values(block.attributes)) a.computed = false;
  for (const b of Object.values(block.block_types)) uncompute(b.block);
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(path.join(dir, d.name)) : [path.join(dir, d.name)]);
}

function extractProvider(name, packageRoot) {
  if (!PACKAGES[name]) throw new Error(`unknown provider ${name}: one of ${Object.keys(PACKAGES).join(', ')}`);
  const { pkg, address, objectAttrs } = PACKAGES[name];
  const root = packageRoot || path.dirname(require.resolve(`${pkg}/package.json`, { paths: [process.cwd(), __dirname] }));
  const libDir = path.join(root, 'lib');
  const result = { provider: undefined, providerVersion: undefined, resources: {}, data_sources: {} };
  for (const dir of fs.readdirSync(libDir)) {
    const jsFile = path.join(libDir, dir, 'index.js');
    if (!fs.existsSync(jsFile)) continue;
    // Big modules keep their structs in index-structs/*.js next to index.js.
    const files = listFiles(path.join(libDir, dir));
    const js = files.filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const dts = files.filter((f) => f.endsWith('.d.ts')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const { structs, classes, outputRefs } = parseModule(js);
    const interfaces = parseInterfaces(dts);
    const { buildBlock } = makeExtractor(structs, interfaces, objectAttrs, outputRefs);
    for (const c of classes) {
      if (!c.tfType) continue;
      const members = interfaces.get(c.kind === 'TerraformProvider' ? `${c.name}Config` : `${c.name}Config`) || new Map();
      const block = buildBlock(entriesOf(c.body), members, [], true);
      if (c.kind === 'TerraformProvider') {
        const generated = /providerVersion: '([^']+)'/.exec(c.body);
        if (generated) result.providerVersion = generated[1];
        delete block.attributes.alias;
        uncompute(block);
        result.provider = block;
        continue;
      }
      Object.assign(block.attributes, computedOnly(c.body, block));
      // No `id` is added: SDKv2 types always have one (the generated code has it as an argument), and a
      // plugin-framework type has one only when it declares it (databricks_account_network_policy has
      // none upstream, and a reference to its `.id` fails with the real provider).
      (c.kind === 'TerraformResource' ? result.resources : result.data_sources)[c.tfType] = block;
    }
  }
  if (!result.provider) throw new Error(`${pkg}: no provider class found`);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const { providerVersion, ...schema } = result;
  if (!providerVersion) throw new Error(`${pkg}: the provider class names no providerVersion`);
  return { address, package: `${manifest.name}@${manifest.version}`, version: manifest.version, providerVersion, schema };
}

/** Self-checks: Terraform does not check provider schemas itself, so a bad one misbehaves quietly. */
function check(address, schema) {
  const problems = [];
  const NAME = /^[a-z_][a-z0-9_]*$/;
  function walk(where, block) {
    for (const [n, a] of Object.entries(block.attributes)) {
      if (!NAME.test(n)) problems.push(`${where}.${n}: invalid name`);
      if (a.required && a.computed) problems.push(`${where}.${n}: required and computed`);
      if (!a.required && !a.optional && !a.computed) problems.push(`${where}.${n}: neither required, optional nor computed`);
      if (!a.type && !a.nested_type) problems.push(`${where}.${n}: no type`);
    }
    for (const [n, b] of Object.entries(block.block_types)) {
      if (!NAME.test(n)) problems.push(`${where}.${n}: invalid block name`);
      if (block.attributes[n]) problems.push(`${where}.${n}: both attribute and block`);
      walk(`${where}.${n}`, b.block);
    }
  }
  walk(`${address} provider`, schema.provider);
  for (const [t, b] of Object.entries(schema.resources)) walk(t, b);
  for (const [t, b] of Object.entries(schema.data_sources)) walk(`data.${t}`, b);
  if (problems.length) throw new Error(`schema self-check failed:\n${problems.slice(0, 20).join('\n')}`);
}

function main() {
  const [out, ...names] = process.argv.slice(2);
  if (!out) throw new Error('usage: extract.js <out.json> [azurerm|databricks[=<package root>] ...]');
  const providers = {};
  for (const arg of names.length ? names : Object.keys(PACKAGES)) {
    const [name, root] = arg.split(/=(.*)/s);
    const { address, package: pkg, version, providerVersion, schema } = extractProvider(name, root);
    check(address, schema);
    providers[address] = { package: pkg, package_version: version, provider_version: providerVersion, ...schema };
    process.stderr.write(`${address}: ${Object.keys(schema.resources).length} resources, ${Object.keys(schema.data_sources).length} data sources\n`);
  }
  fs.writeFileSync(out, JSON.stringify({ providers }));
}

if (require.main === module) {
  main();
}
module.exports = { extractProvider, check };
