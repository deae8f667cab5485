/**
 * The few pieces of the PostgreSQL wire protocol (version 3) the embedded session layer
 * needs: splitting a client's byte stream into messages, finding ReadyForQuery in the
 * server's answers, and writing the handful of messages the layer answers itself.
 * https://www.postgresql.org/docs/current/protocol-message-formats.html
 */

const SSL_REQUEST_CODE = 80877103;
const GSSENC_REQUEST_CODE = 80877104;
const CANCEL_REQUEST_CODE = 80877102;
const PROTOCOL_VERSION_3 = 196608;

/** A message longer than this is not something the API sends: refuse it rather than buffer it. */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

export const enum FrontendType {
  Bind = 0x42, // 'B'
  Close = 0x43, // 'C'
  Describe = 0x44, // 'D'
  Execute = 0x45, // 'E'
  FunctionCall = 0x46, // 'F'
  Flush = 0x48, // 'H'
  Parse = 0x50, // 'P'
  Query = 0x51, // 'Q'
  Sync = 0x53, // 'S'
  Terminate = 0x58, // 'X'
  CopyDone = 0x63, // 'c'
  CopyFail = 0x66, // 'f'
}

const READY_FOR_QUERY = 0x5a; // 'Z'

/** Transaction status in ReadyForQuery: idle, in a transaction, in a failed transaction. */
export type SessionStatus = 'I' | 'T' | 'E';

export type FrontendMessage =
  | { kind: 'ssl-request' | 'gssenc-request' | 'cancel-request' }
  | { kind: 'startup'; bytes: Buffer }
  | { kind: 'typed'; type: number; bytes: Buffer };

export class ProtocolError extends Error {}

/**
 * After these the server answers ReadyForQuery (or, for a query that starts COPY FROM
 * STDIN, waits for copy data): a turn can only end after one of them.
 */
export function endsAUnitOfWork(message: FrontendMessage): boolean {
  if (message.kind === 'startup') return true;
  if (message.kind !== 'typed') return false;
  const t = message.type;
  return (
    t === FrontendType.Sync ||
    t === FrontendType.Query ||
    t === FrontendType.FunctionCall ||
    t === FrontendType.CopyDone ||
    t === FrontendType.CopyFail
  );
}

/** Splits a client's byte stream into whole messages: untyped ones until the startup message, typed ones after. */
export class FrontendReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private started = false;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
  }

  /** The next whole message, or null until more bytes arrive. Throws ProtocolError on nonsense. */
  next(): FrontendMessage | null {
    const headerBytes = this.started ? 5 : 4;
    if (this.buffered < headerBytes) return null;
    const header = this.peek(headerBytes);
    const length = this.started ? header.readInt32BE(1) : header.readInt32BE(0);
    if (length < 4 || length > MAX_MESSAGE_BYTES) throw new ProtocolError(`invalid message length ${length}`);
    const total = this.started ? 1 + length : length;
    if (this.buffered < total) return null;
    const bytes = this.take(total);
    if (this.started) return { kind: 'typed', type: bytes[0], bytes };
    if (length < 8) throw new ProtocolError('startup packet too short');
    const code = bytes.readInt32BE(4);
    if (code === SSL_REQUEST_CODE) return { kind: 'ssl-request' };
    if (code === GSSENC_REQUEST_CODE) return { kind: 'gssenc-request' };
    if (code === CANCEL_REQUEST_CODE) return { kind: 'cancel-request' };
    if (code !== PROTOCOL_VERSION_3) throw new ProtocolError(`unsupported protocol version ${code}`);
    this.started = true;
    return { kind: 'startup', bytes };
  }

  private peek(n: number): Buffer {
    if (this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0].subarray(0, n);
  }

  private take(n: number): Buffer {
    if (this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks)];
    const first = this.chunks[0];
    const taken = first.subarray(0, n);
    if (first.length === n) this.chunks.shift();
    else this.chunks[0] = first.subarray(n);
    this.buffered -= n;
    return taken;
  }
}

/**
 * Follows the server's messages across output chunks (a message may be split between
 * two) and remembers the status of the last ReadyForQuery seen.
 */
export class ReadyForQueryScanner {
  private readonly header = Buffer.alloc(6);
  private headerLength = 0;
  private skip = 0;
  /** Status of the last ReadyForQuery since reset(), or null if none came. */
  lastStatus: SessionStatus | null = null;

  reset(): void {
    this.lastStatus = null;
  }

  scan(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i);
        this.skip -= n;
        i += n;
        continue;
      }
      this.header[this.headerLength++] = chunk[i++];
      if (this.headerLength === 5 && this.header[0] !== READY_FOR_QUERY) {
        this.skip = this.header.readInt32BE(1) - 4;
        this.headerLength = 0;
      } else if (this.headerLength === 6) {
        this.lastStatus = String.fromCharCode(this.header[5]) as SessionStatus;
        this.headerLength = 0;
      }
    }
  }
}

function cstring(value: string): Buffer {
  return Buffer.concat([Buffer.from(value, 'utf8'), Buffer.from([0])]);
}

function message(type: number, body: Buffer): Buffer {
  const out = Buffer.alloc(5 + body.length);
  out[0] = type;
  out.writeInt32BE(4 + body.length, 1);
  body.copy(out, 5);
  return out;
}

export function syncMessage(): Buffer {
  return message(FrontendType.Sync, Buffer.alloc(0));
}

export function queryMessage(sql: string): Buffer {
  return message(FrontendType.Query, cstring(sql));
}

export function closeStatementMessage(name: string): Buffer {
  return message(FrontendType.Close, Buffer.concat([Buffer.from('S'), cstring(name)]));
}

/** A FATAL ErrorResponse, sent just before the layer closes a connection. */
export function fatalErrorMessage(sqlState: string, text: string): Buffer {
  const fields = Buffer.concat([
    Buffer.from('S'),
    cstring('FATAL'),
    Buffer.from('V'),
    cstring('FATAL'),
    Buffer.from('C'),
    cstring(sqlState),
    Buffer.from('M'),
    cstring(text),
    Buffer.from([0]),
  ]);
  return message(0x45, fields); // 'E'
}

/** Reads a NUL-terminated string at `offset`; returns it and the offset after its NUL. */
function readCString(bytes: Buffer, offset: number): [string, number] {
  const end = bytes.indexOf(0, offset);
  if (end < 0) throw new ProtocolError('unterminated string in message');
  return [bytes.toString('utf8', offset, end), end + 1];
}

/**
 * Named prepared statements and portals live in the one PGlite session that every
 * connection shares; each connection's names get a prefix of its own so that two
 * connections preparing "q1" do not collide. The unnamed ones ('') need no prefix: they
 * are replaced by the next Parse/Bind, and a connection keeps the session from its Parse
 * to its Sync.
 */
export class StatementNames {
  /** The prefixed names of the statements this connection has prepared and not closed. */
  readonly prepared = new Set<string>();

  constructor(private readonly prefix: string) {}

  private own(name: string): string {
    return name === '' ? '' : `${this.prefix}${name}`;
  }

  /** The message as the shared session must see it; the same Buffer when nothing changes. */
  rewrite(type: number, bytes: Buffer): Buffer {
    switch (type) {
      case FrontendType.Parse: {
        const [name, after] = readCString(bytes, 5);
        if (name !== '') this.prepared.add(this.own(name));
        return name === '' ? bytes : this.replaceStrings(type, bytes, [this.own(name)], after);
      }
      case FrontendType.Bind: {
        const [portal, afterPortal] = readCString(bytes, 5);
        const [statement, after] = readCString(bytes, afterPortal);
        return portal === '' && statement === ''
          ? bytes
          : this.replaceStrings(type, bytes, [this.own(portal), this.own(statement)], after);
      }
      case FrontendType.Execute: {
        const [portal, after] = readCString(bytes, 5);
        return portal === '' ? bytes : this.replaceStrings(type, bytes, [this.own(portal)], after);
      }
      case FrontendType.Describe:
      case FrontendType.Close: {
        const target = String.fromCharCode(bytes[5]);
        const [name, after] = readCString(bytes, 6);
        if (type === FrontendType.Close && target === 'S') this.prepared.delete(this.own(name));
        if (name === '') return bytes;
        return message(type, Buffer.concat([Buffer.from(target), cstring(this.own(name)), bytes.subarray(after)]));
      }
      default:
        return bytes;
    }
  }

  private replaceStrings(type: number, bytes: Buffer, strings: string[], restFrom: number): Buffer {
    return message(type, Buffer.concat([...strings.map(cstring), bytes.subarray(restFrom)]));
  }
}

/** The SQL text of a Query or Parse message. */
export function sqlOf(type: number, bytes: Buffer): string | null {
  if (type === FrontendType.Query) return readCString(bytes, 5)[0];
  if (type === FrontendType.Parse) {
    const [, afterName] = readCString(bytes, 5);
    return readCString(bytes, afterName)[0];
  }
  return null;
}

/** The same Query or Parse message with other SQL text (for Parse, the statement name and parameter types kept). */
export function withSql(type: number, bytes: Buffer, sql: string): Buffer {
  if (type === FrontendType.Query) return queryMessage(sql);
  const [name, afterName] = readCString(bytes, 5);
  const [, afterSql] = readCString(bytes, afterName);
  return message(type, Buffer.concat([cstring(name), cstring(sql), bytes.subarray(afterSql)]));
}
