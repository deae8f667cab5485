// pg-copy-streams ships no types; the two functions the portal uses (binary-copy.ts, move-to-postgres.ts).
declare module 'pg-copy-streams' {
  import type { Readable, Writable } from 'node:stream';

  /** COPY … TO STDOUT as a readable stream of the output's bytes, submitted with a pg client's query(). */
  export function to(text: string): Readable & { submit(connection: unknown): void };

  /** COPY … FROM STDIN as a writable stream of the input's bytes, submitted with a pg client's query(). */
  export function from(text: string): Writable & { submit(connection: unknown): void };
}
