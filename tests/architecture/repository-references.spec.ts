import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The project's documentation is its own (docs/): no tracked file may point a reader at a
 * document a clone does not contain — the team's planning notes that once lived beside the
 * repository — nor at a path that climbs out of it.
 */
const ROOT = join(__dirname, '../..');
const THIS_FILE = relative(ROOT, __filename);

/** Documents outside the repository, by name (case-sensitive: docs/api.md is ours). */
const OUTSIDE_DOCUMENTS = /(?<![\w-])(SPEC|API|DESIGN|STACK)\.md\b/g;

/** A relative path to a `shared` folder: fine when it is the repository's shared/, not when it climbs out. */
const RELATIVE_SHARED = /(?:\.\.\/)+shared\b/g;

function trackedTextFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((file) => file && file !== THIS_FILE && file !== 'package-lock.json');
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Each reference to something outside the repository, as "file:line: what". */
export function outsideReferences(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(OUTSIDE_DOCUMENTS)) found.push(`${file}:${lineOf(text, match.index)}: ${match[0]}`);
  for (const match of text.matchAll(RELATIVE_SHARED)) {
    const target = relative(ROOT, resolve(ROOT, dirname(file), match[0]));
    if (target.startsWith('..')) found.push(`${file}:${lineOf(text, match.index)}: ${match[0]}`);
  }
  return found;
}

describe('references outside the repository', () => {
  it('appear in no tracked source or document', () => {
    const files = trackedTextFiles();
    expect(files).toContain('README.md');
    const found = files.flatMap((file) => {
      let text: string;
      try {
        text = readFileSync(join(ROOT, file), 'utf8');
      } catch {
        return []; // listed by git but absent from the work tree (deleted, not yet staged)
      }
      return text.includes('\0') ? [] : outsideReferences(file, text);
    });
    expect(found).toEqual([]);
  });

  it('are found when there (the check itself works)', () => {
    // Names built here, so that this file does not hold them itself.
    const doc = (name: string) => `${name}.md`;
    expect(outsideReferences('README.md', `See ${doc('SPEC')}, "Routing", and ${doc('API')}.`)).toEqual([
      `README.md:1: ${doc('SPEC')}`,
      `README.md:1: ${doc('API')}`,
    ]);
    expect(outsideReferences('docs/x.md', `\n(${doc('DESIGN')})`)).toEqual([`docs/x.md:2: ${doc('DESIGN')}`]);
    expect(outsideReferences('README.md', 'the contract: docs/api.md')).toEqual([]);
    expect(outsideReferences('README.md', 'read ../shared/notes')).toEqual(['README.md:1: ../shared']);
    expect(outsideReferences('api/src/main.ts', "import x from '../../../shared/x'")).toHaveLength(1);
  });

  it("lets a path into the repository's own shared/ through", () => {
    expect(
      outsideReferences('api/src/database/demo-seed.ts', "import demo from '../../../shared/data/demo.json';"),
    ).toEqual([]);
    expect(
      outsideReferences('migrations/1-Foundation.ts', "import reference from '../shared/data/reference.json';"),
    ).toEqual([]);
  });
});
