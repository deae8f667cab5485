import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '@portal/shared';
import { WEB_APP_CSP } from '../security/http-security';

/**
 * Serves the built Angular app at / from the same port as the API. Hashed bundles are
 * cached for a year (their names change with their content); index.html never, so a new
 * release reaches phones at the next visit. Any other path that is not the API gets
 * index.html, for the app's own router.
 */
export async function serveWebApp(fastify: FastifyInstance, distDir: string): Promise<boolean> {
  if (!distDir || !existsSync(join(distDir, 'index.html'))) return false;
  await fastify.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    // The build writes .br and .gz copies at the strongest levels (web/scripts/precompress.mjs).
    preCompressed: true,
    setHeaders(res, path) {
      // esbuild names hashes in base64url: a hash may hold "-" and "_" (chunk-B-q5nBZr.js).
      const hashed = /-[A-Za-z0-9_-]{8}\.(js|css|woff2?)(\.br|\.gz)?$/.test(path);
      res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.header('content-security-policy', WEB_APP_CSP);
    },
  });
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0];
    // The API's unknown routes, and files that do not exist (an old tab asking for a chunk
    // of a previous release), are 404s, not the app's page.
    if (path.startsWith('/api/') || path === '/api' || /\.[a-z0-9]+$/i.test(path)) {
      return reply
        .status(404)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send({ type: 'about:blank', title: 'Not found', status: 404, detail: `Nothing at ${request.method} ${path}` });
    }
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', WEB_APP_CSP)
      .sendFile('index.html');
  });
  fastify.get('/', (_request, reply) =>
    reply.header('cache-control', 'no-cache').header('content-security-policy', WEB_APP_CSP).sendFile('index.html'),
  );
  return true;
}
