#!/usr/bin/env node
// After `ng build --stats-json`: the app's texts are a chunk per language (src/app/i18n/texts.ts),
// which the app imports once its code has run: one more round trip before the first page
// (about 0.3 s on slow 3G). This writes a tiny script, loaded by index.html beside the app's
// code, that picks the person's language as the app will (signed in: the stored account's;
// signed out: the one picked on this device, else the browser's, else Spanish:
// src/app/i18n/i18n.ts, core/browser-storage.ts)
// and starts that one chunk's download at once (modulepreload), so the app finds it there.
// A wrong guess costs one small download; the app still decides.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const DIST = new URL('../dist/', import.meta.url).pathname;
const LANGUAGES = ['es', 'en', 'pt', 'fr'];
const DEFAULT_LANGUAGE = 'es';

const stats = JSON.parse(readFileSync(`${DIST}browser-stats.json`, 'utf8'));
const files = {};
for (const [output, { entryPoint }] of Object.entries(stats.outputs)) {
  const match = /^src\/locales\/(\w+)\/app\.json$/.exec(entryPoint ?? '');
  if (match && output.endsWith('.js')) files[match[1]] = output;
}
const missing = LANGUAGES.filter((language) => !files[language]);
if (missing.length > 0) throw new Error(`preload-texts: no chunk of the app's texts for ${missing.join(', ')}`);

const script = `(function () {
  var files = ${JSON.stringify(files)};
  var has = function (language) { return Object.prototype.hasOwnProperty.call(files, language); };
  var language = null;
  try {
    var storage = window.localStorage;
    if (storage.getItem('portal.refreshToken')) {
      language = (JSON.parse(storage.getItem('portal.user') || 'null') || {}).language;
    } else {
      language = storage.getItem('portal.language');
    }
  } catch (error) {
    language = null;
  }
  // Signed out, nothing picked on this device: the browser's preferences (i18n/browser-language.ts).
  var preferred = navigator.languages || [navigator.language];
  for (var i = 0; !has(language) && i < preferred.length; i++) {
    language = String(preferred[i] || '').toLowerCase().split('-')[0];
  }
  var link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = files[has(language) ? language : ${JSON.stringify(DEFAULT_LANGUAGE)}];
  document.head.appendChild(link);
})();
`;
// Hashed like the other chunks, so the server lets phones keep it (api/src/web-app/web-app.ts).
const name = `texts-preload-${createHash('sha256').update(script).digest('hex').slice(0, 8)}.js`;
writeFileSync(`${DIST}browser/${name}`, script);

const indexPath = `${DIST}browser/index.html`;
const index = readFileSync(indexPath, 'utf8');
if (!index.includes('</head>')) throw new Error('preload-texts: index.html has no </head>');
writeFileSync(indexPath, index.replace('</head>', `<script src="${name}" async></script></head>`));
process.stdout.write(`preload-texts: ${name} for ${LANGUAGES.map((l) => `${l} ${files[l]}`).join(', ')}\n`);
