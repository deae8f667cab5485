import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  type ArticleEditorView,
  type ArticleHit,
  type ArticleSuggestionView,
  type ArticleSummary,
  type ArticleView,
  type KnowledgeBaseReport,
  type Language,
  LANGUAGES,
  type Page,
} from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, OptionalUser, PublicOrSignedIn, RequirePermission } from '../auth/auth.decorators';
import { NotFoundException } from '../common/app-exception';
import { IdParam } from '../common/id-param.pipe';
import { ApiEmpty, ApiJson, ApiJsonList, ApiProblems } from '../common/openapi/decorators';
import {
  AnsweredDto,
  ArticleLanguageQueryDto,
  ChangeStatusDto,
  CreateArticleDto,
  EditorListQueryDto,
  KnowledgeBaseReportQueryDto,
  SaveVersionDto,
  SearchArticlesQueryDto,
  SuggestArticlesQueryDto,
  SuggestEditDto,
  TranslationRequestDto,
  UpdateArticleDto,
} from './knowledge-base.dto';
import { KnowledgeBaseService } from './knowledge-base.service';

const WRITERS = ['kb.manage', 'kb.manage-own-areas'] as const;

/** A language in a path: one of the four, else nothing is there (404). */
function languageParam(value: string): Language {
  if (!(LANGUAGES as readonly string[]).includes(value)) throw new NotFoundException('article version');
  return value as Language;
}

/**
 * The knowledge base (issue 21). Readers' routes are open to all (members-only articles need
 * a session); the editors' under /kb/editor; the directors' figures under /reports.
 */
@ApiTags('knowledge-base')
@ApiBearerAuth()
@Controller()
export class KnowledgeBaseController {
  constructor(private readonly kb: KnowledgeBaseService) {}

  @Get('kb/articles')
  @PublicOrSignedIn()
  @ApiOperation({
    summary:
      'Search the published articles in one language (stemmed, accents ignored, ranked), by area; without q, the area’s articles by last review. Members-only ones need a session',
  })
  @ApiJson(200, 'ArticleHitPage')
  @ApiProblems(401)
  search(
    @OptionalUser() caller: AuthUser | undefined,
    @Query() query: SearchArticlesQueryDto,
  ): Promise<Page<ArticleHit>> {
    return this.kb.search(caller, query);
  }

  @Get('kb/articles/:slug')
  @PublicOrSignedIn()
  @ApiOperation({
    summary:
      'A published article in a language, or in another (fallback: true) when it has no version in it; a reading is counted. 401 kb.members-only without a session',
  })
  @ApiParam({ name: 'slug', type: String })
  @ApiJson(200, 'ArticleView')
  @ApiProblems(401, 404)
  read(
    @OptionalUser() caller: AuthUser | undefined,
    @Param('slug') slug: string,
    @Query() query: ArticleLanguageQueryDto,
  ): Promise<ArticleView> {
    return this.kb.read(caller, slug, query.language);
  }

  @Post('kb/articles/:id/translation-requests')
  @PublicOrSignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Ask for a version of a published article in a language (counted for its editors)' })
  @ApiEmpty()
  @ApiProblems(401, 404)
  requestTranslation(
    @OptionalUser() caller: AuthUser | undefined,
    @Param('id', IdParam('article')) id: string,
    @Body() body: TranslationRequestDto,
  ): Promise<void> {
    return this.kb.requestTranslation(caller, id, body.language);
  }

  @Get('kb/suggestions')
  @RequirePermission('kb.suggestions')
  @ApiOperation({
    summary:
      'Up to three published articles for a subject being typed on the new-request form: those of the area picked first, then by rank',
  })
  @ApiJsonList('ArticleHit')
  suggest(@CurrentUser() caller: AuthUser, @Query() query: SuggestArticlesQueryDto): Promise<ArticleHit[]> {
    return this.kb.suggest(caller, query);
  }

  @Post('kb/articles/:id/answered')
  @RequirePermission('kb.suggestions')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '"This answered my question" on the new-request form: counted once per visit of the form (counted: false after)',
  })
  @ApiJson(200, 'AnsweredResult')
  answered(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('article')) id: string,
    @Body() body: AnsweredDto,
  ): Promise<{ counted: boolean }> {
    return this.kb.answered(caller, id, body.visitId);
  }

  @Get('kb/editor/articles')
  @RequirePermission(...WRITERS, 'kb.suggest')
  @ApiOperation({ summary: 'Every article, any status, for editors (mayEdit: the caller writes its area)' })
  @ApiJsonList('ArticleSummary')
  list(@CurrentUser() caller: AuthUser, @Query() query: EditorListQueryDto): Promise<ArticleSummary[]> {
    return this.kb.list(caller, query);
  }

  @Post('kb/editor/articles')
  @RequirePermission(...WRITERS)
  @ApiOperation({ summary: 'Write a draft article with its first language version (audited)' })
  @ApiJson(201, 'ArticleEditorView')
  @ApiProblems(409)
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateArticleDto): Promise<ArticleEditorView> {
    return this.kb.create(caller, body);
  }

  @Get('kb/editor/articles/:id')
  @RequirePermission(...WRITERS, 'kb.suggest')
  @ApiJson(200, 'ArticleEditorView')
  get(@CurrentUser() caller: AuthUser, @Param('id', IdParam('article')) id: string): Promise<ArticleEditorView> {
    return this.kb.editorView(caller, id);
  }

  @Patch('kb/editor/articles/:id')
  @RequirePermission(...WRITERS)
  @ApiOperation({ summary: 'Change an article’s address, area, country, product or members-only (audited)' })
  @ApiJson(200, 'ArticleEditorView')
  @ApiProblems(409)
  update(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('article')) id: string,
    @Body() body: UpdateArticleDto,
  ): Promise<ArticleEditorView> {
    return this.kb.update(caller, id, body);
  }

  @Put('kb/editor/articles/:id/versions/:language')
  @RequirePermission(...WRITERS)
  @ApiOperation({ summary: 'Write (or replace) the article’s version in a language (audited)' })
  @ApiParam({ name: 'language', enum: LANGUAGES })
  @ApiJson(200, 'ArticleEditorView')
  saveVersion(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('article')) id: string,
    @Param('language') language: string,
    @Body() body: SaveVersionDto,
  ): Promise<ArticleEditorView> {
    return this.kb.saveVersion(caller, id, languageParam(language), body);
  }

  @Post('kb/editor/articles/:id/status')
  @RequirePermission(...WRITERS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish, archive or return to draft; publishing (again) marks it reviewed today by the caller (audited)',
  })
  @ApiJson(200, 'ArticleEditorView')
  @ApiProblems(409)
  changeStatus(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('article')) id: string,
    @Body() body: ChangeStatusDto,
  ): Promise<ArticleEditorView> {
    return this.kb.changeStatus(caller, id, body);
  }

  @Get('kb/editor/articles/:id/suggestions')
  @RequirePermission(...WRITERS, 'kb.suggest')
  @ApiOperation({ summary: 'The open suggestions of edits of an article' })
  @ApiJsonList('ArticleSuggestionView')
  suggestions(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('article')) id: string,
  ): Promise<ArticleSuggestionView[]> {
    return this.kb.suggestions(caller, id);
  }

  @Post('kb/editor/articles/:id/suggestions')
  @RequirePermission('kb.suggest')
  @ApiOperation({ summary: 'Suggest an edit of an article (staff who may not write it; its editors see it)' })
  @ApiJson(201, 'ArticleSuggestionView')
  suggestEdit(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('article')) id: string,
    @Body() body: SuggestEditDto,
  ): Promise<ArticleSuggestionView> {
    return this.kb.suggestEdit(caller, id, body);
  }

  @Post('kb/editor/articles/:id/suggestions/:suggestionId/done')
  @RequirePermission(...WRITERS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark a suggestion of edit dealt with (audited)' })
  @ApiEmpty()
  closeSuggestion(
    @CurrentUser() caller: AuthUser,
    @Param('id', IdParam('article')) id: string,
    @Param('suggestionId', IdParam('suggestion')) suggestionId: string,
  ): Promise<void> {
    return this.kb.closeSuggestion(caller, id, suggestionId);
  }

  @Post('kb/editor/articles/from-request/:requestId')
  @RequirePermission('kb.draft-from-case')
  @ApiOperation({
    summary:
      'A draft article from a resolved request the caller sees: its question and public answers, the member’s names, emails, phone numbers and organization removed (audited)',
  })
  @ApiJson(201, 'ArticleEditorView')
  @ApiProblems(409)
  draftFromRequest(
    @CurrentUser() caller: AuthUser,
    @Param('requestId', IdParam('request')) requestId: string,
  ): Promise<ArticleEditorView> {
    return this.kb.draftFromRequest(caller, requestId);
  }

  @Get('reports/knowledge-base')
  @RequirePermission('reports.read')
  @ApiOperation({
    summary:
      'Per thematic area: published articles, readings, "this answered my question", and requests filed within 24 h of reading an article of the area (network-wide)',
  })
  @ApiJson(200, 'KnowledgeBaseReport')
  report(@Query() query: KnowledgeBaseReportQueryDto): Promise<KnowledgeBaseReport> {
    return this.kb.report(query);
  }
}
