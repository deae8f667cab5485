import { randomUUID } from 'node:crypto';
import { startTestPortal, type TestPortal } from '../support/api-harness';

/**
 * The knowledge base (issue 21): articles per area with a version per language, published by
 * admins and the area's specialists, read without signing in (members-only ones with a
 * session), found by a search per language that ignores accents and stems words, suggested
 * while a member files a request, and "this answered my question" counted once per visit.
 */
describe('knowledge base', () => {
  let portal: TestPortal;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const as = (email: string | null) => (email ? { token: tokens[email] } : {});
  const get = (path: string, email: string | null = null) => portal.request('GET', `/api/v1${path}`, as(email));
  const post = (path: string, email: string | null, body: unknown = {}) =>
    portal.request('POST', `/api/v1${path}`, { ...as(email), body });
  const put = (path: string, email: string, body: unknown) =>
    portal.request('PUT', `/api/v1${path}`, { ...as(email), body });
  const count = async (sql: string, params: unknown[] = []) =>
    (await portal.db.query<{ n: number }>(`SELECT (${sql})::int AS n`, params)).rows[0].n;

  beforeAll(async () => {
    portal = await startTestPortal();
    for (const email of [
      'admin@clac.example',
      'climate.and@clac.example',
      'rep.pe1@clac.example',
      'director.and@clac.example',
      'ana@valle-alto.example',
      'jean@kafe-mon-no.example',
    ]) {
      tokens[email] = (await portal.login(email)).accessToken;
    }
    const { rows } = await portal.db.query<{ id: string; email: string }>(`SELECT id, email FROM users`);
    for (const row of rows) ids[row.email] = row.id;
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it('publishes an article in two languages that anyone reads at its address, and audits each change', async () => {
    const created = await post('/kb/editor/articles', 'climate.and@clac.example', {
      slug: 'riego-por-goteo-en-viveros',
      area: 'climate-resilience',
      language: 'es',
      title: 'Riego por goteo en los viveros de café',
      body: 'Un sistema de goteo ahorra agua en la época seca.\n\n## Materiales\n- Manguera\n- Goteros',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      mayEdit: true,
      author: { id: ids['climate.and@clac.example'] },
    });
    const id = created.body.id as string;
    // A draft is not there for readers.
    expect((await get('/kb/articles/riego-por-goteo-en-viveros?language=es')).status).toBe(404);

    const pt = await put(`/kb/editor/articles/${id}/versions/pt`, 'climate.and@clac.example', {
      title: 'Irrigação por gotejamento nos viveiros de café',
      body: 'Um sistema de gotejamento economiza água na época seca.',
    });
    expect(pt.status).toBe(200);
    expect(pt.body.versions.map((v: { language: string }) => v.language)).toEqual(['es', 'pt']);

    const published = await post(`/kb/editor/articles/${id}/status`, 'climate.and@clac.example', { to: 'published' });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', reviewer: { id: ids['climate.and@clac.example'] } });
    expect(Date.now() - Date.parse(published.body.lastReviewedAt)).toBeLessThan(60_000);

    const es = await get('/kb/articles/riego-por-goteo-en-viveros?language=es');
    const inPt = await get('/kb/articles/riego-por-goteo-en-viveros?language=pt');
    expect(es.status).toBe(200);
    expect(es.body).toMatchObject({ language: 'es', fallback: false, title: 'Riego por goteo en los viveros de café' });
    expect(inPt.body).toMatchObject({
      language: 'pt',
      fallback: false,
      title: 'Irrigação por gotejamento nos viveiros de café',
      availableLanguages: ['es', 'pt'],
    });
    const audited = await portal.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_type = 'kb-article' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audited.rows.map((row) => row.action)).toEqual([
      'kb-article.created',
      'kb-article.version-saved',
      'kb-article.status-changed',
    ]);
  });

  it('refuses writers of other areas and staff who only suggest, writing nothing', async () => {
    const before = await count(`SELECT count(*) FROM kb_articles`);
    const body = {
      slug: 'normas-de-etiquetado',
      area: 'market-access',
      language: 'es',
      title: 'Etiquetado',
      body: 'Texto',
    };
    const specialist = await post('/kb/editor/articles', 'climate.and@clac.example', body);
    expect(specialist.status).toBe(403);
    expect(specialist.body.code).toBe('kb.other-area');
    expect((await post('/kb/editor/articles', 'rep.pe1@clac.example', body)).status).toBe(403);
    expect((await post('/kb/editor/articles', 'ana@valle-alto.example', body)).status).toBe(403);
    expect(await count(`SELECT count(*) FROM kb_articles`)).toBe(before);

    // The representative suggests an edit instead; the article's editors see it.
    const [premium] = (
      await portal.db.query<{ id: string }>(`SELECT id FROM kb_articles WHERE slug = 'uso-de-la-prima-fairtrade'`)
    ).rows;
    const suggestion = await post(`/kb/editor/articles/${premium.id}/suggestions`, 'rep.pe1@clac.example', {
      language: 'es',
      body: 'Añadir que el comité de la Prima informa cada año.',
    });
    expect(suggestion.status).toBe(201);
    const open = await get(`/kb/editor/articles/${premium.id}`, 'admin@clac.example');
    expect(open.body).toMatchObject({ openSuggestions: 1, mayEdit: true });
  });

  it('searches each language with accents ignored and words stemmed, ranked, by area', async () => {
    // "auditoria" (no accent, singular) finds "auditoría" in Spanish; "auditorias" too.
    for (const q of ['auditoria', 'AUDITORÍAS certificacion']) {
      const es = await get(`/kb/articles?language=es&q=${encodeURIComponent(q)}`);
      expect(es.status).toBe(200);
      expect(es.body.items[0]).toMatchObject({ slug: 'preparar-la-auditoria-de-certificacion', language: 'es' });
    }
    // Portuguese: "certificacao" finds "certificação", "premio" finds "Prêmio".
    const pt = await get(`/kb/articles?language=pt&q=${encodeURIComponent('certificacao')}`);
    expect(pt.body.items.map((hit: { slug: string }) => hit.slug)).toContain('preparar-la-auditoria-de-certificacion');
    expect(pt.body.items.every((hit: { language: string }) => hit.language === 'pt')).toBe(true);
    // French: "secheresses" finds "sécheresse" in the climate plan; English stems "remedy" / "remedying".
    const fr = await get(`/kb/articles?language=fr&q=secheresse`);
    expect(fr.body.items.map((hit: { slug: string }) => hit.slug)).toEqual(['plan-de-adaptacion-al-cambio-climatico']);
    const en = await get(`/kb/articles?language=en&q=remedy`);
    expect(en.body.items.map((hit: { slug: string }) => hit.slug)).toEqual(['prevenir-el-trabajo-infantil']);

    // Ranked: the article with "Prima" in its title before those that only mention it.
    const prima = await get(`/kb/articles?language=es&q=prima`);
    expect(prima.body.total).toBeGreaterThan(2);
    expect(prima.body.items[0].slug).toBe('uso-de-la-prima-fairtrade');
    // By area.
    const climate = await get(`/kb/articles?language=es&q=prima&area=climate-resilience`);
    expect(climate.body.items.map((hit: { slug: string }) => hit.slug)).toEqual([
      'plan-de-adaptacion-al-cambio-climatico',
    ]);
    expect((await get(`/kb/articles?language=es&q=prima&area=pests`)).status).toBe(400);
    expect((await get(`/kb/articles?language=de&q=prima`)).status).toBe(400);
  });

  it('falls back to another language, marked, and counts requests for a translation', async () => {
    const fr = await get('/kb/articles/preparar-la-auditoria-de-certificacion?language=fr');
    expect(fr.status).toBe(200);
    expect(fr.body).toMatchObject({
      language: 'es',
      requestedLanguage: 'fr',
      fallback: true,
      availableLanguages: ['es', 'pt'],
      title: 'Cómo preparar la auditoría de certificación Fairtrade',
    });
    expect((await post(`/kb/articles/${fr.body.id}/translation-requests`, null, { language: 'fr' })).status).toBe(204);
    expect(
      (await post(`/kb/articles/${fr.body.id}/translation-requests`, 'jean@kafe-mon-no.example', { language: 'fr' }))
        .status,
    ).toBe(204);
    const editor = await get(`/kb/editor/articles/${fr.body.id}`, 'admin@clac.example');
    expect(editor.body.translationRequests).toEqual([{ language: 'fr', count: 2 }]);
    expect((await get('/kb/articles/no-such-article?language=es')).status).toBe(404);
    expect((await get('/kb/articles/Not%20a%20slug')).status).toBe(404);
  });

  it('refuses a members-only article without a session, and leaves it out of anonymous searches', async () => {
    const anonymous = await get('/kb/articles/encontrar-compradores-fairtrade?language=es');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('kb.members-only');
    expect(anonymous.body.title).not.toContain('compradores');
    expect(JSON.stringify(anonymous.body)).not.toContain('FLOCERT');
    const member = await get('/kb/articles/encontrar-compradores-fairtrade?language=fr', 'jean@kafe-mon-no.example');
    expect(member.status).toBe(200);
    expect(member.body).toMatchObject({ membersOnly: true, language: 'fr', fallback: false });
    // A token that is not valid is a 401, not a stranger's reading.
    expect(
      (await portal.request('GET', '/api/v1/kb/articles/uso-de-la-prima-fairtrade', { token: 'nonsense' })).status,
    ).toBe(401);

    const anonymousSearch = await get('/kb/articles?language=es&q=compradores');
    const memberSearch = await get('/kb/articles?language=es&q=compradores', 'ana@valle-alto.example');
    expect(anonymousSearch.body.items.map((hit: { slug: string }) => hit.slug)).not.toContain(
      'encontrar-compradores-fairtrade',
    );
    expect(memberSearch.body.items[0]).toMatchObject({ slug: 'encontrar-compradores-fairtrade', membersOnly: true });
  });

  it('suggests up to three articles for a subject, the picked area first', async () => {
    const suggest = (subject: string, area: string) =>
      get(`/kb/suggestions?subject=${encodeURIComponent(subject)}&area=${area}`, 'ana@valle-alto.example');
    // Both articles speak of the Premium and of adaptation; the area picked decides the order.
    const climateFirst = await suggest('Usar la prima para adaptación', 'climate-resilience');
    expect(climateFirst.status).toBe(200);
    expect(climateFirst.body.length).toBeLessThanOrEqual(3);
    expect(climateFirst.body[0]).toMatchObject({ slug: 'plan-de-adaptacion-al-cambio-climatico', excerpt: '' });
    const premiumFirst = await suggest('Usar la prima para adaptación', 'fair-trade-visibility');
    expect(premiumFirst.body[0].slug).toBe('uso-de-la-prima-fairtrade');
    expect(premiumFirst.body.map((hit: { slug: string }) => hit.slug)).toContain(
      'plan-de-adaptacion-al-cambio-climatico',
    );
    // The last word half typed still finds its article ("audit" → "auditoría").
    const half = await suggest('Preparar la audit', 'standards-compliance');
    expect(half.body[0].slug).toBe('preparar-la-auditoria-de-certificacion');
    // The member's language by default: the Haitian member gets French titles.
    const french = await get(`/kb/suggestions?subject=${encodeURIComponent('sécheresse')}`, 'jean@kafe-mon-no.example');
    expect(french.body[0]).toMatchObject({
      language: 'fr',
      title: "Plan d'adaptation au changement climatique de l'organisation",
    });
    expect((await suggest('ab', 'climate-resilience')).body).toEqual([]);
    expect((await suggest('de la', 'climate-resilience')).body).toEqual([]);
    expect((await get('/kb/suggestions?subject=prima')).status).toBe(401);
  });

  it('counts "this answered my question" once per visit of the form, and reports it per area', async () => {
    const [climate] = (
      await portal.db.query<{ id: string }>(
        `SELECT id FROM kb_articles WHERE slug = 'plan-de-adaptacion-al-cambio-climatico'`,
      )
    ).rows;
    const visit = randomUUID();
    const first = await post(`/kb/articles/${climate.id}/answered`, 'ana@valle-alto.example', { visitId: visit });
    const again = await post(`/kb/articles/${climate.id}/answered`, 'ana@valle-alto.example', { visitId: visit });
    const other = await post(`/kb/articles/${climate.id}/answered`, 'jean@kafe-mon-no.example', {
      visitId: randomUUID(),
    });
    expect([first.body, again.body, other.body]).toEqual([{ counted: true }, { counted: false }, { counted: true }]);
    expect(await count(`SELECT count(*) FROM kb_deflections WHERE article_id = $1`, [climate.id])).toBe(2);
    expect((await post(`/kb/articles/${climate.id}/answered`, 'ana@valle-alto.example', { visitId: 'x' })).status).toBe(
      400,
    );
    expect(
      (await post(`/kb/articles/${climate.id}/answered`, 'rep.pe1@clac.example', { visitId: randomUUID() })).status,
    ).toBe(403);

    // A member reads the pest article, then files a request of its area anyway.
    await get('/kb/articles/manejo-integrado-de-plagas?language=es', 'ana@valle-alto.example');
    const filed = await post('/requests', 'ana@valle-alto.example', {
      area: 'sustainable-production',
      subject: 'Broca en las parcelas altas',
      description: 'Las trampas no bastan, ¿qué más podemos hacer?',
    });
    expect(filed.status).toBe(201);

    const report = await get('/reports/knowledge-base', 'director.and@clac.example');
    expect(report.status).toBe(200);
    const row = (area: string) => report.body.rows.find((r: { area: string }) => r.area === area);
    expect(report.body.rows).toHaveLength(7);
    expect(row('climate-resilience')).toMatchObject({ answered: 2, publishedArticles: 2 });
    expect(row('sustainable-production')).toMatchObject({ filedAfterReading: 1, answered: 0 });
    expect(row('sustainable-production').views).toBeGreaterThanOrEqual(1);
    expect(row('human-rights').filedAfterReading).toBe(0);
    expect((await get('/reports/knowledge-base', 'ana@valle-alto.example')).status).toBe(403);
    expect((await get('/reports/knowledge-base?from=2026-12-10&to=2026-12-01', 'admin@clac.example')).status).toBe(400);
  });

  it("turns a resolved request's answer into a draft without the member's details", async () => {
    const filed = await post('/requests', 'ana@valle-alto.example', {
      area: 'standards-compliance',
      subject: 'Registro de aplicaciones para la auditoría',
      description:
        'Soy Ana, de la cooperativa. ¿Qué registros pide el auditor? Escríbanme a ana@valle-alto.example o al +51 984 123 456.',
    });
    expect(filed.status).toBe(201);
    const requestId = filed.body.id as string;
    const early = await post(`/kb/editor/articles/from-request/${requestId}`, 'admin@clac.example');
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('kb.request-not-resolved');

    if (filed.body.status === 'new')
      await post(`/requests/${requestId}/assign`, 'admin@clac.example', { assigneeId: ids['admin@clac.example'] });
    expect((await post(`/requests/${requestId}/transitions`, 'admin@clac.example', { to: 'in_progress' })).status).toBe(
      200,
    );
    const answer = await post(`/requests/${requestId}/messages`, 'admin@clac.example', {
      body: 'Hola Ana: el auditor pide fecha, parcela, producto, dosis y quién aplicó. Llame al 01 555 1234 si tiene dudas.',
    });
    expect(answer.status).toBe(201);
    await post(`/requests/${requestId}/messages`, 'admin@clac.example', {
      body: 'Nota interna: secreto',
      internal: true,
    });
    expect((await post(`/requests/${requestId}/transitions`, 'admin@clac.example', { to: 'resolved' })).status).toBe(
      200,
    );

    // A member may not; staff who do not see the request get a 404.
    expect((await post(`/kb/editor/articles/from-request/${requestId}`, 'ana@valle-alto.example')).status).toBe(403);
    const organization = (
      await portal.db.query<{ name: string }>(
        `SELECT o.name FROM organizations o JOIN users u ON u.organization_id = o.id WHERE u.email = 'ana@valle-alto.example'`,
      )
    ).rows[0].name;
    const draft = await post(`/kb/editor/articles/from-request/${requestId}`, 'admin@clac.example');
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', area: 'standards-compliance', sourceRequestId: requestId });
    const [version] = draft.body.versions as { language: string; title: string; body: string }[];
    expect(version.language).toBe('es');
    expect(version.title).toBe('Registro de aplicaciones para la auditoría');
    expect(version.body).toContain('el auditor pide fecha, parcela, producto, dosis y quién aplicó');
    expect(version.body).toContain('[email]');
    expect(version.body).toContain('[phone]');
    for (const detail of ['Ana', 'ana@valle-alto.example', '984 123 456', '555 1234', organization, 'secreto'])
      expect(version.body).not.toContain(detail);
    expect(await count(`SELECT count(*) FROM audit_log WHERE action = 'kb-article.drafted-from-request'`)).toBe(1);
  });
});
