import { randomUuid } from '../core/uuid';

const KEY = 'portal.kb-visit';

/**
 * The visit of the new-request form that articles are read from: one per tab until the
 * request is filed or an article answered the question, so going to an article and back is
 * still the same visit and "this answered my question" counts once for it.
 */
export function formVisitId(): string {
  try {
    const kept = sessionStorage.getItem(KEY);
    if (kept) return kept;
    const id = randomUuid();
    sessionStorage.setItem(KEY, id);
    return id;
  } catch {
    return randomUuid(); // storage refused (private mode): a visit per opening
  }
}

/** The visit ended: filed, or answered by an article. */
export function endFormVisit(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}
