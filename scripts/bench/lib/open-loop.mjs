// Open-loop load: requests sent at a fixed arrival rate, whether or not the earlier ones have
// been answered (as people opening their inbox do), instead of a fixed number of connections
// each waiting for its answer (autocannon's closed loop, where a slow server is simply sent
// less). Each request's latency counts from the moment it was due to be sent, so a client
// that fell behind or a server that queues shows in it (no coordinated omission).
import http from 'node:http';

/**
 * Sends `next()`'s requests ({ method, path, headers, body }) to `url` at `rate` per second for
 * `seconds`, evenly spaced; answers as measureSlice's (lib/load.mjs), so summarize() reads
 * both. At most `maxOutstanding` requests wait at once: the ones due beyond that are not sent
 * and counted as errors (a server that stopped answering must not get an unbounded pile).
 */
export async function measureOpenLoop({
  url,
  rate,
  seconds,
  next,
  kindOf,
  record = true,
  timeoutMs = 30_000,
  maxOutstanding = 2000,
}) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const interval = 1000 / rate;
  const total = Math.round(rate * seconds);
  const latencies = [];
  const byKind = new Map();
  const statuses = {};
  let errors = 0;
  let timeouts = 0;
  let outstanding = 0;
  const inFlight = new Set();

  const send = (request, due) =>
    new Promise((resolve) => {
      const headers = { ...request.headers };
      if (request.body !== undefined) headers['content-length'] = Buffer.byteLength(request.body);
      const req = http.request(
        { host: target.hostname, port: target.port, method: request.method, path: request.path, headers, agent },
        (response) => {
          response.resume();
          response.on('end', () => {
            const ms = performance.now() - due;
            if (record) {
              statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
              if (response.statusCode >= 200 && response.statusCode < 300) {
                latencies.push(ms);
                if (kindOf) {
                  const kind =
                    kindOf.get(
                      `${request.path} ${/^Bearer (.+)$/.exec(request.headers?.authorization ?? '')?.[1] ?? ''}`,
                    ) ?? 'other';
                  if (!byKind.has(kind)) byKind.set(kind, []);
                  byKind.get(kind).push(ms);
                }
              }
            }
            resolve();
          });
          response.on('error', () => {
            if (record) errors++;
            resolve();
          });
        },
      );
      req.setTimeout(timeoutMs, () => {
        if (record) timeouts++;
        req.destroy(new Error('timeout'));
      });
      req.on('error', () => {
        if (record) errors++;
        resolve();
      });
      if (request.body !== undefined) req.write(request.body);
      req.end();
    });

  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (outstanding >= maxOutstanding) {
      if (record) errors++;
      continue;
    }
    outstanding++;
    const done = send(next(), due).finally(() => {
      outstanding--;
      inFlight.delete(done);
    });
    inFlight.add(done);
  }
  const sent = performance.now();
  await Promise.all(inFlight);
  agent.destroy();
  // The time the arrivals took (rate × seconds requests), not the tail spent waiting for the last answers.
  return { seconds: (sent - started) / 1000, latencies, byKind, statuses, errors, timeouts };
}
