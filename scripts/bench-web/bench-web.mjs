#!/usr/bin/env node
// npm run bench:web [-- --runs 3 --strict]
//
// The member's first page on a cheap phone over slow 3G (docs/domain.md, "Reach"): usable
// in under 5 s on an emulated slow 3G connection (1.6 Mbps, 300 ms latency), with at most
// 250 KB of gzipped initial JavaScript. Prints figures against the targets; timings are
// not asserted by the tests (shared machines are noisy), sizes are
// (tests/e2e/first-page-budget.e2e-spec.ts).
//
// What runs: the built API (api/dist) serving the built web app (web/dist/browser) on an
// embedded PGlite database in a temporary folder, and Debian's Chromium through
// playwright-core. Each run is a fresh browser context (empty HTTP cache) with, over the
// devtools protocol: Network.emulateNetworkConditions (300 ms latency, 1.6 Mbps down,
// 750 kbps up) and Emulation.setCPUThrottlingRate 4, on a 390x844 phone screen.
//
// "The member's first page": a member's first visit, and every visit after a session
// ended, opens the sign-in page; it carries the whole initial JavaScript (the sign-in and
// home pages are in the first download, app.routes.ts). A returning member whose session
// is kept on the phone opens the home page instead, which needs the same JavaScript plus
// the API's answers. Both are measured, each from an empty HTTP cache:
//   1. sign-in page, cold: navigation → sign-in form on screen and working;
//   2. signing in: tap on "sign in" → member home on screen (same page, code already there);
//   3. member home, cold, session kept: navigation → member home on screen.
// "On screen and working" is when the app has rendered the element (Angular renders after
// it has started, so its handlers are attached), taken in the page by a MutationObserver.
// Also printed: first contentful paint, largest contentful paint (PerformanceObserver),
// DOMContentLoaded and load, relative to navigation start.
//
// Initial JavaScript: the bytes of script responses on the wire (encodedDataLength: as the
// server compressed them, brotli or gzip, headers included) finished before the page was
// usable, and, for comparison, the gzip size (zlib, level 9) of the initial chunks in
// web/dist/browser: the scripts index.html loads and their static imports.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const API_MAIN = join(ROOT, 'api/dist/api/src/main.js');
const WEB_DIST = join(ROOT, 'web/dist/browser');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TARGET_MS = 5_000;
const TARGET_JS_BYTES = 250 * 1024;
const MEMBER = { email: 'ana@valle-alto.example', password: 'Demo-2026!' };
const NETWORK = {
  offline: false,
  latency: 300,
  downloadThroughput: (1.6e6 / 8) | 0,
  uploadThroughput: (750e3 / 8) | 0,
};
const CPU_SLOWDOWN = 4;
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'es-PE',
  timezoneId: 'America/Lima',
};
/** The whole bench stops after this, whatever happens. */
const HARD_LIMIT_MS = 240_000;

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, strict: { type: 'boolean', default: false } },
});
const RUNS = Math.max(1, Number(args.runs) || 3);

for (const [what, path] of [
  ['the API (api/dist)', API_MAIN],
  ['the web app (web/dist/browser)', join(WEB_DIST, 'index.html')],
]) {
  if (!existsSync(path)) {
    console.error(`bench:web needs ${what}: build it first (npm run build). Missing: ${path}`);
    process.exit(2);
  }
}

// ── Sizes from the build: the initial chunks and their gzip size ────────────────────────
function initialChunks() {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift().replace(/^\.?\//, '');
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(WEB_DIST, file), 'utf8');
    // Static imports only (`import{a}from"./chunk-X.js"`, `import"./chunk-X.js"`); `import("…")` is lazy.
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g)) queue.push(match[1]);
  }
  return [...seen].map((file) => {
    const raw = readFileSync(join(WEB_DIST, file));
    return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
}

// ── The portal ───────────────────────────────────────────────────────────────────────────
function startPortal(dataDir) {
  return new Promise((resolvePortal, reject) => {
    const child = spawn(process.execPath, [API_MAIN], {
      // Production mode (as deployed: its caching and compression), with a throwaway signing secret; no demo
      // history loading in the background while the page is timed.
      env: {
        ...process.env,
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        WEB_DIST_DIR: WEB_DIST,
        DEMO_HISTORY: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the API did not start in 120 s:\n${output}`)), 120_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePortal({ url: match[1].replace('localhost', '127.0.0.1'), child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited (${code}) before listening:\n${output}`));
    });
  });
}

async function stopPortal(portal) {
  if (!portal || portal.child.exitCode !== null || portal.child.signalCode !== null) return;
  const exited = new Promise((done) => portal.child.once('exit', done));
  portal.child.kill('SIGTERM');
  const timeout = setTimeout(() => portal.child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timeout);
}

// ── One measured page load ───────────────────────────────────────────────────────────────
/** In every page: when the given elements first appear, and paint timings. */
function pageProbe() {
  const marks = {};
  window.__bench = { marks, lcp: null };
  const watch = { 'sign-in form': '[data-testid="login-submit"]', 'member home': '[data-testid="welcome"]' };
  const check = () => {
    for (const [name, selector] of Object.entries(watch)) {
      if (!(name in marks) && document.querySelector(selector)) marks[name] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    window.__bench.lcp = entries[entries.length - 1].startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

async function throttledPage(browser, storageState) {
  const context = await browser.newContext({ ...PHONE, storageState });
  const page = await context.newPage();
  await page.addInitScript(pageProbe);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  // Every script response: when it finished (devtools monotonic seconds) and its bytes on the wire.
  const requests = new Map();
  let navigationStart = null;
  cdp.on('Network.requestWillBeSent', (event) => {
    if (event.type === 'Document' && navigationStart === null) navigationStart = event.timestamp;
  });
  cdp.on('Network.responseReceived', (event) => {
    requests.set(event.requestId, {
      url: event.response.url,
      type: event.type,
      encoding: event.response.headers['content-encoding'] ?? event.response.headers['Content-Encoding'] ?? '',
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    if (request) Object.assign(request, { finished: event.timestamp, bytes: event.encodedDataLength });
  });
  return {
    context,
    page,
    /** Script bytes finished within `ms` of navigation start. */
    scriptsBefore(ms) {
      const scripts = [...requests.values()].filter((r) => r.type === 'Script' && r.finished !== undefined);
      const early = scripts.filter((r) => navigationStart !== null && (r.finished - navigationStart) * 1000 <= ms + 50);
      return {
        bytes: early.reduce((sum, r) => sum + r.bytes, 0),
        files: early.map((r) => `${r.url.split('/').pop()} ${r.bytes} B ${r.encoding || 'identity'}`),
      };
    },
    resetNavigation() {
      navigationStart = null;
      requests.clear();
    },
  };
}

async function pageTimings(page, mark) {
  await page.waitForFunction((name) => name in window.__bench.marks, mark, { timeout: 60_000 });
  // LCP is final once the page has been interacted with or hidden; give it a moment to settle.
  await page.waitForTimeout(300);
  return page.evaluate((name) => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      usable: window.__bench.marks[name],
      fcp: fcp?.startTime ?? null,
      lcp: window.__bench.lcp,
      domContentLoaded: navigation?.domContentLoadedEventEnd || null,
      load: navigation?.loadEventEnd || null,
    };
  }, mark);
}

async function signInPageCold(browser, url) {
  const probe = await throttledPage(browser);
  try {
    await probe.page.goto(`${url}/login`, { waitUntil: 'load', timeout: 60_000 });
    const timings = await pageTimings(probe.page, 'sign-in form');
    const scripts = probe.scriptsBefore(timings.usable);
    // Then the member signs in on this page: tap → home on screen.
    await probe.page.getByTestId('login-email').fill(MEMBER.email);
    await probe.page.getByTestId('login-password').fill(MEMBER.password);
    const tapped = await probe.page.evaluate(() => performance.now());
    await probe.page.getByTestId('login-submit').click();
    await probe.page.waitForFunction(() => 'member home' in window.__bench.marks, undefined, { timeout: 60_000 });
    const home = await probe.page.evaluate(() => window.__bench.marks['member home']);
    const storageState = await probe.context.storageState();
    return { timings, scripts, signInToHome: home - tapped, storageState };
  } finally {
    await probe.context.close();
  }
}

async function memberHomeCold(browser, url, storageState) {
  const probe = await throttledPage(browser, storageState);
  try {
    await probe.page.goto(`${url}/`, { waitUntil: 'load', timeout: 60_000 });
    const timings = await pageTimings(probe.page, 'member home');
    return { timings, scripts: probe.scriptsBefore(timings.usable) };
  } finally {
    await probe.context.close();
  }
}

// ── Report ───────────────────────────────────────────────────────────────────────────────
const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)];
};
const seconds = (ms) => (ms === null ? '   n/a' : `${(ms / 1000).toFixed(2).padStart(5)} s`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok) => (ok ? 'within target' : 'OVER TARGET');

/** What is running, for the hard time limit to stop. */
const running = { portal: null, browser: null };
let portal = null;
let browser = null;

async function main() {
  const started = Date.now();
  const chunks = initialChunks();
  const built = { raw: chunks.reduce((s, c) => s + c.raw, 0), gzip: chunks.reduce((s, c) => s + c.gzip, 0) };

  const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-web-'));
  const results = { signIn: [], signInToHome: [], home: [] };
  let wire = null;
  let homeWire = null;
  try {
    process.stdout.write('Starting the API on an embedded database… ');
    portal = running.portal = await startPortal(dataDir);
    console.log(`${portal.url} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    browser = running.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    });
    // Warm the server up off the record: its first answers (JIT, file reads) are not the phone's concern.
    for (const path of ['/login', ...chunks.map((c) => `/${c.file}`)])
      await fetch(`${portal.url}${path}`).then((r) => r.arrayBuffer());

    for (let run = 1; run <= RUNS; run += 1) {
      const first = await signInPageCold(browser, portal.url);
      results.signIn.push(first.timings);
      results.signInToHome.push(first.signInToHome);
      wire ??= first.scripts;
      const home = await memberHomeCold(browser, portal.url, first.storageState);
      results.home.push(home.timings);
      homeWire ??= home.scripts;
      console.log(
        `  run ${run}: sign-in page usable ${seconds(first.timings.usable)} · signing in → home ${seconds(first.signInToHome)} · member home (cold, session kept) usable ${seconds(home.timings.usable)}`,
      );
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await stopPortal(portal).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }

  const pick = (list, key) => median(list.map((t) => t[key]));
  const signInUsable = pick(results.signIn, 'usable');
  const homeUsable = pick(results.home, 'usable');
  const lines = [
    '',
    `Member's first page on a slow phone: Chromium, ${PHONE.viewport.width}x${PHONE.viewport.height}, CPU ${CPU_SLOWDOWN}x slower, ` +
      `${NETWORK.latency} ms latency, ${(NETWORK.downloadThroughput * 8) / 1e6} Mbps down, ${(NETWORK.uploadThroughput * 8) / 1e3} kbps up, empty cache; median of ${RUNS}`,
    '',
    '                                   usable     FCP      LCP      DCL      load',
    `  sign-in page (first visit)      ${seconds(signInUsable)}  ${seconds(pick(results.signIn, 'fcp'))}  ${seconds(pick(results.signIn, 'lcp'))}  ${seconds(pick(results.signIn, 'domContentLoaded'))}  ${seconds(pick(results.signIn, 'load'))}`,
    `  member home (session kept)      ${seconds(homeUsable)}  ${seconds(pick(results.home, 'fcp'))}  ${seconds(pick(results.home, 'lcp'))}  ${seconds(pick(results.home, 'domContentLoaded'))}  ${seconds(pick(results.home, 'load'))}`,
    `  tap "sign in" → member home     ${seconds(median(results.signInToHome))}`,
    '',
    `  time to usable, sign-in page:   ${seconds(signInUsable)}   target ≤ ${TARGET_MS / 1000} s: ${verdict(signInUsable !== null && signInUsable <= TARGET_MS)}`,
    `  time to usable, member home:    ${seconds(homeUsable)}   target ≤ ${TARGET_MS / 1000} s: ${verdict(homeUsable !== null && homeUsable <= TARGET_MS)}`,
    '',
    `  initial JavaScript on the wire (sign-in page, before usable): ${kb(wire?.bytes ?? 0)}   target ≤ ${kb(TARGET_JS_BYTES)}: ${verdict((wire?.bytes ?? Infinity) <= TARGET_JS_BYTES)}`,
    ...(wire?.files ?? []).map((f) => `      ${f}`),
    `  JavaScript on the wire (member home, before usable):          ${kb(homeWire?.bytes ?? 0)}`,
    `  initial chunks in web/dist/browser: ${kb(built.raw)} raw, ${kb(built.gzip)} gzipped (zlib level 9)   target ≤ ${kb(TARGET_JS_BYTES)}: ${verdict(built.gzip <= TARGET_JS_BYTES)}`,
    ...chunks.map((c) => `      ${c.file.padEnd(24)} ${kb(c.raw).padStart(9)} raw ${kb(c.gzip).padStart(9)} gzip`),
    '',
    `Bench took ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  ];
  console.log(lines.join('\n'));
  const ok =
    signInUsable !== null &&
    signInUsable <= TARGET_MS &&
    homeUsable !== null &&
    homeUsable <= TARGET_MS &&
    built.gzip <= TARGET_JS_BYTES &&
    (wire?.bytes ?? Infinity) <= TARGET_JS_BYTES;
  if (args.strict && !ok) process.exitCode = 1;
}

const limit = setTimeout(() => {
  console.error(`bench:web took longer than ${HARD_LIMIT_MS / 1000} s: stopping`);
  running.portal?.child.kill('SIGKILL');
  void running.browser?.close();
  setTimeout(() => process.exit(3), 2_000);
}, HARD_LIMIT_MS);
limit.unref();
main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
