import type { MigrationInterface, QueryRunner } from 'typeorm';

const CONFIGS = { es: 'spanish', pt: 'portuguese', fr: 'french', en: 'english' } as const;

/**
 * The knowledge base (issue 21): articles per thematic area with one version per language,
 * what readers do with them (views, "this answered my question", requests for a translation)
 * and edits suggested by staff who do not write them.
 *
 * Search per language, stemmed and with accents ignored: one text search configuration per
 * language (kb_spanish…), a copy of PostgreSQL's with the unaccent dictionary before the
 * language's stemmer, so "auditoría" and "auditorias" meet at "auditori". A version's document
 * is kept in a column (kb_document, IMMUTABLE: its configuration is named by schema, so no
 * search_path can swap it) written with the text, and found through a GIN index; the ranking
 * reads the column instead of parsing every matched body again. One GIN index per language.
 */
export class KnowledgeBase1764450000000 implements MigrationInterface {
  name = 'KnowledgeBase1764450000000';

  async up(db: QueryRunner): Promise<void> {
    for (const [, config] of Object.entries(CONFIGS)) {
      await db.query(`CREATE TEXT SEARCH CONFIGURATION public.kb_${config} (COPY = pg_catalog.${config})`);
      await db.query(`
        ALTER TEXT SEARCH CONFIGURATION public.kb_${config}
          ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.${config}_stem`);
    }
    await db.query(`
      CREATE FUNCTION kb_config(language text) RETURNS regconfig
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN CASE language
          ${Object.entries(CONFIGS)
            .map(([language, config]) => `WHEN '${language}' THEN 'public.kb_${config}'::regconfig`)
            .join('\n          ')}
          ELSE 'pg_catalog.simple'::regconfig END`);
    // The title weighs more than the body.
    await db.query(`
      CREATE FUNCTION kb_document(language text, title text, body text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN pg_catalog.setweight(pg_catalog.to_tsvector(public.kb_config(language), title), 'A')
            || pg_catalog.setweight(pg_catalog.to_tsvector(public.kb_config(language), body), 'B')`);

    await db.query(`
      CREATE TABLE kb_articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) BETWEEN 3 AND 120),
        area_code text NOT NULL REFERENCES thematic_areas (code),
        country_code text REFERENCES countries (code),
        product text CHECK (char_length(product) BETWEEN 1 AND 80),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
        members_only boolean NOT NULL DEFAULT false,
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        reviewer_id uuid REFERENCES users (id) ON DELETE SET NULL,
        last_reviewed_at timestamptz,
        source_request_id uuid REFERENCES requests (id) ON DELETE SET NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX kb_articles_slug_idx ON kb_articles (slug)`);
    await db.query(`CREATE INDEX kb_articles_area_idx ON kb_articles (area_code, status)`);

    await db.query(`
      CREATE TABLE kb_article_versions (
        article_id uuid NOT NULL REFERENCES kb_articles (id) ON DELETE CASCADE,
        language text NOT NULL CHECK (language IN ('es', 'en', 'pt', 'fr')),
        title text NOT NULL CHECK (char_length(title) BETWEEN 3 AND 200),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 50000),
        search_document tsvector NOT NULL,
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, language)
      )`);
    // One index per language: a search looks in one language, and a word shared by several
    // (audit, auditoria) would otherwise bring every language's matches to be filtered out.
    // The API's statements are planned with their values (unnamed), so the partial index of
    // the language asked for is used.
    for (const language of Object.keys(CONFIGS))
      await db.query(
        `CREATE INDEX kb_article_versions_search_${language}_idx ON kb_article_versions USING gin (search_document) WHERE language = '${language}'`,
      );

    // One row per reading of a published article; user_id when signed in (the report's
    // "requests filed after reading" joins on it).
    await db.query(`
      CREATE TABLE kb_article_views (
        id bigserial PRIMARY KEY,
        article_id uuid NOT NULL REFERENCES kb_articles (id) ON DELETE CASCADE,
        language text NOT NULL CHECK (language IN ('es', 'en', 'pt', 'fr')),
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        viewed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX kb_article_views_article_idx ON kb_article_views (article_id, viewed_at)`);
    await db.query(
      `CREATE INDEX kb_article_views_user_idx ON kb_article_views (user_id, viewed_at) WHERE user_id IS NOT NULL`,
    );

    // "This answered my question" on the new-request form: one per visit of the form.
    await db.query(`
      CREATE TABLE kb_deflections (
        visit_id uuid PRIMARY KEY,
        article_id uuid NOT NULL REFERENCES kb_articles (id) ON DELETE CASCADE,
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX kb_deflections_article_idx ON kb_deflections (article_id, created_at)`);

    // Readers asking for a language an article lacks: a count per article and language.
    await db.query(`
      CREATE TABLE kb_translation_requests (
        article_id uuid NOT NULL REFERENCES kb_articles (id) ON DELETE CASCADE,
        language text NOT NULL CHECK (language IN ('es', 'en', 'pt', 'fr')),
        count int NOT NULL DEFAULT 1 CHECK (count >= 1),
        last_requested_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, language)
      )`);

    await db.query(`
      CREATE TABLE kb_suggestions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL REFERENCES kb_articles (id) ON DELETE CASCADE,
        language text NOT NULL CHECK (language IN ('es', 'en', 'pt', 'fr')),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX kb_suggestions_article_idx ON kb_suggestions (article_id) WHERE status = 'open'`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'kb_suggestions',
      'kb_translation_requests',
      'kb_deflections',
      'kb_article_views',
      'kb_article_versions',
      'kb_articles',
    ])
      await db.query(`DROP TABLE ${table}`);
    await db.query(`DROP FUNCTION kb_document(text, text, text)`);
    await db.query(`DROP FUNCTION kb_config(text)`);
    for (const config of Object.values(CONFIGS)) await db.query(`DROP TEXT SEARCH CONFIGURATION public.kb_${config}`);
  }
}
