import { parentPort, workerData } from 'node:worker_threads';
import { openPglite, pgliteEngine } from './pglite-engine';
import { SessionServer } from './session-server';

/**
 * The embedded database in a worker thread of the API process: PGlite runs each query
 * synchronously in WebAssembly, which here keeps only this thread busy while the API's
 * own thread goes on answering HTTP (see embedded-postgres.ts).
 */
export interface EmbeddedWorkerData {
  dataDir: string | null;
  port: number;
  idleTurnTimeoutMs?: number;
}

export type EmbeddedWorkerMessage =
  { type: 'ready'; port: number } | { type: 'warning'; message: string; detail: string | null } | { type: 'stopped' };

async function main(): Promise<void> {
  const port = parentPort!;
  const options = workerData as EmbeddedWorkerData;
  const database = await openPglite(options.dataDir);
  const server = new SessionServer(pgliteEngine(database.db), {
    host: '127.0.0.1',
    port: options.port,
    idleTurnTimeoutMs: options.idleTurnTimeoutMs,
    onWarning: (message, detail) =>
      port.postMessage({
        type: 'warning',
        message,
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever came along, as text
        detail: detail === undefined ? null : String(detail),
      } satisfies EmbeddedWorkerMessage),
  });
  const listening = await server.start();
  port.on('message', (message: { type: string }) => {
    if (message.type !== 'stop') return;
    void (async () => {
      await server.stop();
      await database.close();
      port.postMessage({ type: 'stopped' } satisfies EmbeddedWorkerMessage);
      port.close();
    })();
  });
  port.postMessage({ type: 'ready', port: listening } satisfies EmbeddedWorkerMessage);
}

void main();
