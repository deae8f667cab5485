// pg-copy-streams ships no types; the one function the reports use (binary-copy.ts).
declare module 'pg-copy-streams' {
  import type { Readable } from 'node:stream';

  /** COPY … TO STDOUT as a readable stream of the output's bytes, submitted with a pg client's query(). */
  export function to(text: string): Readable & { submit(connection: unknown): void };
}
