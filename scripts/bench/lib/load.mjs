// Measurements: autocannon against a server for a fixed time, with the requests made by a
// generator, and our own record of every response time (autocannon's histogram has no p95).
import autocannon from 'autocannon';

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

function fire({ url, connections, duration, next, onResponse }) {
  const instance = autocannon({
    url,
    connections,
    duration,
    timeout: 30,
    requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
  });
  if (onResponse) instance.on('response', onResponse);
  return instance;
}

/** Requests for `seconds`, answers not recorded: JIT, plan and buffer caches, pool connections. */
export async function warmUp({ url, connections, seconds, next }) {
  if (seconds > 0) await fire({ url, connections, duration: seconds, next });
}

/**
 * One slice of measurement: `duration` seconds of `connections` connections sending what
 * `next()` gives ({ method, path, headers, body }). Records every 2xx response time, and by
 * kind of request when `kindOf` maps "<path> <bearer token>" to a kind.
 */
export async function measureSlice({ url, connections, duration, next, kindOf }) {
  const latencies = [];
  const byKind = new Map();
  const statuses = {};
  const instance = fire({
    url,
    connections,
    duration,
    next,
    onResponse: (client, status, _bytes, responseTime) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status < 200 || status >= 300) return;
      latencies.push(responseTime);
      if (kindOf) {
        // The request this answers is still the client's current one (autocannon moves on after).
        const text = client.requestIterator.currentRequest.requestBuffer.toString('latin1');
        const path = text.slice(text.indexOf(' ') + 1, text.indexOf(' HTTP/1.1'));
        const auth = /authorization: Bearer ([^\r]+)/.exec(text)?.[1] ?? '';
        const kind = kindOf.get(`${path} ${auth}`) ?? 'other';
        if (!byKind.has(kind)) byKind.set(kind, []);
        byKind.get(kind).push(responseTime);
      }
    },
  });
  const started = performance.now();
  const result = await instance;
  return {
    seconds: (performance.now() - started) / 1000,
    latencies,
    byKind,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Slices of one server put together: requests/s (2xx only), latency percentiles, failures. */
export function summarize(slices) {
  const latencies = slices.flatMap((slice) => slice.latencies).sort((a, b) => a - b);
  const seconds = slices.reduce((sum, slice) => sum + slice.seconds, 0);
  const statuses = {};
  const byKind = new Map();
  for (const slice of slices) {
    for (const [status, n] of Object.entries(slice.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
    for (const [kind, times] of slice.byKind) byKind.set(kind, [...(byKind.get(kind) ?? []), ...times]);
  }
  const kinds = [...byKind].map(([kind, times]) => {
    times.sort((a, b) => a - b);
    return {
      kind,
      n: times.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
    };
  });
  return {
    kinds,
    seconds,
    ok: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    failed: Object.entries(statuses)
      .filter(([status]) => Number(status) >= 300)
      .reduce((sum, [, n]) => sum + n, 0),
    statuses,
    errors: slices.reduce((sum, slice) => sum + slice.errors, 0),
    timeouts: slices.reduce((sum, slice) => sum + slice.timeouts, 0),
  };
}
