import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, sourceFiles } from './source-files';

/**
 * The API's data layer (docs/architecture.md, "Repositories and SQL"), enforced:
 * - SQL runs only in repositories (`*.repository.ts`) and in the typed helpers of
 *   api/src/common, so services hold the rules and controllers never touch SQL;
 * - no `any` in api/src: every row leaves a repository with its declared type.
 */
const API = join(ROOT, 'api/src');

/** The typed helpers: the only code outside repositories that calls `.query(`. */
const SQL_HELPERS = ['api/src/common/typed-sql.ts', 'api/src/common/sql.ts'];

/**
 * Infrastructure that is not a feature's data access, allowed to run SQL itself:
 * the migrations runner, the embedded database, the move to PostgreSQL, the demo seed and
 * its history (api/src/database/**). (The reports, typed in the modules-reports slice, run
 * their SQL in reports/*.repository.ts and need no exception.)
 */
const SQL_ALLOWED = [/^api\/src\/database\//];

/** Running SQL: EntityManager/DataSource.query, TypeORM's query builder, or the typed helpers. */
const RUNS_SQL =
  /\.query\s*(?:<[^>]*>)?\(|\bcreateQueryBuilder\s*\(|\b(?:sqlRows|sqlRow|sqlRun|returningRows)\s*(?:<[^>]*>)?\(/g;

/** The `any` type written out: `: any`, `as any`, `<any>`, `any[]` (and `any` as a type argument). */
const ANY_TYPE = /:\s*any\b|\bas\s+any\b|<\s*any\s*[>,]|,\s*any\s*>|\bany\s*\[\]/g;

/** The code without its comments (a comment may say "any"); strings and URLs kept. */
export function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Each match of `pattern` in the file's code, as "file:line: match". */
export function findings(file: string, text: string, pattern: RegExp): string[] {
  const code = withoutComments(text);
  return [...code.matchAll(pattern)].map((m) => `${file}:${lineOf(code, m.index)}: ${m[0].trim()}`);
}

const isSpec = (file: string) => /\.spec\.ts$/.test(file);

/** Files outside the rule's reach: tests (they may read the database to check it) and the allow-lists. */
export function sqlViolations(file: string, text: string): string[] {
  if (isSpec(file) || /\.repository\.ts$/.test(file) || SQL_HELPERS.includes(file)) return [];
  if (SQL_ALLOWED.some((allowed) => allowed.test(file))) return [];
  return findings(file, text, RUNS_SQL);
}

export function anyViolations(file: string, text: string): string[] {
  if (isSpec(file)) return [];
  return findings(file, text, ANY_TYPE);
}

function apiViolations(check: (file: string, text: string) => string[]): string[] {
  return sourceFiles(API).flatMap((path) => check(relative(ROOT, path), readFileSync(path, 'utf8')));
}

describe('data access in the API', () => {
  it('runs SQL only in repositories and the typed helpers', () => {
    expect(apiViolations(sqlViolations)).toEqual([]);
  });

  it('has no any type outside spec files', () => {
    expect(apiViolations(anyViolations)).toEqual([]);
  });

  it('finds violations at all (the check itself works)', () => {
    const service = 'api/src/requests/requests.service.ts';
    expect(sqlViolations(service, 'const [row] = await db.query(`SELECT 1`);')).toEqual([`${service}:1: .query(`]);
    expect(sqlViolations(service, 'await this.dataSource\n  .query<Row[]>(sql)')).toHaveLength(1);
    expect(sqlViolations(service, 'const rows = await sqlRows<Row>(db, sql);')).toHaveLength(1);
    expect(sqlViolations(service, 'db.createQueryBuilder(UserEntity, "u")')).toHaveLength(1);
    expect(sqlViolations(service, "// db.query(...) is the repository's job\nconst q = query.unread;")).toEqual([]);
    expect(sqlViolations('api/src/requests/requests.repository.ts', 'db.query(sql)')).toEqual([]);
    expect(sqlViolations('api/src/database/migrate.ts', 'db.query(sql)')).toEqual([]);
    expect(sqlViolations('api/src/health/health.controller.ts', 'this.dataSource.query("SELECT 1")')).toHaveLength(1);

    const file = 'api/src/users/users.service.ts';
    for (const code of ['let row: any;', 'const x = y as any;', 'f(<any>y);', 'const rows: any[] = [];']) {
      expect(anyViolations(file, code)).toHaveLength(1);
    }
    expect(anyViolations(file, 'Promise<any[]>')).toHaveLength(1);
    expect(anyViolations(file, 'Record<string, any>')).toHaveLength(1);
    expect(
      anyViolations(file, '/** 0: any free port */ const company = 1; // as any other\nconst many = []; '),
    ).toEqual([]);
    expect(anyViolations('api/src/users/users.service.spec.ts', 'let row: any;')).toEqual([]);
  });
});
