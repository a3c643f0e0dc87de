/**
 * The shape of src/: folders import each other one way (no cycle, type-only imports included), the
 * bottom layers import no construct family, and no file has more than 300 lines.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const SRC = join(__dirname, '..', 'src');
const BOTTOM = ['core', 'bindings'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level folder of src/ a file belongs to ('.' for src/index.ts). */
function folderOf(file: string): string {
  const rel = relative(SRC, file).split('/');
  return rel.length > 1 ? rel[0] : '.';
}

/** Folder -> folders it imports from (any import or re-export, `import type` too). */
export function folderGraph(sources: Array<{ file: string; text: string }>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { file, text } of sources) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+'(\.[^']*)'/g)) {
      const to = folderOf(resolve(dirname(file), m[1]) + '.ts');
      if (to !== from) {
        edges.add(to);
      }
    }
  }
  return graph;
}

/** One cycle of the graph as a path (first node repeated at the end), or undefined. */
export function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'open') {
      return [...stack.slice(stack.indexOf(node)), node];
    }
    if (state.get(node) === 'done') {
      return undefined;
    }
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) {
        return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) {
      return cycle;
    }
  }
  return undefined;
}

const sources = files(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

describe('layout of src/', () => {
  test('no import cycle between folders (type-only imports count)', () => {
    expect(findCycle(folderGraph(sources))).toBeUndefined();
  });

  test('core/ and bindings/ import no construct family', () => {
    const graph = folderGraph(sources);
    const upward = BOTTOM.flatMap((folder) => [...(graph.get(folder) ?? [])].filter((to) => !BOTTOM.includes(to)).map((to) => `${folder} -> ${to}`));
    expect(upward).toEqual([]);
    expect(graph.get('core')).toEqual(new Set());
  });

  test('no file in src/ is over 300 lines', () => {
    const long = sources.map(({ file, text }) => ({ file: relative(SRC, file), lines: text.split('\n').length - 1 })).filter((f) => f.lines > 300);
    expect(long).toEqual([]);
  });

  test('the cycle check finds a cycle through a type-only import', () => {
    const graph = folderGraph([
      { file: join(SRC, 'a', 'x.ts'), text: "import { Y } from '../b/y';\n" },
      { file: join(SRC, 'b', 'y.ts'), text: "import type { X } from '../a/x';\n" },
      { file: join(SRC, 'c', 'z.ts'), text: "export * from '../a';\n" },
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'a']);
    graph.get('b')!.delete('a');
    expect(findCycle(graph)).toBeUndefined();
  });
});
