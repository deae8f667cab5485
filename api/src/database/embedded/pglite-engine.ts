import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { WireEngine } from './session-server';

export interface OpenedPglite {
  db: PGlite;
  /** Closes PGlite and lets go of the data folder. */
  close(): Promise<void>;
}

/**
 * PGlite on `dataDir`/pg (in memory when null), with the extensions the migrations create.
 * PGlite is one process's database: a second portal (or the move command) opening the same
 * folder at once would corrupt it, so the folder is locked (a file holding the owner's pid).
 */
export async function openPglite(dataDir: string | null): Promise<OpenedPglite> {
  const extensions = { pgcrypto, unaccent };
  if (!dataDir) {
    const db = await PGlite.create({ extensions });
    return { db, close: () => db.close() };
  }
  const folder = resolve(dataDir, 'pg');
  mkdirSync(folder, { recursive: true });
  const lock = resolve(dataDir, 'embedded-database.lock');
  const holder = lockHolder(lock);
  if (holder !== null && holder !== process.pid) {
    throw new Error(
      `the data folder ${resolve(dataDir)} is in use by process ${holder}: stop that portal first (or remove ${lock} if it is gone)`,
    );
  }
  writeFileSync(lock, String(process.pid));
  try {
    const db = await PGlite.create(folder, { extensions });
    return {
      db,
      async close() {
        await db.close();
        rmSync(lock, { force: true });
      },
    };
  } catch (error) {
    rmSync(lock, { force: true });
    throw error;
  }
}

/** The pid in a lock file if that process still runs, else null. */
function lockHolder(lock: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/** PGlite's one session as the session layer's engine. */
export function pgliteEngine(db: PGlite): WireEngine {
  return {
    exec: (messages, onData) => db.runExclusive(() => db.execProtocolRawStream(messages, { onRawData: onData })),
  };
}
