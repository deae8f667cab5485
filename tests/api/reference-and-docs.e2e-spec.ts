import { startTestPortal, type TestPortal } from '../support/api-harness';

describe('reference data and the API document', () => {
  let portal: TestPortal;
  let member: string;

  beforeAll(async () => {
    portal = await startTestPortal();
    member = (await portal.login('joana@apicultores-sertao.example')).accessToken; // language pt
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it("names regions and areas in the caller's language, from Accept-Language or else the user's language", async () => {
    const pt = await portal.request('GET', '/api/v1/reference/regions', { token: member });
    expect(pt.body).toContainEqual({ code: 'SUR', name: 'Cone Sul' });
    const fr = await portal.request('GET', '/api/v1/reference/thematic-areas', {
      token: member,
      headers: { 'accept-language': 'fr-CA,fr;q=0.9' },
    });
    expect(fr.body).toHaveLength(7);
    expect(fr.body[0]).toEqual({
      code: 'fair-trade-visibility',
      name: 'Visibilité du commerce équitable et de son impact',
    });
  });

  it('lists the 26 countries with region and time zone, named in the language asked for', async () => {
    const fr = await portal.request('GET', '/api/v1/reference/countries', {
      token: member,
      headers: { 'accept-language': 'fr' },
    });
    expect(fr.body).toHaveLength(26);
    expect(fr.body).toContainEqual({
      code: 'PE',
      name: 'Pérou',
      region: 'AND',
      timezone: 'America/Lima',
      languages: ['es'],
    });
    const es = await portal.request('GET', '/api/v1/reference/countries', {
      token: member,
      headers: { 'accept-language': 'es' },
    });
    expect(es.body.find((c: { code: string }) => c.code === 'HT').name).toBe('Haití');
  });

  it('needs a signed-in caller for reference data', async () => {
    expect((await portal.request('GET', '/api/v1/reference/regions')).status).toBe(401);
  });

  it('publishes the OpenAPI document and Swagger UI', async () => {
    const doc = await portal.request('GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/auth/logout',
      '/api/v1/me',
      '/api/v1/users',
      '/api/v1/organizations/{id}',
      '/api/v1/reference/countries',
      '/api/v1/health/ready',
    ]) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
    const ui = await portal.request('GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });

  it('states who may call each route (a change of permission shows in review)', async () => {
    const doc = await portal.request('GET', '/api/docs-json');
    const permissions: Record<string, string> = {};
    for (const [path, operations] of Object.entries<Record<string, { 'x-roles'?: string[]; 'x-public'?: boolean }>>(
      doc.body.paths,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        permissions[`${method.toUpperCase()} ${path}`] = operation['x-public']
          ? 'public'
          : (operation['x-roles'] ?? ['NOBODY']).join(', ');
      }
    }
    expect(permissions).toMatchSnapshot();
  });
});
