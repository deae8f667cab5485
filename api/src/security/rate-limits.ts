import { RouteConfig } from '@nestjs/platform-fastify';

/** Per-minute limits, set from the configuration at start-up (registerHttpSecurity). */
export const RATE_LIMITS = { login: 30, submit: 20 };

/** Sign-in and account-link routes: counted per address. */
export const LoginRateLimit = () => RouteConfig({ rateLimit: { max: () => RATE_LIMITS.login, timeWindow: 60_000 } });

/** Filing requests: counted per signed-in person. */
export const SubmitRateLimit = () => RouteConfig({ rateLimit: { max: () => RATE_LIMITS.submit, timeWindow: 60_000 } });
