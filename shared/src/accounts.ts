import type { Language } from './languages.js';
import type { RegionCode } from './reference.js';
import type { Role } from './roles.js';
import type { CoverageEntry } from './users.js';

/** POST /auth/invitations: admins invite anyone; an organization's contact, its members. */
export interface InvitationBody {
  email: string;
  name: string;
  role: Role;
  organizationId?: string;
  language?: Language;
  region?: RegionCode;
  coverage?: CoverageEntry[];
  /** Members only, admins only: the organization's contact, who manages its people. */
  contact?: boolean;
}

export interface InvitationAnswer {
  id: string;
  email: string;
  /** When the emailed link stops working (7 days). */
  expiresAt: string;
}

export interface AcceptInvitationBody {
  token: string;
  password: string;
  language?: Language;
}

export interface ForgotPasswordBody {
  email: string;
}

export interface ResetPasswordBody {
  token: string;
  password: string;
}
