import { HttpContextToken, HttpErrorResponse } from '@angular/common/http';
import type { ProblemDocument } from '@portal/shared';

/** The API lives on the same origin as the app. */
export const API_BASE_URL = '/api/v1';

/** Whether a request goes to the portal's own API (and so may carry the access token). */
export function isApiUrl(url: string): boolean {
  return url === API_BASE_URL || url.startsWith(`${API_BASE_URL}/`) || url.startsWith(`${API_BASE_URL}?`);
}

/**
 * Marks the auth calls (login, refresh, logout) that must go out without an access token
 * and whose 401 means what it says, rather than "refresh and try again".
 */
export const SESSION_CALL = new HttpContextToken<boolean>(() => false);

/** The RFC 9457 problem document of a failed API call, or null when the answer is not one. */
export function problemOf(error: unknown): ProblemDocument | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = typeof error.error === 'string' ? parseJson(error.error) : error.error;
  if (typeof body !== 'object' || body === null) return null;
  const candidate = body as Partial<ProblemDocument>;
  return typeof candidate.status === 'number' && typeof candidate.title === 'string'
    ? (candidate as ProblemDocument)
    : null;
}

/** Seconds to wait before retrying, from a 429's problem document or its Retry-After header. */
export function retryAfterSecondsOf(error: unknown): number | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const fromBody = (problemOf(error) as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  if (typeof fromBody === 'number' && Number.isFinite(fromBody) && fromBody > 0) return fromBody;
  const header = Number(error.headers?.get('Retry-After'));
  return Number.isFinite(header) && header > 0 ? header : null;
}

/**
 * No answer reached us at all: offline, DNS, connection dropped, CORS; or, offline, the
 * service worker's answer that nothing was saved on this device for this call.
 */
export function isNetworkError(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 0 || !!error.headers?.get('x-portal-offline'));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
