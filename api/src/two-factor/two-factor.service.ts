import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { toString as qrSvg } from 'qrcode';
import type { DataSource } from 'typeorm';
import { isStaff, type SignInChallenge, TWO_FACTOR, type TwoFactorSetup, type TwoFactorStatus } from '@portal/shared';
import { AuditService } from '../audit/audit.service';
import { AuthRepository } from '../auth/auth.repository';
import type { AuthUser } from '../auth/auth-user';
import { TooManyAttemptsException } from '../auth/auth.exceptions';
import { JWT_AUDIENCE, JWT_ISSUER } from '../auth/token.constants';
import { hashToken } from '../auth/token-hash';
import { NotFoundException } from '../common/app-exception';
import type { Db } from '../common/typed-sql';
import { AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications/notifications.service';
import { SecretBox } from '../security/secret-box';
import {
  ChallengeExpiredException,
  TwoFactorConflictException,
  TwoFactorFailedException,
} from './two-factor.exceptions';
import { TwoFactorRepository } from './two-factor.repository';
import { matchTotp, newTotpSecret, otpauthUri } from './totp';

const CHALLENGE_AUDIENCE = `${JWT_AUDIENCE}:two-factor`;
const ISSUER_NAME = 'Portal CLAC';

type ChallengePurpose = SignInChallenge['twoFactor'];

/** A recovery code as typed: spaces and dashes ignored, any case. */
const normalizeRecoveryCode = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();
const hashRecoveryCode = (code: string) => createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');

/** Ten characters of base32 in two groups ("k7f2q-m9xd4"): 50 bits each, easy to type. */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const chars = [...randomBytes(10)].map((byte) => alphabet[byte & 31]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/**
 * Two-factor sign-in: enrolment (a secret, confirmed by a first code, then the recovery
 * codes shown once), the code step of sign-in (a TOTP or a recovery code, wrong ones
 * counted per account in login_failures like passwords), remembered devices, turning it
 * off, and an admin's reset for a lost device.
 */
@Injectable()
export class TwoFactorService {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly repository: TwoFactorRepository,
    private readonly throttle: AuthRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {
    this.box = new SecretBox(config.secretsEncryptionKey);
  }

  /**
   * After the password: null lets the sign-in through (two-factor off and not required, or a
   * remembered device); otherwise the challenge to pass first.
   */
  async signInGate(userId: string, deviceToken: string | undefined): Promise<SignInChallenge | null> {
    const state = await this.repository.find(this.dataSource, userId);
    if (state?.enabled_at) {
      if (deviceToken && (await this.repository.deviceRemembered(this.dataSource, userId, hashToken(deviceToken))))
        return null;
      return this.challenge(userId, 'verify');
    }
    const person = await this.repository.person(this.dataSource, userId);
    if (person && this.required(person.role)) return this.challenge(userId, 'enrol');
    return null;
  }

  /** The code step: the person the challenge names, and a device token when asked to remember the device. */
  async verifySignIn(
    challengeToken: string,
    code: string,
    rememberDevice: boolean,
    deviceLabel: string | null,
  ): Promise<{ userId: string; deviceToken: string | null }> {
    const userId = await this.readChallenge(challengeToken, 'verify');
    return this.withThrottle(userId, async (db) => {
      const state = await this.repository.lock(db, userId);
      if (!state?.enabled_at || !(await this.takeCode(db, userId, state, code))) return null;
      let deviceToken: string | null = null;
      if (rememberDevice) {
        deviceToken = randomBytes(32).toString('base64url');
        await this.repository.insertDevice(
          db,
          userId,
          hashToken(deviceToken),
          deviceLabel,
          TWO_FACTOR.rememberDeviceDays,
        );
      }
      return { userId, deviceToken };
    });
  }

  /** A new secret to enrol (the signed-in person, or one whose sign-in requires enrolment). */
  async setup(userId: string): Promise<TwoFactorSetup> {
    return this.dataSource.transaction(async (db) => {
      const person = await this.repository.person(db, userId);
      const state = await this.repository.lock(db, userId);
      if (!person) throw new NotFoundException('user');
      if (state?.enabled_at)
        throw new TwoFactorConflictException('Two-factor sign-in is already on; turn it off first.');
      const secret = newTotpSecret();
      await this.repository.savePending(db, userId, this.box.seal(secret));
      const uri = otpauthUri(secret, person.email, ISSUER_NAME);
      const svg = await qrSvg(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { secret, otpauthUri: uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
    });
  }

  async setupForSignIn(challengeToken: string): Promise<TwoFactorSetup> {
    return this.setup(await this.readChallenge(challengeToken, 'enrol'));
  }

  /** Confirms the enrolment with a first code: on, and ten recovery codes, shown this once. */
  async enable(userId: string, code: string): Promise<string[]> {
    const codes = await this.withThrottle(userId, async (db) => {
      const state = await this.repository.lock(db, userId);
      if (!state) throw new TwoFactorConflictException('Start the set-up first: no key is waiting for a code.');
      if (state.enabled_at) throw new TwoFactorConflictException('Two-factor sign-in is already on.');
      const step = matchTotp(this.box.open(state.secret_encrypted), code, Date.now(), null);
      if (step === null) return null;
      await this.repository.markUsed(db, userId, step, true);
      const recoveryCodes = Array.from({ length: TWO_FACTOR.recoveryCodes }, newRecoveryCode);
      await this.repository.replaceRecoveryCodes(db, userId, recoveryCodes.map(hashRecoveryCode));
      await this.audit.record(db, {
        actorId: userId,
        action: 'two-factor.enabled',
        entityType: 'user',
        entityId: userId,
      });
      return recoveryCodes;
    });
    return codes;
  }

  async enableForSignIn(challengeToken: string, code: string): Promise<{ userId: string; recoveryCodes: string[] }> {
    const userId = await this.readChallenge(challengeToken, 'enrol');
    return { userId, recoveryCodes: await this.enable(userId, code) };
  }

  /** Turns two-factor off, on a current code (or a recovery code). */
  async disable(userId: string, code: string): Promise<void> {
    await this.withThrottle(userId, async (db) => {
      const state = await this.repository.lock(db, userId);
      if (!state?.enabled_at) throw new TwoFactorConflictException('Two-factor sign-in is not on.');
      const person = await this.repository.person(db, userId);
      if (person && this.required(person.role))
        throw new TwoFactorConflictException('Two-factor sign-in is required for staff; it cannot be turned off.');
      if (!(await this.takeCode(db, userId, state, code))) return null;
      await this.repository.remove(db, userId);
      await this.audit.record(db, {
        actorId: userId,
        action: 'two-factor.disabled',
        entityType: 'user',
        entityId: userId,
      });
      return true;
    });
  }

  /** A lost device: an admin turns a person's two-factor off; audited, and the person told by email. */
  async reset(actor: AuthUser, userId: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const person = await this.repository.person(db, userId);
      if (!person) throw new NotFoundException('user');
      await this.repository.lock(db, userId);
      const wasOn = await this.repository.remove(db, userId);
      await this.audit.record(db, {
        actorId: actor.id,
        action: 'two-factor.reset',
        entityType: 'user',
        entityId: userId,
        changes: { wasOn },
      });
      await this.notifications.enqueue(db, [
        {
          recipientId: userId,
          kind: 'account.two-factor-reset',
          requestId: null,
          eventKey: `two-factor-reset:${userId}:${Date.now()}`,
          params: { name: person.name },
        },
      ]);
    });
  }

  async status(caller: AuthUser): Promise<TwoFactorStatus> {
    const state = await this.repository.find(this.dataSource, caller.id);
    const enabled = Boolean(state?.enabled_at);
    const devices = enabled ? await this.repository.devices(this.dataSource, caller.id) : [];
    return {
      enabled,
      enabledAt: state?.enabled_at ? state.enabled_at.toISOString() : null,
      required: this.required(caller.role),
      recoveryCodesLeft: enabled ? await this.repository.recoveryCodesLeft(this.dataSource, caller.id) : 0,
      devices: devices.map((d) => ({
        id: d.id,
        label: d.label,
        createdAt: d.created_at.toISOString(),
        expiresAt: d.expires_at.toISOString(),
      })),
    };
  }

  async forgetDevice(caller: AuthUser, deviceId: string): Promise<void> {
    if (!(await this.repository.revokeDevice(this.dataSource, caller.id, deviceId)))
      throw new NotFoundException('device');
  }

  private required(role: AuthUser['role']): boolean {
    return this.config.REQUIRE_TWO_FACTOR_FOR_STAFF && isStaff(role);
  }

  /** A TOTP code of a step not yet used, or an unused recovery code; marks it used. */
  private async takeCode(
    db: Db,
    userId: string,
    state: { secret_encrypted: string; last_used_step: string | null },
    code: string,
  ): Promise<boolean> {
    const trimmed = code.trim();
    if (/^\d{6}$/.test(trimmed)) {
      const last = state.last_used_step === null ? null : Number(state.last_used_step);
      const step = matchTotp(this.box.open(state.secret_encrypted), trimmed, Date.now(), last);
      if (step === null) return false;
      await this.repository.markUsed(db, userId, step, false);
      return true;
    }
    return this.repository.useRecoveryCode(db, userId, hashRecoveryCode(trimmed));
  }

  /**
   * Runs a code check under the account's throttle (wrong codes counted per person, as
   * wrong passwords are per email, and across API processes): at the limit a 429; a check
   * that answers null was a wrong code (counted, then a 401); one that succeeds clears
   * the count.
   */
  private async withThrottle<T>(userId: string, check: (db: Db) => Promise<T | null>): Promise<T> {
    const key = `2fa:${userId}`;
    const outcome = await this.dataSource.transaction(async (db) => {
      await this.throttle.lockLoginEmail(db, key);
      const counted = await this.throttle.loginThrottle(db, key, TWO_FACTOR.windowMinutes);
      if (counted.failures >= TWO_FACTOR.maxFailures)
        return { kind: 'throttled' as const, retryAfter: counted.retry_after };
      await this.throttle.forgetOldLoginFailures(db, key, TWO_FACTOR.windowMinutes);
      const result = await check(db);
      if (result === null) {
        await this.throttle.insertLoginFailure(db, key);
        return { kind: 'wrong' as const };
      }
      await this.throttle.clearLoginFailures(db, key);
      return { kind: 'passed' as const, result };
    });
    if (outcome.kind === 'throttled') throw new TooManyAttemptsException(outcome.retryAfter);
    if (outcome.kind === 'wrong') throw new TwoFactorFailedException();
    return outcome.result;
  }

  private async challenge(userId: string, purpose: ChallengePurpose): Promise<SignInChallenge> {
    const expiresIn = TWO_FACTOR.challengeMinutes * 60;
    const challengeToken = await this.jwt.signAsync(
      { sub: userId, purpose },
      { expiresIn, issuer: JWT_ISSUER, audience: CHALLENGE_AUDIENCE, algorithm: 'HS256' },
    );
    return { twoFactor: purpose, challengeToken, expiresIn };
  }

  /** The person a challenge names, if it is genuine, current, of this purpose, and the person still active. */
  private async readChallenge(token: string, purpose: ChallengePurpose): Promise<string> {
    let payload: { sub?: string; purpose?: string };
    try {
      payload = await this.jwt.verifyAsync(token, {
        issuer: JWT_ISSUER,
        audience: CHALLENGE_AUDIENCE,
        algorithms: ['HS256'],
      });
    } catch {
      throw new ChallengeExpiredException();
    }
    if (payload.purpose !== purpose || !payload.sub) throw new ChallengeExpiredException();
    const person = await this.repository.person(this.dataSource, payload.sub);
    if (!person?.active) throw new ChallengeExpiredException();
    return person.id;
  }
}
