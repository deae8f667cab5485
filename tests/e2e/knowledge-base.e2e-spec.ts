import type { Browser, Page } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { PHONE, screenshot, signIn } from './support/pages';

/**
 * The knowledge base in the browser, at phone size (issue 21): a member finds an article from
 * the new-request form and leaves without filing; an article read once opens again offline;
 * the article, search and editor pages pass axe.
 */
describe('the knowledge base at phone size', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    portal = await startTestPortal();
    ({ browser, close: closeBrowser } = await launchChromium());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  const noSidewaysScroll = (page: Page) =>
    expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);

  it('suggests an article while a member types the subject; "it answered my question" ends without filing', async () => {
    const email = 'ana@valle-alto.example';
    const requestsBefore = await portal.db.query(
      `SELECT count(*)::int AS n FROM requests r JOIN users u ON u.id = r.created_by WHERE u.email = $1`,
      [email],
    );
    const { context, page } = await signIn(browser, portal, email, { language: 'es' });
    await page.goto(`${portal.url}/requests/new`);
    await page.getByTestId('area-option-climate-resilience').check();
    await page.getByTestId('request-subject').fill('Usar la prima para la adaptación');
    const first = page.getByTestId('kb-suggestion').first();
    await expect(first.textContent()).resolves.toBe('Plan de adaptación al cambio climático de la organización');
    await expect(page.getByTestId('kb-suggestion').count()).resolves.toBeLessThanOrEqual(3);
    await noSidewaysScroll(page);

    await first.click();
    await page.waitForURL(/\/kb\/es\/plan-de-adaptacion-al-cambio-climatico\?visit=/);
    await page.getByTestId('kb-answered-yes').click();
    await expect(page.getByTestId('kb-answered-done').textContent()).resolves.toContain('le sirvió');
    await screenshot(page, 'kb-answered-phone');

    const counted = await portal.db.query(
      `SELECT count(*)::int AS n FROM kb_deflections d JOIN users u ON u.id = d.user_id WHERE u.email = $1`,
      [email],
    );
    expect(counted.rows[0].n).toBe(1);
    const requestsAfter = await portal.db.query(
      `SELECT count(*)::int AS n FROM requests r JOIN users u ON u.id = r.created_by WHERE u.email = $1`,
      [email],
    );
    expect(requestsAfter.rows[0].n).toBe(requestsBefore.rows[0].n);
    // The draft went with the question: the form opens empty.
    await page.goto(`${portal.url}/requests/new`);
    await expect(page.getByTestId('request-subject').inputValue()).resolves.toBe('');
    await context.close();
  });

  it('opens an article read once again offline, without signing in, and passes axe on it and the search', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'pt-BR' });
    const page = await context.newPage();
    await page.goto(`${portal.url}/kb/pt`);
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, {
      timeout: 60_000,
    });
    await page.getByTestId('kb-search-input').fill('certificacao');
    await page.getByTestId('kb-search-submit').click();
    await page.waitForURL(/q=certificacao/);
    await page.getByTestId('kb-search-count').filter({ hasText: 'Artigos encontrados: 1' }).waitFor();
    await expect(page.getByTestId('kb-search-hit').first().textContent()).resolves.toContain(
      'Como preparar a auditoria de certificação Fairtrade',
    );
    await expectAccessible(page, 'kb-search-pt');
    await noSidewaysScroll(page);

    await page.getByTestId('kb-search-hit').first().click();
    await expect(page.getByTestId('kb-article-title').textContent()).resolves.toContain('Como preparar a auditoria');
    await expectAccessible(page, 'kb-article-pt');
    await noSidewaysScroll(page);
    const address = page.url();

    await context.setOffline(true);
    await page.goto(`${portal.url}/`).catch(() => undefined);
    await page.goto(address);
    await expect(page.getByTestId('kb-article-title').textContent()).resolves.toContain('Como preparar a auditoria');
    await expect(page.getByTestId('kb-last-reviewed').isVisible()).resolves.toBe(true);
    await screenshot(page, 'kb-article-offline-phone');
    await context.setOffline(false);
    await context.close();
  });

  it('lets an admin draft an article from a resolved case, write and publish another, shows the fallback to readers, and passes axe on the editor', async () => {
    // A resolved case of the admin's becomes a draft from its page.
    const admin = (await portal.login('admin@clac.example')).accessToken;
    const member = (await portal.login('luis@valle-alto.example')).accessToken;
    const call = (token: string, path: string, body: unknown) =>
      portal.request('POST', `/api/v1${path}`, { token, body });
    const filed = await call(member, '/requests', {
      area: 'market-access',
      subject: 'Contrato con el comprador',
      description: 'Soy Luis: ¿qué debe decir el contrato? Mi teléfono es 984 555 1234.',
    });
    const adminId = (await portal.db.query(`SELECT id FROM users WHERE email = 'admin@clac.example'`)).rows[0].id;
    if (filed.body.status === 'new') await call(admin, `/requests/${filed.body.id}/assign`, { assigneeId: adminId });
    await call(admin, `/requests/${filed.body.id}/transitions`, { to: 'in_progress' });
    await call(admin, `/requests/${filed.body.id}/messages`, {
      body: 'El contrato fija precio, Prima y prefinanciamiento.',
    });
    expect((await call(admin, `/requests/${filed.body.id}/transitions`, { to: 'resolved' })).status).toBe(200);

    const { context, page } = await signIn(browser, portal, 'admin@clac.example', { language: 'es' });
    await page.goto(`${portal.url}/inbox/${filed.body.id}`);
    await page.getByTestId('kb-draft-from-case').click();
    await page.waitForURL(/\/kb-editor\?article=/);
    await expect(page.getByTestId('kb-editor-title').inputValue()).resolves.toBe('Contrato con el comprador');
    const draftBody = await page.getByTestId('kb-editor-body').inputValue();
    expect(draftBody).toContain('El contrato fija precio');
    expect(draftBody).not.toContain('984 555 1234');
    expect(draftBody).not.toContain('Luis');

    await page.goto(`${portal.url}/kb-editor`);
    await page.getByTestId('kb-editor-new').click();
    await page.getByTestId('kb-editor-slug').fill('registro-de-la-prima');
    await page.getByTestId('kb-editor-area').selectOption('fair-trade-visibility');
    await page.getByTestId('kb-editor-country').selectOption('PE');
    await page.getByTestId('kb-editor-product').fill('Café');
    await page.getByTestId('kb-editor-title').fill('Cómo llevar el registro de la Prima');
    await page
      .getByTestId('kb-editor-body')
      .fill('Anote cada ingreso y gasto de la Prima.\n\n- Con factura\n- Con acta');
    await page.getByTestId('kb-editor-save').click();
    await page.getByTestId('kb-editor-status').filter({ hasText: 'Borrador' }).waitFor();
    await page.getByTestId('kb-editor-publish').click();
    await page.getByTestId('kb-editor-status').filter({ hasText: 'Publicado' }).waitFor();
    await expectAccessible(page, 'kb-editor-es');
    await noSidewaysScroll(page);
    await context.close();

    // A reader in French gets the Spanish text, marked, and may ask for a translation.
    const reader = await browser.newContext({ viewport: PHONE, locale: 'fr-FR', serviceWorkers: 'block' });
    const readerPage = await reader.newPage();
    await readerPage.goto(`${portal.url}/kb/fr/registro-de-la-prima`);
    await expect(readerPage.getByTestId('kb-fallback').textContent()).resolves.toContain('Español');
    await expect(readerPage.locator('.area').textContent()).resolves.toMatch(/Pérou\s+· Café/);
    await readerPage.getByTestId('kb-request-translation').click();
    await readerPage.getByTestId('kb-translation-asked').waitFor();
    const asked = await portal.db.query(
      `SELECT t.count FROM kb_translation_requests t JOIN kb_articles a ON a.id = t.article_id
       WHERE a.slug = 'registro-de-la-prima' AND t.language = 'fr'`,
    );
    expect(asked.rows).toEqual([{ count: 1 }]);
    await reader.close();
  });
});
