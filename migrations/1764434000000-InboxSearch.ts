import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox search also finds a request by its organization's name, by the name or email of
 * the member who filed it, and by the end of its reference ("000042" for SR-2026-000042),
 * issue 19. Each through an index (checked on the volume database, docs/performance.md):
 *
 * - Organizations' names and members' names and emails as full-text documents, accents
 *   removed, in expression indexes. unaccent() is STABLE (its dictionary could change), which
 *   an index expression may not call: the two document functions are declared IMMUTABLE and
 *   name the dictionary and the function by schema (their SQL-standard bodies are bound when
 *   created, so no search_path can swap them). The email is also split at "@" and "." so that
 *   "torres" finds ana.torres@….
 * - A reference's end is the start of the reversed reference, which a pattern b-tree finds.
 * - A member's requests by created_by (the requests of every member whose name matched).
 */
export class InboxSearch1764434000000 implements MigrationInterface {
  name = 'InboxSearch1764434000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION organization_search_document(name text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN pg_catalog.to_tsvector('pg_catalog.simple'::regconfig, public.unaccent('public.unaccent'::regdictionary, name))`);
    await db.query(`
      CREATE FUNCTION person_search_document(name text, email text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN pg_catalog.to_tsvector('pg_catalog.simple'::regconfig, public.unaccent('public.unaccent'::regdictionary,
          name || ' ' || email || ' ' || pg_catalog.translate(email, '@.', '  ')))`);
    await db.query(
      `CREATE INDEX organizations_search_idx ON organizations USING gin (organization_search_document(name))`,
    );
    // Members only: those are the people who file requests.
    await db.query(`
      CREATE INDEX users_member_search_idx ON users USING gin (person_search_document(name, email))
      WHERE organization_id IS NOT NULL`);
    await db.query(`CREATE INDEX requests_reference_suffix_idx ON requests (reverse(reference) text_pattern_ops)`);
    await db.query(`CREATE INDEX requests_created_by_idx ON requests (created_by, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX requests_created_by_idx`);
    await db.query(`DROP INDEX requests_reference_suffix_idx`);
    await db.query(`DROP INDEX users_member_search_idx`);
    await db.query(`DROP INDEX organizations_search_idx`);
    await db.query(`DROP FUNCTION person_search_document(text, text)`);
    await db.query(`DROP FUNCTION organization_search_document(text)`);
  }
}
