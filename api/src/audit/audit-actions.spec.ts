import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@portal/shared';

/** Every non-test source file of the API. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** An audit code: `area.verb`, lower case with dashes (the shape AUDIT_ACTIONS uses). */
const CODE = String.raw`['"]([a-z][a-z0-9-]*\.[a-z][a-z0-9-]*)['"]`;

interface Found {
  code: string;
  where: string;
}

/**
 * The audit codes a file writes: `action: '…'` literals, and the literal passed to a service's own
 * `record(db, caller, '…', …)` wrapper (canned answers, knowledge base). Only files that talk to the
 * audit trail count, so an unrelated `action:` (e.g. a bulk action name) is not taken for one.
 */
function writtenIn(file: string, root: string): { actions: Found[]; entityTypes: Found[] } {
  const text = readFileSync(file, 'utf8');
  if (!/\baudit\b|AuditEntry|AuditService/.test(text)) return { actions: [], entityTypes: [] };
  const where = relative(root, file);
  const matches = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => ({ code: m[1], where }));
  return {
    actions: [
      ...matches(new RegExp(String.raw`\baction:\s*` + CODE, 'g')),
      ...matches(new RegExp(String.raw`\bthis\.record\(\s*\w+\s*,\s*\w+\s*,\s*` + CODE, 'g')),
    ],
    entityTypes: matches(/\bentityType:\s*['"]([a-z][a-z0-9-]*)['"]/g),
  };
}

describe('audit actions', () => {
  const root = join(__dirname, '..');
  const found = sourceFiles(root).map((file) => writtenIn(file, root));
  const actions = found.flatMap((f) => f.actions);
  const entityTypes = found.flatMap((f) => f.entityTypes);

  // The admin's screen filters and labels by AUDIT_ACTIONS: an action the API writes but the list
  // misses cannot be filtered for and shows as a raw code.
  it('lists every action the API writes in AUDIT_ACTIONS', () => {
    // The scan must see the known writers, through both call shapes, or it proves nothing.
    expect(actions.map((a) => a.code)).toEqual(
      expect.arrayContaining(['auth.signed-in', 'user.updated', 'canned-answer.created', 'kb-article.created']),
    );
    const known: readonly string[] = AUDIT_ACTIONS;
    expect(actions.filter((a) => !known.includes(a.code))).toEqual([]);
  });

  it('lists every entity type the API writes in AUDIT_ENTITY_TYPES', () => {
    expect(entityTypes.map((e) => e.code)).toEqual(expect.arrayContaining(['user', 'organization']));
    const known: readonly string[] = AUDIT_ENTITY_TYPES;
    expect(entityTypes.filter((e) => !known.includes(e.code))).toEqual([]);
  });

  it('has no duplicate in either list', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(new Set(AUDIT_ENTITY_TYPES).size).toBe(AUDIT_ENTITY_TYPES.length);
  });
});
