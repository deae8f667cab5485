import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import fastifyCompress from '@fastify/compress';
import fastifyMultipart from '@fastify/multipart';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { type FastifyError, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { PROBLEM_CONTENT_TYPE } from '@portal/shared';
import { AppModule } from './app.module';
import { registerAuditOrigin } from './audit/audit-context';
import { completeContract, documentValidationConstraints } from './common/openapi/contract';
import { PinoLoggerService } from './common/pino-logger';
import { createValidationPipe } from './common/validation.pipe';
import type { AppConfig } from './config/app-config';
import { createDataSource } from './database/data-source';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './database/embedded-postgres';
import { startEmbeddedMaintenance } from './database/embedded/maintenance';
import { type DemoHistoryLoad, startDemoHistory } from './database/demo-history/demo-history';
import { prepareDatabase } from './database/migrate';
import { ReportRollupJobs } from './reports/report-rollup.jobs';
import { registerHttpSecurity } from './security/http-security';
import { serveWebApp } from './web-app/web-app';

export const API_PREFIX = 'api/v1';
const BODY_LIMIT_BYTES = 1024 * 1024;

export interface RunningPortal {
  app: NestFastifyApplication;
  url: string;
  databaseUrl: string;
  embedded: boolean;
  /** In demo mode with DEMO_HISTORY, the demo history: loaded by an earlier start, or loading now. */
  demoHistory: DemoHistoryLoad | null;
  stop(): Promise<void>;
}

/**
 * In demo mode without JWT_SECRET a secret is generated once and kept in the data folder,
 * so sessions survive a restart without anybody having to configure one.
 */
function demoJwtSecret(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** Client correlation ids kept as they are (UUIDs, nginx's $request_id); anything else is replaced. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

/** The OpenAPI document at /api/docs-json and Swagger UI at /api/docs (API_DOCS). */
function publishApiDocs(app: NestFastifyApplication): void {
  documentValidationConstraints();
  const document = completeContract(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Service request portal API')
        .setDescription(
          'The HTTP contract of the portal of the Fairtrade small producer and worker organizations network.',
        )
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}

export async function startPortal(config: AppConfig): Promise<RunningPortal> {
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'portal-api' } });
  if (!config.JWT_SECRET) config.JWT_SECRET = demoJwtSecret(resolve(config.DATA_DIR));

  let embedded: EmbeddedPostgres | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(resolve(config.DATA_DIR), {
      inWorker: true,
      port: config.EMBEDDED_DATABASE_PORT,
      onWarning: (message, error) => logger.warn({ err: error }, message),
      // Without its database the portal can only fail every request: stop, so a supervisor restarts it.
      onFailure: (error) => {
        logger.fatal({ err: error }, 'the embedded database stopped');
        process.exit(1);
      },
    });
    databaseUrl = embedded.url;
    logger.info({ dataDir: resolve(config.DATA_DIR), url: embedded.url }, 'embedded PostgreSQL (PGlite) started');
  }

  let dataSource: DataSource | null = null;
  try {
    dataSource = createDataSource(databaseUrl, config.DATABASE_POOL_SIZE);
    await dataSource.initialize();
    const applied = await prepareDatabase(dataSource, databaseUrl, { seedDemo: config.demoMode });
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');

    const adapter = new FastifyAdapter({
      loggerInstance: logger,
      bodyLimit: BODY_LIMIT_BYTES,
      // Long ids reach the route, which answers 404; the router's own errors (a malformed
      // URL, an id past this length) are problem documents like every other error.
      routerOptions: { maxParamLength: 500 },
      frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
        const status =
          typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500
            ? error.statusCode
            : 400;
        void reply
          .status(status)
          .header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
          .send({
            type: 'about:blank',
            title: status === 414 ? 'URI too long' : 'Invalid request',
            status,
            detail: error.message,
          });
      },
      // X-Forwarded-For and -Proto count only from the configured proxies: from anyone else
      // they would let a client pick the address its rate limits are counted by.
      trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
      // A client's (or the proxy's) correlation id is kept only when it is short and plain:
      // it goes into every log line of the request.
      requestIdHeader: false,
      genReqId: (request: IncomingMessage) => {
        const given = request.headers['x-request-id'];
        return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
      },
      // Fastify 5's place for it (the top-level option is deprecated, FSTDEP023).
      logController: new LogController({ disableRequestLogging: config.NODE_ENV === 'test' }),
      // Requests arriving while the process drains get the problem document of the hook below,
      // not Fastify's own plain JSON 503.
      return503OnClosing: false,
    });
    const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, dataSource), adapter, {
      logger: new PinoLoggerService(logger),
    });
    app.setGlobalPrefix(API_PREFIX);
    app.useGlobalPipes(createValidationPipe());
    const fastify = app.getHttpAdapter().getInstance();
    // The API speaks JSON (and multipart for uploads): any other body is a 415, not a string.
    fastify.removeContentTypeParser('text/plain');
    await app.register(fastifyMultipart, { throwFileSizeLimit: true });
    await registerHttpSecurity(app, config);
    // Phones on 3G: the app's bundles and the API's JSON travel compressed (brotli or gzip).
    await app.register(fastifyCompress as never, { threshold: 1024, encodings: ['br', 'gzip'] });
    registerAuditOrigin(fastify);
    fastify.addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id);
      // API answers carry people's data and tokens: no cache keeps them, unless a route said otherwise.
      if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
        reply.header('cache-control', 'no-store');
    });

    // Draining (stop(), on SIGTERM): a new request is turned away as a 503 problem document, with
    // Retry-After, on a connection that then closes; requests already in flight finish.
    let draining = false;
    fastify.addHook('onRequest', async (_request, reply) => {
      if (!draining) return;
      void reply
        .status(503)
        .header('connection', 'close')
        .header('retry-after', '2')
        .header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
        .send({
          type: 'about:blank',
          title: 'Service unavailable',
          status: 503,
          detail: 'The server is shutting down. Please try again in a moment.',
        });
      return reply;
    });

    if (config.apiDocs) publishApiDocs(app);

    const webDist = resolve(config.WEB_DIST_DIR || join(__dirname, '../../../../web/dist/browser'));
    const servingWeb = await serveWebApp(fastify, webDist);
    if (!servingWeb) logger.warn({ webDist }, 'web app not built: serving the API only');

    await app.listen({ port: config.PORT, host: config.HOST });
    const address = fastify.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const url = `http://localhost:${port}`;
    const ds = dataSource;
    const maintenance = embedded
      ? startEmbeddedMaintenance(embedded.url, {
          everySeconds: config.EMBEDDED_MAINTENANCE_SECONDS,
          log: (message, detail) => logger.info(detail ?? {}, message),
        })
      : null;
    // After listening: the history loads in the background while the portal answers. Never outside demo mode.
    let demoHistory: DemoHistoryLoad | null = null;
    if (config.demoMode && config.DEMO_HISTORY) {
      demoHistory = await startDemoHistory({
        dataSource,
        attachmentsDir: resolve(config.attachmentsDir),
        emailStatus: config.SMTP_URL ? 'sent' : 'logged',
        compact: () => app.get(ReportRollupJobs).compact({ force: true }),
        logger,
      }).catch((error) => {
        logger.error({ err: error }, 'the demo history could not be started');
        return null;
      });
      demoHistory?.done.catch((error) =>
        logger.error({ err: error }, 'the demo history could not be loaded (the next start tries again)'),
      );
    }
    return {
      app,
      url,
      databaseUrl,
      embedded: embedded !== null,
      demoHistory,
      async stop() {
        // The history stops after the chunk it is writing (the next start goes on), before the database closes.
        await demoHistory?.stop();
        // Graceful: no new connections, in-flight requests finish. A keep-alive connection that
        // finished its request meanwhile would hold the close open for the client's idle timeout,
        // so idle connections are closed as they appear.
        draining = true;
        const sweeper = setInterval(() => fastify.server.closeIdleConnections(), 100);
        try {
          await app.close();
        } finally {
          clearInterval(sweeper);
        }
        await maintenance?.stop();
        if (ds.isInitialized) await ds.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}
