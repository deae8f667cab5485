import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  type AttachmentView,
  isStaff,
  nextDeadlineOf,
  REQUEST_VISIBILITY,
  type RequestListItem,
  type MessageView,
  type RequestView,
  type Role,
  type RoutingTier,
  type RoutingView,
  STAFF_ONLY_EVENT_TYPES,
  type TimelineEntry,
} from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CURSOR_TIMESTAMP_SQL, type ListPosition } from './list-cursor';
import { type Db, type RowOf, sqlRow, sqlRows } from '../common/typed-sql';
import { type Coverage, type CoverageEntryRow, coverageFrom, visibilityScope } from './request-scope';
import type { AttachmentEntity, RequestEntity } from './request.entities';
import { explainRouting } from './routing/routing-explanation';

/** A request as REQUEST_COLUMNS reads it: its own columns, typed by the entity, and three names. */
export type RequestRow = RowOf<
  RequestEntity,
  | 'id'
  | 'reference'
  | 'subject'
  | 'description'
  | 'status'
  | 'priority'
  | 'area_code'
  | 'organization_id'
  | 'country_code'
  | 'region_code'
  | 'assignee_id'
  | 'routing_tier'
  | 'routing_reason'
  | 'routing_facts'
  | 'created_by'
  | 'created_at'
  | 'updated_at'
  | 'first_responded_at'
  | 'resolved_at'
  | 'closed_at'
  | 'escalated'
  | 'first_response_due_at'
  | 'resolution_due_at'
  | 'breached'
  | 'satisfaction_score'
  | 'satisfaction_comment'
  | 'version'
> & {
  // The entity stores them as text; the API's values are the shared unions.
  area_code: RequestView['area'];
  region_code: RequestView['region'];
  organization_name: string;
  assignee_name: string | null;
  assignee_role: Role | null;
  routing_coverage: RoutingView['coverage'];
  created_by_name: string;
  sla_warning: boolean;
};

interface MessageRow {
  id: string;
  body: string;
  internal: boolean;
  created_at: Date;
  author_id: string;
  author_name: string;
  author_role: string;
}

interface EventRow {
  id: string;
  type: string;
  from_value: string | null;
  to_value: string | null;
  reason: string | null;
  created_at: Date;
  actor_id: string | null;
  actor_name: string | null;
}

type AttachmentRow = RowOf<
  AttachmentEntity,
  'id' | 'file_name' | 'size_bytes' | 'content_type' | 'message_id' | 'created_at'
>;

/**
 * A request's columns as the API shows it, on `r`. The three names are scalar sub-selects (a
 * primary-key probe each, for the rows returned only: PostgreSQL evaluates them after a sort
 * and limit) rather than joins: every list's statement is planned afresh, and three joins
 * fewer planned it ~0.4 ms faster (0.93 → 0.54 ms, a director's open work).
 */
export const REQUEST_COLUMNS = `
  r.id, r.reference, r.subject, r.description, r.status, r.priority, r.area_code,
  r.organization_id, (SELECT o.name FROM organizations o WHERE o.id = r.organization_id) AS organization_name,
  r.country_code, r.region_code, r.assignee_id,
  (SELECT a.name FROM users a WHERE a.id = r.assignee_id) AS assignee_name,
  (SELECT a.role FROM users a WHERE a.id = r.assignee_id) AS assignee_role,
  r.routing_tier, r.routing_reason, r.routing_coverage, r.routing_facts,
  r.created_by, (SELECT cb.name FROM users cb WHERE cb.id = r.created_by) AS created_by_name, r.created_at, r.updated_at,
  r.first_responded_at, r.resolved_at, r.closed_at, r.escalated,
  r.first_response_due_at, r.resolution_due_at, r.breached,
  CASE WHEN r.first_responded_at IS NULL AND r.first_response_due_at IS NOT NULL THEN r.first_response_warned_at IS NOT NULL
       ELSE r.resolution_warned_at IS NOT NULL END AS sla_warning,
  r.satisfaction_score, r.satisfaction_comment, r.version`;

const REQUEST_FROM = `
  FROM requests r`;

/**
 * What an inbox line adds to a request `r` of the page, read in the list's own statement for
 * the page's rows only (a round trip less per list): when the member wrote last after staff had
 * answered — the newest public message, by a member of the request's organization, after a
 * staff reply (first_responded_at). Members are told apart by their organization, which staff
 * never have. One index probe per row (request_messages_request_idx).
 */
const MEMBER_REPLIED_SQL = `(
  SELECT last.created_at FROM (
    SELECT m.created_at, u.organization_id = r.organization_id AS by_member
    FROM request_messages m JOIN users u ON u.id = m.author_id
    WHERE m.request_id = r.id AND NOT m.internal
    ORDER BY m.created_at DESC, m.id DESC LIMIT 1) last
  WHERE last.by_member AND r.first_responded_at < last.created_at) AS member_replied_at`;

/** A lexeme of what was typed as a tsquery term: quoted, required as a prefix. */
const PREFIX_TERM = `'''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || ''':*'`;

/**
 * What a person typed, as a prefix tsquery: the text is parsed by the same 'simple'
 * configuration and unaccent() as the documents ("3.2", "café" and "SR-2026-000042" come out
 * as the same lexemes on both sides), each lexeme quoted (so typed operators are only text)
 * and required as a prefix ("cafe" finds "cafetalera"). Nothing searchable gives NULL,
 * which matches nothing.
 */
function prefixTsQuery(textParam: string): string {
  return `to_tsquery('simple', (
    SELECT string_agg(${PREFIX_TERM}, ' & ')
    FROM unnest(to_tsvector('simple', unaccent(${textParam})))))`;
}

/**
 * Each lexeme of what was typed, with the share of the requests' texts that hold it as a
 * prefix, from the statistics alone: the frequencies of the most common lexemes, which
 * ANALYZE keeps for a full-text column (a word among none of them is rare; all are 0 before
 * the first ANALYZE).
 */
function typedLexemesSql(textParam: string): string {
  // The statistics are read once, not once per lexeme (a name of seven words read them seven
  // times: ~0.4 ms each).
  return `WITH common AS MATERIALIZED (
      SELECT e.lexeme, e.frequency FROM pg_stats s
      CROSS JOIN unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, frequency)
      WHERE s.schemaname = current_schema() AND s.tablename = 'requests' AND s.attname = 'search_public')
    SELECT l.lexeme, (SELECT coalesce(sum(c.frequency), 0) FROM common c WHERE starts_with(c.lexeme, l.lexeme)) AS share
    FROM unnest(to_tsvector('simple', unaccent(${textParam}))) AS l`;
}

/** Statuses a request passes through on its way to closed or withdrawn: few requests are in them at any time. */
const WORKING_STATUSES = ['new', 'assigned', 'in_progress', 'waiting_on_member', 'resolved'];

/** An archive search checks its words on up to this many times the counting limit before it turns to the full-text index (see list()). */
const PROBE_PER_LIMIT = 4;

/**
 * Organizations (or members) whose names hold the words, up to this many, go to the list's
 * statement as their ids; more ("cafe" starts 1,189 organizations' names) are found again
 * there as a sub-select, which PostgreSQL hashes once: a long array of ids would cost more to
 * send, parse and plan (twice: the count and the page) than finding them again does.
 */
const INLINE_NAME_MATCHES = 64;

/** A request's reference, as the search box's text upper-cased. */
const REFERENCE_PATTERN = /^SR-[0-9]{4}-[0-9]+$/;

/** The end of a reference, upper-cased: its number or the number's end ("000042", "42"), with the year or more before it. */
const REFERENCE_END_PATTERN = /^(((S?R)?-)?[0-9]{0,4}-)?[0-9]+$/;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A request as the caller may read it: why routing chose someone (colleagues' loads) is staff's business. */
export function toRequestView(row: RequestRow, caller: Pick<AuthUser, 'role' | 'language'>): RequestView {
  return {
    id: row.id,
    reference: row.reference,
    subject: row.subject,
    description: row.description,
    status: row.status,
    priority: row.priority,
    area: row.area_code,
    organization: { id: row.organization_id, name: row.organization_name, country: row.country_code },
    country: row.country_code,
    region: row.region_code,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name! } : null,
    routing: explainRouting(
      {
        tier: row.routing_tier as RoutingTier | null,
        coverage: row.routing_coverage,
        facts: row.routing_facts,
        sentence: row.routing_reason,
        request: { country: row.country_code, region: row.region_code, area: row.area_code },
        assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name!, role: row.assignee_role! } : null,
      },
      caller.language,
      isStaff(caller.role),
    ),
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    firstRespondedAt: iso(row.first_responded_at),
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
    escalated: row.escalated,
    sla: {
      firstResponseDueAt: iso(row.first_response_due_at),
      resolutionDueAt: iso(row.resolution_due_at),
      breached: row.breached,
      warning: row.sla_warning,
    },
    satisfaction:
      row.satisfaction_score === null ? null : { score: row.satisfaction_score, comment: row.satisfaction_comment },
    version: row.version,
  };
}

export interface RequestListFilter {
  status?: string[];
  area?: string;
  country?: string;
  region?: string;
  /** A user id, or 'none' for unassigned ('me' is resolved by the caller). */
  assignee?: string;
  organization?: string;
  /** Only the requests this person filed. */
  createdBy?: string;
  q?: string;
  breached?: boolean;
  escalated?: boolean;
  from?: Date;
  to?: Date;
  sort: { field: 'createdAt' | 'updatedAt' | 'priority' | 'dueAt'; descending: boolean };
  page: number;
  pageSize: number;
  /** The next page's start (from a cursor): then `page` is only a label. */
  after?: ListPosition;
  /** Counted exactly up to this many matches (LIST_EXACT_TOTAL_LIMIT). */
  exactTotalLimit: number;
  /** A search whose words are checked on the requests in scope, up to this many (SEARCH_EXACT_TOTAL_LIMIT; at most exactTotalLimit). */
  searchExactTotalLimit: number;
}

export interface RequestListResult {
  items: RequestListItem[];
  /** Exact when totalIsExact; else the limit, which the list holds more than. */
  total: number;
  totalIsExact: boolean;
  /** Where this page ends, when another follows. */
  next: ListPosition | null;
}

/** Sort keys; `nullable` only for a column that can be NULL (its NULLs go last). */
const SORT_SQL: Record<RequestListFilter['sort']['field'], { sql: string; nullable: boolean }> = {
  createdAt: { sql: 'r.created_at', nullable: false },
  updatedAt: { sql: 'r.updated_at', nullable: false },
  priority: {
    sql: `CASE r.priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END`,
    nullable: false,
  },
  dueAt: { sql: 'r.resolution_due_at', nullable: true },
};

@Injectable()
export class RequestViewsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A request the caller may see, or null (absent and invisible look the same). */
  async findVisible(caller: AuthUser, id: string, db: Db = this.dataSource): Promise<RequestView | null> {
    const params: unknown[] = [id];
    const scope = visibilityScope(caller, params);
    const row = await sqlRow<RequestRow>(
      db,
      `SELECT ${REQUEST_COLUMNS} ${REQUEST_FROM} WHERE r.id = $1 AND ${scope}`,
      params,
    );
    return row ? toRequestView(row, caller) : null;
  }

  /**
   * A request the caller has just handed on, as it now is. Read without the caller's scope:
   * the hand-off may have taken it out of the caller's sight, and the answer is still the request.
   */
  async findHandedOn(caller: AuthUser, id: string, db: Db): Promise<RequestView> {
    const row = await sqlRow<RequestRow>(db, `SELECT ${REQUEST_COLUMNS} ${REQUEST_FROM} WHERE r.id = $1`, [id]);
    return toRequestView(row!, caller);
  }

  async list(caller: AuthUser, filter: RequestListFilter): Promise<RequestListResult> {
    const params: unknown[] = [];
    const conditions = [visibilityScope(caller, params, await this.coverageOf(caller))];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // One status as an equality: an index led by the status then gives the rows in created_at
    // order (the archive's page walks requests_inbox_idx from its newest closed request of the
    // area); PostgreSQL 15 gives no order through `= ANY` of a list, even of one.
    if (filter.status?.length === 1) conditions.push(`r.status = ${param(filter.status[0])}`);
    else if (filter.status?.length) conditions.push(`r.status = ANY(${param(filter.status)}::text[])`);
    if (filter.area) conditions.push(`r.area_code = ${param(filter.area)}`);
    if (filter.country) conditions.push(`r.country_code = ${param(filter.country)}`);
    if (filter.region) conditions.push(`r.region_code = ${param(filter.region)}`);
    if (filter.assignee === 'none') conditions.push('r.assignee_id IS NULL');
    else if (filter.assignee) conditions.push(`r.assignee_id = ${param(filter.assignee)}`);
    if (filter.organization) conditions.push(`r.organization_id = ${param(filter.organization)}`);
    if (filter.createdBy) conditions.push(`r.created_by = ${param(filter.createdBy)}`);
    if (filter.breached !== undefined) conditions.push(`r.breached = ${param(filter.breached)}`);
    if (filter.escalated !== undefined) conditions.push(`r.escalated = ${param(filter.escalated)}`);
    if (filter.from) conditions.push(`r.created_at >= ${param(filter.from)}`);
    if (filter.to) conditions.push(`r.created_at < ${param(filter.to)}`);
    let pageWords: string | null = null;
    let probe = false;
    if (filter.q !== undefined) {
      // The words typed become a tsquery first, handed to the count and the page as a
      // constant: the planner can then tell a common word ("cafe", in a fifth of all
      // requests) from a rare one and check the former on the few requests the other
      // conditions leave instead of collecting its matches from the full-text index.
      // The organizations and members whose names have the words are found in the same
      // statement, through their own indexes (a few thousand rows): their ids are then
      // conditions on the requests' own columns, which the requests' indexes answer.
      const typed = filter.q.trim().toUpperCase();
      const [{ query, rarest, rarest_expected, long_words, organizations, members, expected }] = await sqlRows<{
        query: string | null;
        rarest: string | null;
        rarest_expected: number;
        long_words: string | null;
        /** Their ids, or null when there are more than INLINE_NAME_MATCHES (then found again in the list's statement). */
        organizations: string[] | null;
        members: string[] | null;
        expected: number;
      }>(
        this.dataSource,
        `WITH lexemes AS MATERIALIZED (${typedLexemesSql('$1')}),
         typed AS MATERIALIZED (
           SELECT ${prefixTsQuery('$1')} AS query, rarest.term AS rarest, coalesce(rarest.share, 0) AS share,
             to_tsquery('simple', (SELECT string_agg(${PREFIX_TERM}, ' & ') FROM lexemes WHERE length(lexeme) >= 3)) AS long_words
           FROM (SELECT) one LEFT JOIN LATERAL (
             -- Rare first; a word of one or two letters is the prefix of too many to count.
             SELECT to_tsquery('simple', ${PREFIX_TERM}) AS term, share FROM lexemes
             ORDER BY length(lexeme) < 3, share, length(lexeme) DESC, lexeme LIMIT 1) rarest ON true),
         found AS MATERIALIZED (
           SELECT typed.*,
             ARRAY(SELECT o.id FROM organizations o WHERE organization_search_document(o.name) @@ typed.query) AS organizations,
             ARRAY(SELECT u.id FROM users u
                   WHERE u.organization_id IS NOT NULL AND person_search_document(u.name, u.email) @@ typed.query) AS members
           FROM typed),
         sizes AS (
           SELECT greatest(sum(reltuples) FILTER (WHERE oid = 'requests'::regclass), 0) AS requests,
                  greatest(sum(reltuples) FILTER (WHERE oid = 'organizations'::regclass), 1) AS organizations,
                  greatest(sum(reltuples) FILTER (WHERE oid = 'users'::regclass), 1) AS users
           FROM pg_class WHERE oid IN ('requests'::regclass, 'organizations'::regclass, 'users'::regclass))
         SELECT f.query::text AS query, f.rarest::text AS rarest, (f.share * z.requests)::float8 AS rarest_expected,
           f.long_words::text AS long_words,
           CASE WHEN cardinality(f.organizations) <= ${INLINE_NAME_MATCHES} THEN f.organizations END AS organizations,
           CASE WHEN cardinality(f.members) <= ${INLINE_NAME_MATCHES} THEN f.members END AS members,
           -- How many requests may match: the rarest word's share of the texts, the
           -- organizations' and members' requests at their average counts, and the references
           -- that end so (one in ten for each digit typed).
           (f.share * z.requests + z.requests * (cardinality(f.organizations) / z.organizations
                                                 + cardinality(f.members) / z.users
                                                 + coalesce(0.1 ^ $2::int, 0)))::float8 AS expected
         FROM found f, sizes z`,
        [filter.q, REFERENCE_END_PATTERN.test(typed) ? /[0-9]+$/.exec(typed)![0].length : null],
      );
      const whole = query === null ? 'NULL::tsquery' : `${param(query)}::tsquery`;
      const reference = param(typed);
      // Internal notes are searched for staff only: a member must not learn their words.
      const staff = isStaff(caller.role);
      if (query !== null && rarest !== query && REFERENCE_PATTERN.test(typed)) {
        // A reference, "SR-2026-000042", is the lexemes sr, -2026 and -000042: as prefixes
        // the first two are in every request or in a year's, which the full-text index would
        // gather in full before intersecting. Its matches are few, so they are found first,
        // on their own (then the caller's scope and filters only look at those): by the
        // reference, or by the number alone through the index with the whole query checked
        // on each (the same @@, called as its function so that it is not looked up).
        const number = `${param(rarest)}::tsquery`;
        const matches = (column: string) => `(${column} @@ ${number} AND ts_match_vq(${column}, ${whole}))`;
        conditions.push(`r.id = ANY (ARRAY(
          SELECT s.id FROM requests s
          WHERE s.reference = ${reference} OR ${matches('s.search_public')}${staff ? ` OR ${matches('s.search_internal')}` : ''}))`);
      } else {
        // Besides the words in the request's texts: the organization's name, the member's name
        // or email, and the end of the reference ("000042", "2026-000042"): its reversed start.
        const inOrganizations =
          organizations === null
            ? `(SELECT o.id FROM organizations o WHERE organization_search_document(o.name) @@ ${whole})`
            : organizations.length
              ? `ANY(${param(organizations)}::uuid[])`
              : null;
        const byMembers =
          members === null
            ? `(SELECT u.id FROM users u WHERE u.organization_id IS NOT NULL AND person_search_document(u.name, u.email) @@ ${whole})`
            : members.length
              ? `ANY(${param(members)}::uuid[])`
              : null;
        const referenceEnd = REFERENCE_END_PATTERN.test(typed) ? param(`${[...typed].reverse().join('')}%`) : null;
        // Several words are looked up in the full-text index by the rarest alone when it is
        // rare, the whole query checked on each request it gives: GIN gathers every prefix's
        // matches in full before intersecting them, and in an organization's name
        // "productores", "los" and "5" are prefixes of tens of thousands of requests' texts,
        // "cafetalera" of none. When even the rarest is common ("sequia precio"), all are
        // intersected in the index, but words of one or two letters only checked on the rows.
        const indexedWords = rarest !== null && rarest_expected <= filter.exactTotalLimit ? rarest : long_words;
        const lookUp =
          query !== null && indexedWords !== null && indexedWords !== query ? `${param(indexedWords)}::tsquery` : null;
        // The words in a text column: as the full-text index's operator (`indexed`), or checked on
        // the row (the same @@ as its function, which the planner does not look up).
        const text = (column: string, indexed: boolean) => {
          const checked = `ts_match_vq(${column}, ${whole})`;
          if (lookUp === null) return indexed ? `${column} @@ ${whole}` : checked;
          return `(${indexed ? `${column} @@ ${lookUp}` : `ts_match_vq(${column}, ${lookUp})`} AND ${checked})`;
        };
        const wordsOn = (alias: string, indexed: boolean) =>
          `(${[
            `${alias}.reference = ${reference}`,
            inOrganizations && `${alias}.organization_id ${organizations === null ? 'IN' : '='} ${inOrganizations}`,
            byMembers && `${alias}.created_by ${members === null ? 'IN' : '='} ${byMembers}`,
            referenceEnd && `reverse(${alias}.reference) LIKE ${referenceEnd}`,
            text(`${alias}.search_public`, indexed),
            staff && text(`${alias}.search_internal`, indexed),
          ]
            .filter(Boolean)
            .join(' OR ')})`;
        // Among the requests in work (and the resolved ones, closed after a week) the words are
        // checked on each: there are a few thousand of them whatever the history's length,
        // while the full-text index gathers every match since the beginning (a common word: a
        // fifth of a million) before the status narrows them.
        const inWork = filter.status?.length && filter.status.every((status) => WORKING_STATUSES.includes(status));
        // Probing the requests the other conditions leave (see below) pays off for common
        // words only. Fewer matches than the counting limit expected (a name, a reference's
        // end, rare words): they are found first, on their own, through the indexes, and the
        // scope and filters checked on those only (else PostgreSQL may intersect them with
        // the bitmap of a whole region, 360,000 requests, to find one).
        probe = Boolean(inWork) || expected > filter.exactTotalLimit;
        if (inWork) {
          // Checked on the requests in the caller's scope only: PostgreSQL orders a row's
          // conditions by their estimated cost, and would read the words of every request in
          // work first (ten thousand of them) when a representative sees a few hundred. Guarded
          // by the scope (already required above), the words cost more than it and come after.
          conditions.push(`CASE WHEN ${conditions[0]} THEN ${wordsOn('r', false)} ELSE false END`);
        } else if (probe) {
          conditions.push(wordsOn('r', true));
        } else {
          // Through the indexes of the words alone: the scope and the other filters are checked
          // on each request found (the CASE hides them from the planner, which would otherwise
          // intersect the words' few matches with the bitmap of a whole region).
          const others = conditions.splice(0);
          conditions.push(`CASE WHEN ${others.join(' AND ')} THEN true ELSE false END`, wordsOn('r', true));
        }
        // A list found to hold more than the counting limit has its page found by walking an
        // index in the page's order (see below), the words checked on each request met: as the
        // full-text index's operator, the planner would rather gather every request with the
        // words from that index and sort them all (for a common word in an archive, thousands).
        pageWords = wordsOn('r', false);
      }
    }
    const where = conditions.join(' AND ');
    const pageWhere = pageWords === null ? where : [...conditions.slice(0, -1), pageWords].join(' AND ');
    // The order: the sort key, then the newest first, then the id (a total order, so pages
    // never overlap). A key that is never NULL is sorted without NULLS LAST: the same order,
    // and the one the (created_at DESC, id) indexes give.
    const sort = SORT_SQL[filter.sort.field];
    const byCreation = filter.sort.field === 'createdAt';
    const direction = filter.sort.descending ? 'DESC' : 'ASC';
    const nulls = sort.nullable ? ' NULLS LAST' : '';
    // How far the list is counted: LIST_EXACT_TOTAL_LIMIT, but a search whose words are
    // probed (below) only to SEARCH_EXACT_TOTAL_LIMIT.
    let limit = filter.exactTotalLimit;
    const take = filter.pageSize + 1; // one more than the page: whether a next page exists
    // Without a cursor, a page number: OFFSET (the web's short lists, a page typed in a URL).
    const offset = filter.after ? 0 : (filter.page - 1) * filter.pageSize;
    // A row's position, for the next page's cursor: its sort key as the cursor carries it.
    const positionKey = (keySql: string) =>
      byCreation ? 'NULL' : filter.sort.field === 'priority' ? keySql : CURSOR_TIMESTAMP_SQL(keySql);
    const after = this.after(filter, params);

    // A list is counted as far as LIST_EXACT_TOTAL_LIMIT matches and no further: beyond it the
    // total is "more than the limit", so no list costs more than that however wide the
    // caller's scope or long the history. Most lists (work in progress, a search) match far
    // fewer: one statement finds them once, counts them and reads the page's rows only,
    // sorted among them. (Left to itself, the planner may walk the whole created_at index
    // newest first to fill the page, which with few matches means most of the table.) When
    // there are more, the page is found apart by walking an index in the page's order from
    // the cursor's position, which finds 26 of many soon at any depth. (In the same statement,
    // as a branch that runs only then, it cost every list twice the planning: ~2 ms more.)
    type Listed = RequestRow & {
      position_key: string | number | null;
      position_created_at: string;
      member_replied_at: Date | null;
      /** The database's clock (the SLA's), on every row and on the count's row of an empty page. */
      db_now: Date;
    };
    type Counted = Listed & { total: number; examined: number | null };
    // Words whose matches are found first, through their own indexes (a name, a reference,
    // rare words: the CASE or `r.id = ANY (ARRAY(…))` above), are all gathered before the
    // scope is checked on them, so their page is read from them whatever their number:
    // walking an index in the page's order for the few of the scope's requests they are (a
    // big organization's 1,500 among a region's 350,000) would read thousands of requests.
    const matchesFoundFirst = filter.q !== undefined && !probe;
    const countAndPage = (candidates: string | null, matching: string, pageAlways = false): Promise<Counted[]> =>
      sqlRows<Counted>(
        this.dataSource,
        `WITH ${candidates ? `${candidates}, ` : ''}matching AS MATERIALIZED (${matching}),
         page AS (
           SELECT id, created_at, sort_key FROM matching
           WHERE ${after('sort_key', 'created_at', 'id')}
           ORDER BY sort_key ${direction}${nulls}, created_at DESC, id LIMIT ${take} OFFSET ${offset})
         SELECT counted.total, now() AS db_now,
           ${candidates ? `CASE WHEN counted.total <= ${limit} THEN (SELECT count(*)::int FROM candidates) END` : 'NULL::int'} AS examined, listed.*
         FROM (SELECT count(*)::int AS total FROM matching) counted
         LEFT JOIN LATERAL (
           SELECT ${REQUEST_COLUMNS}, ${MEMBER_REPLIED_SQL}, p.sort_key AS page_sort_key, p.created_at AS page_created_at,
              ${positionKey('p.sort_key')} AS position_key, ${CURSOR_TIMESTAMP_SQL('p.created_at')} AS position_created_at
            FROM page p JOIN requests r ON r.id = p.id
            -- Beyond the limit the page is read apart (below): a one-time filter skips the rows here.
            WHERE ${pageAlways ? 'true' : `counted.total <= ${limit}`} OFFSET 0) listed ON true
         ORDER BY listed.page_sort_key ${direction}${nulls}, listed.page_created_at DESC, listed.id`,
        params,
      );
    // Every match, or (bounded) one more than the limit: enough to tell "more than the limit".
    const everyMatch = (bounded = true) =>
      `SELECT r.id, r.created_at, ${sort.sql} AS sort_key FROM requests r WHERE ${where}${bounded ? ` LIMIT ${limit + 1}` : ''}`;
    let few: Counted[];
    if (pageWords !== null && probe) {
      // Words: the full-text index gathers every request with a common word (tens of
      // thousands in an archive) before the scope, status and area narrow them, and checking
      // the words on each request in work reads all of them in the table before their scope.
      // So the words are first checked on the requests the other conditions leave, a bounded
      // number of them (PROBE_PER_LIMIT × the limit): a common word finds more than the limit
      // among them (and the page is then found by walking an index) or they were all there
      // is (then the count is exact: work in progress always, up to the limit). Only a rarer word in a wide
      // scope needs the full-text index after all, which is fast for a rare word.
      //
      // Probed words are counted to the lower SEARCH_EXACT_TOTAL_LIMIT: a common word's
      // "more than the limit" is proven by reading about the limit ÷ the words' share of the
      // scope's requests (an archive's "sequia": 3,000 for 1,000, 600 for 200; a region's
      // open work searched for "cafe": all its 2,700 for 1,000), and past a few hundred
      // matches a search's total only says "refine the words". The page beyond it is walked
      // in its order (the open ones by requests_report_open_idx, the resolved ones by
      // requests_resolved_created_idx). Matches found first (below, and the fallback) are
      // all gathered anyway: they keep the list's limit.
      const budget = PROBE_PER_LIMIT * (filter.exactTotalLimit + 1);
      const narrowing = conditions.slice(0, -1).join(' AND ');
      limit = Math.min(filter.searchExactTotalLimit, filter.exactTotalLimit);
      few = await countAndPage(
        `candidates AS MATERIALIZED (
           SELECT r.id, r.created_at, ${sort.sql} AS sort_key, ${pageWords} AS hit FROM requests r WHERE ${narrowing} LIMIT ${budget + 1})`,
        `SELECT id, created_at, sort_key FROM candidates WHERE hit LIMIT ${limit + 1}`,
      );
      if (few[0].total <= limit && few[0].examined! > budget) {
        limit = filter.exactTotalLimit;
        few = await countAndPage(null, everyMatch());
      }
    } else if (matchesFoundFirst) {
      few = await countAndPage(null, everyMatch(false), true);
    } else {
      few = await countAndPage(null, everyMatch());
    }
    const counted = few[0].total;
    let rows: Listed[] = few[0].id === null ? [] : few;
    const now = few[0].db_now;
    if (counted > limit && !matchesFoundFirst) {
      rows = await sqlRows<Listed>(
        this.dataSource,
        `SELECT ${REQUEST_COLUMNS}, ${MEMBER_REPLIED_SQL}, now() AS db_now,
           ${positionKey(sort.sql)} AS position_key, ${CURSOR_TIMESTAMP_SQL('r.created_at')} AS position_created_at
         ${REQUEST_FROM} WHERE ${pageWhere} AND ${after(sort.sql, 'r.created_at', 'r.id')}
         ORDER BY ${sort.sql} ${direction}${nulls}${byCreation ? '' : ', r.created_at DESC'}, r.id
         LIMIT ${take} OFFSET ${offset}`,
        params,
      );
    }
    const last = rows.length > filter.pageSize ? rows[filter.pageSize - 1] : null;
    const shown = rows.slice(0, filter.pageSize);
    return {
      items: shown.map((row) => {
        const view = toRequestView(row, caller);
        return {
          ...view,
          nextDeadline: nextDeadlineOf(view, now),
          memberRepliedAt: row.member_replied_at ? row.member_replied_at.toISOString() : null,
        };
      }),
      total: Math.min(counted, limit),
      totalIsExact: counted <= limit,
      next: last ? { key: last.position_key, createdAt: last.position_created_at, id: last.id } : null,
    };
  }

  /**
   * The rows after the cursor's position in the list's order (sort key in its direction, its
   * NULLs last; then created_at DESC; then id), as a condition on the columns it is given
   * ('TRUE' without a cursor). The first key is also bounded on its own (`<=` or `>=`), which
   * an index on it can start from. The position's values become parameters once, here.
   */
  private after(
    filter: RequestListFilter,
    params: unknown[],
  ): (keySql: string, createdSql: string, idSql: string) => string {
    const position = filter.after;
    if (!position) return () => 'TRUE';
    const param = (value: unknown, type: string) => {
      params.push(value);
      return `$${params.length}::${type}`;
    };
    const created = param(position.createdAt, 'timestamptz');
    const id = param(position.id, 'uuid');
    const forward = filter.sort.descending ? '<' : '>';
    if (filter.sort.field === 'createdAt') {
      return (_keySql, createdSql, idSql) =>
        `(${createdSql} ${forward}= ${created} AND (${createdSql} ${forward} ${created} OR ${idSql} > ${id}))`;
    }
    const nullable = SORT_SQL[filter.sort.field].nullable;
    const key =
      position.key === null ? null : param(position.key, filter.sort.field === 'priority' ? 'int' : 'timestamptz');
    return (keySql, createdSql, idSql) => {
      const tail = `(${createdSql} < ${created} OR (${createdSql} = ${created} AND ${idSql} > ${id}))`;
      if (key === null) return `(${keySql} IS NULL AND ${tail})`;
      const later = `${keySql} ${forward} ${key} OR (${keySql} = ${key} AND ${tail})`;
      return nullable ? `(${keySql} IS NULL OR ${later})` : `(${keySql} ${forward}= ${key} AND (${later}))`;
    };
  }

  /**
   * A representative's coverage (visibility `country-coverage`), read before its list's
   * statement (see representativeScope). Undefined for every other role.
   */
  private async coverageOf(caller: AuthUser): Promise<Coverage | undefined> {
    if (REQUEST_VISIBILITY[caller.role] !== 'country-coverage') return undefined;
    // Read with the caller by the JWT strategy (one round trip less); else read here.
    if (caller.coverage) return coverageFrom(caller.coverage);
    const rows = await sqlRows<CoverageEntryRow>(
      this.dataSource,
      `SELECT country_code, region_code, area_code FROM coverage_entries WHERE user_id = $1`,
      [caller.id],
    );
    return coverageFrom(rows);
  }

  /** Messages and events in time order; internal notes and their files only for staff. */
  async timeline(
    caller: AuthUser,
    requestId: string,
  ): Promise<{ timeline: TimelineEntry[]; attachments: AttachmentView[] }> {
    const staff = isStaff(caller.role);
    const [messages, events, files] = await Promise.all([
      sqlRows<MessageRow>(
        this.dataSource,
        `SELECT m.id, m.body, m.internal, m.created_at, u.id AS author_id, u.name AS author_name, u.role AS author_role
         FROM request_messages m JOIN users u ON u.id = m.author_id
         WHERE m.request_id = $1 AND ($2 OR NOT m.internal) ORDER BY m.created_at, m.id`,
        [requestId, staff],
      ),
      sqlRows<EventRow>(
        this.dataSource,
        `SELECT e.id, e.type, e.from_value, e.to_value, e.reason, e.created_at, u.id AS actor_id, u.name AS actor_name
         FROM request_events e LEFT JOIN users u ON u.id = e.actor_id
         WHERE e.request_id = $1 AND ($2 OR e.type <> ALL ($3::text[])) ORDER BY e.created_at, e.id`,
        // The SLA's warnings and breaches are about the staff's work: not in a member's timeline.
        [requestId, staff, STAFF_ONLY_EVENT_TYPES],
      ),
      sqlRows<AttachmentRow>(
        this.dataSource,
        `SELECT f.id, f.file_name, f.size_bytes, f.content_type, f.message_id, f.created_at
         FROM attachments f LEFT JOIN request_messages m ON m.id = f.message_id
         WHERE f.request_id = $1 AND ($2 OR m.internal IS NOT TRUE) ORDER BY f.created_at, f.id`,
        [requestId, staff],
      ),
    ]);
    const attachments: AttachmentView[] = files.map((f) => ({
      id: f.id,
      name: f.file_name,
      size: f.size_bytes,
      contentType: f.content_type,
      messageId: f.message_id,
      createdAt: f.created_at.toISOString(),
    }));
    const messageEntries: (TimelineEntry & { sortAt: number })[] = messages.map((m) => {
      const view: MessageView = {
        id: m.id,
        body: m.body,
        internal: m.internal,
        author: { id: m.author_id, name: m.author_name, role: m.author_role },
        createdAt: m.created_at.toISOString(),
        attachments: attachments.filter((a) => a.messageId === m.id),
      };
      return { type: 'message' as const, ...view, sortAt: m.created_at.getTime() };
    });
    const eventEntries: (TimelineEntry & { sortAt: number })[] = events.map((e) => ({
      type: 'event' as const,
      id: e.id,
      event: e.type as never,
      actor: e.actor_id ? { id: e.actor_id, name: e.actor_name! } : null,
      from: e.from_value,
      to: e.to_value,
      // Why staff routed, handed on or escalated a case (workloads, internal reasons) is
      // staff's business; the member sees that it happened, not why.
      reason: staff || !['routed', 'assigned', 'escalated'].includes(e.type) ? e.reason : null,
      createdAt: e.created_at.toISOString(),
      sortAt: e.created_at.getTime(),
    }));
    const timeline = [...eventEntries, ...messageEntries]
      .sort((a, b) => a.sortAt - b.sortAt)
      .map(({ sortAt: _sortAt, ...entry }) => entry);
    return { timeline, attachments: attachments.filter((a) => a.messageId === null) };
  }
}
