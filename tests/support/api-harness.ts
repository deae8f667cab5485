import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { TokenPair } from '@portal/shared';
import { checkAnswer, installContractCheck } from './api-contract';
import { API_MAIN } from './paths';
import { TcpProxy } from './tcp-proxy';
import { adminQuery, retryingV8Fatal, startEmbeddedServer, uniqueName, withDatabase } from './test-database';

// Every answer the suites receive through fetch is checked against the API's OpenAPI document.
installContractCheck();

export const DEMO_PASSWORD = 'Demo-2026!';
export const TEST_JWT_SECRET = 'test-only-jwt-secret-0123456789abcdef0123456789';

export interface ApiAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestPortal {
  readonly url: string;
  /** The database's URL (direct, not through the proxy). */
  databaseUrl: string;
  /** The database this portal uses, for assertions made independently of the API. */
  db: Pool;
  /** Present when started with `viaProxy`: stop() it to take the database away. */
  proxy: TcpProxy | null;
  request<T = any>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<ApiAnswer<T>>;
  login(email: string, password?: string): Promise<TokenPair>;
  /** The API process `request` talks to now. */
  api(): ApiProcess;
  /** Stops the current API process (SIGTERM; kill it first for a crash) and starts a new one on the same database. */
  restart(env?: Record<string, string>): Promise<void>;
  /** Starts one more API process on the same database. */
  startAnother(env?: Record<string, string>): Promise<ApiProcess>;
  stop(): Promise<void>;
}

export interface TestPortalOptions {
  /** Put a TCP proxy between the API and the database (for outage tests). */
  viaProxy?: boolean;
  env?: Record<string, string>;
}

/** A database of this test file's own: cloned from the run's template, or a fresh PGlite. */
async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.PORTAL_TEST_MODE === 'server') {
    const serverUrl = process.env.PORTAL_TEST_SERVER_URL!;
    const name = uniqueName(`${process.env.PORTAL_TEST_TEMPLATE}_f`);
    await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${process.env.PORTAL_TEST_TEMPLATE}`);
    return {
      url: withDatabase(serverUrl, name),
      drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const embedded = await startEmbeddedServer();
  return {
    url: embedded.url,
    drop: async () => {
      embedded.process.kill('SIGTERM');
    },
  };
}

function waitForListening(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start in time:\n${output()}`)), 60_000);
    const check = () => {
      const match = /running at (http:\/\/localhost:\d+)/.exec(output());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited (${code}) before listening:\n${output()}`));
    });
  });
}

/** One API process: the built api/dist, started with the test's environment. */
export interface ApiProcess {
  url: string;
  /** Ends the process with a signal and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  output(): string;
}

/** The API as its own process; a start that dies of V8's own fatal error is tried once more (retryingV8Fatal). */
export function spawnApi(env: Record<string, string>, beforeRetry?: () => void): Promise<ApiProcess> {
  return retryingV8Fatal('The API process', () => spawnApiOnce(env), beforeRetry);
}

async function spawnApiOnce(env: Record<string, string>): Promise<ApiProcess> {
  let output = '';
  const child = spawn(process.execPath, [API_MAIN], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = await waitForListening(child, () => output);
  return {
    url,
    output: () => output,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
}

/**
 * Starts the real API as its own process (the built api/dist), on a database of this test
 * file's own, and talks to it over HTTP like any client. `restart()` and `startAnother()`
 * run more API processes on the same database (crash and scale-out tests).
 */
export async function startTestPortal(options: TestPortalOptions = {}): Promise<TestPortal> {
  const database = await createTestDatabase();
  let proxy: TcpProxy | null = null;
  let apiDatabaseUrl = database.url;
  if (options.viaProxy) {
    const target = new URL(database.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start();
    const through = new URL(database.url);
    through.host = `127.0.0.1:${port}`;
    apiDatabaseUrl = through.toString();
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const baseEnv: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: apiDatabaseUrl,
    SEED_DEMO: 'true',
    // Tests count requests from an empty history; the demo history's own test turns it on.
    DEMO_HISTORY: 'false',
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // Tests sign in and submit far faster than people; the abuse tests set real limits.
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    RATE_LIMIT_SUBMIT_PER_MINUTE: '100000',
    ...options.env,
  };
  const processes: ApiProcess[] = [];
  let api = await spawnApi(baseEnv);
  processes.push(api);
  const db = new Pool({ connectionString: database.url, max: 2 });
  db.on('error', () => undefined);

  const request: TestPortal['request'] = async (method, path, { token, body, headers } = {}) => {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as any };
  };

  const portal: TestPortal = {
    get url() {
      return api.url;
    },
    databaseUrl: database.url,
    db,
    proxy,
    request,
    api: () => api,
    async login(email, password = DEMO_PASSWORD) {
      const answer = await request<TokenPair>('POST', '/api/v1/auth/login', { body: { email, password } });
      if (answer.status !== 200)
        throw new Error(`login ${email} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    async restart(env = {}) {
      await api.kill('SIGTERM');
      api = await spawnApi({ ...baseEnv, ...env });
      processes.push(api);
    },
    async startAnother(env = {}) {
      const another = await spawnApi({ ...baseEnv, ...env });
      processes.push(another);
      return another;
    },
    async stop() {
      for (const process of processes) await process.kill('SIGTERM');
      await db.end();
      await proxy?.stop();
      // A cloned database is dropped with the others by the global teardown, off the test's clock.
      if (process.env.PORTAL_TEST_MODE !== 'server') await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return portal;
}

/**
 * The whole answer of a node:http request, its body parsed as JSON when it is JSON, checked
 * against the API's OpenAPI document like every answer the suites receive (api-contract.ts).
 */
function readAnswer(response: IncomingMessage, method: string, url: string): Promise<ApiAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('error', reject);
    const onEnd = async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      try {
        await checkAnswer(method, url, {
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type'] ?? ''),
          body: raw,
        });
      } catch (error) {
        reject(error);
        return;
      }
      let parsed: unknown = raw;
      try {
        parsed = JSON.parse(raw);
      } catch {
        // left as text: the assertion reports it
      }
      const answerHeaders = new Headers();
      for (const [name, value] of Object.entries(response.headers))
        if (typeof value === 'string') answerHeaders.set(name, value);
      resolve({ status: response.statusCode ?? 0, headers: answerHeaders, body: parsed });
    };
    response.on('end', () => void onEnd().catch(reject));
  });
}

/**
 * A JSON body the server refuses from its Content-Length (413) before reading it. Sent whole at
 * once, the answer and the closing connection could come while the body was still being
 * written, and fetch failed with EPIPE, dropping the answer (about one run in ten). So the
 * headers go first, and the body only if no answer came from them within a second.
 */
export function requestRefusedEarly(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<ApiAnswer> {
  return requestWithEarlyAnswer(
    method,
    url,
    { ...headers, 'content-type': 'application/json' },
    Buffer.from(JSON.stringify(body)),
    true,
  );
}

/**
 * A body the server may refuse while it is still arriving (a multipart upload over its size
 * limit: the server knows only once it has read that much). It is sent whole; a write that
 * fails because the server answered and closed (EPIPE, ECONNRESET) does not lose the answer.
 */
export function requestKeepingEarlyAnswer(
  method: string,
  url: string,
  headers: Record<string, string>,
  data: Buffer,
): Promise<ApiAnswer> {
  return requestWithEarlyAnswer(method, url, headers, data, false);
}

/**
 * A request through node:http whose answer may come before its body is all written: the
 * answer is read whole and kept; an error while sending counts only if no answer came within
 * a moment after it (fetch fails outright then). `headersFirst`: the body goes only if the
 * headers alone drew no answer within a second.
 */
function requestWithEarlyAnswer(
  method: string,
  url: string,
  headers: Record<string, string>,
  data: Buffer,
  headersFirst: boolean,
): Promise<ApiAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const sending = httpRequest(
      url,
      { method, headers: { ...headers, 'content-length': String(data.length) } },
      (response) => {
        answered = true;
        readAnswer(response, method, url).then((answer) => {
          sending.destroy();
          resolve(answer);
        }, reject);
      },
    );
    sending.on('error', (error) => {
      setTimeout(() => {
        if (!answered) reject(error);
      }, 2000);
    });
    if (!headersFirst) {
      sending.end(data);
      return;
    }
    sending.flushHeaders();
    setTimeout(() => {
      if (!answered) sending.end(data);
    }, 1000);
  });
}

/** The portal as `npm start` runs it: no DATABASE_URL, so the embedded database (PGlite) in a data folder, with the demo data. */
export interface EmbeddedDefaultPortal {
  readonly url: string;
  dataDir: string;
  api(): ApiProcess;
  /** Stops the API (and its embedded database) and starts it again on the same data folder. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startEmbeddedDefaultPortal(env: Record<string, string> = {}): Promise<EmbeddedDefaultPortal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-embedded-'));
  const processEnv: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    // Empty is unset: the embedded default, and with it demo mode and a generated JWT secret.
    DATABASE_URL: '',
    SEED_DEMO: '',
    JWT_SECRET: '',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    RATE_LIMIT_SUBMIT_PER_MINUTE: '100000',
    ...env,
  };
  // A first start that died of V8's own fatal error starts again on an empty folder.
  let api = await spawnApi(processEnv, () => {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir);
  });
  return {
    get url() {
      return api.url;
    },
    dataDir,
    api: () => api,
    async restart() {
      await api.kill('SIGTERM');
      api = await spawnApi(processEnv);
    },
    async stop() {
      await api.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
