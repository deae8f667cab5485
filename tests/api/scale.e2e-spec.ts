import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { configVariableNames, loadConfig } from '../../api/src/config/app-config';
import { type ApiProcess, DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';
import { requestFrom } from '../support/from-address';
import { NGINX_PROXY_ADDRESS, startNginx } from '../support/nginx';
import { ROOT } from '../support/paths';

describe('two API processes behind nginx on one database', () => {
  let portal: TestPortal;
  let second: ApiProcess;
  let front: { url: string; stop(): Promise<void> };

  beforeAll(async () => {
    portal = await startTestPortal();
    second = await portal.startAnother();
    front = await startNginx([portal.url, second.url]);
  });
  afterAll(async () => {
    await front?.stop();
    await portal?.stop();
  });

  const call = async (base: string, method: string, path: string, token?: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return {
      status: response.status,
      upstream: response.headers.get('x-upstream'),
      body: text ? JSON.parse(text) : null,
    };
  };

  it('lets a member sign in through one process and go on through the other', async () => {
    const login = await call(portal.url, 'POST', '/api/v1/auth/login', undefined, {
      email: 'ana@valle-alto.example',
      password: DEMO_PASSWORD,
    });
    expect(login.status).toBe(200);
    const created = await call(second.url, 'POST', '/api/v1/requests', login.body.accessToken, {
      area: 'market-access',
      subject: 'Por el otro proceso',
      description: 'x',
    });
    expect(created.status).toBe(201);
    const seen = await call(portal.url, 'GET', `/api/v1/requests/${created.body.id}`, login.body.accessToken);
    expect(seen.body.reference).toBe(created.body.reference);
    // The refresh token rotates in the database, so either process honours it, once.
    const refreshed = await call(second.url, 'POST', '/api/v1/auth/refresh', undefined, {
      refreshToken: login.body.refreshToken,
    });
    expect(refreshed.status).toBe(200);
    expect(
      (await call(portal.url, 'POST', '/api/v1/auth/refresh', undefined, { refreshToken: login.body.refreshToken }))
        .status,
    ).toBe(401);
  });

  it('balances a session across both processes through nginx', async () => {
    const login = await call(front.url, 'POST', '/api/v1/auth/login', undefined, {
      email: 'joana@apicultores-sertao.example',
      password: DEMO_PASSWORD,
    });
    expect(login.status).toBe(200);
    const upstreams = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const me = await call(front.url, 'GET', '/api/v1/me', login.body.accessToken);
      expect(me.status).toBe(200);
      expect(me.body.email).toBe('joana@apicultores-sertao.example');
      upstreams.add(me.upstream!);
    }
    const port = (address: string) => address.split(':').pop();
    expect([...upstreams].map(port).sort()).toEqual([new URL(portal.url).port, new URL(second.url).port].sort());
  });

  it('keeps docker-compose.yml in line with what the processes here need', () => {
    const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
    const replicas = Object.entries<{ environment?: Record<string, string>; healthcheck?: { test: string[] } }>(
      compose.services,
    ).filter(([name]) => /^api\d+$/.test(name));
    expect(replicas.map(([name]) => name)).toEqual(['api1', 'api2']);
    for (const [, service] of replicas) {
      // Every variable it sets is one the API reads and validates, and together they pass validation.
      const env = Object.fromEntries(
        Object.entries(service.environment!).map(([key, value]) => [
          key,
          String(value).replace(/\$\{([A-Z_]+)[^}]*\}/g, (_, name) =>
            name === 'JWT_SECRET' ? 's'.repeat(48) : name === 'SEED_DEMO' ? 'false' : 'x',
          ),
        ]),
      );
      for (const name of Object.keys(env)) expect(configVariableNames()).toContain(name);
      expect(() => loadConfig(env)).not.toThrow();
      expect(service.healthcheck!.test.join(' ')).toContain('/api/v1/health/ready');
    }
    const nginx = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
    expect(nginx).toMatch(/server api1:3000/);
    expect(nginx).toMatch(/server api2:3000/);
    expect(compose.services.db.healthcheck).toBeDefined();
    // The replicas believe X-Forwarded-For from nginx's fixed address only.
    const nginxAddress = compose.services.web.networks.default.ipv4_address;
    expect(nginxAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    for (const [, service] of replicas) expect(service.environment!.TRUSTED_PROXIES).toBe(nginxAddress);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
  });
});

describe('two API processes behind nginx: rate limits and forwarded addresses', () => {
  let portal: TestPortal;
  let second: ApiProcess;
  let front: { url: string; stop(): Promise<void> };

  beforeAll(async () => {
    // Configured like docker-compose.yml: only nginx's address is a trusted proxy.
    portal = await startTestPortal({ env: { TRUSTED_PROXIES: NGINX_PROXY_ADDRESS, RATE_LIMIT_LOGIN_PER_MINUTE: '3' } });
    second = await portal.startAnother();
    front = await startNginx([portal.url, second.url]);
  });
  afterAll(async () => {
    await front?.stop();
    await portal?.stop();
  });

  const signIn = (from: string, i: number, forwardedFor?: string) =>
    requestFrom(from, 'POST', `${front.url}/api/v1/auth/login`, {
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      body: { email: `spoof-${from}-${i}@nowhere.example`, password: 'not-the-password' },
    });

  it("does not reset a client's sign-in limit for a made-up X-Forwarded-For, on either replica", async () => {
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await signIn('127.0.0.1', i, `203.0.113.${i + 1}`));
    expect(answers.filter((a) => a.status !== 401 && a.status !== 429).map((a) => a.status)).toEqual([]);
    // 3 a minute per replica: at most 6 get through, whatever the header said.
    expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(6);
    for (const limited of answers.filter((a) => a.status === 429))
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(6);
  });

  it('counts another client through nginx apart: the replicas see the real address', async () => {
    expect((await signIn('127.0.0.5', 0)).status).toBe(401);
    expect((await signIn('127.0.0.5', 1, '127.0.0.1')).status).toBe(401);
  });
});
