import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT, sourceFiles } from './source-files';

/**
 * No import cycles among the API's files: a cycle makes the load order decide which side
 * sees the other's exports as undefined, and says two files are one. Every static import
 * counts, `import type` too (a type-only cycle is still two files that cannot be read apart).
 */

/** The specifiers a file imports or re-exports from, side-effect imports included. */
export function specifiersOf(text: string): string[] {
  const pattern = /^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((m) => m[1] ?? m[2]);
}

/** A relative specifier as the .ts file it names, or null (a package, a JSON file). */
function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Each file's imports among the files (relative paths). */
export function importGraph(files: string[]): Map<string, string[]> {
  return new Map(
    files.map((file) => [
      relative(ROOT, file),
      specifiersOf(readFileSync(file, 'utf8'))
        .map((specifier) => resolveImport(file, specifier))
        .filter((target): target is string => target !== null)
        .map((target) => relative(ROOT, target)),
    ]),
  );
}

/** The cycles of a graph: each strongly connected set of two or more files (or one importing itself), sorted. */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative: the API has hundreds of files.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++];
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || edges.includes(frame.node)) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}

describe('import cycles', () => {
  it('there are none among the API files', () => {
    expect(cyclesOf(importGraph(sourceFiles(join(ROOT, 'api/src'))))).toEqual([]);
  });

  it('finds imports of every form (the check itself works)', () => {
    const text = [
      `import { A } from './a';`,
      `import type { B } from "../b";`,
      `import {\n  C,\n  D,\n} from './c';`,
      `export { E } from './e';`,
      `export * from './f';`,
      `import './g';`,
      `const text = 'not an import from here';`,
    ].join('\n');
    expect(specifiersOf(text)).toEqual(['./a', '../b', './c', './e', './f', './g']);
    const graph = importGraph([join(ROOT, 'api/src/reports/reports.module.ts')]);
    expect(graph.get('api/src/reports/reports.module.ts')).toContain('api/src/reports/reports.service.ts');
  });

  it('finds a cycle, and only the files in it', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
      ['f.ts', ['a.ts']],
    ]);
    expect(cyclesOf(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
    expect(
      cyclesOf(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });
});
