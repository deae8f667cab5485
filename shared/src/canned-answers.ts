import type { Language } from './languages.js';
import { can } from './permissions.js';
import type { ThematicArea } from './reference.js';
import type { Role } from './roles.js';

/**
 * Canned answers (issue 19): texts staff insert into a reply, per thematic area and language,
 * with placeholders filled for the request's member. They are never sent by themselves: the
 * reply box puts the text in front of the staff member, who edits and sends it.
 */
export const CANNED_ANSWER_PLACEHOLDERS = ['member_name', 'reference', 'due_date'] as const;
export type CannedAnswerPlaceholder = (typeof CANNED_ANSWER_PLACEHOLDERS)[number];

export const CANNED_ANSWER_LIMITS = { titleMax: 120, bodyMax: 5000 } as const;

/** A canned answer as GET /canned-answers lists it. */
export interface CannedAnswerView {
  id: string;
  area: ThematicArea;
  language: Language;
  title: string;
  body: string;
  updatedAt: string;
  /** Who wrote the current text (null: the demo data, or a person since removed). */
  updatedBy: { id: string; name: string } | null;
  /** The caller may change or delete it (an admin; a specialist of its area). */
  mayEdit: boolean;
}

/** POST /canned-answers; PATCH takes any part of it. */
export interface CannedAnswerBody {
  area: ThematicArea;
  language: Language;
  title: string;
  body: string;
}

/**
 * One of a request's canned answers (GET /requests/{id}/canned-answers), its placeholders
 * filled in the member's language and time zone. `fallback`: not in the member's language
 * (the reply box marks it: it needs translating before it is sent).
 */
export interface RenderedCannedAnswer {
  id: string;
  title: string;
  body: string;
  language: Language;
  fallback: boolean;
}

export interface RequestCannedAnswers {
  /** The member's language: the answers in it come first. */
  memberLanguage: Language;
  items: RenderedCannedAnswer[];
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders of a text that are not one of CANNED_ANSWER_PLACEHOLDERS, each once. */
export function unknownPlaceholders(text: string): string[] {
  const known = CANNED_ANSWER_PLACEHOLDERS as readonly string[];
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))].filter((name) => !known.includes(name));
}

/** Fills the placeholders; one without a value (null) stays as written, for the staff member to fill. */
export function fillPlaceholders(
  text: string,
  values: Readonly<Record<CannedAnswerPlaceholder, string | null>>,
): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = (values as Readonly<Record<string, string | null | undefined>>)[name];
    return value ?? whole;
  });
}

/**
 * Whether a person writes the canned answers of an area: with `canned-answers.manage` any
 * area; with `canned-answers.manage-own-areas` those its coverage entries name.
 */
export function mayWriteCannedAnswers(role: Role, coverageAreas: readonly string[], area: string): boolean {
  return (
    can(role, 'canned-answers.manage') || (can(role, 'canned-answers.manage-own-areas') && coverageAreas.includes(area))
  );
}
