import { LIMITS, PROBLEM_CODES } from '@portal/shared';
import { checkAnswer, ContractViolation, takeContractViolations } from '../support/api-contract';
import { startTestPortal, type TestPortal } from '../support/api-harness';

interface DocumentedResponse {
  content?: Record<string, { schema?: { $ref?: string; type?: string } }>;
}

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

  it('documents for every operation its success answer and its problem answers', async () => {
    const doc = await portal.request('GET', '/api/docs-json');
    const gaps: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries<Record<string, { responses: Record<string, DocumentedResponse> }>>(
      doc.body.paths,
    )) {
      for (const [method, operation] of Object.entries(item)) {
        operations++;
        const name = `${method.toUpperCase()} ${path}`;
        const responses = Object.entries(operation.responses);
        const successes = responses.filter(([status]) => /^(2\d\d|304)$/.test(status));
        if (!successes.length) gaps.push(`${name}: no success answer`);
        for (const [status, response] of successes) {
          const media = Object.values(response.content ?? {});
          // A body is described by a schema (JSON) or at least its content type (files, CSV); 202, 204 and 304 have none.
          if (['202', '204', '304'].includes(status) ? media.length > 0 : !media.length || media.some((m) => !m.schema))
            gaps.push(`${name}: ${status} is not described`);
        }
        const problems = responses.filter(([status]) => /^[45]\d\d$/.test(status));
        // Only the health probes refuse nothing: no caller, no input (readiness answers 503 without its database).
        if (!problems.some(([status]) => status.startsWith('4')) && !path.startsWith('/api/v1/health/'))
          gaps.push(`${name}: no 4xx answer`);
        for (const [status, response] of problems) {
          if (response.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/Problem')
            gaps.push(`${name}: ${status} is not a problem document`);
        }
      }
    }
    expect(gaps).toEqual([]);
    expect(operations).toBeGreaterThanOrEqual(52);
    expect(doc.body.components.schemas.Problem.properties.code.enum).toEqual([...PROBLEM_CODES]);
  });

  it('states the validation constraints of the bodies and queries, from the limits the API enforces', async () => {
    const doc = await portal.request('GET', '/api/docs-json');
    const schemas = doc.body.components.schemas;
    expect(schemas.LoginDto.properties.email).toMatchObject({ format: 'email', maxLength: LIMITS.emailMax });
    expect(schemas.LoginDto.required).toEqual(['email', 'password']);
    expect(schemas.CreateRequestDto.properties.subject).toMatchObject({
      minLength: LIMITS.subjectMin,
      maxLength: LIMITS.subjectMax,
    });
    expect(schemas.CreateRequestDto.required).toEqual(['area', 'subject', 'description']);
    expect(schemas.AssignDto.properties.assigneeId).toMatchObject({ format: 'uuid' });
    expect(schemas.SatisfactionDto.properties.score).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });
    expect(schemas.CreateOrganizationDto.properties.products).toMatchObject({
      maxItems: LIMITS.productsMax,
      items: { type: 'string', minLength: 1, maxLength: LIMITS.productMax },
    });
    expect(schemas.CreateHolidayDto.properties.country).toMatchObject({ pattern: '^[A-Z]{2}$' });
    const pageSize = doc.body.paths['/api/v1/requests'].get.parameters.find(
      (parameter: { name: string }) => parameter.name === 'pageSize',
    );
    expect(pageSize).toMatchObject({ required: false, schema: { type: 'integer', maximum: LIMITS.pageSizeMax } });
  });

  it('refuses an answer outside the contract: an undocumented status, a body not of its schema', async () => {
    const me = `${portal.url}/api/v1/me`;
    const json = 'application/json; charset=utf-8';
    await expect(checkAnswer('GET', me, { status: 418, contentType: json, body: '{}' })).rejects.toThrow(
      /GET \/api\/v1\/me answered 418, which the document does not list/,
    );
    await expect(
      checkAnswer('GET', me, { status: 200, contentType: json, body: JSON.stringify({ id: 'x' }) }),
    ).rejects.toThrow(ContractViolation);
    await expect(
      checkAnswer('GET', me, { status: 401, contentType: 'application/problem+json', body: '{"title":"x"}' }),
    ).rejects.toThrow(/must have required property 'type'/);
    await expect(
      checkAnswer('GET', `${portal.url}/api/v1/nowhere`, { status: 200, contentType: json, body: '{}' }),
    ).rejects.toThrow(/no operation GET \/api\/v1\/nowhere/);
    expect(takeContractViolations()).toHaveLength(4);
    // A real answer passes.
    const answer = await portal.request('GET', '/api/v1/me', { token: member });
    expect(answer.status).toBe(200);
  });
});
