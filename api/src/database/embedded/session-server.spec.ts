import { connect, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { Pool } from 'pg';
import { pgliteEngine } from './pglite-engine';
import { SessionServer, type WireEngine } from './session-server';

/**
 * The session layer in front of a real PGlite, spoken to by hand (a minimal wire-protocol
 * client, so that two connections' Parse/Bind/Execute/Sync can be interleaved message by
 * message) and through the real `pg` pool.
 */

function message(type: string, body: Buffer): Buffer {
  const out = Buffer.alloc(5 + body.length);
  out.write(type, 0);
  out.writeInt32BE(4 + body.length, 1);
  body.copy(out, 5);
  return out;
}
const cstring = (s: string) => Buffer.concat([Buffer.from(s), Buffer.from([0])]);
const int16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const parse = (name: string, sql: string) => message('P', Buffer.concat([cstring(name), cstring(sql), int16(0)]));
const bind = (statement: string, params: string[]) =>
  message(
    'B',
    Buffer.concat([
      cstring(''),
      cstring(statement),
      int16(0),
      int16(params.length),
      ...params.flatMap((p) => [int32(Buffer.byteLength(p)), Buffer.from(p)]),
      int16(0),
    ]),
  );
const execute = () => message('E', Buffer.concat([cstring(''), int32(0)]));
const sync = () => message('S', Buffer.alloc(0));
const query = (sql: string) => message('Q', cstring(sql));
function startup(): Buffer {
  const body = Buffer.concat([
    int32(196608),
    cstring('user'),
    cstring('postgres'),
    cstring('database'),
    cstring('postgres'),
    Buffer.from([0]),
  ]);
  return Buffer.concat([int32(4 + body.length), body]);
}

interface BackendMessage {
  type: string;
  body: Buffer;
}

/** A raw connection: sends bytes, collects the server's messages. */
class RawClient {
  readonly messages: BackendMessage[] = [];
  closed = false;
  private buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      while (this.buffer.length >= 5 && this.buffer.length >= 1 + this.buffer.readInt32BE(1)) {
        const length = this.buffer.readInt32BE(1);
        this.messages.push({ type: String.fromCharCode(this.buffer[0]), body: this.buffer.subarray(5, 1 + length) });
        this.buffer = this.buffer.subarray(1 + length);
      }
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  static async open(port: number): Promise<RawClient> {
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const client = new RawClient(socket);
    client.send(startup());
    await client.readyCount(1);
    return client;
  }

  private wake() {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  send(...parts: Buffer[]) {
    this.socket.write(Buffer.concat(parts));
  }

  /** Waits until `n` ReadyForQuery messages came in all (or the connection closed). */
  async readyCount(n: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.filter((m) => m.type === 'Z').length < n && !this.closed) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ReadyForQuery #${n}; got ${this.messages.map((m) => m.type).join(' ')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async waitClosed(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** Text of the first column of every DataRow received since `from`. */
  rows(from = 0): string[] {
    return this.messages
      .slice(from)
      .filter((m) => m.type === 'D')
      .map((m) => {
        const length = m.body.readInt32BE(2);
        return m.body.subarray(6, 6 + length).toString();
      });
  }

  errors(): string[] {
    return this.messages.filter((m) => m.type === 'E').map((m) => m.body.toString().replace(/\0/g, '|'));
  }

  end() {
    this.socket.destroy();
  }
}

const settle = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));

describe('embedded session layer (real PGlite)', () => {
  let db: PGlite;
  let server: SessionServer;
  let port: number;
  const warnings: string[] = [];

  beforeAll(async () => {
    db = await PGlite.create();
    await db.exec('CREATE TABLE items (n int)');
  }, 60_000);
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    warnings.length = 0;
    await db.exec('TRUNCATE items');
    server = new SessionServer(pgliteEngine(db), { idleTurnTimeoutMs: 400, onWarning: (text) => warnings.push(text) });
    port = await server.start();
  });
  afterEach(async () => {
    await server.stop();
  });

  it("keeps two connections' interleaved Parse/Bind/Execute/Sync apart: each gets its own result", async () => {
    const a = await RawClient.open(port);
    const b = await RawClient.open(port);
    // A starts an extended-protocol query and stops before Execute/Sync...
    a.send(parse('', 'SELECT ($1::int + 1)::text'), bind('', ['41']));
    await settle();
    // ...B sends a whole query of its own on the unnamed statement meanwhile...
    b.send(parse('', "SELECT $1::text || '-' || $2::text"), bind('', ['b', 'side']), execute(), sync());
    await settle();
    // ...then A finishes.
    a.send(execute(), sync());
    await a.readyCount(2);
    await b.readyCount(2);
    expect(a.rows()).toEqual(['42']);
    expect(b.rows()).toEqual(['b-side']);
    expect([...a.errors(), ...b.errors()]).toEqual([]);
    a.end();
    b.end();
  });

  it('makes a second connection wait while the first holds an open transaction, and shows it the committed row only', async () => {
    const a = await RawClient.open(port);
    const b = await RawClient.open(port);
    a.send(query('BEGIN'), query('INSERT INTO items VALUES (1)'));
    await a.readyCount(3);
    b.send(query('SELECT count(*)::text FROM items'));
    await settle(150);
    expect(b.messages.filter((m) => m.type === 'Z')).toHaveLength(1); // still waiting for its turn
    a.send(query('COMMIT'));
    await b.readyCount(2);
    expect(b.rows()).toEqual(['1']);
    a.end();
    b.end();
  });

  it('rolls back the transaction of a connection that drops mid-turn, and lets the next one go on', async () => {
    const a = await RawClient.open(port);
    const b = await RawClient.open(port);
    a.send(query('BEGIN'), query('INSERT INTO items VALUES (7)'), parse('', 'SELECT 1'));
    await a.readyCount(3);
    b.send(query('SELECT count(*)::text FROM items'));
    await settle();
    a.end(); // mid-transaction and mid-batch (a Parse without its Sync)
    await b.readyCount(2);
    expect(b.rows()).toEqual(['0']);
    expect(b.errors()).toEqual([]);
    b.end();
  });

  it('ends a connection that holds the session idle while others wait (25P03), rolled back, and serves the others', async () => {
    const a = await RawClient.open(port);
    const b = await RawClient.open(port);
    a.send(query('BEGIN'), query('INSERT INTO items VALUES (3)'));
    await a.readyCount(3);
    b.send(query('SELECT count(*)::text FROM items'));
    await b.readyCount(2);
    expect(b.rows()).toEqual(['0']);
    expect(a.errors().join()).toContain('25P03');
    await a.waitClosed();
    expect(a.closed).toBe(true);
    b.end();
  });

  it('keeps named prepared statements of two connections apart, and closes them when a connection ends', async () => {
    const a = await RawClient.open(port);
    const b = await RawClient.open(port);
    a.send(parse('q1', "SELECT 'from a'"), sync());
    b.send(parse('q1', "SELECT 'from b'"), sync());
    await a.readyCount(2);
    await b.readyCount(2);
    a.send(bind('q1', []), execute(), sync());
    b.send(bind('q1', []), execute(), sync());
    await a.readyCount(3);
    await b.readyCount(3);
    expect(a.rows()).toEqual(['from a']);
    expect(b.rows()).toEqual(['from b']);
    a.end();
    await settle();
    const left = await db.query<{ name: string }>('SELECT name FROM pg_prepared_statements');
    expect(left.rows.map((r) => r.name)).toEqual([expect.stringMatching(/_q1$/)]);
    b.end();
    await settle();
    expect((await db.query('SELECT name FROM pg_prepared_statements')).rows).toEqual([]);
  });

  it('refuses COPY FROM STDIN (it would end PGlite) with an error, and goes on', async () => {
    const a = await RawClient.open(port);
    a.send(query('COPY items FROM STDIN'));
    await a.readyCount(2);
    expect(a.errors().join()).toContain('COPY FROM STDIN');
    a.send(query('SELECT 5::text'));
    await a.readyCount(3);
    expect(a.rows()).toEqual(['5']);
    a.end();
  });

  it('fails only the connection whose statement makes the engine throw, and never stalls the others', async () => {
    await server.stop();
    // The real engine, made to throw (as a WebAssembly fault would) on one marked statement.
    const real = pgliteEngine(db);
    const faulty: WireEngine = {
      exec: (messages, onData) =>
        Buffer.from(messages).includes('engine-fault')
          ? Promise.reject(new Error('engine fault'))
          : real.exec(messages, onData),
    };
    // (idleTurnTimeoutMs given as undefined keeps its default: the faulty statement's connection is not idle.)
    server = new SessionServer(faulty, { idleTurnTimeoutMs: undefined, onWarning: (text) => warnings.push(text) });
    port = await server.start();
    const a = await RawClient.open(port);
    const b = await RawClient.open(port);
    a.send(query('BEGIN'), query('INSERT INTO items VALUES (9)'));
    await a.readyCount(3);
    a.send(query("SELECT 'engine-fault'"));
    b.send(query('SELECT count(*)::text FROM items'));
    await b.readyCount(2);
    await a.waitClosed();
    expect(a.closed).toBe(true);
    expect(b.rows()).toEqual(['0']);
    expect(warnings.join()).toContain('failed');
    expect(warnings.join()).not.toContain('idle');
    b.end();
  });

  it('gives each of 200 concurrent queries of a pg pool (8 connections) its own answer, transactions that fail halfway included', async () => {
    const pool = new Pool({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`, max: 8 });
    try {
      const work = Array.from({ length: 200 }, async (_, i) => {
        if (i % 10 === 0) {
          // A transaction that fails halfway: its insert must not stay.
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query('INSERT INTO items VALUES ($1)', [-i]);
            await client.query('SELECT 1 / $1::int', [0]).catch(() => undefined);
            await client.query('ROLLBACK');
          } finally {
            client.release();
          }
          return { i, ok: true };
        }
        if (i % 3 === 0) await pool.query('INSERT INTO items VALUES ($1)', [i]);
        const { rows } = await pool.query<{ echo: string; twice: number }>(
          'SELECT $1::text AS echo, $2::int * 2 AS twice',
          [`caller-${i}`, i],
        );
        return { i, ok: rows.length === 1 && rows[0].echo === `caller-${i}` && rows[0].twice === i * 2 };
      });
      const results = await Promise.all(work);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM items WHERE n < 0');
      expect(rows[0].n).toBe(0);
      const inserted = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM items WHERE n > 0');
      expect(inserted.rows[0].n).toBe(
        Array.from({ length: 200 }, (_, i) => i).filter((i) => i % 10 !== 0 && i % 3 === 0).length,
      );
    } finally {
      await pool.end();
    }
  }, 60_000);
});
