import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROLES } from '../../shared/src/roles';
import { ROOT, sourceFiles } from './source-files';

/**
 * What a role may do is decided in one place, shared/src/permissions.ts (with the case table
 * it reads): the rest of the code asks `can(role, permission)` or reads the table, and never
 * compares a role with its name. So a role's name written as a string literal ('director',
 * "director" or `director`) outside that table is a rule hiding somewhere else — this test
 * finds it. What remains is data, not permission logic, each listed below with the reason.
 */
const SCANNED = ['api/src', 'web/src', 'shared/src'];

interface Allowed {
  /** A file, or a folder ending in `/`. */
  path: string;
  /** Only the lines containing this text; every line when absent. */
  line?: string;
  why: string;
}

// The permission table (shared/src/permissions.ts) needs no entry: it keys its records by
// role (`member: [...]`) and writes no role's name as a string.
const ALLOWED: Allowed[] = [
  { path: 'shared/src/roles.ts', why: 'the definition of the roles (ROLES)' },
  { path: 'shared/src/case-permissions.ts', why: 'the case-permission table, part of the permission table' },
  {
    path: 'shared/src/lifecycle.ts',
    line: "'member'",
    why: "the transition table's actor kinds ('member' | 'staff', as docs/domain.md draws it), not roles",
  },
  { path: 'web/src/app/app.routes.ts', line: "path: 'admin'", why: 'a URL path (/admin), not a role' },
  {
    path: 'api/src/database/demo-history/',
    why: 'demo history: generates demo data (who plays which part in the demo cases), not permission logic',
  },
];

const LITERAL = new RegExp(`(['"\`])(${ROLES.join('|')})\\1`, 'g');

/** Every role literal in the text, as `file:line: text`. */
export function roleLiterals(file: string, text: string): { file: string; line: string; where: string }[] {
  return text.split('\n').flatMap((line, index) =>
    [...line.matchAll(LITERAL)].map(() => ({
      file,
      line,
      where: `${file}:${index + 1}: ${line.trim()}`,
    })),
  );
}

function allowedBy(file: string, line: string): Allowed | undefined {
  return ALLOWED.find(
    (entry) =>
      (entry.path.endsWith('/') ? file.startsWith(entry.path) : file === entry.path) &&
      (entry.line === undefined || line.includes(entry.line)),
  );
}

const found = SCANNED.flatMap((dir) =>
  sourceFiles(join(ROOT, dir), (name) => /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts')).flatMap((path) =>
    roleLiterals(relative(ROOT, path), readFileSync(path, 'utf8')),
  ),
);

describe('role names', () => {
  it('appear as literals only in the permission table and the data listed', () => {
    expect(found.filter(({ file, line }) => !allowedBy(file, line)).map(({ where }) => where)).toEqual([]);
  });

  it('are found in every quoting, so the test above can fail', () => {
    const planted = [
      "if (caller.role === 'director') {",
      '@if (user.role === "member") {',
      'const r = `admin`;',
      "role IN ('representative', 'specialist')",
    ].join('\n');
    expect(roleLiterals('api/src/planted.ts', planted).map(({ where }) => where)).toEqual([
      "api/src/planted.ts:1: if (caller.role === 'director') {",
      'api/src/planted.ts:2: @if (user.role === "member") {',
      'api/src/planted.ts:3: const r = `admin`;',
      "api/src/planted.ts:4: role IN ('representative', 'specialist')",
      "api/src/planted.ts:4: role IN ('representative', 'specialist')",
    ]);
    // A role's name inside a longer string is no rule: a translation key, a route path.
    expect(roleLiterals('web/src/x.ts', "t('role.member'); 'members'; \"admin/users\"")).toEqual([]);
  });

  it('has no allow-list entry that no longer matches anything', () => {
    const unused = ALLOWED.filter((entry) => !found.some(({ file, line }) => allowedBy(file, line) === entry));
    expect(unused).toEqual([]);
  });
});
