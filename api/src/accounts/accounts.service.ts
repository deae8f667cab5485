import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  type AdminUserView,
  belongsToOrganization,
  can,
  type InvitationAnswer,
  LOGIN_THROTTLE,
  ORGANIZATION_ROLE,
  type TokenPair,
} from '@portal/shared';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AuthRepository } from '../auth/auth.repository';
import { TooManyAttemptsException } from '../auth/auth.exceptions';
import { AuthService } from '../auth/auth.service';
import { DEMO_PASSWORD } from '../auth/demo-password';
import { deriveAccountToken, hashToken } from '../auth/token-hash';
import { AppException, ConflictException, ValidationException } from '../common/app-exception';
import type { Db } from '../common/typed-sql';
import { AppConfig } from '../config/app-config';
import { type HashingTicket, hashPassword, passwordHashing, verifyPassword } from '../auth/password-hasher';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import type { InvitationDto } from './accounts.dto';
import { type AccountPurpose, AccountsRepository } from './accounts.repository';
import { passwordProblems } from './password-policy';

const INVITATION_DAYS = 7;
const RESET_MINUTES = 30;
/** Reset links one account can be sent in an hour; asking more often sends nothing more. */
const RESET_LINKS_PER_HOUR = 3;

export class LinkGoneException extends AppException {
  constructor() {
    super(
      410,
      'accounts.link-gone',
      'Link no longer valid',
      'This link was already used or has expired. Ask for a new one.',
    );
  }
}

/** A 400 rather than a 401: the person stays signed in, only this form's field is wrong. */
export class WrongPasswordException extends AppException {
  constructor() {
    super(400, 'accounts.wrong-password', 'Wrong password', 'The current password is not correct.', {
      errors: { currentPassword: ['is not your current password'] },
    });
  }
}

class ContactOnlyException extends AppException {
  constructor(detail: string) {
    super(403, 'accounts.forbidden', 'Not allowed', detail);
  }
}

@Injectable()
export class AccountsService implements OnModuleDestroy {
  private readonly logger = new Logger('Accounts');
  private readonly resetsInFlight = new Set<Promise<unknown>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly repository: AccountsRepository,
    private readonly authRepository: AuthRepository,
  ) {}

  /**
   * Registers a person and emails it a single-use link to choose its password (7 days).
   * Admins invite anyone; an organization's contact invites members of its own organization
   * only. Inviting again someone who never accepted sends a fresh link.
   */
  async invite(caller: AuthUser, body: InvitationDto): Promise<InvitationAnswer> {
    if (!can(caller.role, 'users.manage')) {
      if (!can(caller.role, 'organization.people') || !caller.contact)
        throw new ContactOnlyException("Only admins and an organization's contact can invite people.");
      if (body.role !== ORGANIZATION_ROLE)
        throw new ContactOnlyException('A contact can invite members of its organization only.');
      if (body.organizationId && body.organizationId !== caller.organizationId) {
        throw new ContactOnlyException('A contact can invite people into its own organization only.');
      }
      if (body.region || body.coverage?.length || body.contact)
        throw new ContactOnlyException('Only admins give a region, coverage or the contact role.');
    }
    const organizationId =
      body.role === ORGANIZATION_ROLE
        ? (body.organizationId ?? (belongsToOrganization(caller.role) ? caller.organizationId : null))
        : null;
    return this.dataSource.transaction(async (db) => {
      const existing = await this.repository.lockUserByEmail(db, body.email);
      let userId: string;
      if (existing) {
        // A contact may only send again the invitation of a member of its own organization;
        // for anyone else it learns nothing, not even that the email is registered.
        if (
          !can(caller.role, 'users.manage') &&
          (existing.role !== ORGANIZATION_ROLE || existing.organization_id !== caller.organizationId)
        ) {
          throw new ContactOnlyException('A contact can invite people into its own organization only.');
        }
        if (existing.has_password || !existing.active) {
          throw new ConflictException('users.email-taken', 'A person with this email already has an account.');
        }
        userId = existing.id;
        await this.repository.useUnusedTokens(db, userId, 'invitation');
      } else {
        const created: AdminUserView = await this.users.createInTransaction(db, caller, {
          email: body.email,
          name: body.name,
          role: body.role,
          language: body.language,
          organizationId,
          region: body.region ?? null,
          coverage: body.coverage ?? [],
          contact: body.contact ?? false,
        });
        userId = created.id;
      }
      const token = await this.issueToken(db, userId, 'invitation', caller.id, `${INVITATION_DAYS} days`);
      const inviter = (await this.repository.userName(db, caller.id))!;
      const organization = organizationId ? await this.repository.organizationName(db, organizationId) : null;
      await this.notifications.enqueue(db, [
        {
          recipientId: userId,
          kind: 'account.invitation',
          requestId: null,
          eventKey: `account-token:${token.id}`,
          params: { tokenId: token.id, name: body.name, inviter: inviter.name, organization: organization?.name },
        },
      ]);
      await this.audit.record(db, {
        actorId: caller.id,
        action: 'user.invited',
        entityType: 'user',
        entityId: userId,
        changes: { email: body.email, role: body.role },
      });
      return { id: userId, email: body.email, expiresAt: token.expiresAt.toISOString() };
    });
  }

  /**
   * Sets the password (and language) of an invited person and signs it in. The link and the
   * password are checked first, the password hashed with no connection held, and the link
   * used (checked again, under its lock) in the transaction that stores the hash.
   */
  async acceptInvitation(tokenText: string, password: string, language?: string): Promise<TokenPair> {
    const passwordHash = await this.hashForLink(tokenText, 'invitation', password);
    const userId = await this.dataSource.transaction(async (db) => {
      const link = await this.useToken(db, tokenText, 'invitation');
      await this.repository.setPassword(db, link.user_id, passwordHash, language ?? null);
      return link.user_id;
    });
    return this.auth.startSession(userId);
  }

  /**
   * Emails a reset link (30 minutes) when the email belongs to an active account, at most
   * RESET_LINKS_PER_HOUR an hour. The work starts only once the answer is on its way, so a
   * known email is answered exactly like an unknown one, in what it says and in how long it
   * takes; nobody learns who has an account here.
   */
  forgotPassword(email: string): void {
    setImmediate(() => {
      const work = this.sendResetLink(email)
        .catch((error: unknown) => this.logger.error({ msg: 'password reset link not sent', err: String(error) }))
        .finally(() => this.resetsInFlight.delete(work));
      this.resetsInFlight.add(work);
    });
  }

  /** A shutdown lets the reset links in flight finish before the database goes. */
  async onModuleDestroy(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.allSettled([...this.resetsInFlight]);
  }

  private async sendResetLink(email: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      // The row lock serializes requests for one account, so the hourly count is exact.
      const user = await this.repository.lockResettableUser(db, email);
      if (!user) return;
      if ((await this.repository.resetLinksInLastHour(db, user.id)) >= RESET_LINKS_PER_HOUR) {
        this.logger.warn({
          msg: 'password reset link not sent: hourly limit reached',
          user: user.id,
          limit: RESET_LINKS_PER_HOUR,
        });
        return;
      }
      const token = await this.issueToken(db, user.id, 'password-reset', null, `${RESET_MINUTES} minutes`);
      await this.notifications.enqueue(db, [
        {
          recipientId: user.id,
          kind: 'account.password-reset',
          requestId: null,
          eventKey: `account-token:${token.id}`,
          params: { tokenId: token.id, name: user.name },
        },
      ]);
    });
  }

  /** Sets a new password and ends every session of the person (all refresh tokens revoked). */
  async resetPassword(tokenText: string, password: string): Promise<void> {
    const passwordHash = await this.hashForLink(tokenText, 'password-reset', password);
    await this.dataSource.transaction(async (db) => {
      const link = await this.useToken(db, tokenText, 'password-reset');
      const user = (await this.repository.userEmail(db, link.user_id))!;
      await this.repository.setPassword(db, link.user_id, passwordHash);
      await this.repository.useUnusedTokens(db, link.user_id, 'password-reset');
      await this.authRepository.revokeFamiliesOfUser(db, link.user_id);
      await this.authRepository.clearLoginFailures(db, user.email);
    });
  }

  /**
   * A signed-in person changes its password: the current one is checked like a sign-in (its
   * failures count against the same throttle of 5 per email in 15 minutes, argon2 in the
   * bounded queue with no connection held), the new one against the policy. Every session
   * of the person is then ended and a new one started for the caller, whose device stays
   * signed in with the answered pair; other devices' refresh tokens no longer work.
   */
  async changePassword(caller: AuthUser, currentPassword: string, newPassword: string): Promise<TokenPair> {
    const account = await this.repository.passwordOf(this.dataSource, caller.id);
    if (!account?.password_hash) throw new WrongPasswordException();
    const problems = passwordProblems(newPassword, account.email);
    if (problems.length) throw new ValidationException({ newPassword: problems }, 'Choose another password.');
    const emailKey = account.email.trim().toLowerCase();
    const attempt = await this.dataSource.transaction(async (db) => {
      await this.authRepository.lockLoginEmail(db, emailKey);
      const throttle = await this.authRepository.loginThrottle(db, emailKey, LOGIN_THROTTLE.windowMinutes);
      if (throttle.failures >= LOGIN_THROTTLE.maxFailures)
        return { throttled: true as const, retryAfter: throttle.retry_after };
      await this.authRepository.forgetOldLoginFailures(db, emailKey, LOGIN_THROTTLE.windowMinutes);
      return { throttled: false as const, failureId: await this.authRepository.insertLoginFailure(db, emailKey) };
    });
    if (attempt.throttled) throw new TooManyAttemptsException(attempt.retryAfter);

    let ticket: HashingTicket;
    try {
      ticket = passwordHashing.admit();
    } catch (busy) {
      await this.authRepository.deleteLoginFailure(this.dataSource, attempt.failureId);
      throw busy;
    }
    const checkedHash = account.password_hash;
    const matches = await ticket.run(() => verifyPassword(checkedHash, currentPassword));
    // As at sign-in: the demo password only counts in demo mode.
    if (!matches || (!this.config.demoMode && currentPassword === DEMO_PASSWORD)) throw new WrongPasswordException();
    let passwordHash: string;
    try {
      passwordHash = await passwordHashing.run(() => hashPassword(newPassword));
    } catch (busy) {
      // The current password was right: a busy hasher (503) must not leave a counted failure.
      await this.authRepository.deleteLoginFailure(this.dataSource, attempt.failureId);
      throw busy;
    }

    await this.dataSource.transaction(async (db) => {
      await this.authRepository.clearLoginFailuresUpTo(db, emailKey, attempt.failureId);
      // Changed by a parallel request since it was checked: this one's current password is no longer right.
      if (!(await this.repository.replacePassword(db, caller.id, checkedHash, passwordHash)))
        throw new WrongPasswordException();
      await this.repository.useUnusedTokens(db, caller.id, 'password-reset');
      await this.authRepository.revokeFamiliesOfUser(db, caller.id, 'password-changed');
      await this.audit.record(db, {
        actorId: caller.id,
        action: 'user.password-changed',
        entityType: 'user',
        entityId: caller.id,
      });
    });
    return this.auth.startSession(caller.id);
  }

  /** The people of the caller's organization, for its contact. */
  async organizationPeople(caller: AuthUser): Promise<AdminUserView[]> {
    this.requireContact(caller);
    const { items } = await this.users.list({ organizationId: caller.organizationId!, page: 1, pageSize: 100 });
    return items;
  }

  /** A contact deactivates a colleague of its own organization (never itself). */
  async deactivateColleague(caller: AuthUser, userId: string): Promise<void> {
    this.requireContact(caller);
    const person = await this.repository.userOrganization(this.dataSource, userId);
    if (!person || person.organization_id !== caller.organizationId)
      throw new ContactOnlyException('You can deactivate people of your own organization only.');
    if (userId === caller.id) throw new ConflictException('users.self-lockout', 'You cannot deactivate yourself.');
    await this.users.setActive(caller, userId, false);
  }

  private requireContact(caller: AuthUser): void {
    if (!can(caller.role, 'organization.people') || !caller.contact || !caller.organizationId) {
      throw new ContactOnlyException("Only an organization's contact manages its people.");
    }
  }

  private checkPassword(password: string, email: string): void {
    const problems = passwordProblems(password, email);
    if (problems.length) throw new ValidationException({ password: problems }, 'Choose another password.');
  }

  /**
   * A new link: its id is chosen here so the token (derived from the secret and the id) and
   * its hash can be computed before the row is written; the token itself is never stored.
   */
  private async issueToken(
    db: Db,
    userId: string,
    purpose: AccountPurpose,
    createdBy: string | null,
    validity: string,
  ): Promise<{ id: string; expiresAt: Date }> {
    const id = randomUUID();
    const tokenHash = hashToken(deriveAccountToken(this.config.JWT_SECRET!, id));
    const expiresAt = await this.repository.insertToken(db, { id, userId, purpose, tokenHash, createdBy }, validity);
    return { id, expiresAt };
  }

  /**
   * The hash of the password chosen with a link that is valid now (410 otherwise) and that
   * passes the policy (400); hashed in the bounded queue, with no connection held.
   */
  private async hashForLink(tokenText: string, purpose: AccountPurpose, password: string): Promise<string> {
    const link = await this.repository.validLinkEmail(this.dataSource, hashToken(tokenText), purpose);
    if (!link) throw new LinkGoneException();
    this.checkPassword(password, link.email);
    return passwordHashing.run(() => hashPassword(password));
  }

  /** Marks a link used; 410 when it is unknown, used, expired, of another kind or of a deactivated person. */
  private async useToken(db: Db, tokenText: string, purpose: AccountPurpose): Promise<{ id: string; user_id: string }> {
    const link = await this.repository.lockLink(db, hashToken(tokenText), purpose);
    if (!link || link.used_at || link.expired || !link.active) throw new LinkGoneException();
    await this.repository.markTokenUsed(db, link.id);
    return link;
  }
}
