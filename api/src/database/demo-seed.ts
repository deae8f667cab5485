import { sqlRows } from '../common/typed-sql';
import type { DataSource } from 'typeorm';
import demo from '../../../shared/data/demo.json';
import { DEMO_PASSWORD } from '../auth/demo-password';
import { hashPassword } from '../auth/password-hasher';
import { DEMO_ARTICLES } from './demo-articles';
import { DEMO_CANNED_ANSWERS } from './demo-canned-answers';

export interface DemoAccount {
  email: string;
  name: string;
  role: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = demo.users.map(({ email, name, role }) => ({ email, name, role }));

/**
 * Loads the demo organizations and accounts. Idempotent: what exists (matched by the
 * organization's name and country, the user's email) is left as it is, so changes made
 * in the portal survive a restart.
 */
export async function seedDemoData(dataSource: DataSource): Promise<void> {
  // One hash for every demo account: they share the demo password anyway, and hashing
  // 25 times with argon2id would add seconds to every start.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await dataSource.transaction(async (db) => {
    const organizationIds = new Map<string, string>();
    for (const org of demo.organizations) {
      const [row] = await sqlRows<{ id: string }>(
        db,
        `INSERT INTO organizations (name, country_code, kind, products)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (lower(name), country_code) DO UPDATE SET name = organizations.name
         RETURNING id`,
        [org.name, org.country, org.kind, org.products],
      );
      organizationIds.set(org.key, row.id);
    }
    for (const user of demo.users) {
      const organizationId =
        'organization' in user && user.organization ? organizationIds.get(user.organization) : null;
      const inserted: { id: string }[] = await db.query(
        `INSERT INTO users (email, name, role, language, password_hash, organization_id, region_code, contact, available)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (lower(email)) DO NOTHING
         RETURNING id`,
        [
          user.email,
          user.name,
          user.role,
          user.language,
          passwordHash,
          organizationId ?? null,
          'region' in user ? user.region : null,
          'contact' in user ? user.contact === true : false,
          'available' in user ? user.available !== false : true,
        ],
      );
      if (inserted.length === 0 || !('coverage' in user)) continue;
      for (const entry of user.coverage as { country?: string; region?: string; area?: string }[]) {
        await db.query(
          `INSERT INTO coverage_entries (user_id, country_code, region_code, area_code) VALUES ($1, $2, $3, $4)`,
          [inserted[0].id, entry.country ?? null, entry.region ?? null, entry.area ?? null],
        );
      }
    }
    // Only into an empty table: answers changed or deleted in the portal stay as they are.
    const [{ n }] = await sqlRows<{ n: number }>(db, `SELECT count(*)::int AS n FROM canned_answers`);
    if (n === 0) {
      for (const answer of DEMO_CANNED_ANSWERS) {
        await db.query(`INSERT INTO canned_answers (area_code, language, title, body) VALUES ($1, $2, $3, $4)`, [
          answer.area,
          answer.language,
          answer.title,
          answer.body,
        ]);
      }
    }
    // The knowledge base's articles, published, likewise only into an empty table.
    const [{ articles }] = await sqlRows<{ articles: number }>(db, `SELECT count(*)::int AS articles FROM kb_articles`);
    if (articles === 0) {
      for (const article of DEMO_ARTICLES) {
        const [row] = await sqlRows<{ id: string }>(
          db,
          `INSERT INTO kb_articles (slug, area_code, status, members_only, last_reviewed_at)
           VALUES ($1, $2, 'published', $3, now()) RETURNING id`,
          [article.slug, article.area, article.membersOnly],
        );
        for (const version of article.versions) {
          await db.query(
            `INSERT INTO kb_article_versions (article_id, language, title, body, search_document)
             VALUES ($1, $2, $3, $4, kb_document($2, $3, $4))`,
            [row.id, version.language, version.title, version.body],
          );
        }
      }
    }
  });
}
