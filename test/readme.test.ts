/**
 * The README is the front door: what it shows must be what works. Its TypeScript blocks compile in the
 * build (jsii-rosetta); these tests hold the rest: the install route's files, unique construct IDs, the
 * rule table, and honest package metadata.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ServerlessNetworkChecks } from '../src/checks/pack';

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The fenced blocks of the README: info string and body. */
function blocks(): Array<{ info: string; body: string }> {
  return [...README.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ info: m[1].trim(), body: m[2] }));
}

describe('the README', () => {
  test('shows the consumer app exactly as the build installs and synthesizes it (package.json, tsconfig.json, main.ts)', () => {
    const bodies = blocks().map((b) => b.body.trimEnd());
    for (const file of ['package.json', 'tsconfig.json', 'main.ts']) {
      const content = readFileSync(join(ROOT, 'scripts', 'consumer-app', file), 'utf8').trimEnd();
      expect([file, bodies.includes(content)]).toEqual([file, true]);
    }
  });

  test('the consumer app pins TypeScript below 7 (ts-node crashes on 7) and the provider versions the library is built with', () => {
    const app = JSON.parse(readFileSync(join(ROOT, 'scripts', 'consumer-app', 'package.json'), 'utf8'));
    expect(app.devDependencies.typescript).toBe('~6.0.3');
    expect(app.dependencies['@cdktf/provider-azurerm']).toBe(PKG.devDependencies['@cdktf/provider-azurerm']);
    expect(app.dependencies['@cdktf/provider-databricks']).toBe(PKG.devDependencies['@cdktf/provider-databricks']);
    expect(app.dependencies.cdktf).toBe(PKG.devDependencies.cdktf.replace(/^[\^~]/, ''));
  });

  test('construct IDs are unique across the blocks that share the fixture (pasted together, they do not collide)', () => {
    const ids: string[] = [];
    for (const b of blocks().filter((x) => x.info === 'ts')) {
      for (const m of b.body.matchAll(/(\w+)\.(addPrivateEndpointRule|bindWorkspace|applyTo|addProfile|associate)\(\s*'([^']+)'/g)) {
        ids.push(`${m[1]}.${m[2]}:${m[3]}`);
      }
      for (const m of b.body.matchAll(/new (\w+)\(this, '([^']+)'/g)) {
        ids.push(`this:${m[2]}`);
      }
    }
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test('its rule table lists every rule of the checks, in order, with level, finding and fix', () => {
    const rows = README.split('\n')
      .filter((l) => l.startsWith('| `ADBS-'))
      .map((l) => l.split(' | ').map((c) => c.replace(/^\| /, '').replace(/ \|$/, '')));
    expect(rows).toEqual(ServerlessNetworkChecks.rules().map((r) => [`\`${r.id}\``, r.level, r.title, r.fix]));
  });
});

describe('package metadata', () => {
  test('no placeholder addresses; 0.x and experimental; Node floor declared; the four language targets named', () => {
    expect(JSON.stringify(PKG)).not.toMatch(/example\.(com|org)|github\.com\/example\//);
    expect(PKG.author).toEqual({ name: 'cdktf-azure-databricks-serverless contributors', organization: false });
    expect(PKG.homepage).toBeUndefined();
    expect(PKG.bugs).toBeUndefined();
    expect(PKG.version).toMatch(/^0\./);
    expect(PKG.stability).toBe('experimental');
    expect(PKG.engines).toEqual({ node: '>= 20.9.0' });
    expect(Object.keys(PKG.jsii.targets).sort()).toEqual(['dotnet', 'go', 'java', 'python']);
    expect(PKG.bin).toEqual({ 'cdktf-azure-databricks-serverless': 'lib/checks/cli.js' });
  });
});
