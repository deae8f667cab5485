/* global self, caches */
// The portal's service worker (written into dist/browser/sw.js by service-worker.mjs, which
// fills in the release's version and files). Small and hand-written on purpose: it knows
// which API answers may be kept on a shared phone, and for whom.
//
// - The app (index.html, every bundle, the texts, icons) is kept at install: the app opens
//   offline, and a page whose code was never loaded still opens.
// - API reads (GET) go to the network first; the answer is kept with when it was saved and
//   whose it is. Offline, the saved answer comes back (header x-portal-saved-at), only to the
//   same person; none saved: a 503 problem document the app words ("never opened here").
// - Never kept: sign-in and token routes, attachment downloads, exports, anything not GET.
//   The app deletes the kept answers when the person signs out.
// - The knowledge base's published articles and searches are read without signing in: an
//   answer read that way is public, kept in a cache of its own (the app empties the persons'
//   one at start-up when nobody is signed in) and given back offline to anyone on the phone;
//   a members-only article is read with a token and kept for its person only.
const VERSION = '__VERSION__';
const APP_FILES = []; // __APP_FILES__
const APP_CACHE = `portal-app-${VERSION}`;
const API_CACHE = 'portal-api';
// Sign-in and tokens, attachment downloads, exported files (CSV, XLSX), health, presence.
const NOT_KEPT = [
  /^\/api\/v\d+\/auth\//,
  /\/attachments\//,
  /\/export/,
  /\.(csv|xlsx)$/,
  /^\/api\/v\d+\/health/,
  /\/presence/,
];
// Reads open to everybody (the knowledge base): kept without a person.
const PUBLIC_READS = [/^\/api\/v\d+\/kb\/articles(\/|$)/];
const PUBLIC = 'public';
const PUBLIC_CACHE = 'portal-public';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(APP_CACHE)
      .then((cache) => cache.addAll(['/', ...APP_FILES].map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith('portal-app-') && key !== APP_CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (!NOT_KEPT.some((pattern) => pattern.test(url.pathname))) event.respondWith(apiRead(event));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match('/', { cacheName: APP_CACHE })));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: APP_CACHE }).then((kept) => kept ?? fetch(request)));
});

/** Network first; the answer kept for its person; offline, the kept one or a clear 503. */
async function apiRead(event) {
  const request = event.request;
  const pathname = new URL(request.url).pathname;
  const person = personOf(request) ?? (PUBLIC_READS.some((pattern) => pattern.test(pathname)) ? PUBLIC : null);
  try {
    const response = await fetch(request);
    // Saved after the page has its answer: keeping a copy never slows the page.
    if (response.ok && person) event.waitUntil(keep(request, response.clone(), person));
    return response;
  } catch (error) {
    const own = await caches.match(request, { cacheName: API_CACHE, ignoreVary: true });
    if (own && person && own.headers.get('x-portal-person') === person) return own;
    const open = person ? await caches.match(request, { cacheName: PUBLIC_CACHE, ignoreVary: true }) : undefined;
    if (open) return open;
    if (error instanceof TypeError) return notKept(); // no connection (fetch's only TypeError)
    throw error;
  }
}

async function keep(request, response, person) {
  const headers = new Headers(response.headers);
  headers.set('x-portal-saved-at', new Date().toISOString());
  headers.set('x-portal-person', person);
  const body = await response.arrayBuffer();
  const cache = await caches.open(person === PUBLIC ? PUBLIC_CACHE : API_CACHE);
  await cache.put(request, new Response(body, { status: response.status, headers }));
}

function notKept() {
  const problem = {
    type: 'about:blank',
    title: 'Not saved on this device',
    status: 503,
    code: 'offline.not-saved',
    detail: 'This page was never opened on this device while online, so it cannot be shown offline.',
  };
  return new Response(JSON.stringify(problem), {
    status: 503,
    headers: { 'content-type': 'application/problem+json', 'x-portal-offline': 'not-saved' },
  });
}

/** The signed-in person of an API call: the `sub` of its bearer token (not checked here; the API checks it). */
function personOf(request) {
  const token = (request.headers.get('authorization') ?? '').replace(/^Bearer\s+/i, '');
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof json.sub === 'string' ? json.sub : null;
  } catch {
    return null;
  }
}
