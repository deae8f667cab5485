import type { Language } from './languages.js';
import { can } from './permissions.js';
import type { ThematicArea } from './reference.js';
import type { Role } from './roles.js';

/**
 * The knowledge base (issue 21): articles per thematic area, one version per language, read
 * by anyone at `/kb/<language>/<slug>` once published (members-only ones by people signed
 * in), found by a search per language and suggested while a member files a request.
 */
export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const KB_LIMITS = {
  slugMin: 3,
  slugMax: 120,
  titleMin: 3,
  titleMax: 200,
  bodyMax: 50000,
  productMax: 80,
  queryMax: 200,
  suggestionsMax: 3,
  suggestionMax: 5000,
} as const;

/** A slug: lower-case words of letters and digits joined by hyphens ("prepare-the-audit"). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The order in which a missing language version falls back to another. */
export const FALLBACK_ORDER: readonly Language[] = ['es', 'en', 'pt', 'fr'];

/** What every view of an article says about it. */
export interface ArticleBase {
  id: string;
  slug: string;
  area: ThematicArea;
  country: string | null;
  product: string | null;
  status: ArticleStatus;
  membersOnly: boolean;
  author: { id: string; name: string } | null;
  reviewer: { id: string; name: string } | null;
  lastReviewedAt: string | null;
  updatedAt: string;
}

/** An article as a reader gets it (GET /kb/articles/{slug}?language=). */
export interface ArticleView extends ArticleBase {
  /** The language of the text shown. */
  language: Language;
  /** The language asked for; `fallback` when the text is in another one (it has no version in it). */
  requestedLanguage: Language;
  fallback: boolean;
  availableLanguages: Language[];
  title: string;
  body: string;
}

/** One search hit or suggestion: small, a slow phone downloads it while the member types. */
export interface ArticleHit {
  id: string;
  slug: string;
  area: ThematicArea;
  language: Language;
  title: string;
  /** The first words of the text (searches only; suggestions leave it empty). */
  excerpt: string;
  membersOnly: boolean;
}

export interface ArticleVersionView {
  language: Language;
  title: string;
  body: string;
  updatedAt: string;
}

/** An article as its editors see it: every version, any status. */
export interface ArticleEditorView extends ArticleBase {
  versions: ArticleVersionView[];
  sourceRequestId: string | null;
  /** Open suggestions of edits, and requests for a translation, per language. */
  openSuggestions: number;
  translationRequests: { language: Language; count: number }[];
  /** The caller may change and publish it (an admin; a specialist of its area). */
  mayEdit: boolean;
  version: number;
}

/** An article in the editors' list. */
export interface ArticleSummary {
  id: string;
  slug: string;
  area: ThematicArea;
  status: ArticleStatus;
  title: string;
  languages: Language[];
  lastReviewedAt: string | null;
  updatedAt: string;
  mayEdit: boolean;
}

/** A suggested edit of a version, by staff who may not write the article. */
export interface ArticleSuggestionView {
  id: string;
  language: Language;
  body: string;
  author: { id: string; name: string } | null;
  createdAt: string;
}

/** Per thematic area, for the directors' reports (GET /reports/knowledge-base). */
export interface KnowledgeBaseReportRow {
  area: ThematicArea;
  publishedArticles: number;
  views: number;
  answered: number;
  filedAfterReading: number;
}

export interface KnowledgeBaseReport {
  from: string;
  to: string;
  rows: KnowledgeBaseReportRow[];
}

/**
 * Whether a person writes and publishes the articles of an area: with `kb.manage` any area;
 * with `kb.manage-own-areas` those its coverage entries name.
 */
export function mayWriteArticles(role: Role, coverageAreas: readonly string[], area: string): boolean {
  return can(role, 'kb.manage') || (can(role, 'kb.manage-own-areas') && coverageAreas.includes(area));
}

/** The version to show for a language: its own, else the first of FALLBACK_ORDER there is. */
export function pickVersion(available: readonly Language[], wanted: Language): Language | null {
  if (available.includes(wanted)) return wanted;
  return FALLBACK_ORDER.find((language) => available.includes(language)) ?? null;
}
