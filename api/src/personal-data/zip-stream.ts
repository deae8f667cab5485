import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** One file of an archive: a JSON document (deflated) or a stored file read as a stream (kept as it is). */
export type ZipItem = { name: string; json: unknown } | { name: string; stream: () => Readable };

/** Above this many bytes waiting for the client, the archive waits before reading more files. */
const HIGH_WATER = 1 << 20;

/**
 * A ZIP archive written as it is sent (fflate, MIT; already in the dependency tree through
 * write-excel-file): documents deflated, stored files (photos, PDFs, already compressed) kept
 * as they are, so a person with many files never has them all in memory at once.
 */
export function zipStream(items: AsyncIterable<ZipItem> | Iterable<ZipItem>): Readable {
  const out = new PassThrough();
  const zip = new Zip((error, chunk, final) => {
    if (error) return void out.destroy(error);
    out.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (final) out.end();
  });
  void (async () => {
    for await (const item of items) {
      if ('json' in item) {
        const file = new ZipDeflate(item.name, { level: 6 });
        zip.add(file);
        file.push(Buffer.from(`${JSON.stringify(item.json, null, 2)}\n`, 'utf8'), true);
        continue;
      }
      const file = new ZipPassThrough(item.name);
      zip.add(file);
      for await (const chunk of item.stream()) {
        file.push(chunk as Buffer);
        if (out.writableLength > HIGH_WATER) await Promise.race([once(out, 'drain'), once(out, 'close')]);
        if (out.destroyed) return; // the client went away
      }
      file.push(new Uint8Array(0), true);
    }
    zip.end();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
