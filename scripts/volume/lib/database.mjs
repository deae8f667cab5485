// Database plumbing of the volume scripts: which database, making it, migrating it with the
// API's own migrations, and COPY streams with back-pressure.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const API_CLI = join(ROOT, 'api', 'dist', 'api', 'src', 'cli.js');
export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_DATABASE = 'portal_volume';

export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** DATABASE_URL when set, else portal_volume on the local server. */
export function volumeDatabaseUrl() {
  return process.env.DATABASE_URL || withDatabase(DEFAULT_SERVER_URL, DEFAULT_DATABASE);
}

export async function connect(url, settings = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const [name, value] of Object.entries(settings)) await client.query(`SET ${name} = '${value}'`);
  return client;
}

/** Drops and creates the default volume database (never a database named by DATABASE_URL). */
export async function recreateDefaultDatabase() {
  const admin = await connect(DEFAULT_SERVER_URL);
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DEFAULT_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DEFAULT_DATABASE}`);
  } finally {
    await admin.end();
  }
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`)),
    );
  });
}

/** Builds shared/ and api/ when api/dist is missing (the migrations run from there). */
export async function ensureApiBuilt(log) {
  if (existsSync(API_CLI)) return;
  log('api/dist is missing: building shared/ and api/ (tsc)…');
  await run('npx', ['tsc', '-p', 'shared/tsconfig.json']);
  await run('npx', ['tsc', '-p', 'api/tsconfig.json']);
}

/** The API's migrations and demo data, through its own CLI. */
export async function migrate(url) {
  return run(process.execPath, [API_CLI, 'migrate'], {
    DATABASE_URL: url,
    SEED_DEMO: 'true',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    JWT_SECRET: process.env.JWT_SECRET || 'volume-seed-only-secret-0123456789abcdef0123',
  });
}

/**
 * A COPY … FROM STDIN stream that takes rows (already formatted lines) in batches and waits
 * when PostgreSQL is behind, so memory stays flat however many rows go through.
 */
export class CopyWriter {
  constructor(client, sql) {
    this.stream = client.query(copyStreams.from(sql));
    this.done = new Promise((resolve, reject) => {
      this.stream.on('finish', resolve);
      this.stream.on('error', reject);
    });
    this.done.catch(() => undefined);
    this.buffer = [];
    this.size = 0;
    this.rows = 0;
  }

  /**
   * Adds one line (no trailing newline). When PostgreSQL is behind, `pending` is set: the
   * caller awaits waitPending() before pushing more.
   */
  push(line) {
    this.buffer.push(line);
    this.rows++;
    this.size += line.length;
    if (this.size >= 1 << 20) {
      const wait = this.flush();
      if (wait) this.pending = this.pending ? Promise.all([this.pending, wait]) : wait;
    }
  }

  async waitPending() {
    const pending = this.pending;
    this.pending = null;
    await pending;
  }

  flush() {
    if (this.buffer.length === 0) return null;
    const chunk = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    this.size = 0;
    if (this.stream.write(chunk)) return null;
    return new Promise((resolve, reject) => {
      const onDrain = () => {
        this.stream.off('error', onError);
        resolve();
      };
      const onError = (error) => {
        this.stream.off('drain', onDrain);
        reject(error);
      };
      this.stream.once('drain', onDrain);
      this.stream.once('error', onError);
    });
  }

  async end() {
    await this.waitPending();
    await this.flush();
    this.stream.end();
    await this.done;
    return this.rows;
  }
}

/** COPY text format: \N for null, and the four characters that need escaping. */
export function field(value) {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

/**
 * The keys, unique constraints, foreign keys (on and to the tables) and indexes of the
 * given tables, as the statements that recreate them: a bulk load drops them, COPYs, and
 * recreates them, which also checks every row against them again.
 */
export async function loadStructure(client, tables) {
  const { rows: constraints } = await client.query(
    `SELECT c.conname, c.contype, c.conrelid::regclass::text AS table_name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c
     WHERE c.contype IN ('p', 'u', 'f')
       AND (c.conrelid = ANY($1::regclass[]) OR (c.contype = 'f' AND c.confrelid = ANY($1::regclass[])))
     ORDER BY c.contype DESC, c.conname`,
    [tables],
  );
  const { rows: indexes } = await client.query(
    `SELECT i.indexrelid::regclass::text AS index_name, i.indrelid::regclass::text AS table_name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     WHERE i.indrelid = ANY($1::regclass[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
     ORDER BY 1`,
    [tables],
  );
  return {
    foreignKeys: constraints.filter((c) => c.contype === 'f'),
    keys: constraints.filter((c) => c.contype !== 'f'),
    indexes,
  };
}

export async function dropStructure(client, structure) {
  for (const fk of structure.foreignKeys)
    await client.query(`ALTER TABLE ${fk.table_name} DROP CONSTRAINT ${fk.conname}`);
  for (const key of structure.keys) await client.query(`ALTER TABLE ${key.table_name} DROP CONSTRAINT ${key.conname}`);
  for (const index of structure.indexes) await client.query(`DROP INDEX ${index.index_name}`);
}

/** Recreates keys and indexes on `clients.length` connections at once, then the foreign keys. */
export async function restoreStructure(clients, structure) {
  const jobs = [
    ...structure.keys.map((key) => `ALTER TABLE ${key.table_name} ADD CONSTRAINT ${key.conname} ${key.definition}`),
    ...structure.indexes.map((index) => index.definition),
  ];
  // Biggest first: the GIN indexes and the events' keys take longest.
  jobs.sort((a, b) => weight(b) - weight(a));
  await Promise.all(
    clients.map(async (client) => {
      for (let job = jobs.shift(); job; job = jobs.shift()) await client.query(job);
    }),
  );
  const fks = structure.foreignKeys.map(
    (fk) => `ALTER TABLE ${fk.table_name} ADD CONSTRAINT ${fk.conname} ${fk.definition}`,
  );
  await Promise.all(
    clients.map(async (client) => {
      for (let job = fks.shift(); job; job = fks.shift()) await client.query(job);
    }),
  );
}

function weight(statement) {
  if (/USING gin/i.test(statement)) return 3;
  if (/request_events/.test(statement)) return 2;
  if (/request_messages/.test(statement)) return 1;
  return 0;
}
