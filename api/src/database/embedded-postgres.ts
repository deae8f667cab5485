import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A postgres:// URL that the ordinary `pg` driver connects to. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly) on a data folder and serves it over
 * the PostgreSQL wire protocol on a loopback port. The API then talks to it with the same
 * `pg` driver, TypeORM driver and SQL as to a real server, so nothing forks by mode.
 * PGlite runs one query at a time; the socket server queues the pool's connections.
 */
export async function startEmbeddedPostgres(dataDir: string | null, options: { port?: number } = {}): Promise<EmbeddedPostgres> {
  let db: PGlite;
  if (dataDir) {
    const folder = resolve(dataDir, 'pg');
    mkdirSync(folder, { recursive: true });
    db = await PGlite.create(folder, { extensions: { pgcrypto, unaccent } });
  } else {
    db = await PGlite.create({ extensions: { pgcrypto, unaccent } });
  }
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port ?? 0, maxConnections: 64 });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
