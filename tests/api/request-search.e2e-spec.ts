import { startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * The inbox search beyond the requests' own words (issue 19): the organization's name, the
 * filing member's name and email, the end of a reference; accents and case ignored; and never
 * anything outside what the caller may see.
 */
const LIMIT = 2;

describe('searching requests by organization, member and reference', () => {
  let portal: TestPortal;
  const token: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const references: Record<string, string> = {};

  beforeAll(async () => {
    // Counted exactly up to 2 matches: a list of more is a "long" one, its words probed (see below).
    portal = await startTestPortal({ env: { LIST_EXACT_TOTAL_LIMIT: String(LIMIT) } });
    for (const email of [
      'ana@valle-alto.example',
      'luis@valle-alto.example',
      'marco@tierra-viva.example',
      'joana@apicultores-sertao.example',
      'jose@montana-verde.example',
      'admin@clac.example',
      'rep.pe1@clac.example',
      'rep.bo@clac.example',
      'rep.br@clac.example',
      'director.and@clac.example',
      'director.cam@clac.example',
    ]) {
      token[email] = (await portal.login(email)).accessToken;
    }
    const file = async (key: string, member: string, subject: string) => {
      const answer = await portal.request('POST', '/api/v1/requests', {
        token: token[member],
        body: { area: 'market-access', subject, description: 'Necesitamos orientación.' },
      });
      expect(answer.status).toBe(201);
      ids[key] = answer.body.id;
      references[key] = answer.body.reference;
    };
    // Subjects that share none of the words searched below: a match comes from the name or the reference.
    await file('ana', 'ana@valle-alto.example', 'Contrato de exportación');
    await file('luis', 'luis@valle-alto.example', 'Consulta sobre la prima');
    await file('marco', 'marco@tierra-viva.example', 'Compradores en Europa');
    await file('joana', 'joana@apicultores-sertao.example', 'Mel orgânico para exportação');
    await file('jose', 'jose@montana-verde.example', 'Nuevo comprador');
  });
  afterAll(async () => {
    await portal?.stop();
  });

  const search = async (who: string, q: string, filters = '') => {
    const answer = await portal.request('GET', `/api/v1/requests?q=${encodeURIComponent(q)}${filters}`, {
      token: token[who],
    });
    expect(answer.status).toBe(200);
    const page = answer.body as { items: { id: string; reference: string }[]; total: number; totalIsExact: boolean };
    expect(page.total).toBe(page.totalIsExact ? page.items.length : LIMIT);
    return page.items.map((r) => r.id).sort();
  };
  const idsOf = (...keys: string[]) => keys.map((key) => ids[key]).sort();

  it("finds an organization's requests by its name, in any case and with or without accents", async () => {
    for (const q of ['Valle Alto', 'valle alto', 'VALLE', 'cafetalera valle']) {
      expect(await search('admin@clac.example', q)).toEqual(idsOf('ana', 'luis'));
    }
    for (const q of ['Sertão', 'sertao', 'APICULTORES DO SERTAO']) {
      expect(await search('admin@clac.example', q)).toEqual(idsOf('joana'));
    }
    expect(await search('admin@clac.example', 'Montana Verde')).toEqual(idsOf('jose'));
    expect(await search('admin@clac.example', 'montaña')).toEqual(idsOf('jose'));
    expect(await search('admin@clac.example', 'Valle Bajo')).toEqual([]);
    // With the inbox's filters: the work in progress (words checked request by request) and the archive.
    expect(await search('admin@clac.example', 'Valle Alto', '&status=new,assigned,in_progress')).toEqual(
      idsOf('ana', 'luis'),
    );
    expect(await search('admin@clac.example', 'Valle Alto', '&status=closed')).toEqual([]);
    expect(await search('admin@clac.example', 'sertao', '&area=market-access&country=BR')).toEqual(idsOf('joana'));
  });

  it("finds no other organization's requests by name outside the caller's scope", async () => {
    expect(await search('rep.pe1@clac.example', 'valle alto')).toEqual(idsOf('ana', 'luis'));
    expect(await search('rep.bo@clac.example', 'valle alto')).toEqual([]);
    expect(await search('director.and@clac.example', 'sertao')).toEqual([]);
    expect(await search('rep.br@clac.example', 'sertao')).toEqual(idsOf('joana'));
    expect(await search('marco@tierra-viva.example', 'valle alto')).toEqual([]);
    expect(await search('marco@tierra-viva.example', 'tierra viva')).toEqual(idsOf('marco'));
    expect(await search('ana@valle-alto.example', 'Tierra Viva')).toEqual([]);
  });

  it('finds a member’s requests by their name or email, in any case and with or without accents', async () => {
    for (const q of ['Ana Torres', 'ana torres', 'TORRES', 'ana@valle-alto.example', 'ANA@VALLE-ALTO.EXAMPLE']) {
      expect(await search('admin@clac.example', q)).toEqual(idsOf('ana'));
    }
    for (const q of ['José Martínez', 'jose martinez', 'MARTINEZ', 'jose@montana-verde']) {
      expect(await search('admin@clac.example', q)).toEqual(idsOf('jose'));
    }
    // Part of an email: the words around its "@" and dots.
    expect(await search('admin@clac.example', 'luis@valle')).toEqual(idsOf('luis'));
    expect(await search('admin@clac.example', 'Ana Condori')).toEqual([]);
  });

  it("finds no other member's requests by name or email outside the caller's scope", async () => {
    // A member sees their own organization's requests, a colleague's among them.
    expect(await search('luis@valle-alto.example', 'Ana Torres')).toEqual(idsOf('ana'));
    expect(await search('marco@tierra-viva.example', 'Ana Torres')).toEqual([]);
    expect(await search('marco@tierra-viva.example', 'ana@valle-alto.example')).toEqual([]);
    expect(await search('ana@valle-alto.example', 'marco choque')).toEqual([]);
    expect(await search('rep.bo@clac.example', 'Ana Torres')).toEqual([]);
    expect(await search('rep.pe1@clac.example', 'Ana Torres')).toEqual(idsOf('ana'));
    expect(await search('director.cam@clac.example', 'jose martinez')).toEqual(idsOf('jose'));
    expect(await search('director.and@clac.example', 'jose martinez')).toEqual([]);
  });

  it('finds a request by the end of its reference: its number, with or without the year', async () => {
    const [, year, number] = /^SR-(\d{4})-(\d+)$/.exec(references.ana)!;
    for (const q of [number, `${year}-${number}`, `-${number}`, `sr-${year}-${number}`, references.ana]) {
      expect(await search('admin@clac.example', q)).toEqual(idsOf('ana'));
    }
    // The number's last digits: every request whose reference ends so, and only those.
    const tail = number.slice(-1);
    const ending = await portal.db.query<{ id: string }>(`SELECT id FROM requests WHERE right(reference, 1) = $1`, [
      tail,
    ]);
    expect(ending.rows.length).toBeGreaterThan(0);
    expect(await search('admin@clac.example', tail)).toEqual(ending.rows.map((row) => row.id).sort());
    // Not the start or the middle of a number.
    expect(await search('admin@clac.example', number.slice(0, -1))).toEqual([]);
  });

  it('finds common words among names and references too, when the statistics say they are common', async () => {
    // Every request says "Necesitamos orientación": with statistics, the words are expected in
    // more requests than the counting limit, so they are first checked on the requests the
    // scope leaves (the archive's way), the organizations, members and reference ends with them.
    await portal.db.query('ANALYZE requests');
    const common = await portal.db.query<{ share: number }>(
      `SELECT e.frequency AS share FROM pg_stats s
       CROSS JOIN unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, frequency)
       WHERE s.tablename = 'requests' AND s.attname = 'search_public' AND e.lexeme = 'necesitamos'`,
    );
    expect(common.rows[0].share).toBeGreaterThan(0.5);
    expect(await search('rep.pe1@clac.example', 'necesitamos orientación')).toEqual(idsOf('ana', 'luis'));
    expect(await search('marco@tierra-viva.example', 'Necesitamos orientacion')).toEqual(idsOf('marco'));
    expect(await search('rep.pe1@clac.example', 'necesitamos Torres')).toEqual([]);
    // A word of two letters is checked on each request, not gathered from the index.
    expect(await search('rep.pe1@clac.example', 'necesitamos de')).toEqual(idsOf('ana'));
    expect(await search('rep.pe1@clac.example', 'Valle Alto')).toEqual(idsOf('ana', 'luis'));
    expect(await search('rep.bo@clac.example', 'Valle Alto')).toEqual([]);
    expect(await search('rep.pe1@clac.example', references.luis.slice(-6), '&status=assigned,new')).toEqual(
      idsOf('luis'),
    );
  });

  it("finds no request by its reference's end outside the caller's scope", async () => {
    const number = references.ana.slice(-6);
    expect(await search('rep.pe1@clac.example', number)).toEqual(idsOf('ana'));
    expect(await search('luis@valle-alto.example', number)).toEqual(idsOf('ana'));
    expect(await search('rep.bo@clac.example', number)).toEqual([]);
    expect(await search('marco@tierra-viva.example', number)).toEqual([]);
    expect(await search('director.cam@clac.example', references.ana.toLowerCase())).toEqual([]);
  });
});
