import { JwtService } from '@nestjs/jwt';
import { ExtractJwt } from 'passport-jwt';
import { JWT_AUDIENCE, JWT_ISSUER } from './token.constants';

/** The bearer token of a request, read exactly as the JWT guard reads it (the scheme in any case). */
const extractBearer = ExtractJwt.fromAuthHeaderAsBearerToken();
export function bearerToken(headers: { authorization?: string }): string | null {
  return extractBearer({ headers });
}

/** The claims of a token already verified, or null when it is not a JWT. */
export function decodedClaims(token: string): Record<string, unknown> | null {
  try {
    const claims: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Only tokens that expire: one without `exp` would open the API for ever if it leaked. */
export function expires(claims: Record<string, unknown> | null): boolean {
  return typeof claims?.exp === 'number' && Number.isFinite(claims.exp);
}

/**
 * The person a bearer token names, only when its signature, issuer, audience and expiry
 * check out (the same checks as the JWT guard's, without the database); else null.
 */
export function verifiedSubject(jwt: JwtService, headers: { authorization?: string }): string | null {
  const token = bearerToken(headers);
  if (!token) return null;
  try {
    const claims = jwt.verify<Record<string, unknown>>(token, {
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
    return expires(claims) && typeof claims.sub === 'string' ? claims.sub : null;
  } catch {
    return null;
  }
}
