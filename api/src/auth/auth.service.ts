import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LOGIN_THROTTLE, type LoginAnswer, TOKEN_LIFETIME, type TokenPair } from '@portal/shared';
import { AuditService } from '../audit/audit.service';
import type { Db } from '../common/typed-sql';
import { AppConfig } from '../config/app-config';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { UserViewsRepository } from '../users/user-views.repository';
import { toPublicUserView } from '../users/users.service';
import { AuthRepository } from './auth.repository';
import { InvalidCredentialsException, InvalidRefreshTokenException, TooManyAttemptsException } from './auth.exceptions';
import { DEMO_PASSWORD } from './demo-password';
import { decoyPasswordHash, type HashingTicket, passwordHashing, verifyPassword } from './password-hasher';
import { JWT_AUDIENCE, JWT_ISSUER } from './token.constants';
import { hashToken } from './token-hash';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly userViews: UserViewsRepository,
    private readonly repository: AuthRepository,
    private readonly audit: AuditService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  /**
   * Checks the credentials. An unknown email and a wrong password fail alike (same answer,
   * same argon2 work). No database connection is held while argon2 runs (a burst of
   * sign-ins would empty the pool for everyone): a short transaction first counts the
   * email's recent failures and, under an advisory lock per email, records this attempt as
   * one, so parallel guesses cannot slip past the limit; the password is verified after it
   * committed, in the bounded hashing queue (full: 503, and the attempt is not counted), and
   * a success then clears the failures up to its own. Failures live in the database so every
   * API process sees them. With two-factor on (or required and not set up) the answer is a
   * challenge for the code step instead of a session, unless the device was remembered.
   */
  async login(email: string, password: string, deviceToken?: string): Promise<LoginAnswer> {
    const emailKey = email.trim().toLowerCase();
    const attempt = await this.dataSource.transaction(async (db) => {
      await this.repository.lockLoginEmail(db, emailKey);
      const throttle = await this.repository.loginThrottle(db, emailKey, LOGIN_THROTTLE.windowMinutes);
      if (throttle.failures >= LOGIN_THROTTLE.maxFailures)
        return { throttled: true as const, retryAfter: throttle.retry_after };
      await this.repository.forgetOldLoginFailures(db, emailKey, LOGIN_THROTTLE.windowMinutes);
      // Counted as a failure until the password is found right; ids follow the lock order.
      const failureId = await this.repository.insertLoginFailure(db, emailKey);
      const user = await this.repository.findLoginUser(db, emailKey);
      return { throttled: false as const, failureId, user };
    });
    if (attempt.throttled) {
      await this.auditFailedSignIn(emailKey, null, 'throttled');
      throw new TooManyAttemptsException(attempt.retryAfter);
    }

    let ticket: HashingTicket;
    try {
      ticket = passwordHashing.admit();
    } catch (busy) {
      await this.repository.deleteLoginFailure(this.dataSource, attempt.failureId);
      throw busy;
    }
    const user = attempt.user;
    const hash: string | null = user?.active && user.password_hash ? user.password_hash : null;
    const passwordMatches = await ticket.run(async () => verifyPassword(hash ?? (await decoyPasswordHash()), password));
    // The demo password only opens doors in demo mode, whatever hash a database holds.
    const accepted = hash !== null && passwordMatches && (this.config.demoMode || password !== DEMO_PASSWORD);
    if (!user || !accepted) {
      await this.auditFailedSignIn(emailKey, user?.id ?? null, 'credentials');
      throw new InvalidCredentialsException();
    }

    const challenge = await this.twoFactor.signInGate(user.id, deviceToken);
    const refreshToken = await this.dataSource.transaction(async (db) => {
      // This attempt's row and those before it (in lock order) go; parallel attempts after it stay counted.
      await this.repository.clearLoginFailuresUpTo(db, emailKey, attempt.failureId);
      if (challenge) return null;
      await this.recordSignIn(db, user.id);
      return this.insertRefreshToken(db, await this.repository.insertFamily(db, user.id));
    });
    return challenge ?? this.tokenPair(user.id, refreshToken!);
  }

  /** A refused sign-in in the audit trail: the email typed, and the account when one has it. */
  private auditFailedSignIn(email: string, userId: string | null, reason: 'credentials' | 'throttled') {
    return this.audit.recordNow({
      actorId: null,
      action: 'auth.sign-in-failed',
      entityType: 'user',
      entityId: userId ?? email,
      changes: { email, reason },
    });
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already exchanged means it
   * leaked (or a client raced itself): the whole family is revoked, so the thief and the
   * owner both have to sign in again.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.dataSource.transaction(async (db) => {
      const token = await this.repository.lockRefreshToken(db, hashToken(refreshToken));
      if (!token || token.revoked_at || token.expired || !token.active) return null;
      if (token.used_at) {
        await this.repository.revokeFamily(db, token.family_id, 'reuse-detected');
        return null;
      }
      await this.repository.markRefreshTokenUsed(db, token.id);
      return { userId: token.user_id, refreshToken: await this.insertRefreshToken(db, token.family_id) };
    });
    if (!outcome) throw new InvalidRefreshTokenException();
    return this.tokenPair(outcome.userId, outcome.refreshToken);
  }

  /** Signs a person in without a password check (after it accepted an invitation). */
  startSession(userId: string): Promise<TokenPair> {
    return this.openSession(userId, false);
  }

  /** The session after the code step of a two-factor sign-in: the sign-in the audit trail records. */
  completeSignIn(userId: string): Promise<TokenPair> {
    return this.openSession(userId, true);
  }

  private async openSession(userId: string, signIn: boolean): Promise<TokenPair> {
    const refreshToken = await this.dataSource.transaction(async (db) => {
      if (signIn) await this.recordSignIn(db, userId);
      return this.insertRefreshToken(db, await this.repository.insertFamily(db, userId));
    });
    return this.tokenPair(userId, refreshToken);
  }

  /** The audit trail's sign-in: a session begins (after the code step where two-factor is on). */
  private recordSignIn(db: Db, userId: string): Promise<void> {
    return this.audit.record(db, { actorId: userId, action: 'auth.signed-in', entityType: 'user', entityId: userId });
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored. */
  async logout(refreshToken: string): Promise<void> {
    await this.repository.revokeFamilyOfToken(this.dataSource, hashToken(refreshToken));
  }

  private async insertRefreshToken(db: Db, familyId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.repository.insertRefreshToken(db, familyId, hashToken(token), TOKEN_LIFETIME.refreshDays);
    return token;
  }

  private async tokenPair(userId: string, refreshToken: string): Promise<TokenPair> {
    const user = await this.userViews.findById(userId);
    if (!user) throw new InvalidRefreshTokenException();
    const accessToken = await this.jwt.signAsync(
      { sub: userId, role: user.role },
      { expiresIn: TOKEN_LIFETIME.accessSeconds, issuer: JWT_ISSUER, audience: JWT_AUDIENCE, algorithm: 'HS256' },
    );
    return { accessToken, refreshToken, expiresIn: TOKEN_LIFETIME.accessSeconds, user: toPublicUserView(user) };
  }
}
