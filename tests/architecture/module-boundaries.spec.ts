import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, sourceFiles } from './source-files';

/**
 * The layout's rules (docs/architecture.md), enforced: the web app never imports the API, the shared
 * library imports neither (and no framework but class-validator), the API never imports
 * the web app. Nx tags (scope:api/web/shared) name the same projects.
 */

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? m[2]);
}

function violations(project: string, forbidden: (specifier: string, file: string) => boolean): string[] {
  return sourceFiles(join(ROOT, project)).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => forbidden(specifier, file))
      .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
  );
}

const reachesInto = (specifier: string, file: string, project: string) =>
  specifier.startsWith('.') && relative(ROOT, join(file, '..', specifier)).startsWith(`${project}/`);

describe('module boundaries', () => {
  it('keeps the web app away from the API', () => {
    expect(
      violations(
        'web/src',
        (s, f) =>
          s.startsWith('@portal/api') || s.startsWith('@nestjs/') || s === 'typeorm' || reachesInto(s, f, 'api'),
      ),
    ).toEqual([]);
  });

  it('keeps the shared library free of the API, the web app and frameworks', () => {
    expect(
      violations(
        'shared/src',
        (s, f) =>
          s.startsWith('@portal/') ||
          s.startsWith('@angular/') ||
          s.startsWith('@nestjs/') ||
          s === 'typeorm' ||
          reachesInto(s, f, 'api') ||
          reachesInto(s, f, 'web'),
      ),
    ).toEqual([]);
  });

  it('keeps the API away from the web app', () => {
    expect(
      violations(
        'api/src',
        (s, f) => s.startsWith('@portal/web') || s.startsWith('@angular/') || reachesInto(s, f, 'web'),
      ),
    ).toEqual([]);
  });

  it('finds imports at all (the check itself works)', () => {
    expect(importsOf(join(ROOT, 'api/src/app.module.ts'))).toContain('@nestjs/common');
    expect(reachesInto('../../../api/src/x', join(ROOT, 'web/src/app/a.ts'), 'api')).toBe(true);
    expect(reachesInto('../core/api', join(ROOT, 'web/src/app/a.ts'), 'api')).toBe(false);
  });
});

describe('the start command', () => {
  it('runs the API entry point that the build writes and the tests start', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.start).toContain('scripts/node24.sh');
    expect(scripts.portal).toMatch(/node api\/dist\/api\/src\/main\.js$/);
    expect(JSON.parse(readFileSync(join(ROOT, 'api/package.json'), 'utf8')).main).toBe('dist/api/src/main.js');
    expect(readFileSync(join(ROOT, 'tests/support/paths.ts'), 'utf8')).toContain("'api/dist/api/src/main.js'");
  });
});
