import { startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * Issue 18: a member's list answers "what needs me": only mine or the whole organization, and
 * a marker on requests with a staff reply the member has not opened.
 */
describe("a member's list: mine, and unread staff replies", () => {
  let portal: TestPortal;
  const token: Record<string, string> = {};
  const filed: Record<string, { id: string; assignee: { id: string } }> = {};

  beforeAll(async () => {
    portal = await startTestPortal();
    for (const email of ['ana@valle-alto.example', 'luis@valle-alto.example', 'admin@clac.example']) {
      token[email] = (await portal.login(email)).accessToken;
    }
    for (const [key, email] of [
      ['ana', 'ana@valle-alto.example'],
      ['luis', 'luis@valle-alto.example'],
    ] as const) {
      const answer = await portal.request('POST', '/api/v1/requests', {
        token: token[email],
        body: { area: 'market-access', subject: `Compradores (${key})`, description: 'Buscamos compradores.' },
      });
      expect(answer.status).toBe(201);
      filed[key] = answer.body;
    }
  });
  afterAll(async () => {
    await portal?.stop();
  });

  const list = async (email: string, query = '') => {
    const answer = await portal.request('GET', `/api/v1/requests?pageSize=100${query}`, { token: token[email] });
    expect(answer.status).toBe(200);
    return answer.body.items as { id: string; createdBy: { name: string }; unread?: boolean }[];
  };
  const unreadOf = async (email: string, id: string) => (await list(email)).find((item) => item.id === id)?.unread;

  it('filters to the requests the member filed, or shows the whole organization', async () => {
    const mine = await list('ana@valle-alto.example', '&createdBy=me');
    expect(mine.map((item) => item.id)).toContain(filed.ana.id);
    expect(mine.map((item) => item.id)).not.toContain(filed.luis.id);
    expect(new Set(mine.map((item) => item.createdBy.name))).toEqual(new Set(['Ana Torres']));
    const whole = (await list('ana@valle-alto.example')).map((item) => item.id);
    expect(whole).toEqual(expect.arrayContaining([filed.ana.id, filed.luis.id]));

    const refused = await portal.request('GET', '/api/v1/requests?createdBy=someone', {
      token: token['ana@valle-alto.example'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toHaveProperty('createdBy');
  });

  it('marks a staff reply unread for each member of the organization until they open the request', async () => {
    expect(await unreadOf('ana@valle-alto.example', filed.ana.id)).toBe(false);
    const staff = token['admin@clac.example'];
    // An internal note is no reply for the member.
    const note = await portal.request('POST', `/api/v1/requests/${filed.ana.id}/messages`, {
      token: staff,
      body: { body: 'Nota interna: revisar contactos.', internal: true },
    });
    expect(note.status).toBe(201);
    expect(await unreadOf('ana@valle-alto.example', filed.ana.id)).toBe(false);

    const reply = await portal.request('POST', `/api/v1/requests/${filed.ana.id}/messages`, {
      token: staff,
      body: { body: 'Les envío tres contactos de compradores.' },
    });
    expect(reply.status).toBe(201);
    expect(await unreadOf('ana@valle-alto.example', filed.ana.id)).toBe(true);
    expect(await unreadOf('luis@valle-alto.example', filed.ana.id)).toBe(true);
    expect(await unreadOf('ana@valle-alto.example', filed.luis.id)).toBe(false);

    // Ana opens it: read for her, still unread for Luis.
    expect(
      (await portal.request('GET', `/api/v1/requests/${filed.ana.id}`, { token: token['ana@valle-alto.example'] }))
        .status,
    ).toBe(200);
    expect(await unreadOf('ana@valle-alto.example', filed.ana.id)).toBe(false);
    expect(await unreadOf('luis@valle-alto.example', filed.ana.id)).toBe(true);

    // Her own answer after it does not make it unread again; the next staff reply does.
    await portal.request('POST', `/api/v1/requests/${filed.ana.id}/messages`, {
      token: token['ana@valle-alto.example'],
      body: { body: 'Gracias, los contactamos.' },
    });
    expect(await unreadOf('ana@valle-alto.example', filed.ana.id)).toBe(false);

    // Staff lists carry no marker.
    const staffList = await portal.request('GET', '/api/v1/requests?pageSize=5', { token: staff });
    expect(staffList.body.items.every((item: object) => !('unread' in item))).toBe(true);
  });
});
