import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { SessionServer, type SessionServerOptions, type WireEngine } from './embedded/session-server';

export interface EmbeddedPostgres {
  /** A postgres:// URL that the ordinary `pg` driver connects to. */
  url: string;
  stop(): Promise<void>;
}

/** PGlite's one session as the session layer's engine. */
export function pgliteEngine(db: PGlite): WireEngine {
  return {
    exec: (messages, onData) => db.runExclusive(() => db.execProtocolRawStream(messages, { onRawData: onData })),
  };
}

export async function openPglite(dataDir: string | null): Promise<PGlite> {
  const extensions = { pgcrypto, unaccent };
  if (!dataDir) return PGlite.create({ extensions });
  const folder = resolve(dataDir, 'pg');
  mkdirSync(folder, { recursive: true });
  return PGlite.create(folder, { extensions });
}

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly) on a data folder and serves it over
 * the PostgreSQL wire protocol on a loopback port. The API then talks to it with the same
 * `pg` driver, TypeORM driver and SQL as to a real server, so nothing forks by mode.
 * PGlite has one session; the session layer (./embedded) gives it to one connection at a
 * time for whole units of work, so every pool connection gets its own answers.
 */
export async function startEmbeddedPostgres(
  dataDir: string | null,
  options: Pick<SessionServerOptions, 'port' | 'onWarning' | 'idleTurnTimeoutMs'> = {},
): Promise<EmbeddedPostgres> {
  const db = await openPglite(dataDir);
  const server = new SessionServer(pgliteEngine(db), { host: '127.0.0.1', ...options });
  const port = await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
