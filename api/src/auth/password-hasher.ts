import { availableParallelism } from 'node:os';
import * as argon2 from 'argon2';
import { AppException } from '../common/app-exception';

/** argon2id with the library's defaults (64 MiB, 3 passes): the OWASP-recommended family. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when the email is unknown so that an
 * unknown email takes as long to refuse as a wrong password.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoyHash;
}

export class PasswordHashingBusyException extends AppException {
  constructor(retryAfterSeconds: number) {
    super(503, 'auth.busy', 'Service busy', 'Too many sign-ins are being checked right now. Try again in a moment.', {
      retryAfterSeconds,
    });
  }
}

/** A place in the hashing queue, taken before any work so a full queue refuses at once. */
export interface HashingTicket {
  /** Waits for a free worker, runs the work, and gives the place back. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Gives the place back unused (the attempt was refused before hashing). */
  release(): void;
}

/**
 * Bounds argon2 (64 MiB and a few hundred ms of CPU each) to a few at a time, so a burst of
 * sign-ins cannot take every core and libuv thread from the rest of the API; beyond a short
 * wait the burst is refused with 503 rather than piling up behind itself.
 */
export class PasswordHashingQueue {
  private running = 0;
  private admitted = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
    /** Rough seconds of one hash, for Retry-After. */
    private readonly secondsPerHash = 0.3,
  ) {}

  /** A ticket, or PasswordHashingBusyException (503) when the queue is full. */
  admit(): HashingTicket {
    if (this.admitted >= this.concurrency + this.maxWaiting) {
      throw new PasswordHashingBusyException(
        Math.max(1, Math.ceil((this.admitted * this.secondsPerHash) / this.concurrency)),
      );
    }
    this.admitted++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.admitted--;
    };
    return {
      run: async <T>(work: () => Promise<T>): Promise<T> => {
        if (done) throw new Error('hashing ticket already used');
        await this.acquireWorker();
        try {
          return await work();
        } finally {
          this.releaseWorker();
          finish();
        }
      },
      release: finish,
    };
  }

  /** admit() and run() in one, for callers with nothing to do in between. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return this.admit().run(work);
  }

  private acquireWorker(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    // The worker is handed over by releaseWorker, so `running` stays counted.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private releaseWorker(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

/**
 * The process's queue: one core is left to the event loop, and one of libuv's 4 threads
 * (argon2 runs there) to DNS and files; up to 16 hashes per worker may wait (a few seconds)
 * before a 503.
 */
const HASHING_WORKERS = Math.max(1, Math.min(availableParallelism() - 1, 3));
export const passwordHashing = new PasswordHashingQueue(HASHING_WORKERS, HASHING_WORKERS * 16);
