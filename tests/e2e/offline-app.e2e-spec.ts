import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { signIn } from './support/pages';

/**
 * The installable app offline (issue 18), with its service worker, at phone size: a page
 * opened once opens again without a connection and says since when it is saved; a page
 * never opened here says so; a reply written offline waits, visibly, over a reload, and
 * reaches the request exactly once when the connection is back.
 */
describe('the app offline', () => {
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

  /** A request the member files through the API (the offline pages are what this tests). */
  async function fileRequest(email: string, subject: string): Promise<{ id: string; reference: string }> {
    const member = (await portal.login(email)).accessToken;
    const filed = await portal.request<{ id: string; reference: string }>('POST', '/api/v1/requests', {
      token: member,
      body: { area: 'market-access', subject, description: 'Buscamos compradores para nuestra cosecha.' },
    });
    expect(filed.status).toBe(201);
    return filed.body;
  }

  /** The service worker has installed the app and answers this page's calls. */
  async function controlledByServiceWorker(page: Page): Promise<void> {
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, {
      timeout: 60_000,
    });
  }

  it('opens a request page seen before, with the saved time, and says when a page was never saved (es)', async () => {
    const email = 'ana@valle-alto.example';
    const seen = await fileRequest(email, 'Compradores en Europa');
    const neverOpened = await fileRequest(email, 'Precio mínimo del café');
    const { context, page } = await signIn(browser, portal, email, { language: 'es' });
    await controlledByServiceWorker(page);
    await page.goto(`${portal.url}/requests/${seen.id}`);
    await expect(page.getByTestId('request-reference').textContent()).resolves.toContain(seen.reference);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('request-reference').textContent()).resolves.toContain(seen.reference);
    await expect(page.getByTestId('offline-banner').textContent()).resolves.toMatch(
      /Estás sin conexión: se muestra lo guardado el .*\d/,
    );
    await expectAccessible(page, 'offline-es-saved-request');

    // Never opened on this phone: said plainly, not the browser's offline page or nothing.
    await page.goto(`${portal.url}/requests/${neverOpened.id}`);
    await expect(page.getByTestId('offline-not-saved').textContent()).resolves.toMatch(
      /no está guardada en este dispositivo/,
    );
    await expectAccessible(page, 'offline-es-not-saved');
    await context.setOffline(false);
    await context.close();
  });

  it('queues a reply written offline, keeps it over a reload, and sends it once when back online (pt)', async () => {
    const email = 'joana@apicultores-sertao.example';
    const request = await fileRequest(email, 'Compradores de mel');
    const { context, page } = await signIn(browser, portal, email, { language: 'pt' });
    await controlledByServiceWorker(page);
    await page.goto(`${portal.url}/requests/${request.id}`);
    await page.getByTestId('request-reference').waitFor();

    const body = `Resposta escrita sem conexão ${Date.now()}`;
    const messages = async () =>
      (await portal.db.query('SELECT id FROM request_messages WHERE request_id = $1 AND body = $2', [request.id, body]))
        .rows.length;

    await context.setOffline(true);
    await page.getByTestId('reply-body').fill(body);
    await page.getByTestId('reply-send').click();
    const queued = page.getByTestId('queued-reply');
    await expect(queued.textContent()).resolves.toContain(body);
    await expect(queued.textContent()).resolves.toMatch(/Sem conexão: esta mensagem espera neste aparelho/);

    // Kept on the phone: a reload (still offline) shows the request from the saved copy and the queue.
    await page.reload();
    await page.getByTestId('request-reference').waitFor();
    await page.getByTestId('offline-banner').waitFor();
    await expect(page.getByTestId('offline-banner').textContent()).resolves.toMatch(/Você está sem conexão/);
    await expect(queued.textContent()).resolves.toContain(body);
    await expectAccessible(page, 'offline-pt-queued-reply');
    expect(await messages()).toBe(0);

    // Back online on another page: the app sends what waits, whatever page is open.
    await page.goto(`${portal.url}/`);
    await page.getByTestId('welcome').waitFor();
    await context.setOffline(false);
    await page.waitForFunction(() => !Object.keys(localStorage).some((key) => key.startsWith('portal.pendingReplies')));
    expect(await messages()).toBe(1);
    await page.goto(`${portal.url}/requests/${request.id}`);
    await page.getByTestId('request-reference').waitFor();
    await expect(queued.count()).resolves.toBe(0);
    // Sent: now in the conversation, once.
    const inTimeline = page.getByTestId('timeline-entry').filter({ hasText: body });
    await inTimeline.waitFor();
    await expect(inTimeline.count()).resolves.toBe(1);
    expect(await messages()).toBe(1);

    // Offline and back twice more: nothing is sent again.
    for (let round = 0; round < 2; round += 1) {
      await context.setOffline(true);
      await page.reload();
      await page.getByTestId('request-reference').waitFor();
      await context.setOffline(false);
      await page.reload();
      await page.getByTestId('request-reference').waitFor();
    }
    await expect(page.getByTestId('queued-reply').count()).resolves.toBe(0);
    expect(await messages()).toBe(1);
    await context.close();
  });

  it('queues a rating given offline and records it once when back online (en)', async () => {
    const email = 'grace@lucia-bananas.example';
    const request = await fileRequest(email, 'Buyers for our bananas');
    const { rows } = await portal.db.query<{ email: string }>(
      `SELECT u.email FROM users u JOIN requests r ON r.assignee_id = u.id WHERE r.id = $1`,
      [request.id],
    );
    const staff = (await portal.login(rows[0].email)).accessToken;
    for (const to of ['in_progress', 'resolved'])
      await portal.request('POST', `/api/v1/requests/${request.id}/transitions`, { token: staff, body: { to } });
    const stored = async () =>
      (await portal.db.query('SELECT satisfaction_score FROM requests WHERE id = $1', [request.id])).rows[0]
        .satisfaction_score as number | null;

    const { context, page } = await signIn(browser, portal, email, { language: 'en' });
    await controlledByServiceWorker(page);
    await page.goto(`${portal.url}/requests/${request.id}`);
    await page.getByTestId('rating-4').click();
    await context.setOffline(true);
    await page.getByTestId('rating-submit').click();
    const queued = page.getByTestId('queued-rating');
    await expect(queued.textContent()).resolves.toMatch(/Your rating \(4 out of 5\) waits on this device/);
    await page.reload();
    await expect(queued.textContent()).resolves.toMatch(/4 out of 5/);
    await expect(page.getByTestId('offline-banner').textContent()).resolves.toMatch(/You are offline/);
    await expectAccessible(page, 'offline-en-queued-rating');
    expect(await stored()).toBeNull();

    await context.setOffline(false);
    await page.getByTestId('rating-given').waitFor();
    expect(await stored()).toBe(4);
    const { rows: events } = await portal.db.query(
      `SELECT count(*)::int AS n FROM request_events WHERE request_id = $1 AND type = 'rated'`,
      [request.id],
    );
    expect(events[0].n).toBe(1);
    await context.close();
  });

  it('on a shared phone, signing out deletes the saved answers: the next person offline never sees them', async () => {
    const request = await fileRequest('ana@valle-alto.example', 'Certificado orgánico');
    const { context, page } = await signIn(browser, portal, 'ana@valle-alto.example', { language: 'es' });
    await controlledByServiceWorker(page);
    await page.goto(`${portal.url}/requests/${request.id}`);
    await page.getByTestId('request-reference').waitFor();
    await page.waitForFunction(async () => (await (await caches.open('portal-api')).keys()).length > 0);

    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-submit').waitFor();
    await page.waitForFunction(async () => !(await caches.has('portal-api')));

    // Someone of another organization signs in on the same phone, then loses the connection.
    await page.getByTestId('login-email').fill('rosa@quinua-andina.example');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('welcome').waitFor();
    await context.setOffline(true);
    await page.goto(`${portal.url}/requests/${request.id}`);
    await page.getByTestId('offline-not-saved').waitFor();
    await expect(page.getByTestId('request-reference').count()).resolves.toBe(0);
    await expect(page.locator('body').textContent()).resolves.not.toContain('Certificado orgánico');
    await context.close();
  });
});
