import { createSecretKey } from 'node:crypto';
import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { verifiedSubject } from '../auth/access-token';
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

/**
 * Security headers (helmet; the web app's CSP is set where the app is served, so Swagger
 * UI keeps working), CORS for the configured origins only, and rate limits for the routes
 * that ask for one (sign-in, submission) with the IETF RateLimit-* headers and Retry-After
 * on a 429. The address is the client's: X-Forwarded-For counts only from TRUSTED_PROXIES
 * (Fastify's trustProxy, set in portal.ts). Limits are counted per API process: behind a
 * balancer of N replicas a client gets up to N times the limit; the per-email sign-in
 * throttle in the database is exact across replicas.
 */
export async function registerHttpSecurity(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  // helmet's middleware made once and run on every request: @fastify/helmet built it again
  // for every request, in two hooks (for per-route options and CSP nonces, which the API does
  // not use), ~2 % of the API's CPU per inbox list (docs/performance.md, "Issue 25 met").
  const securityHeaders = helmet({
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.NODE_ENV === 'production' ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) =>
      securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined)),
    );
  const origins = config.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  await app.register(fastifyCors, {
    origin: origins.length ? origins : false,
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Accept-Language', 'Idempotency-Key', 'X-Request-Id'],
    exposedHeaders: [
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'Retry-After',
      'X-Request-Id',
      'Idempotent-Replayed',
      'Content-Disposition',
    ],
    maxAge: 600,
  });
  RATE_LIMITS.login = config.RATE_LIMIT_LOGIN_PER_MINUTE;
  RATE_LIMITS.submit = config.RATE_LIMIT_SUBMIT_PER_MINUTE;
  // A key object made once (see jwt.strategy.ts): verifying is then a few microseconds.
  const jwt = new JwtService({ secret: createSecretKey(Buffer.from(config.JWT_SECRET!, 'utf8')) as unknown as Buffer });
  RATE_LIMITS.verifiedSubject = (request) => verifiedSubject(jwt, request.headers);
  await app.register(fastifyRateLimit, {
    global: false,
    enableDraftSpec: true,
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string; max: number }) => ({
      statusCode: 429,
      message: `Too many requests: at most ${context.max} in this time window. Try again in ${context.after}.`,
    }),
  });
}
