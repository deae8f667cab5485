import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';

/** Where the HTTP request being served came from: what every audit entry written for it records. */
export interface AuditOrigin {
  ip: string | null;
  userAgent: string | null;
}

const origins = new AsyncLocalStorage<AuditOrigin>();
const USER_AGENT_MAX = 300;

/**
 * Every request runs in a context holding its client's address (Fastify's `request.ip`: the
 * X-Forwarded-For of TRUSTED_PROXIES only, otherwise the socket's) and user agent, so an audit
 * entry written anywhere below (a service, in its transaction) says from where without every
 * method passing it down. Scheduled jobs run outside it: their entries have no address.
 */
export function registerAuditOrigin(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const agent = request.headers['user-agent'];
    origins.run({ ip: request.ip ?? null, userAgent: agent ? agent.slice(0, USER_AGENT_MAX) : null }, done);
  });
}

/** The origin of the request being served; nulls in a job. */
export function currentAuditOrigin(): AuditOrigin {
  return origins.getStore() ?? { ip: null, userAgent: null };
}
