// The baseline of `npm run bench`: the same work as the API's three measured routes behind a
// bare node:http server on a plain pg.Pool — no Nest, no Fastify, no TypeORM, no passport, no
// validation pipe, no logging. What the API costs beyond this is the framework's share.
//
// How the SQL is kept the same: this server does not restate the API's queries, it runs the
// API's own compiled code (api/dist) — the same classes the API's controllers call
// (AuthService.login, RequestsService.create and .list with RequestViewsRepository, routing,
// SLA and outbox services, and JwtStrategy.validate, which loads the caller on every request)
// — with their TypeORM DataSource replaced by a small shim over pg.Pool that does what
// TypeORM's postgres driver does with a query: `query(sql, params)` answers the rows (and
// [rows, rowCount] for UPDATE/DELETE, as TypeORM does), `transaction(fn)` is START TRANSACTION,
// fn, COMMIT or ROLLBACK on one pooled connection. So every statement, parameter and
// transaction boundary is the API's, byte for byte, and stays so when the API's SQL changes
// (rebuild api/dist). What the shim leaves out is only the framework around it: routing,
// hooks, guards, DTO validation and transformation, serialization, TypeORM's query runner
// bookkeeping, request logging.
//
// Environment: DATABASE_URL, JWT_SECRET (the API's, so one access token works on both),
// POOL_SIZE (the API's DATABASE_POOL_SIZE), PORT (default 0: any free port on 127.0.0.1),
// API_DIST (the API build whose code it runs; default api/dist), LIST_EXACT_TOTAL_LIMIT (as the API's).
import 'reflect-metadata';
import { createSecretKey } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT } from './lib/processes.mjs';

const require = createRequire(import.meta.url);
const dist = (path) => require(join(process.env.API_DIST || join(ROOT, 'api', 'dist'), 'api', 'src', path));
const jwt = require('jsonwebtoken');
const { JwtService } = require('@nestjs/jwt');
const { AuthService } = dist('auth/auth.service.js');
const { AuthRepository } = dist('auth/auth.repository.js');
const { ReferenceRepository } = dist('reference/reference.repository.js');
const { RoutingRepository } = dist('requests/routing/routing.repository.js');
const { SlaRepository } = dist('sla/sla.repository.js');
const { NotificationsRepository } = dist('notifications/notifications.repository.js');
const { RequestsRepository } = dist('requests/requests.repository.js');
const { RequestReadsRepository } = dist('requests/request-reads.repository.js');
const { JwtStrategy } = dist('auth/jwt.strategy.js');
const { JWT_AUDIENCE, JWT_ISSUER } = dist('auth/token.constants.js');
const { UserViewsRepository } = dist('users/user-views.repository.js');
const { ReferenceService } = dist('reference/reference.service.js');
const { RoutingService } = dist('requests/routing/routing.service.js');
const { SlaService } = dist('sla/sla.service.js');
const { NotificationsService } = dist('notifications/notifications.service.js');
const { RequestViewsRepository } = dist('requests/request-views.repository.js');
const { RequestsService } = dist('requests/requests.service.js');
const { AppConfig } = dist('config/app-config.js');

const { SESSION_OPTIONS } = dist('database/data-source.js');
const secret = process.env.JWT_SECRET;
const jwtKey = createSecretKey(Buffer.from(secret, 'utf8'));
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
  connectionTimeoutMillis: 5000,
  // The API's session settings (no JIT).
  options: SESSION_OPTIONS,
});
pool.on('error', () => undefined);

// ── The DataSource shim: TypeORM's answers, pg's work ─────────────────────────────────
const answer = (result) =>
  result.command === 'UPDATE' || result.command === 'DELETE' ? [result.rows, result.rowCount] : result.rows;
const dataSource = {
  async query(sql, params) {
    return answer(await pool.query(sql, params));
  },
  async transaction(work) {
    const client = await pool.connect();
    try {
      await client.query('START TRANSACTION');
      const manager = { query: async (sql, params) => answer(await client.query(sql, params)) };
      const result = await work(manager);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  },
};
// TypeORM's own API where the API reads plainly (the reference tables at start-up): a `find`
// with an order, from the entities' decorators, as TypeORM's EntityManager answers it.
const { getMetadataArgsStorage } = require('typeorm');
dataSource.find = async (entity, options = {}) => {
  const storage = getMetadataArgsStorage();
  const table = storage.tables.find((t) => t.target === entity).name;
  const columns = storage.columns.filter((c) => c.target === entity);
  const column = (property) => {
    const found = columns.find((c) => c.propertyName === property);
    return found.options.name ?? found.propertyName;
  };
  const order = Object.entries(options.order ?? {}).map(([property, direction]) => `${column(property)} ${direction}`);
  const { rows } = await pool.query(`SELECT * FROM ${table}${order.length ? ` ORDER BY ${order.join(', ')}` : ''}`);
  return rows.map((row) => Object.fromEntries(columns.map((c) => [c.propertyName, row[column(c.propertyName)]])));
};
dataSource.manager = dataSource;

// ── The API's services, wired by hand as Nest would ───────────────────────────────────
// The API's defaults (LIST_EXACT_TOTAL_LIMIT: how far a list is counted), with the API's secret.
const config = Object.assign(new AppConfig(), { DATABASE_URL: process.env.DATABASE_URL, JWT_SECRET: secret });
if (config.demoMode) throw new Error('the baseline runs outside demo mode, as the API does');
if (process.env.LIST_EXACT_TOTAL_LIMIT) config.LIST_EXACT_TOTAL_LIMIT = Number(process.env.LIST_EXACT_TOTAL_LIMIT);
const reference = new ReferenceService(dataSource, new ReferenceRepository());
await reference.onModuleInit();
const userViews = new UserViewsRepository(dataSource);
const authRepository = new AuthRepository();
const auth = new AuthService(dataSource, new JwtService({ secret }), config, userViews, authRepository);
const views = new RequestViewsRepository(dataSource);
const requests = new RequestsService(
  dataSource,
  views,
  new RoutingService(reference, new RoutingRepository()),
  reference,
  new SlaService(reference, new SlaRepository()),
  new NotificationsService(dataSource, new NotificationsRepository()),
  config,
  new RequestsRepository(),
  new RequestReadsRepository(dataSource),
);
// JwtStrategy.validate is the caller lookup the API's guard runs on every request.
const loadCaller = (payload) =>
  JwtStrategy.prototype.validate.call({ dataSource, repository: authRepository, logger: console }, payload);

class HttpError extends Error {
  constructor(status) {
    super(String(status));
    this.status = status;
  }
}

async function caller(request) {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!token) throw new HttpError(401);
  let payload;
  try {
    payload = jwt.verify(token, jwtKey, { algorithms: ['HS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE });
  } catch {
    throw new HttpError(401);
  }
  const user = await loadCaller(payload);
  if (!user) throw new HttpError(401);
  return user;
}

function readJson(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400));
      }
    });
    request.on('error', reject);
  });
}

/** The list query as the API's DTO hands it to RequestsService.list (numbers and booleans parsed). */
function listQuery(search) {
  const query = {};
  for (const [key, value] of search) query[key] = value;
  if (query.page !== undefined) query.page = Number(query.page);
  if (query.pageSize !== undefined) query.pageSize = Number(query.pageSize);
  for (const flag of ['breached', 'escalated']) if (query[flag] !== undefined) query[flag] = query[flag] === 'true';
  return query;
}

async function handle(request, response) {
  const url = new URL(request.url, 'http://bare');
  let status = 200;
  let body;
  if (request.method === 'POST' && url.pathname === '/api/v1/auth/login') {
    const { email, password } = await readJson(request);
    body = await auth.login(email, password);
  } else if (request.method === 'POST' && url.pathname === '/api/v1/requests') {
    const user = await caller(request);
    if (user.role !== 'member') throw new HttpError(403);
    const created = await requests.create(user, await readJson(request), request.headers['idempotency-key']);
    status = created.status;
    body = created.body;
  } else if (request.method === 'GET' && url.pathname === '/api/v1/requests') {
    body = await requests.list(await caller(request), listQuery(url.searchParams));
  } else if (request.method === 'GET' && url.pathname === '/health') {
    body = { status: 'ok' };
  } else {
    throw new HttpError(404);
  }
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  response.end(json);
}

const server = createServer((request, response) => {
  handle(request, response).catch((error) => {
    const status =
      error instanceof HttpError
        ? error.status
        : typeof error?.status === 'number'
          ? error.status
          : typeof error?.getStatus === 'function'
            ? error.getStatus()
            : 500;
    if (status >= 500) process.stderr.write(`${error?.stack ?? error}\n`);
    const json = JSON.stringify({ status, title: error?.message ?? 'error' });
    if (!response.headersSent)
      response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    response.end(json);
  });
});
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`bare server listening at http://127.0.0.1:${server.address().port}\n`);
});

const shutdown = () => {
  server.close();
  server.closeAllConnections();
  pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
