import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AdminUserView, InvitationAnswer, TokenPair } from '@portal/shared';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AuthService } from '../auth/auth.service';
import { deriveAccountToken, hashToken } from '../auth/token-hash';
import { AppException, ConflictException, ValidationException } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { hashPassword } from '../auth/password-hasher';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import type { InvitationDto } from './accounts.dto';
import { passwordProblems } from './password-policy';

const INVITATION_DAYS = 7;
const RESET_MINUTES = 30;

export class LinkGoneException extends AppException {
  constructor() {
    super(410, 'accounts.link-gone', 'Link no longer valid', 'This link was already used or has expired. Ask for a new one.');
  }
}

class ContactOnlyException extends AppException {
  constructor(detail: string) {
    super(403, 'accounts.forbidden', 'Not allowed', detail);
  }
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Registers a person and emails it a single-use link to choose its password (7 days).
   * Admins invite anyone; an organization's contact invites members of its own organization
   * only. Inviting again someone who never accepted sends a fresh link.
   */
  async invite(caller: AuthUser, body: InvitationDto): Promise<InvitationAnswer> {
    if (caller.role !== 'admin') {
      if (caller.role !== 'member' || !caller.contact) throw new ContactOnlyException("Only admins and an organization's contact can invite people.");
      if (body.role !== 'member') throw new ContactOnlyException('A contact can invite members of its organization only.');
      if (body.organizationId && body.organizationId !== caller.organizationId) {
        throw new ContactOnlyException('A contact can invite people into its own organization only.');
      }
      if (body.region || body.coverage?.length || body.contact) throw new ContactOnlyException('Only admins give a region, coverage or the contact role.');
    }
    const organizationId = body.role === 'member' ? (body.organizationId ?? (caller.role === 'member' ? caller.organizationId : null)) : null;
    return this.dataSource.transaction(async (db) => {
      const [existing] = await db.query(
        `SELECT id, role, organization_id, password_hash IS NOT NULL AS has_password, active FROM users WHERE lower(email) = lower($1) FOR UPDATE`,
        [body.email],
      );
      let userId: string;
      if (existing) {
        // A contact may only send again the invitation of a member of its own organization;
        // for anyone else it learns nothing, not even that the email is registered.
        if (caller.role !== 'admin' && (existing.role !== 'member' || existing.organization_id !== caller.organizationId)) {
          throw new ContactOnlyException('A contact can invite people into its own organization only.');
        }
        if (existing.has_password || !existing.active) {
          throw new ConflictException('users.email-taken', 'A person with this email already has an account.');
        }
        userId = existing.id;
        await db.query(`UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = 'invitation' AND used_at IS NULL`, [userId]);
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
      const [inviter] = await db.query(`SELECT name FROM users WHERE id = $1`, [caller.id]);
      const [organization] = organizationId ? await db.query(`SELECT name FROM organizations WHERE id = $1`, [organizationId]) : [null];
      await this.notifications.enqueue(db, [
        {
          recipientId: userId,
          kind: 'account.invitation',
          requestId: null,
          eventKey: `account-token:${token.id}`,
          params: { tokenId: token.id, name: body.name, inviter: inviter.name, organization: organization?.name },
        },
      ]);
      await this.audit.record(db, { actorId: caller.id, action: 'user.invited', entityType: 'user', entityId: userId, changes: { email: body.email, role: body.role } });
      return { id: userId, email: body.email, expiresAt: token.expiresAt.toISOString() };
    });
  }

  /** Sets the password (and language) of an invited person and signs it in. */
  async acceptInvitation(tokenText: string, password: string, language?: string): Promise<TokenPair> {
    const userId = await this.dataSource.transaction(async (db) => {
      const link = await this.useToken(db, tokenText, 'invitation');
      const [user] = await db.query(`SELECT email FROM users WHERE id = $1`, [link.user_id]);
      this.checkPassword(password, user.email);
      await db.query(`UPDATE users SET password_hash = $2, language = COALESCE($3, language), updated_at = now() WHERE id = $1`, [
        link.user_id,
        await hashPassword(password),
        language ?? null,
      ]);
      return link.user_id as string;
    });
    return this.auth.startSession(userId);
  }

  /**
   * Emails a reset link (30 minutes) when the email belongs to an active account. The
   * answer is the same either way, so nobody learns who has an account here.
   */
  async forgotPassword(email: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const [user] = await db.query(`SELECT id, name FROM users WHERE lower(email) = lower($1) AND active AND password_hash IS NOT NULL`, [email]);
      if (!user) return;
      const token = await this.issueToken(db, user.id, 'password-reset', null, `${RESET_MINUTES} minutes`);
      await this.notifications.enqueue(db, [
        { recipientId: user.id, kind: 'account.password-reset', requestId: null, eventKey: `account-token:${token.id}`, params: { tokenId: token.id, name: user.name } },
      ]);
    });
  }

  /** Sets a new password and ends every session of the person (all refresh tokens revoked). */
  async resetPassword(tokenText: string, password: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const link = await this.useToken(db, tokenText, 'password-reset');
      const [user] = await db.query(`SELECT email FROM users WHERE id = $1`, [link.user_id]);
      this.checkPassword(password, user.email);
      await db.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [link.user_id, await hashPassword(password)]);
      await db.query(`UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = 'password-reset' AND used_at IS NULL`, [link.user_id]);
      await db.query(
        `UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = 'password-reset' WHERE user_id = $1 AND revoked_at IS NULL`,
        [link.user_id],
      );
      await db.query(`DELETE FROM login_failures WHERE email_key = lower($1)`, [user.email]);
    });
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
    const [person] = await this.dataSource.query(`SELECT organization_id FROM users WHERE id = $1`, [userId]);
    if (!person || person.organization_id !== caller.organizationId) throw new ContactOnlyException('You can deactivate people of your own organization only.');
    if (userId === caller.id) throw new ConflictException('users.self-lockout', 'You cannot deactivate yourself.');
    await this.users.setActive(caller, userId, false);
  }

  private requireContact(caller: AuthUser): void {
    if (caller.role !== 'member' || !caller.contact || !caller.organizationId) {
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
  private async issueToken(db: EntityManager, userId: string, purpose: string, createdBy: string | null, validity: string): Promise<{ id: string; expiresAt: Date }> {
    const id = randomUUID();
    const [row] = await db.query(
      `INSERT INTO account_tokens (id, user_id, purpose, token_hash, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + $6::interval) RETURNING expires_at`,
      [id, userId, purpose, hashToken(deriveAccountToken(this.config.JWT_SECRET!, id)), createdBy, validity],
    );
    return { id, expiresAt: row.expires_at };
  }

  /** Marks a link used; 410 when it is unknown, used, expired, of another kind or of a deactivated person. */
  private async useToken(db: EntityManager, tokenText: string, purpose: string): Promise<{ id: string; user_id: string }> {
    const [link] = await db.query(
      `SELECT t.id, t.user_id, t.used_at, t.expires_at <= now() AS expired, u.active
       FROM account_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = $1 AND t.purpose = $2 FOR UPDATE OF t`,
      [hashToken(tokenText), purpose],
    );
    if (!link || link.used_at || link.expired || !link.active) throw new LinkGoneException();
    await db.query(`UPDATE account_tokens SET used_at = now() WHERE id = $1`, [link.id]);
    return link;
  }
}
