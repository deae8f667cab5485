import type { Language, Role } from '@portal/shared';

/** The caller of a request, loaded fresh from the database on every call. */
export interface AuthUser {
  id: string;
  role: Role;
  language: Language;
  organizationId: string | null;
  regionCode: string | null;
  contact: boolean;
}
