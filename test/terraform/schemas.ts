import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const EXTRACT = join(__dirname, 'standin', 'extract.js');
const SUPPLEMENT = join(__dirname, 'schemas', 'supplement.json');

function version(pkg: string): string {
  return JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`, { paths: [ROOT] }), 'utf8')).version;
}

/**
 * The schemas the stand-in serves: extracted from the installed prebuilt provider packages, plus the
 * hand-written supplement (azapi, time, azurerm NSP types). Cached under node_modules/.cache, keyed by
 * the package versions and the extractor and supplement contents.
 */
export function schemaFile(): string {
  const key = [
    version('@cdktf/provider-azurerm'),
    version('@cdktf/provider-databricks'),
    hash(readFileSync(EXTRACT, 'utf8') + readFileSync(SUPPLEMENT, 'utf8')),
  ].join('-');
  const dir = join(ROOT, 'node_modules', '.cache', 'tf-standin');
  const file = join(dir, `schemas-${key}.json`);
  if (existsSync(file)) {
    return file;
  }
  mkdirSync(dir, { recursive: true });
  const extracted = join(dir, `extracted-${key}.json`);
  execFileSync(process.execPath, [EXTRACT, extracted, 'azurerm', 'databricks'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const all = JSON.parse(readFileSync(extracted, 'utf8'));
  const supplement = JSON.parse(readFileSync(SUPPLEMENT, 'utf8'));
  for (const [address, extra] of Object.entries<any>(supplement.providers)) {
    const target = all.providers[address];
    if (!target) {
      all.providers[address] = extra;
      continue;
    }
    for (const kind of ['resources', 'data_sources']) {
      for (const type of Object.keys(extra[kind] ?? {})) {
        if (target[kind][type]) {
          throw new Error(`supplement redefines ${address} ${type}: it is in the prebuilt package now; drop it from supplement.json`);
        }
      }
      Object.assign(target[kind], extra[kind] ?? {});
    }
  }
  writeFileSync(file, JSON.stringify(all));
  return file;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
