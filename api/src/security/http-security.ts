import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { RATE_LIMITS } from './rate-limits';

/**
 * The Content-Security-Policy of the web app: its own scripts only, no inline script, no
 * framing. Inline styles stay allowed because Angular injects its components' styles.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Who is asking, for rate limits: the signed-in person when a token names one, else the address. */
function callerKey(request: FastifyRequest): string {
  const token = /^Bearer ([\w-]+)\.([\w-]+)\./.exec(request.headers.authorization ?? '');
  if (token) {
    try {
      // Only a key for counting: a forged token is refused by the JWT guard right after.
      const subject = JSON.parse(Buffer.from(token[2], 'base64url').toString('utf8')).sub;
      if (typeof subject === 'string') return `user:${subject}`;
    } catch {
      /* not a JWT: count by address */
    }
  }
  return `ip:${request.ip}`;
}

/**
 * Security headers (helmet; the web app's CSP is set where the app is served, so Swagger
 * UI keeps working), CORS for the configured origins only, and rate limits for the routes
 * that ask for one (sign-in, submission) with the IETF RateLimit-* headers. Limits are
 * counted per API process: behind a balancer of N replicas a client gets up to N times the
 * limit; the per-email sign-in throttle in the database is exact across replicas.
 */
export async function registerHttpSecurity(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(fastifyHelmet as never, {
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.NODE_ENV === 'production' ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  const origins = config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  await app.register(fastifyCors as never, {
    origin: origins.length ? origins : false,
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept-Language', 'Idempotency-Key', 'X-Request-Id'],
    exposedHeaders: ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After', 'X-Request-Id', 'Idempotent-Replayed', 'Content-Disposition'],
    maxAge: 600,
  });
  RATE_LIMITS.login = config.RATE_LIMIT_LOGIN_PER_MINUTE;
  RATE_LIMITS.submit = config.RATE_LIMIT_SUBMIT_PER_MINUTE;
  await app.register(fastifyRateLimit as never, {
    global: false,
    enableDraftSpec: true,
    keyGenerator: callerKey,
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string; max: number }) => ({
      statusCode: 429,
      message: `Too many requests: at most ${context.max} in this time window. Try again in ${context.after}.`,
    }),
  });
}
