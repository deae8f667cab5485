import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EmbeddedWorkerData, EmbeddedWorkerMessage } from './embedded/embedded-worker';
import { openPglite, pgliteEngine } from './embedded/pglite-engine';
import { SessionServer, type SessionServerOptions } from './embedded/session-server';

export interface EmbeddedPostgres {
  /** A postgres:// URL that the ordinary `pg` driver connects to. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions extends Pick<SessionServerOptions, 'port' | 'idleTurnTimeoutMs'> {
  onWarning?: (message: string, detail?: unknown) => void;
  /** Run PGlite in a worker thread (the portal), or in this thread (a process of its own: the CLI). */
  inWorker?: boolean;
  /** The worker stopped without being asked: the database is gone. */
  onFailure?: (error: Error) => void;
}

const urlOf = (port: number) => `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly) on a data folder and serves it over
 * the PostgreSQL wire protocol on a loopback port. The API then talks to it with the same
 * `pg` driver, TypeORM driver and SQL as to a real server, so nothing forks by mode.
 * PGlite has one session; the session layer (./embedded) gives it to one connection at a
 * time for whole units of work, so every pool connection gets its own answers.
 */
export async function startEmbeddedPostgres(
  dataDir: string | null,
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  if (options.inWorker) return startInWorker(dataDir, options);
  const database = await openPglite(dataDir);
  const server = new SessionServer(pgliteEngine(database.db), {
    host: '127.0.0.1',
    port: options.port,
    idleTurnTimeoutMs: options.idleTurnTimeoutMs,
    onWarning: options.onWarning,
  });
  const port = await server.start();
  return {
    url: urlOf(port),
    async stop() {
      await server.stop();
      await database.close();
    },
  };
}

/**
 * In a worker thread, a query running in PGlite (synchronous WebAssembly) holds that thread
 * only: the API's thread goes on with HTTP, JSON and the next requests meanwhile, so on two
 * cores the two overlap (measured: README, "The embedded database").
 */
function startInWorker(dataDir: string | null, options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const workerData: EmbeddedWorkerData = {
    dataDir,
    port: options.port ?? 0,
    idleTurnTimeoutMs: options.idleTurnTimeoutMs,
  };
  const worker = new Worker(join(__dirname, 'embedded', 'embedded-worker.js'), { workerData });
  let stopping = false;
  let stopped: () => void = () => undefined;
  return new Promise((resolve, reject) => {
    let ready = false;
    worker.on('message', (message: EmbeddedWorkerMessage) => {
      if (message.type === 'warning') options.onWarning?.(message.message, message.detail ?? undefined);
      else if (message.type === 'stopped') stopped();
      else if (message.type === 'ready') {
        ready = true;
        resolve({
          url: urlOf(message.port),
          stop: async () => {
            if (stopping) return;
            stopping = true;
            const done = new Promise<void>((resolveStop) => (stopped = resolveStop));
            worker.postMessage({ type: 'stop' });
            await Promise.race([done, new Promise((resolveLater) => setTimeout(resolveLater, 10_000))]);
            await worker.terminate();
          },
        });
      }
    });
    const fail = (error: Error) => {
      if (!ready) return reject(error);
      if (!stopping) options.onFailure?.(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the embedded database's thread exited (${code})`)));
  });
}
