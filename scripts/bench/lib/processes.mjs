// The two servers the bench compares, each its own process: the real API (api/dist) and the
// bare node:http + pg baseline (bare-server.mjs). Both are started and stopped by the bench.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const API_DIST = join(ROOT, 'api', 'dist');
export const BARE_SERVER = join(ROOT, 'scripts', 'bench', 'bare-server.mjs');

/** LIST_EXACT_TOTAL_LIMIT when the bench is given one (to try another), for both servers alike. */
const listLimit = () =>
  process.env.LIST_EXACT_TOTAL_LIMIT ? { LIST_EXACT_TOTAL_LIMIT: process.env.LIST_EXACT_TOTAL_LIMIT } : {};

/** Waits for a line matching `pattern` on the child's stdout; the match's first group. */
function waitForOutput(child, pattern, output, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not ready within ${timeoutMs / 1000} s:\n${output()}`)),
      timeoutMs,
    );
    const check = () => {
      const match = pattern.exec(output());
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code ?? signal}) before it was ready:\n${output()}`));
    });
  });
}

function spawnServer({ name, args, env, pattern, timeoutMs }) {
  let output = '';
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-200_000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-200_000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return waitForOutput(child, pattern, () => output, timeoutMs).then(
    (url) => ({
      name,
      url: url.replace('localhost', '127.0.0.1'),
      pid: child.pid,
      output: () => output,
      /** SIGTERM (graceful: the API finishes in-flight requests, writes its CPU profile), then waits. */
      async stop() {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.kill('SIGTERM');
        await exited;
        clearTimeout(timer);
      },
    }),
    (error) => {
      child.kill('SIGKILL');
      throw new Error(`${name}: ${error.message}`);
    },
  );
}

/**
 * The API as it runs in production, on the given database: NODE_ENV=production, warnings-only
 * logging, the rate limits raised far above what the load sends (they are counted per signed-in
 * person and per address, and the bench is one address), and the background workers off
 * (WORKERS_ENABLED=false: the outbox worker would deliver — here: log — one email per routed
 * submission and the scheduled jobs sweep the SLA clocks of a million requests every minute;
 * both are real work, but not the request path being measured, and the baseline has neither).
 */
export async function startApi({ databaseUrl, jwtSecret, poolSize, cpuProfileDir, apiDist = API_DIST, extraEnv = {} }) {
  const main = join(apiDist, 'api', 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build the API first (npm run build)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  const args = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`, main] : [main];
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(poolSize),
    JWT_SECRET: jwtSecret,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    WORKERS_ENABLED: 'false',
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
    RATE_LIMIT_SUBMIT_PER_MINUTE: '1000000',
    ...listLimit(),
    ...extraEnv,
  };
  // Migrations run at start-up: a new index on a million rows takes a while the first time.
  const server = await spawnServer({
    name: 'API',
    args,
    env,
    pattern: /running at (http:\/\/localhost:\d+)/,
    timeoutMs: 600_000,
  });
  const stop = server.stop;
  server.stop = async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return server;
}

/** The bare node:http + pg server running the same SQL (see bare-server.mjs). */
export function startBare({ databaseUrl, jwtSecret, poolSize, cpuProfileDir, apiDist = API_DIST }) {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: jwtSecret,
    POOL_SIZE: String(poolSize),
    API_DIST: apiDist,
    ...listLimit(),
  };
  return spawnServer({
    name: 'bare',
    args: cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`, BARE_SERVER] : [BARE_SERVER],
    env,
    pattern: /bare server listening at (http:\/\/127\.0\.0\.1:\d+)/,
    timeoutMs: 60_000,
  });
}
