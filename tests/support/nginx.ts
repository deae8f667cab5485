import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's nginx (apt-get install nginx); NGINX_PATH overrides. */
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** A loopback port nobody listens on now (for a server the tests start). */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** The address nginx connects to the API processes from: the one to name in TRUSTED_PROXIES. */
export const NGINX_PROXY_ADDRESS = '127.0.0.2';

/**
 * nginx in front of API processes on loopback, configured like deploy/nginx.conf, with the
 * upstream that answered in an X-Upstream header so a test can see the balancing. It
 * connects to them from 127.0.0.2, so they can tell it from its clients (127.0.0.1).
 */
export async function startNginx(upstreams: string[]): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-nginx-'));
  const port = await freePort();
  // The API processes listen on IPv4 loopback ("localhost" may also resolve to ::1, which the 127.0.0.2 bind cannot reach).
  const servers = upstreams.map((u) => `server 127.0.0.1:${new URL(u).port};`).join(' ');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
     user root;
     pid ${dir}/nginx.pid;
     error_log ${dir}/error.log warn;
     events { worker_connections 256; }
     http {
       access_log off;
       client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
       fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
       client_max_body_size 12m;
       upstream portal { ${servers} }
       server {
         listen 127.0.0.1:${port};
         location / {
           proxy_pass http://portal;
           proxy_bind ${NGINX_PROXY_ADDRESS};
           proxy_set_header Host $host;
           proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
           proxy_set_header X-Request-Id $request_id;
           proxy_next_upstream error timeout http_502 http_503;
           add_header X-Upstream $upstream_addr always;
         }
       }
     }`,
  );
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(`${url}/api/v1/health/live`);
      break;
    } catch {
      if (child.exitCode !== null || attempt > 50) throw new Error(`nginx did not start: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      child.kill('SIGQUIT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
