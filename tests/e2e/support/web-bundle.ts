import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIST } from '../../support/paths';

export interface Chunk {
  file: string;
  raw: number;
  gzip: number;
}

/**
 * The built web app's initial JavaScript: the scripts index.html loads (script and
 * modulepreload) and everything they import statically, with their gzip size (zlib level
 * 9). Lazy chunks (`import("./…")`) are not initial. Same rule as scripts/bench-web.
 */
export function initialChunks(dist = WEB_DIST): Chunk[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const queue = [
    ...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((match) => match[1]);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!.replace(/^\.?\//, '');
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g)) queue.push(match[1]);
  }
  return [...seen].map((file) => {
    const raw = readFileSync(join(dist, file));
    return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
}
