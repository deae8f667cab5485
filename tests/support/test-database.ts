import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { API_CLI } from './paths';

/**
 * Where the tests find PostgreSQL: TEST_DATABASE_URL when set, else the machine's server
 * on 127.0.0.1:5432 when it answers, else none (each test file then runs its own PGlite).
 */
export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export async function serverAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `TEST_DATABASE_URL=pglite` forces the embedded path even where a server runs. */
export async function resolveServerUrl(): Promise<string | null> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured === 'pglite') return null;
  if (configured) return configured;
  return (await serverAnswers(DEFAULT_SERVER_URL)) ? DEFAULT_SERVER_URL : null;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** Runs a command of the API's CLI and resolves when it exits 0. */
export function runCli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [API_CLI, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolvePromise(output) : reject(new Error(`cli ${args.join(' ')} failed (${code}): ${output}`)),
    );
  });
}

/** An embedded PGlite server in its own process, for machines with no PostgreSQL. */
/**
 * V8's own fatal error ("# Fatal error in …", e.g. "Check failed: jit_page_->allocations_
 * .erase(addr) == 1" while PGlite's WebAssembly starts, seen once in ~60 embedded starts with
 * Node 24.21): a crash of the runtime, not of the portal's code. A process start that dies of
 * it is tried once more (after `beforeRetry`, e.g. emptying a data folder a first start was
 * filling), with a warning; any other failure to start fails the test.
 */
export async function retryingV8Fatal<T>(what: string, start: () => Promise<T>, beforeRetry?: () => void): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (!(error instanceof Error) || !/^# Fatal error in /m.test(error.message)) throw error;
    console.warn(`${what} died of a V8 fatal error while starting; starting it once more.\n${error.message}`);
    beforeRetry?.();
    return start();
  }
}

export function startEmbeddedServer(): Promise<{ url: string; process: ChildProcess }> {
  return retryingV8Fatal('The embedded database', startEmbeddedServerOnce);
}

function startEmbeddedServerOnce(): Promise<{ url: string; process: ChildProcess }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [API_CLI, 'embedded-postgres'], {
      env: { ...process.env, DATA_DIR: ':memory:' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /embedded-postgres ready (\S+)/.exec(output);
      if (match) {
        child.stdout.off('data', onData);
        resolvePromise({ url: match[1], process: child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`embedded postgres exited (${code}): ${output}`)));
  });
}
