#!/usr/bin/env node
// After `ng build` (and preload-texts): writes dist/browser/sw.js from service-worker.js with
// this release's files (every bundle, the texts, styles, icons, the manifest) and a version
// made of their names, so a new release installs a new worker and drops the old files.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const DIST = new URL('../dist/browser/', import.meta.url).pathname;
const KEPT = /\.(js|css|svg|png|webmanifest|woff2?)$/;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (KEPT.test(entry.name) && entry.name !== 'sw.js') yield `/${relative(DIST, path)}`;
  }
}

const appFiles = [...files(DIST)].sort();
const version = createHash('sha256')
  .update(appFiles.join('\n'))
  .update(readFileSync(join(DIST, 'index.html')))
  .digest('hex')
  .slice(0, 12);
const template = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');
const worker = template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('[]; // __APP_FILES__', `${JSON.stringify(appFiles)};`);
writeFileSync(join(DIST, 'sw.js'), worker);
process.stdout.write(`service worker ${version}: ${appFiles.length} files kept for offline use\n`);
