import { createSecretKey } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { AuthUser } from './auth-user';
import { AuthRepository } from './auth.repository';
import { CallerUnavailableException } from './auth.exceptions';
import { JWT_AUDIENCE, JWT_ISSUER } from './token.constants';

interface AccessTokenPayload {
  sub: string;
  exp?: number;
}

/**
 * Verifies the bearer token, then loads the caller from the database, so a deactivated
 * person or a changed role takes effect at once rather than when the token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly logger = new Logger('Auth');

  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AuthRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object made once: given the secret as a string, jsonwebtoken first tries it as a
      // PEM public key on every request (an exception each time) before making it a secret key.
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET!, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthUser | false> {
    // jsonwebtoken checks exp only when present: a token without one would never expire.
    if (typeof payload.exp !== 'number') return false;
    if (typeof payload.sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(payload.sub)) return false;
    let row;
    try {
      row = await this.repository.findActiveCaller(this.dataSource, payload.sub);
    } catch (error) {
      this.logger.warn({ msg: 'could not load the caller of a valid token', err: String(error) });
      throw new CallerUnavailableException();
    }
    if (!row) return false;
    return {
      id: row.id,
      role: row.role,
      language: row.language,
      organizationId: row.organization_id,
      regionCode: row.region_code,
      contact: row.contact,
      ...(row.coverage ? { coverage: row.coverage } : {}),
    };
  }
}
