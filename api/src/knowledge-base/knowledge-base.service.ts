import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  type ArticleBase,
  type ArticleEditorView,
  type ArticleHit,
  type ArticleSuggestionView,
  type ArticleSummary,
  type ArticleView,
  DEFAULT_LANGUAGE,
  KB_LIMITS,
  type KnowledgeBaseReport,
  type Language,
  mayWriteArticles,
  type Page,
  pickVersion,
  SLUG_PATTERN,
  type ThematicArea,
} from '@portal/shared';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AppException, ConflictException, NotFoundException, ValidationException } from '../common/app-exception';
import { paging } from '../common/paging.dto';
import type { Db } from '../common/typed-sql';
import { ReferenceService } from '../reference/reference.service';
import { CoverageAreasRepository } from '../users/coverage-areas.repository';
import type {
  ChangeStatusDto,
  CreateArticleDto,
  EditorListQueryDto,
  KnowledgeBaseReportQueryDto,
  SaveVersionDto,
  SearchArticlesQueryDto,
  SuggestArticlesQueryDto,
  SuggestEditDto,
  UpdateArticleDto,
} from './knowledge-base.dto';
import { type ArticleMeta, type ArticleRow, type HitRow, KnowledgeBaseRepository } from './knowledge-base.repository';
import { scrubMemberDetails } from './scrub-member-details';

class OtherAreaException extends AppException {
  constructor(area: string) {
    super(
      403,
      'kb.other-area',
      'Not allowed',
      `Only an admin or a specialist whose coverage names the area ${area} may write and publish its articles; suggest an edit instead.`,
    );
  }
}

class MembersOnlyException extends AppException {
  constructor() {
    super(401, 'kb.members-only', 'Sign in to read', 'This article is for the network’s members: sign in to read it.');
  }
}

const person = (id: string | null, name: string | null) => (id && name ? { id, name } : null);
const iso = (date: Date | null) => (date ? date.toISOString() : null);

function articleBase(row: ArticleRow): ArticleBase {
  return {
    id: row.id,
    slug: row.slug,
    area: row.area_code as ThematicArea,
    country: row.country_code,
    product: row.product,
    status: row.status,
    membersOnly: row.members_only,
    author: person(row.author_id, row.author_name),
    reviewer: person(row.reviewer_id, row.reviewer_name),
    lastReviewedAt: iso(row.last_reviewed_at),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toHit(row: HitRow): ArticleHit {
  return {
    id: row.id,
    slug: row.slug,
    area: row.area_code as ThematicArea,
    language: row.language,
    title: row.title,
    excerpt: row.excerpt,
    membersOnly: row.members_only,
  };
}

/** The headings of a draft made from a request, in the member's language. */
const DRAFT_HEADINGS: Record<Language, [string, string]> = {
  es: ['Pregunta', 'Respuesta'],
  pt: ['Pergunta', 'Resposta'],
  fr: ['Question', 'Réponse'],
  en: ['Question', 'Answer'],
};

/** "Cómo usar la Prima" → "como-usar-la-prima", for a draft made from a request. */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, KB_LIMITS.slugMax - 12)
    .replace(/-+$/, '');
}

/**
 * The knowledge base (issue 21): readers find published articles (search per language,
 * suggestions while filing); admins and the area's specialists write and publish them
 * (shared/src/knowledge-base.ts); other staff suggest edits and turn resolved requests into
 * drafts. Editors' changes go to the audit log.
 */
@Injectable()
export class KnowledgeBaseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: KnowledgeBaseRepository,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
    private readonly coverage: CoverageAreasRepository,
  ) {}

  /** A published article in a language (else another, marked fallback); its reading is counted. */
  async read(caller: AuthUser | undefined, slug: string, wanted: Language = DEFAULT_LANGUAGE): Promise<ArticleView> {
    if (!SLUG_PATTERN.test(slug)) throw new NotFoundException('article');
    const article = await this.repository.findPublished(this.dataSource, slug);
    if (!article) throw new NotFoundException('article');
    if (article.members_only && !caller) throw new MembersOnlyException();
    const versions = await this.repository.versions(this.dataSource, article.id);
    const shown = pickVersion(
      versions.map((v) => v.language),
      wanted,
    );
    const version = versions.find((v) => v.language === shown);
    if (!version) throw new NotFoundException('article');
    await this.repository.recordView(this.dataSource, article.id, version.language, caller?.id ?? null);
    return {
      ...articleBase(article),
      updatedAt: (version.updated_at > article.updated_at ? version.updated_at : article.updated_at).toISOString(),
      language: version.language,
      requestedLanguage: wanted,
      fallback: version.language !== wanted,
      availableLanguages: versions.map((v) => v.language),
      title: version.title,
      body: version.body,
    };
  }

  async search(caller: AuthUser | undefined, query: SearchArticlesQueryDto): Promise<Page<ArticleHit>> {
    const { page, pageSize } = paging(query);
    const { rows, total } = await this.repository.search(this.dataSource, {
      language: query.language,
      q: query.q ? query.q : null,
      area: query.area ?? null,
      signedIn: caller !== undefined,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { items: rows.map(toHit), total, page, pageSize };
  }

  /** Up to three articles for the subject a member is typing (fewer than three letters: none). */
  async suggest(caller: AuthUser, query: SuggestArticlesQueryDto): Promise<ArticleHit[]> {
    if ([...query.subject].length < 3) return [];
    const rows = await this.repository.suggest(
      this.dataSource,
      query.language ?? caller.language,
      query.subject,
      query.area ?? null,
      KB_LIMITS.suggestionsMax,
    );
    return rows.map(toHit);
  }

  /** "This answered my question": counted once per visit of the new-request form. */
  async answered(caller: AuthUser, articleId: string, visitId: string): Promise<{ counted: boolean }> {
    const article = await this.repository.find(this.dataSource, articleId);
    if (!article || article.status !== 'published') throw new NotFoundException('article');
    return { counted: await this.repository.recordAnswered(this.dataSource, visitId, articleId, caller.id) };
  }

  async requestTranslation(caller: AuthUser | undefined, articleId: string, language: Language): Promise<void> {
    const article = await this.repository.find(this.dataSource, articleId);
    if (!article || article.status !== 'published') throw new NotFoundException('article');
    if (article.members_only && !caller) throw new MembersOnlyException();
    await this.repository.requestTranslation(this.dataSource, articleId, language);
  }

  async list(caller: AuthUser, query: EditorListQueryDto): Promise<ArticleSummary[]> {
    const [rows, areas] = await Promise.all([
      this.repository.list(this.dataSource, caller.language, {
        area: query.area ?? null,
        status: query.status ?? null,
      }),
      this.coverage.coverageAreas(this.dataSource, caller.id),
    ]);
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      area: row.area_code as ThematicArea,
      status: row.status,
      title: row.title,
      languages: row.languages,
      lastReviewedAt: iso(row.last_reviewed_at),
      updatedAt: row.updated_at.toISOString(),
      mayEdit: mayWriteArticles(caller.role, areas, row.area_code),
    }));
  }

  async editorView(caller: AuthUser, id: string, db: Db = this.dataSource): Promise<ArticleEditorView> {
    const article = await this.repository.find(db, id);
    if (!article) throw new NotFoundException('article');
    const [versions, suggestions, translationRequests, areas] = await Promise.all([
      this.repository.versions(db, id),
      this.repository.suggestions(db, id),
      this.repository.translationRequests(db, id),
      this.coverage.coverageAreas(db, caller.id),
    ]);
    return {
      ...articleBase(article),
      versions: versions.map((v) => ({
        language: v.language,
        title: v.title,
        body: v.body,
        updatedAt: v.updated_at.toISOString(),
      })),
      sourceRequestId: article.source_request_id,
      openSuggestions: suggestions.length,
      translationRequests,
      mayEdit: mayWriteArticles(caller.role, areas, article.area_code),
      version: article.version,
    };
  }

  async create(caller: AuthUser, body: CreateArticleDto): Promise<ArticleEditorView> {
    const meta = this.checkedMeta(body);
    return this.dataSource.transaction(async (db) => {
      await this.authorize(db, caller, [meta.area]);
      const id = await this.repository.insert(db, meta, caller.id);
      if (!id) throw new ConflictException('kb.slug-taken', 'Another article has this address (slug).');
      await this.repository.saveVersion(db, id, body.language, body.title, body.body, caller.id);
      await this.record(db, caller, 'kb-article.created', id, { ...meta, language: body.language, title: body.title });
      return this.editorView(caller, id, db);
    });
  }

  async update(caller: AuthUser, id: string, body: UpdateArticleDto): Promise<ArticleEditorView> {
    return this.dataSource.transaction(async (db) => {
      const current = await this.lockedWritable(db, caller, id);
      if (current.version !== body.version)
        throw new ConflictException('kb.stale-version', 'The article changed since it was read: reload it.', {
          version: current.version,
        });
      const meta = this.checkedMeta({
        slug: body.slug ?? current.slug,
        area: body.area ?? (current.area_code as ThematicArea),
        country: body.country === undefined ? current.country_code : body.country,
        product: body.product === undefined ? current.product : body.product,
        membersOnly: body.membersOnly ?? current.members_only,
      });
      // Moving an article to another area needs the right to write both.
      await this.authorize(db, caller, [meta.area]);
      if (!(await this.repository.update(db, id, meta)))
        throw new ConflictException('kb.slug-taken', 'Another article has this address (slug).');
      const { version: _read, ...changes } = body;
      await this.record(db, caller, 'kb-article.updated', id, changes);
      return this.editorView(caller, id, db);
    });
  }

  async saveVersion(
    caller: AuthUser,
    id: string,
    language: Language,
    body: SaveVersionDto,
  ): Promise<ArticleEditorView> {
    return this.dataSource.transaction(async (db) => {
      await this.lockedWritable(db, caller, id);
      await this.repository.saveVersion(db, id, language, body.title, body.body, caller.id);
      await this.record(db, caller, 'kb-article.version-saved', id, { language, title: body.title });
      return this.editorView(caller, id, db);
    });
  }

  async changeStatus(caller: AuthUser, id: string, body: ChangeStatusDto): Promise<ArticleEditorView> {
    return this.dataSource.transaction(async (db) => {
      const current = await this.lockedWritable(db, caller, id);
      if (body.to === 'published' && (await this.repository.versions(db, id)).length === 0)
        throw new ConflictException('kb.nothing-to-publish', 'The article has no text in any language yet.');
      await this.repository.setStatus(db, id, body.to, caller.id);
      await this.record(db, caller, 'kb-article.status-changed', id, { from: current.status, to: body.to });
      return this.editorView(caller, id, db);
    });
  }

  async suggestEdit(caller: AuthUser, id: string, body: SuggestEditDto): Promise<ArticleSuggestionView> {
    const article = await this.repository.find(this.dataSource, id);
    if (!article) throw new NotFoundException('article');
    const suggestionId = await this.repository.insertSuggestion(
      this.dataSource,
      id,
      body.language,
      body.body,
      caller.id,
    );
    const row = (await this.repository.suggestions(this.dataSource, id)).find((s) => s.id === suggestionId)!;
    return this.toSuggestion(row);
  }

  async suggestions(caller: AuthUser, id: string): Promise<ArticleSuggestionView[]> {
    const article = await this.repository.find(this.dataSource, id);
    if (!article) throw new NotFoundException('article');
    return (await this.repository.suggestions(this.dataSource, id)).map((row) => this.toSuggestion(row));
  }

  async closeSuggestion(caller: AuthUser, id: string, suggestionId: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      await this.lockedWritable(db, caller, id);
      if (!(await this.repository.closeSuggestion(db, id, suggestionId))) throw new NotFoundException('suggestion');
      await this.record(db, caller, 'kb-article.suggestion-closed', id, { suggestionId });
    });
  }

  /**
   * A draft from a resolved request: the subject as its title, the question and the staff's
   * public answers as its text, in the member's language, with the member's details removed.
   */
  async draftFromRequest(caller: AuthUser, requestId: string): Promise<ArticleEditorView> {
    return this.dataSource.transaction(async (db) => {
      const request = await this.repository.requestForDraft(db, caller, requestId);
      if (!request) throw new NotFoundException('request');
      if (!['resolved', 'closed'].includes(request.status) || request.answers.length === 0)
        throw new ConflictException(
          'kb.request-not-resolved',
          'Only a resolved (or closed) request with a public answer can become an article.',
        );
      const details = { organizationName: request.organization_name, peopleNames: request.people_names };
      const scrub = (text: string) => scrubMemberDetails(text, details);
      const title = scrub(request.subject).slice(0, KB_LIMITS.titleMax);
      const [question, answer] = DRAFT_HEADINGS[request.member_language];
      const body =
        `## ${question}\n\n${scrub(request.description)}\n\n## ${answer}\n\n${request.answers.map(scrub).join('\n\n')}`.slice(
          0,
          KB_LIMITS.bodyMax,
        );
      const base = slugOf(title) || 'article';
      const slug = `${base}-${request.id.slice(0, 8)}`;
      const meta: ArticleMeta = { slug, area: request.area_code, country: null, product: null, membersOnly: false };
      const id = await this.repository.insert(db, meta, caller.id, request.id);
      if (!id) throw new ConflictException('kb.slug-taken', 'This request already has a draft article.');
      await this.repository.saveVersion(
        db,
        id,
        request.member_language,
        title.length >= 3 ? title : `${title}…`,
        body,
        caller.id,
      );
      await this.record(db, caller, 'kb-article.drafted-from-request', id, { requestId, slug });
      return this.editorView(caller, id, db);
    });
  }

  async report(query: KnowledgeBaseReportQueryDto): Promise<KnowledgeBaseReport> {
    const to = query.to ? instant(query.to, true) : new Date();
    const from = query.from ? instant(query.from, false) : new Date(to.getTime() - 30 * 86_400_000);
    if (from >= to) throw new ValidationException({ from: ['from must be before to'] });
    const rows = await this.repository.report(this.dataSource, from, to);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      rows: rows.map((row) => ({
        area: row.area_code as ThematicArea,
        publishedArticles: row.published_articles,
        views: row.views,
        answered: row.answered,
        filedAfterReading: row.filed_after_reading,
      })),
    };
  }

  private toSuggestion(row: {
    id: string;
    language: Language;
    body: string;
    author_id: string | null;
    author_name: string | null;
    created_at: Date;
  }): ArticleSuggestionView {
    return {
      id: row.id,
      language: row.language,
      body: row.body,
      author: person(row.author_id, row.author_name),
      createdAt: row.created_at.toISOString(),
    };
  }

  private checkedMeta(meta: {
    slug: string;
    area: ThematicArea;
    country?: string | null;
    product?: string | null;
    membersOnly?: boolean;
  }): ArticleMeta {
    const country = meta.country ?? null;
    if (country !== null && !this.reference.countries('en').some((c) => c.code === country))
      throw new ValidationException({ country: ['not a country the network serves'] });
    return {
      slug: meta.slug,
      area: meta.area,
      country,
      product: meta.product ?? null,
      membersOnly: meta.membersOnly ?? false,
    };
  }

  private async lockedWritable(db: Db, caller: AuthUser, id: string): Promise<ArticleRow> {
    const current = await this.repository.find(db, id, { lock: true });
    if (!current) throw new NotFoundException('article');
    await this.authorize(db, caller, [current.area_code]);
    return current;
  }

  private async authorize(db: Db, caller: AuthUser, areas: string[]): Promise<void> {
    const own = await this.coverage.coverageAreas(db, caller.id);
    const refused = areas.find((area) => !mayWriteArticles(caller.role, own, area));
    if (refused !== undefined) throw new OtherAreaException(refused);
  }

  private record(db: Db, caller: AuthUser, action: string, id: string, changes: Record<string, unknown>) {
    return this.audit.record(db, { actorId: caller.id, action, entityType: 'kb-article', entityId: id, changes });
  }
}

/** A date or date-time of the query as an instant: a date is its midnight UTC (its end, for `to`). */
function instant(value: string, end: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T00:00:00Z`);
    return end ? new Date(day.getTime() + 86_400_000) : day;
  }
  return new Date(value);
}
