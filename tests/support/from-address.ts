import { request as httpRequest } from 'node:http';
import type { ApiAnswer } from './api-harness';

/**
 * A request sent from a chosen loopback address (127.0.0.0/8 all reach this machine), so a
 * test can be several clients, or a proxy and its clients, as the API sees them.
 */
export function requestFrom(
  localAddress: string,
  method: string,
  url: string,
  options: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<ApiAnswer> {
  const target = new URL(url);
  // The API listens on IPv4 loopback; "localhost" could resolve to ::1, unreachable from 127.0.0.x.
  if (target.hostname === 'localhost') target.hostname = '127.0.0.1';
  const data = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  const headers: Record<string, string> = {
    ...(data ? { 'content-type': 'application/json', 'content-length': String(data.length) } : {}),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const sending = httpRequest(target, { method, headers, localAddress, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers))
          if (typeof value === 'string') answerHeaders.set(name, value);
        let body: unknown = raw;
        if ((response.headers['content-type'] ?? '').includes('json') && raw) body = JSON.parse(raw);
        resolve({ status: response.statusCode ?? 0, headers: answerHeaders, body });
      });
    });
    sending.on('error', reject);
    sending.end(data);
  });
}

/** Polls `check` until it holds or `seconds` pass (a wait for background work, not a timing assertion). */
export async function eventually(check: () => Promise<boolean> | boolean, seconds = 20): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
