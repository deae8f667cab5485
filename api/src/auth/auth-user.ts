import type { Language, Role } from '@portal/shared';
import type { CallerCoverageRow } from './auth.repository';

/** The caller of a request, loaded fresh from the database on every call. */
export interface AuthUser {
  id: string;
  role: Role;
  language: Language;
  organizationId: string | null;
  regionCode: string | null;
  contact: boolean;
  /**
   * A representative's coverage entries, read with the caller (its request lists are scoped by
   * them); absent for other roles and for callers not loaded by the JWT strategy.
   */
  coverage?: CallerCoverageRow[];
}
