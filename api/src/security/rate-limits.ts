import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

/**
 * Per-minute limits, and who a request's bearer token names once its signature checks out;
 * set from the configuration at start-up (registerHttpSecurity).
 */
export const RATE_LIMITS = {
  login: 30,
  submit: 20,
  verifiedSubject: (_request: FastifyRequest): string | null => null,
};

/**
 * The signed-in person when the token is genuine, else the address: a made-up token must
 * neither give a fresh allowance nor spend someone else's.
 */
function personKey(request: FastifyRequest): string {
  const subject = RATE_LIMITS.verifiedSubject(request);
  return subject ? `user:${subject}` : `ip:${request.ip}`;
}

/**
 * Sign-in and account-link routes: counted per address only (the plugin's default key:
 * the client's address, read through TRUSTED_PROXIES), whatever token comes along.
 */
export const LoginRateLimit = () => RouteConfig({ rateLimit: { max: () => RATE_LIMITS.login, timeWindow: 60_000 } });

/** Filing requests: counted per signed-in person. */
export const SubmitRateLimit = () =>
  RouteConfig({ rateLimit: { max: () => RATE_LIMITS.submit, timeWindow: 60_000, keyGenerator: personKey } });
