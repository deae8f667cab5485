import { Injectable } from '@nestjs/common';
import type { ArticleStatus, Language } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { type Db, type RowOf, sqlRow, sqlRows, sqlRun } from '../common/typed-sql';
import type { RequestEntity } from '../requests/request.entities';
import { visibilityScope } from '../requests/request-scope';
import type { KbArticleEntity, KbArticleVersionEntity, KbSuggestionEntity } from './knowledge-base.entities';

export type ArticleRow = RowOf<
  KbArticleEntity,
  | 'id'
  | 'slug'
  | 'area_code'
  | 'country_code'
  | 'product'
  | 'status'
  | 'members_only'
  | 'author_id'
  | 'reviewer_id'
  | 'last_reviewed_at'
  | 'source_request_id'
  | 'version'
  | 'updated_at'
> & { author_name: string | null; reviewer_name: string | null };

export type VersionRow = RowOf<KbArticleVersionEntity, 'language' | 'title' | 'body' | 'updated_at'>;

export type HitRow = RowOf<KbArticleEntity, 'id' | 'slug' | 'area_code' | 'members_only'> &
  RowOf<KbArticleVersionEntity, 'language' | 'title'> & { excerpt: string; total: number };

export type SummaryRow = RowOf<
  KbArticleEntity,
  'id' | 'slug' | 'area_code' | 'status' | 'last_reviewed_at' | 'updated_at'
> & {
  title: string;
  languages: Language[];
};

export type SuggestionRow = RowOf<KbSuggestionEntity, 'id' | 'language' | 'body' | 'author_id' | 'created_at'> & {
  author_name: string | null;
};

/** A resolved request as a draft article needs it: its text, its staff's public answers, its member's details. */
export type RequestForDraftRow = RowOf<RequestEntity, 'id' | 'subject' | 'description' | 'status' | 'area_code'> & {
  member_language: Language;
  organization_name: string;
  people_names: string[];
  answers: string[];
};

export interface ArticleMeta {
  slug: string;
  area: string;
  country: string | null;
  product: string | null;
  membersOnly: boolean;
}

export interface ReportFigures {
  area_code: string;
  published_articles: number;
  views: number;
  answered: number;
  filed_after_reading: number;
}

const ARTICLE = `SELECT a.id, a.slug, a.area_code, a.country_code, a.product, a.status, a.members_only, a.author_id,
         a.reviewer_id, a.last_reviewed_at, a.source_request_id, a.version, a.updated_at,
         au.name AS author_name, rv.name AS reviewer_name
  FROM kb_articles a LEFT JOIN users au ON au.id = a.author_id LEFT JOIN users rv ON rv.id = a.reviewer_id`;

/**
 * What a reader may find: published articles, those for members only when signed in. The
 * one rule of visibility for readers, in every reader's statement.
 */
const readable = (signedIn: boolean) => `a.status = 'published'${signedIn ? '' : ' AND NOT a.members_only'}`;

/** The words of a subject as an any-word prefix query in the language's configuration (NULL: no word). */
const ANY_WORD_PREFIX = (language: string, text: string) => `(SELECT pg_catalog.to_tsquery('pg_catalog.simple',
    string_agg(pg_catalog.quote_literal(lexeme) || ':*', ' | '))
  FROM unnest(pg_catalog.to_tsvector(kb_config(${language}), ${text})) AS l)`;

@Injectable()
export class KnowledgeBaseRepository {
  findBySlug(db: Db, slug: string): Promise<ArticleRow | undefined> {
    return sqlRow<ArticleRow>(db, `${ARTICLE} WHERE a.slug = $1`, [slug]);
  }

  find(db: Db, id: string, options: { lock: boolean } = { lock: false }): Promise<ArticleRow | undefined> {
    return sqlRow<ArticleRow>(db, `${ARTICLE} WHERE a.id = $1${options.lock ? ' FOR UPDATE OF a' : ''}`, [id]);
  }

  /** A published article by its slug, readable by this reader (members-only ones answered too: the caller says why not). */
  findPublished(db: Db, slug: string): Promise<ArticleRow | undefined> {
    return sqlRow<ArticleRow>(db, `${ARTICLE} WHERE a.slug = $1 AND ${readable(true)}`, [slug]);
  }

  versions(db: Db, articleId: string): Promise<VersionRow[]> {
    return sqlRows<VersionRow>(
      db,
      `SELECT language, title, body, updated_at FROM kb_article_versions WHERE article_id = $1 ORDER BY language`,
      [articleId],
    );
  }

  /** Published articles in a language: matching the words (ranked), or all of an area by last review. */
  async search(
    db: Db,
    query: {
      language: Language;
      q: string | null;
      area: string | null;
      signedIn: boolean;
      limit: number;
      offset: number;
    },
  ): Promise<{ rows: HitRow[]; total: number }> {
    const words = query.q !== null;
    // The page is picked first on the matches' ranks alone; its 20 rows only are read whole
    // (title, excerpt): an excerpt for every match would cost more than the search.
    const rows = await sqlRows<HitRow>(
      db,
      `WITH search AS (SELECT pg_catalog.websearch_to_tsquery(kb_config($1), coalesce($2, '')) AS q),
       page AS (
         SELECT v.article_id, a.last_reviewed_at,
                ${words ? 'pg_catalog.ts_rank(v.search_document, search.q)' : '0::real'} AS rank,
                count(*) OVER ()::int AS total
         FROM kb_article_versions v JOIN kb_articles a ON a.id = v.article_id CROSS JOIN search
         WHERE v.language = $1 AND ${readable(query.signedIn)} AND ($3::text IS NULL OR a.area_code = $3)
           ${words ? 'AND v.search_document @@ search.q' : ''}
         ORDER BY rank DESC, a.last_reviewed_at DESC NULLS LAST, v.article_id
         LIMIT $4 OFFSET $5)
       SELECT a.id, a.slug, a.area_code, a.members_only, v.language, v.title,
              left(regexp_replace(left(v.body, 600), '[#*_>\\s-]+', ' ', 'g'), 220) AS excerpt, page.total
       FROM page JOIN kb_articles a ON a.id = page.article_id
         JOIN kb_article_versions v ON v.article_id = page.article_id AND v.language = $1
       ORDER BY page.rank DESC, page.last_reviewed_at DESC NULLS LAST, page.article_id`,
      [query.language, query.q, query.area, query.limit, query.offset],
    );
    return { rows, total: rows[0]?.total ?? 0 };
  }

  /**
   * Up to `limit` published articles for a subject being typed: any of its words (each as a
   * prefix: the last one is often half typed), those of the picked area first, then by rank.
   */
  suggest(db: Db, language: Language, subject: string, area: string | null, limit: number): Promise<HitRow[]> {
    return sqlRows<HitRow>(
      db,
      `WITH search AS (SELECT ${ANY_WORD_PREFIX('$1', '$2')} AS q)
       SELECT a.id, a.slug, a.area_code, a.members_only, v.language, v.title, '' AS excerpt, 0 AS total
       FROM kb_article_versions v JOIN kb_articles a ON a.id = v.article_id CROSS JOIN search
       WHERE search.q IS NOT NULL AND v.language = $1 AND ${readable(true)} AND v.search_document @@ search.q
       ORDER BY (a.area_code = $3) IS TRUE DESC, pg_catalog.ts_rank(v.search_document, search.q) DESC, a.id
       LIMIT $4`,
      [language, subject, area, limit],
    );
  }

  /** Every article for the editors' list, with its title in the caller's language (else the first there is). */
  list(
    db: Db,
    language: Language,
    filter: { area: string | null; status: ArticleStatus | null },
  ): Promise<SummaryRow[]> {
    return sqlRows<SummaryRow>(
      db,
      `SELECT a.id, a.slug, a.area_code, a.status, a.last_reviewed_at, a.updated_at,
              (array_agg(v.title ORDER BY v.language = $1 DESC, array_position(ARRAY['es','en','pt','fr'], v.language)))[1] AS title,
              array_agg(v.language ORDER BY array_position(ARRAY['es','en','pt','fr'], v.language)) AS languages
       FROM kb_articles a JOIN kb_article_versions v ON v.article_id = a.id
       WHERE ($2::text IS NULL OR a.area_code = $2) AND ($3::text IS NULL OR a.status = $3)
       GROUP BY a.id
       ORDER BY a.updated_at DESC, a.id
       LIMIT 500`,
      [language, filter.area, filter.status],
    );
  }

  /** The new article's id; undefined when the slug is taken. */
  async insert(
    db: Db,
    meta: ArticleMeta,
    authorId: string,
    sourceRequestId: string | null = null,
  ): Promise<string | undefined> {
    const row = await sqlRow<{ id: string }>(
      db,
      `INSERT INTO kb_articles (slug, area_code, country_code, product, members_only, author_id, source_request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [meta.slug, meta.area, meta.country, meta.product, meta.membersOnly, authorId, sourceRequestId],
    );
    return row?.id;
  }

  /** False when another article has the slug. */
  async update(db: Db, id: string, meta: ArticleMeta): Promise<boolean> {
    const taken = await sqlRow<{ id: string }>(db, `SELECT id FROM kb_articles WHERE slug = $1 AND id <> $2`, [
      meta.slug,
      id,
    ]);
    if (taken) return false;
    await sqlRun(
      db,
      `UPDATE kb_articles SET slug = $2, area_code = $3, country_code = $4, product = $5, members_only = $6,
              version = version + 1, updated_at = now()
       WHERE id = $1`,
      [id, meta.slug, meta.area, meta.country, meta.product, meta.membersOnly],
    );
    return true;
  }

  async saveVersion(db: Db, id: string, language: Language, title: string, body: string, by: string): Promise<void> {
    await sqlRun(
      db,
      `INSERT INTO kb_article_versions (article_id, language, title, body, search_document, updated_by)
       VALUES ($1, $2, $3, $4, kb_document($2, $3, $4), $5)
       ON CONFLICT (article_id, language) DO UPDATE
         SET title = EXCLUDED.title, body = EXCLUDED.body, search_document = EXCLUDED.search_document,
             updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [id, language, title, body, by],
    );
    await this.touch(db, id);
  }

  async deleteVersion(db: Db, id: string, language: Language): Promise<void> {
    await sqlRun(db, `DELETE FROM kb_article_versions WHERE article_id = $1 AND language = $2`, [id, language]);
    await this.touch(db, id);
  }

  /** A status change; publishing (again) records the caller as the reviewer, today as the last review. */
  async setStatus(db: Db, id: string, status: ArticleStatus, reviewerId: string): Promise<void> {
    await sqlRun(
      db,
      `UPDATE kb_articles SET status = $2,
              reviewer_id = CASE WHEN $2 = 'published' THEN $3::uuid ELSE reviewer_id END,
              last_reviewed_at = CASE WHEN $2 = 'published' THEN now() ELSE last_reviewed_at END,
              version = version + 1, updated_at = now()
       WHERE id = $1`,
      [id, status, reviewerId],
    );
  }

  private async touch(db: Db, id: string): Promise<void> {
    await sqlRun(db, `UPDATE kb_articles SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
  }

  async recordView(db: Db, articleId: string, language: Language, userId: string | null): Promise<void> {
    await sqlRun(db, `INSERT INTO kb_article_views (article_id, language, user_id) VALUES ($1, $2, $3)`, [
      articleId,
      language,
      userId,
    ]);
  }

  /** True when counted; false when this visit of the form was counted already. */
  async recordAnswered(db: Db, visitId: string, articleId: string, userId: string): Promise<boolean> {
    const row = await sqlRow<{ visit_id: string }>(
      db,
      `INSERT INTO kb_deflections (visit_id, article_id, user_id) VALUES ($1, $2, $3)
       ON CONFLICT (visit_id) DO NOTHING RETURNING visit_id`,
      [visitId, articleId, userId],
    );
    return row !== undefined;
  }

  async requestTranslation(db: Db, articleId: string, language: Language): Promise<void> {
    await sqlRun(
      db,
      `INSERT INTO kb_translation_requests (article_id, language) VALUES ($1, $2)
       ON CONFLICT (article_id, language) DO UPDATE SET count = kb_translation_requests.count + 1, last_requested_at = now()`,
      [articleId, language],
    );
  }

  translationRequests(db: Db, articleId: string): Promise<{ language: Language; count: number }[]> {
    return sqlRows(
      db,
      `SELECT language, count FROM kb_translation_requests
       WHERE article_id = $1 AND NOT EXISTS (SELECT 1 FROM kb_article_versions v WHERE v.article_id = $1 AND v.language = kb_translation_requests.language)
       ORDER BY count DESC, language`,
      [articleId],
    );
  }

  async insertSuggestion(
    db: Db,
    articleId: string,
    language: Language,
    body: string,
    authorId: string,
  ): Promise<string> {
    const row = await sqlRow<{ id: string }>(
      db,
      `INSERT INTO kb_suggestions (article_id, language, body, author_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [articleId, language, body, authorId],
    );
    return row!.id;
  }

  suggestions(db: Db, articleId: string): Promise<SuggestionRow[]> {
    return sqlRows<SuggestionRow>(
      db,
      `SELECT s.id, s.language, s.body, s.author_id, s.created_at, u.name AS author_name
       FROM kb_suggestions s LEFT JOIN users u ON u.id = s.author_id
       WHERE s.article_id = $1 AND s.status = 'open' ORDER BY s.created_at, s.id`,
      [articleId],
    );
  }

  async closeSuggestion(db: Db, articleId: string, suggestionId: string): Promise<boolean> {
    const row = await sqlRow<{ id: string }>(
      db,
      `UPDATE kb_suggestions SET status = 'done' WHERE id = $1 AND article_id = $2 AND status = 'open' RETURNING id`,
      [suggestionId, articleId],
    );
    return row !== undefined;
  }

  /** A request the caller may see (its visibility scope in the statement), with what a draft needs. */
  requestForDraft(db: Db, caller: AuthUser, id: string): Promise<RequestForDraftRow | undefined> {
    const params: unknown[] = [id];
    const scope = visibilityScope(caller, params);
    return sqlRow<RequestForDraftRow>(
      db,
      `SELECT r.id, r.subject, r.description, r.status, r.area_code, m.language AS member_language, o.name AS organization_name,
              ARRAY(SELECT p.name FROM users p WHERE p.organization_id = r.organization_id OR p.id = r.created_by) AS people_names,
              ARRAY(SELECT msg.body FROM request_messages msg JOIN users s ON s.id = msg.author_id
                    WHERE msg.request_id = r.id AND NOT msg.internal AND s.organization_id IS NULL
                    ORDER BY msg.created_at, msg.id) AS answers
       FROM requests r JOIN users m ON m.id = r.created_by JOIN organizations o ON o.id = r.organization_id
       WHERE r.id = $1 AND ${scope}`,
      params,
    );
  }

  /**
   * Per area, between two instants: articles published now, readings, "this answered my
   * question", and requests filed by someone who had read an article of the area in the
   * 24 hours before.
   */
  report(db: Db, from: Date, to: Date): Promise<ReportFigures[]> {
    return sqlRows<ReportFigures>(
      db,
      `SELECT t.code AS area_code,
              (SELECT count(*)::int FROM kb_articles a WHERE a.area_code = t.code AND a.status = 'published') AS published_articles,
              (SELECT count(*)::int FROM kb_article_views w JOIN kb_articles a ON a.id = w.article_id
                WHERE a.area_code = t.code AND w.viewed_at >= $1 AND w.viewed_at < $2) AS views,
              (SELECT count(*)::int FROM kb_deflections d JOIN kb_articles a ON a.id = d.article_id
                WHERE a.area_code = t.code AND d.created_at >= $1 AND d.created_at < $2) AS answered,
              (SELECT count(*)::int FROM requests r
                WHERE r.area_code = t.code AND r.created_at >= $1 AND r.created_at < $2
                  AND EXISTS (SELECT 1 FROM kb_article_views w JOIN kb_articles a ON a.id = w.article_id
                              WHERE w.user_id = r.created_by AND a.area_code = t.code
                                AND w.viewed_at BETWEEN r.created_at - interval '24 hours' AND r.created_at)) AS filed_after_reading
       FROM thematic_areas t ORDER BY t.sort_order`,
      [from, to],
    );
  }
}
