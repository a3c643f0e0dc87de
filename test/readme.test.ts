/**
 * The README is the front door: what it shows must be what works. Its TypeScript blocks are pasted into
 * the quick start's app (the jsii-rosetta fixture is that app), type-checked and synthesized here; these
 * tests also hold the install route's files, unique construct IDs, the rule table, and honest package
 * metadata.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as ts from 'typescript';
import * as lib from '../src';
import { ServerlessNetworkChecks } from '../src/checks/pack';

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const CONSUMER = join(ROOT, 'scripts', 'consumer-app');
const MAIN = readFileSync(join(CONSUMER, 'main.ts'), 'utf8');
const SYNTH = '\napp.synth();';

interface Block { info: string; body: string; line: number }

/** The fenced blocks of the README (indented ones in list items too): info string, body, line of the fence. */
function blocks(): Block[] {
  return [...README.matchAll(/^( *)```([^\n]*)\n([\s\S]*?)^\1```$/gm)].map((m) => ({
    info: m[2].trim(),
    body: m[3].split('\n').map((l) => (l.startsWith(m[1]) ? l.slice(m[1].length) : l)).join('\n'),
    line: README.slice(0, m.index).split('\n').length,
  }));
}

/** The TypeScript blocks that go into the quick start's app (all but the app's own main.ts). */
function snippets(): Block[] {
  return blocks().filter((b) => b.info === 'ts');
}

/** The quick start's main.ts with a snippet pasted before `app.synth()`, as a reader does it. */
function pasted(body: string): string {
  return MAIN.replace(SYNTH, `\n${body.trimEnd()}${SYNTH}`);
}

/**
 * Type-checks each source as the quick start's main.ts, with the app's tsconfig options; the package
 * name resolves to this repository's src. One program for all. Returns the error messages per name,
 * located in the README when a source is a pasted block (`origin`: the line of its fence).
 */
function typeCheck(sources: Record<string, string>, origin: Record<string, number> = {}): Record<string, string[]> {
  const before = MAIN.slice(0, MAIN.indexOf(SYNTH)).split('\n').length; // main.ts lines above a pasted block
  const config = JSON.parse(readFileSync(join(CONSUMER, 'tsconfig.json'), 'utf8'));
  const { options, errors } = ts.convertCompilerOptionsFromJson(config.compilerOptions, CONSUMER);
  expect(errors).toEqual([]);
  options.noEmit = true;
  options.paths = { [PKG.name]: [join(ROOT, 'src', 'index.ts')] };
  // Virtual files in the repository root, so that packages resolve from its node_modules.
  const files = new Map(Object.entries(sources).map(([name, text]) => [join(ROOT, '.readme-blocks', `${name}.ts`), text]));
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = files.get(fileName);
    return text === undefined
      ? getSourceFile(fileName, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  host.fileExists = (fileName) => files.has(fileName) || ts.sys.fileExists(fileName);
  host.readFile = (fileName) => files.get(fileName) ?? ts.sys.readFile(fileName);
  const program = ts.createProgram([...files.keys()], options, host);
  expect([...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  const result: Record<string, string[]> = {};
  for (const [i, name] of Object.keys(sources).entries()) {
    const file = program.getSourceFile([...files.keys()][i])!;
    result[name] = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) => {
      const line = d.start === undefined ? 0 : file.getLineAndCharacterOfPosition(d.start).line + 1;
      const where = origin[name] !== undefined && line > before ? `README line ${origin[name] + line - before}` : `main.ts line ${line}`;
      return `${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  }
  return result;
}

/** Runs a main.ts (the package name resolves to src), with the app's output in a temporary folder; returns what it wrote. */
function synthesize(source: string): { files: string[]; stderr: string } {
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  const js = ts.transpileModule(source, { compilerOptions }).outputText;
  // Through jest's module registry, so that the app and src share one cdktf.
  const load = (name: string): unknown => (name === PKG.name ? lib : jest.requireActual(name));
  const outdir = mkdtempSync(join(tmpdir(), 'readme-block-'));
  const previous = process.env.CDKTF_OUTDIR;
  let stderr = '';
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  process.env.CDKTF_OUTDIR = outdir;
  try {
    const module = { exports: {} };
    new Function('require', 'module', 'exports', js)(load, module, module.exports);
    const stack = join(outdir, 'stacks', 'analytics');
    return { files: ['cdk.tf.json', 'serverless-network-checks.json'].filter((f) => existsSync(join(stack, f))), stderr };
  } catch (e) {
    throw new Error(`${(e as Error).message}\n${stderr}`);
  } finally {
    spy.mockRestore();
    if (previous === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = previous;
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe('the README', () => {
  test('shows the consumer app exactly as the build installs and synthesizes it (package.json, tsconfig.json, cdktf.json, main.ts)', () => {
    const bodies = blocks().map((b) => b.body.trimEnd());
    for (const file of ['package.json', 'tsconfig.json', 'cdktf.json', 'main.ts']) {
      const content = readFileSync(join(CONSUMER, file), 'utf8').trimEnd();
      expect([file, bodies.includes(content)]).toEqual([file, true]);
    }
  });

  test('the consumer app pins TypeScript below 7 (ts-node crashes on 7), the cdktf CLI and tsx, and the provider versions the library is built with', () => {
    const app = JSON.parse(readFileSync(join(CONSUMER, 'package.json'), 'utf8'));
    expect(app.devDependencies.typescript).toBe('~6.0.3');
    expect(app.dependencies['@cdktf/provider-azurerm']).toBe(PKG.devDependencies['@cdktf/provider-azurerm']);
    expect(app.dependencies['@cdktf/provider-databricks']).toBe(PKG.devDependencies['@cdktf/provider-databricks']);
    expect(app.dependencies.cdktf).toBe(PKG.devDependencies.cdktf.replace(/^[\^~]/, ''));
    // `npx cdktf synth` needs the CLI in the app, at the library's cdktf version; `npx tsx` must not prompt.
    expect(app.devDependencies['cdktf-cli']).toBe(app.dependencies.cdktf);
    expect(app.devDependencies.tsx).toMatch(/^\d+\.\d+\.\d+$/);
    // Installable as written, before anything is published: the packed tarball of a clone next to the app.
    expect(app.dependencies[PKG.name]).toBe(`file:../${PKG.name}/dist/js/${PKG.name}@0.0.0.jsii.tgz`);
    expect(JSON.parse(readFileSync(join(CONSUMER, 'cdktf.json'), 'utf8'))).toEqual({ language: 'typescript', app: 'npx ts-node main.ts' });
  });

  test('the jsii-rosetta fixture is the quick start main.ts, with the block going in before app.synth()', () => {
    const fixture = readFileSync(join(ROOT, 'rosetta', 'default.ts-fixture'), 'utf8');
    expect(MAIN.split(SYNTH)).toHaveLength(2);
    expect(fixture).toBe(MAIN.replace(SYNTH, `\n/// here${SYNTH}`));
    expect(blocks().filter((b) => b.info.startsWith('ts nofixture')).map((b) => b.body.trimEnd())).toEqual([MAIN.trimEnd()]);
  });

  test('construct IDs are unique across the blocks and the quick start app (each block pasted into it, or several)', () => {
    const ids: string[] = [];
    for (const b of blocks().filter((x) => x.info.split(' ')[0] === 'ts')) {
      for (const m of b.body.matchAll(/(\w+)\.(addPrivateEndpointRule|bindWorkspace|applyTo|addProfile|associate)\(\s*'([^']+)'/g)) {
        ids.push(`${m[1]}.${m[2]}:${m[3]}`);
      }
      for (const m of b.body.matchAll(/new (\w+)\((\w+), '([^']+)'/g)) {
        ids.push(`${m[2]}:${m[3]}`);
      }
    }
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  describe('every TypeScript block, pasted into the quick start main.ts before app.synth()', () => {
    const cases = snippets().map((b) => [`line ${b.line}`, b] as const);
    const bad = {
      // What a block written for a stack constructor, or for objects the app does not create, does pasted.
      'uses this': "new ServerlessSecureStorage(this, 'x', { networkConnectivityConfig: ncc, storageAccountId: vaultId });",
      'uses an undeclared object': "ncc.addPrivateEndpointRule('x', { resourceId: lake.id, subResource: PrivateLinkSubResource.DFS });",
      'imports a name the app imports': `import { ServerlessSecureStorage } from '${PKG.name}';\nServerlessSecureStorage.name;`,
    };
    let diagnostics: Record<string, string[]>;

    beforeAll(() => {
      const sources: Record<string, string> = { main: MAIN };
      for (const [name, b] of cases) sources[name] = pasted(b.body);
      for (const [name, body] of Object.entries(bad)) sources[name] = pasted(body);
      diagnostics = typeCheck(sources, Object.fromEntries(cases.map(([name, b]) => [name, b.line])));
    }, 60_000);

    test('there are blocks, and the type check catches the mistakes of the old blocks', () => {
      expect(cases.length).toBeGreaterThanOrEqual(10);
      expect(diagnostics.main).toEqual([]);
      expect(diagnostics['uses this'].join('\n')).toMatch(/TS2345 Argument of type 'undefined'/);
      expect(diagnostics['uses an undeclared object'].join('\n')).toMatch(/TS2304 Cannot find name 'lake'/);
      expect(diagnostics['imports a name the app imports'].join('\n')).toMatch(/TS2300 Duplicate identifier 'ServerlessSecureStorage'/);
    });

    test.each(cases)('README %s type-checks', (name) => {
      expect(diagnostics[name]).toEqual([]);
    });

    test.each(cases)('README %s synthesizes (app.synth(), with the checks)', (_name, b) => {
      expect(synthesize(pasted(b.body)).files).toEqual(['cdk.tf.json', 'serverless-network-checks.json']);
    });
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
