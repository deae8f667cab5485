import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, sourceFiles } from './source-files';

/**
 * Nest modules say what they use: a feature module imports the modules whose providers it
 * injects and exports what others may use. `@Global()` would hide those dependencies, so it
 * is kept for what every module needs — the configuration, the database, the logging — and
 * `forwardRef()` would hide a cycle between features, so there is none.
 */

/** Where `@Global()` may appear: the configuration, the database and the logging. */
const GLOBAL_ALLOWED = /^api\/src\/(config|database|logging)\//;

/** Each use of `pattern` in api/src outside `allowed`, as "file:line". */
export function usesOf(pattern: RegExp, allowed: RegExp | null, files: { path: string; text: string }[]): string[] {
  return files.flatMap(({ path, text }) =>
    allowed?.test(path)
      ? []
      : text.split('\n').flatMap((line, i) => (pattern.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
  );
}

const API_FILES = sourceFiles(join(ROOT, 'api/src')).map((file) => ({
  path: relative(ROOT, file),
  text: readFileSync(file, 'utf8'),
}));

describe('Nest modules', () => {
  it('are @Global only for the configuration, the database and the logging', () => {
    expect(usesOf(/@Global\(/, GLOBAL_ALLOWED, API_FILES)).toEqual([]);
  });

  it('use no forwardRef', () => {
    expect(usesOf(/\bforwardRef\(/, null, API_FILES)).toEqual([]);
  });

  it('finds what it looks for (the check itself works)', () => {
    expect(usesOf(/@Global\(/, null, API_FILES)).toContainEqual(
      expect.stringMatching(/^api\/src\/config\/config\.module\.ts:\d+: @Global\(\)/),
    );
    const planted = [{ path: 'api/src/users/users.module.ts', text: `@Global()\n@Module({})` }];
    expect(usesOf(/@Global\(/, GLOBAL_ALLOWED, planted)).toEqual(['api/src/users/users.module.ts:1: @Global()']);
    expect(usesOf(/\bforwardRef\(/, null, [{ path: 'a.ts', text: '@Inject(forwardRef(() => B)) b' }])).toHaveLength(1);
  });
});
