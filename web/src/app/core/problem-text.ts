import { HttpErrorResponse } from '@angular/common/http';
import { LIMITS, type ProblemCode } from '@portal/shared';

import type { TranslationKey } from '../i18n/dictionary';
import type { TranslationParams } from '../i18n/interpolate';
import { isNetworkError, problemOf } from './api';
import { PROBLEM_MESSAGES, problemCodeOf } from './problem-messages';

/** A failed API call, said in the person's language: never raw JSON. */
export interface ReadableProblem {
  /** One or two sentences for the page. */
  readonly message: string;
  /** Messages by field name, to show next to the fields of a form. */
  readonly fields: Readonly<Record<string, string>>;
  /** The problem document's `code`, when the API gave one this app knows. */
  readonly code: ProblemCode | null;
  /** HTTP status; 0 when no answer arrived. */
  readonly status: number;
  /** No answer at all: offline or the connection dropped. Worth retrying later. */
  readonly network: boolean;
}

type Translate = (key: TranslationKey, params?: TranslationParams) => string;

const STATUS_MESSAGES: Readonly<Record<number, TranslationKey>> = {
  400: 'requests.error.validation',
  403: 'requests.error.forbidden',
  404: 'requests.error.notFound',
  409: 'requests.error.conflict',
  413: 'requests.error.fileTooLarge',
  415: 'requests.error.fileType',
  429: 'requests.error.rateLimited',
};

/** Fields the forms of this app show, with a message that says what is expected. */
const FIELD_MESSAGES: Readonly<Record<string, TranslationKey>> = {
  area: 'form.error.area',
  subject: 'form.error.subject',
  description: 'form.error.description',
  priority: 'form.error.priority',
  body: 'form.error.body',
  reason: 'form.error.reason',
  score: 'form.error.score',
  comment: 'form.error.comment',
  assigneeId: 'form.error.assignee',
  file: 'requests.error.fileType',
};

/** The values of those messages' placeholders: the limits the API enforces. */
const FIELD_PARAMS: Readonly<Record<string, TranslationParams>> = {
  subject: { min: LIMITS.subjectMin, max: LIMITS.subjectMax },
  description: { max: LIMITS.descriptionMax },
};

/** Turns any error of an API call into text for the page and, for a 400, for each field. */
export function readProblem(error: unknown, t: Translate): ReadableProblem {
  if (isNetworkError(error)) {
    return { message: t('requests.error.network'), fields: {}, code: null, status: 0, network: true };
  }
  if (error instanceof Error && error.name === 'SessionEndedError') {
    return { message: t('requests.error.sessionEnded'), fields: {}, code: null, status: 401, network: false };
  }
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  const problem = problemOf(error);
  const code = problemCodeOf(problem);
  const fields: Record<string, string> = {};
  for (const [field, messages] of Object.entries(problem?.errors ?? {})) {
    const key = FIELD_MESSAGES[field];
    fields[field] = key ? t(key, FIELD_PARAMS[field]) : messages.join(' ');
  }
  // A known code says what went wrong; otherwise the status says it in general terms.
  const key = (code && PROBLEM_MESSAGES[code]) || STATUS_MESSAGES[status];
  let message: string;
  if (key) message = t(key);
  else if (status >= 500 || !(error instanceof HttpErrorResponse)) message = t('requests.error.server');
  else message = problem?.detail || problem?.title || t('requests.error.server');
  return { message, fields, code, status, network: false };
}

/** Worth trying again later by itself: no answer, a server fault, or rate limiting. */
export function isTransient(error: unknown): boolean {
  if (isNetworkError(error)) return true;
  return error instanceof HttpErrorResponse && (error.status >= 500 || error.status === 429 || error.status === 408);
}
