import type { Language } from './languages.js';
import type { RegionCode, ThematicArea } from './reference.js';
import type { Role } from './roles.js';

/**
 * One coverage entry of a staff member: which requests it serves. At least one of
 * country, region or area is set; a country and a region are never set together.
 */
export interface CoverageEntry {
  country?: string;
  region?: RegionCode;
  area?: ThematicArea;
}

export interface OrganizationRef {
  id: string;
  name: string;
  country: string;
}

/**
 * Which emails about requests a person wants (account emails, such as a reset link, always go):
 * one for each reply or change, a daily digest, or none (the in-app list keeps them all).
 */
export const EMAIL_NOTIFICATION_CHOICES = ['each', 'digest', 'none'] as const;
export type EmailNotificationChoice = (typeof EMAIL_NOTIFICATION_CHOICES)[number];

/** The hour (local time of the person, 0–23) the daily digest goes out. */
export const DIGEST_LOCAL_HOUR = 7;

/** The signed-in person, as GET /me and the auth answers return it. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: Language;
  organization: OrganizationRef | null;
  region: RegionCode | null;
  coverage: CoverageEntry[];
  available: boolean;
  /** A member who manages the people of its organization (invites, deactivates). */
  contact: boolean;
  /** The person's choice of emails about requests. */
  emailNotifications: EmailNotificationChoice;
}

/** PATCH /me: one's own name, language and email choice. */
export interface UpdateProfileBody {
  name?: string;
  language?: Language;
  emailNotifications?: EmailNotificationChoice;
}

/** POST /me/password: answered with a new token pair; every other session is ended. */
export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

/** A user as administrators see and edit it. */
export interface AdminUserView extends UserView {
  active: boolean;
  /** Invited but has not chosen a password yet: the invitation can be sent again. */
  invitationPending: boolean;
  /** The person's data was erased at their request (docs/domain.md): the account can never sign in again. */
  erased: boolean;
  /** The end of the person's own absence when it covers now (routing skips it); null: not away. */
  awayUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateUserBody {
  email: string;
  name: string;
  role: Role;
  language?: Language;
  organizationId?: string | null;
  region?: RegionCode | null;
  coverage?: CoverageEntry[];
  available?: boolean;
  contact?: boolean;
}

export type UpdateUserBody = Partial<Omit<CreateUserBody, 'email'>> & { active?: boolean };

/**
 * A staff member's own absence (GET/PUT/DELETE /me/absence): routing skips the person from
 * `from` until `until` and gives its new cases to the replacement, if one is named and available.
 */
export interface AbsenceView {
  from: string;
  until: string;
  replacement: { id: string; name: string } | null;
  /** The window covers the present moment. */
  awayNow: boolean;
}

export interface MyAbsence {
  absence: AbsenceView | null;
}

/** PUT /me/absence: ISO dates (a day: from its start; `until` a day: to its end, UTC) or date-times. */
export interface SetAbsenceBody {
  from: string;
  until: string;
  replacementId?: string | null;
  /**
   * Hand one's open cases to the replacement now (one needs to be named): those the
   * replacement may work (the region rule of the case permissions) move, the others stay.
   */
  handOverOpenCases?: boolean;
}

/** PUT /me/absence's answer: the absence, and what the handover moved (null: none asked). */
export interface SetAbsenceAnswer extends MyAbsence {
  handover: { moved: number; stayed: number } | null;
}

/** Someone who may replace the caller: active, invitation accepted, works cases in one of its regions. */
export interface ReplacementCandidate {
  id: string;
  name: string;
  role: Role;
}
