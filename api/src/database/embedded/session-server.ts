import { createServer, type Server, type Socket } from 'node:net';
import {
  closeStatementMessage,
  endsAUnitOfWork,
  fatalErrorMessage,
  type FrontendMessage,
  FrontendReader,
  FrontendType,
  ReadyForQueryScanner,
  type SessionStatus,
  sqlOf,
  StatementNames,
  syncMessage,
  queryMessage,
  withSql,
} from './wire-protocol';

/**
 * What the layer needs of the database: run some wire-protocol messages in its one
 * session and hand back the answer's bytes as they come. PGlite's execProtocolRawStream.
 */
export interface WireEngine {
  exec(messages: Uint8Array, onData: (chunk: Uint8Array) => void): Promise<void>;
}

export interface SessionServerOptions {
  host?: string;
  port?: number;
  maxConnections?: number;
  /**
   * A connection that holds the session without sending anything (an open transaction
   * waiting on its client) for this long while others wait for it is ended, and its
   * transaction rolled back: one stuck client must not stop the portal.
   */
  idleTurnTimeoutMs?: number;
  /** Told about connections the layer ends (idle turn, protocol error, engine failure). */
  onWarning?: (message: string, detail?: unknown) => void;
}

/**
 * COPY … FROM STDIN ends PGlite's process (it exits the WebAssembly module), whichever
 * connection sends it; the layer turns it into an error before it reaches PGlite.
 */
const COPY_FROM_STDIN = /\bcopy\b[\s\S]*\bfrom\s+stdin\b/i;
const COPY_FROM_STDIN_REFUSAL = 'SELECT * FROM "COPY FROM STDIN: not on the embedded database"';

/**
 * Who has PGlite's one session. A connection gets it from the first message of a unit of
 * work until PGlite answers ReadyForQuery with the idle status: a whole Parse…Sync batch,
 * a simple Query, or a whole transaction. The others wait their turn, first come first served.
 */
class SessionTurns {
  holder: SessionConnection | null = null;
  private readonly waiting: SessionConnection[] = [];

  get someoneWaits(): boolean {
    return this.waiting.length > 0;
  }

  request(connection: SessionConnection): void {
    if (this.holder === connection || this.waiting.includes(connection)) return;
    if (this.holder === null) this.grant(connection);
    else this.waiting.push(connection);
  }

  release(connection: SessionConnection): void {
    if (this.holder !== connection) return;
    this.holder = null;
    const next = this.waiting.shift();
    if (next) this.grant(next);
  }

  forget(connection: SessionConnection): void {
    const index = this.waiting.indexOf(connection);
    if (index >= 0) this.waiting.splice(index, 1);
  }

  private grant(connection: SessionConnection): void {
    this.holder = connection;
    // Not re-entrant: the new holder starts on the next tick, after the releasing code returns.
    setImmediate(() => connection.onTurn());
  }
}

let nextConnectionId = 1;

/** One client connection: its messages wait in `pending` until it has the session. */
class SessionConnection {
  readonly id = nextConnectionId++;
  private readonly reader = new FrontendReader();
  private readonly names = new StatementNames(`c${this.id}_`);
  private readonly scanner = new ReadyForQueryScanner();
  private pending: FrontendMessage[] = [];
  /** The session's status after this connection's last unit of work. */
  private status: SessionStatus = 'I';
  /** A unit of work was started (e.g. Parse sent) and its Sync has not come yet. */
  private midUnit = false;
  private running = false;
  private closed = false;
  /** Since when this connection holds the session with nothing to run (null when busy or not holding). */
  idleSince: number | null = null;

  constructor(
    private readonly socket: Socket,
    private readonly engine: WireEngine,
    private readonly turns: SessionTurns,
    private readonly warn: (message: string, detail?: unknown) => void,
    private readonly onClosed: (connection: SessionConnection) => void,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  private get hasTurn(): boolean {
    return this.turns.holder === this;
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    this.reader.push(chunk);
    try {
      for (let message = this.reader.next(); message; message = this.reader.next()) {
        if (message.kind === 'ssl-request' || message.kind === 'gssenc-request') {
          this.socket.write('N'); // no encryption on a loopback socket
        } else if (message.kind === 'cancel-request') {
          this.socket.destroy(); // PGlite cannot cancel a running query; a cancel connection just ends
          return;
        } else if (message.kind === 'typed' && message.type === FrontendType.Terminate) {
          this.close();
          return;
        } else {
          this.pending.push(message);
        }
      }
    } catch (error) {
      this.fail('08P01', `protocol violation: ${(error as Error).message}`, error);
      return;
    }
    if (this.hasTurn) void this.run();
    else if (this.pending.length > 0) this.turns.request(this);
  }

  /** Called by SessionTurns when this connection gets the session. */
  onTurn(): void {
    void this.run();
  }

  /** Runs pending messages, one unit of work per engine call, while this connection has the session. */
  private async run(): Promise<void> {
    if (this.running || !this.hasTurn) return;
    this.running = true;
    this.idleSince = null;
    try {
      while (this.pending.length > 0 && !this.closed) {
        const unit = this.takeUnit();
        const ended = endsAUnitOfWork(unit[unit.length - 1]);
        this.scanner.reset();
        await this.engine.exec(Buffer.concat(unit.map((m) => this.prepare(m))), (chunk) => {
          this.scanner.scan(chunk);
          if (!this.closed) this.socket.write(Buffer.from(chunk));
        });
        if (this.scanner.lastStatus) this.status = this.scanner.lastStatus;
        this.midUnit = !ended || this.scanner.lastStatus === null;
        if (this.closed) break;
        if (!this.midUnit && this.status === 'I') {
          this.turns.release(this);
          if (this.pending.length > 0) this.turns.request(this);
          return;
        }
      }
      if (this.closed) return await this.cleanUpAndRelease();
      this.idleSince = Date.now();
    } catch (error) {
      // The engine failed: end this connection only, put the session back, let the others go on.
      this.warn(`embedded database: connection ${this.id} failed`, error);
      this.closed = true;
      this.socket.destroy();
      await this.cleanUpAndRelease();
    } finally {
      this.running = false;
    }
  }

  /** The pending messages up to and including the first that ends a unit of work. */
  private takeUnit(): FrontendMessage[] {
    const index = this.pending.findIndex(endsAUnitOfWork);
    return this.pending.splice(0, index < 0 ? this.pending.length : index + 1);
  }

  private prepare(message: FrontendMessage): Buffer {
    if (message.kind === 'startup') return message.bytes;
    if (message.kind !== 'typed') throw new Error('untyped message in a unit of work');
    const sql = sqlOf(message.type, message.bytes);
    const bytes =
      sql !== null && COPY_FROM_STDIN.test(sql)
        ? withSql(message.type, message.bytes, COPY_FROM_STDIN_REFUSAL)
        : message.bytes;
    return this.names.rewrite(message.type, bytes);
  }

  /** Ends the connection with a FATAL error the client can read. */
  fail(sqlState: string, text: string, detail?: unknown): void {
    if (this.closed) return;
    this.warn(`embedded database: connection ${this.id}: ${text}`, detail);
    // end() sends the error, then closes; destroying at once could drop the error unsent.
    if (this.socket.writable) this.socket.end(fatalErrorMessage(sqlState, text));
    else this.socket.destroy();
    this.close(false);
  }

  close(destroySocket = true): void {
    if (this.closed) return;
    this.closed = true;
    this.pending = [];
    if (destroySocket) this.socket.destroy();
    this.turns.forget(this);
    if (this.hasTurn) void this.run();
    else if (this.names.prepared.size > 0)
      this.turns.request(this); // its statements must be closed
    else this.onClosed(this);
  }

  /**
   * A closed connection may leave the session mid-batch, in a transaction or with
   * prepared statements: end the batch, roll back, close the statements, then let the
   * next connection have the session. Failures here are logged, never left to stall the queue.
   */
  private async cleanUpAndRelease(): Promise<void> {
    const steps: Buffer[] = [];
    if (this.midUnit) steps.push(syncMessage());
    for (const name of this.names.prepared) steps.push(closeStatementMessage(name));
    if (this.names.prepared.size > 0 && !this.midUnit) steps.push(syncMessage());
    try {
      if (steps.length > 0) await this.execQuietly(Buffer.concat(steps));
      if (this.status !== 'I') await this.execQuietly(queryMessage('ROLLBACK'));
      this.names.prepared.clear();
    } catch (error) {
      this.warn(`embedded database: cleaning up after connection ${this.id} failed`, error);
    } finally {
      this.midUnit = false;
      this.turns.release(this);
      this.onClosed(this);
    }
  }

  private async execQuietly(messages: Buffer): Promise<void> {
    this.scanner.reset();
    await this.engine.exec(messages, (chunk) => this.scanner.scan(chunk));
    if (this.scanner.lastStatus) this.status = this.scanner.lastStatus;
  }
}

/**
 * A PostgreSQL wire-protocol server in front of an engine with one session (PGlite),
 * which gives each connection the session for whole units of work, so that any number of
 * pool connections get their own answers. @electric-sql/pglite-socket forwards messages
 * one at a time and lets connections' extended-protocol queries interleave (one binds or
 * executes another's statement: electric-sql/pglite#1046), hence this layer.
 */
export class SessionServer {
  private server: Server | null = null;
  private readonly connections = new Set<SessionConnection>();
  private readonly turns = new SessionTurns();
  private idleCheck: NodeJS.Timeout | null = null;
  private readonly options: Required<Omit<SessionServerOptions, 'onWarning'>> & Pick<SessionServerOptions, 'onWarning'>;

  constructor(
    private readonly engine: WireEngine,
    options: SessionServerOptions = {},
  ) {
    // Options given as undefined keep their defaults.
    const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
    this.options = { host: '127.0.0.1', port: 0, maxConnections: 100, idleTurnTimeoutMs: 30_000, ...given };
  }

  /** Starts listening; resolves with the port. */
  async start(): Promise<number> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => resolve());
    });
    this.idleCheck = setInterval(() => this.endIdleHolder(), Math.min(1000, this.options.idleTurnTimeoutMs));
    this.idleCheck.unref();
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('embedded database: no TCP address');
    return address.port;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  async stop(): Promise<void> {
    if (this.idleCheck) clearInterval(this.idleCheck);
    const server = this.server;
    this.server = null;
    for (const connection of this.connections) connection.close();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    // Let a unit of work that is running finish before the engine is closed under it.
    for (let i = 0; i < 100 && this.turns.holder; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  private accept(socket: Socket): void {
    if (!this.server) return void socket.destroy();
    const warn = (message: string, detail?: unknown) => this.options.onWarning?.(message, detail);
    if (this.connections.size >= this.options.maxConnections) {
      socket.on('error', () => undefined);
      socket.end(fatalErrorMessage('53300', 'sorry, too many clients already'));
      return;
    }
    const connection = new SessionConnection(socket, this.engine, this.turns, warn, (closed) =>
      this.connections.delete(closed),
    );
    this.connections.add(connection);
  }

  private endIdleHolder(): void {
    const holder = this.turns.holder;
    if (!holder || holder.idleSince === null || !this.turns.someoneWaits) return;
    const idleFor = Date.now() - holder.idleSince;
    if (idleFor < this.options.idleTurnTimeoutMs) return;
    holder.fail(
      '25P03',
      `terminating connection: it held the embedded database's session idle for ${Math.round(idleFor / 1000)} s while others waited`,
    );
  }
}
