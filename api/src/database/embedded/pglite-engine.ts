import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { WireEngine } from './session-server';

/** PGlite on `dataDir`/pg (in memory when null), with the extensions the migrations create. */
export async function openPglite(dataDir: string | null): Promise<PGlite> {
  const extensions = { pgcrypto, unaccent };
  if (!dataDir) return PGlite.create({ extensions });
  const folder = resolve(dataDir, 'pg');
  mkdirSync(folder, { recursive: true });
  return PGlite.create(folder, { extensions });
}

/** PGlite's one session as the session layer's engine. */
export function pgliteEngine(db: PGlite): WireEngine {
  return {
    exec: (messages, onData) => db.runExclusive(() => db.execProtocolRawStream(messages, { onRawData: onData })),
  };
}
