import type { Browser } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { screenshot, settled, signIn } from './support/pages';

/**
 * Issue 18: what needs the member comes first. A representative asks Ana a question on her
 * request: her home lists it under "waiting for your answer", her list marks the reply as new
 * and the "needs me" view holds it; opening it clears the marker.
 */
describe("a member's home and list answer 'what needs me'", () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    [portal, { browser, close: closeBrowser }] = await Promise.all([startTestPortal(), launchChromium()]);
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  it('shows the question on the home page, the new-reply marker and the needs-me view, in Spanish and English', async () => {
    const ana = (await portal.login('ana@valle-alto.example')).accessToken;
    const file = async (subject: string) => {
      const answer = await portal.request('POST', '/api/v1/requests', {
        token: ana,
        body: { area: 'standards-compliance', subject, description: 'Necesitamos orientación para la auditoría.' },
      });
      expect(answer.status).toBe(201);
      return answer.body as { id: string; reference: string; assignee: { id: string } };
    };
    const asked = await file('Auditoría de comercio justo en enero');
    const quiet = await file('Consulta sobre etiquetas');
    const { rows } = await portal.db.query(`SELECT email FROM users WHERE id = $1`, [asked.assignee.id]);
    const rep = (await portal.login(rows[0].email)).accessToken;
    const reply = await portal.request('POST', `/api/v1/requests/${asked.id}/messages`, {
      token: rep,
      body: { body: '¿Cuántos productores participan en la auditoría?' },
    });
    expect(reply.status).toBe(201);
    // The public reply took it in progress; the question now waits on her.
    for (const to of ['waiting_on_member']) {
      const moved = await portal.request('POST', `/api/v1/requests/${asked.id}/transitions`, {
        token: rep,
        body: { to },
      });
      expect(moved.status).toBe(200);
    }

    const { context, page } = await signIn(browser, portal, 'ana@valle-alto.example');
    // Home: the question waits for her, first thing.
    await page.getByTestId('home-needs-row').first().waitFor();
    await expect(page.getByTestId('home-needs').textContent()).resolves.toContain(asked.reference);
    await expect(page.getByTestId('home-needs').textContent()).resolves.toContain('El equipo le hizo una pregunta');
    await expect(page.getByTestId('home-needs').textContent()).resolves.not.toContain(quiet.reference);
    await settled(page);
    await expectAccessible(page, 'member home with a request waiting (es, phone)');
    await screenshot(page, 'member-home-needs-es');

    // The list: the reply is marked new on that request only.
    await page.goto(`${portal.url}/requests`);
    const row = (reference: string) => page.getByTestId('request-row').filter({ hasText: reference });
    await row(asked.reference).waitFor();
    await expect(row(asked.reference).getByTestId('request-unread').textContent()).resolves.toContain(
      'Respuesta nueva',
    );
    expect(await row(quiet.reference).getByTestId('request-unread').count()).toBe(0);

    // "Waiting for my answer": that one, not the other.
    await page.getByTestId('requests-view-needs-me').click();
    await page.waitForURL(/show=needs-me/);
    await page.waitForFunction((reference) => {
      const rows = [...document.querySelectorAll('[data-testid="request-row"]')];
      return rows.length > 0 && !rows.some((r) => r.textContent?.includes(reference));
    }, quiet.reference);
    await row(asked.reference).waitFor();
    await expect(page.getByTestId('requests-view-needs-me').getAttribute('aria-current')).resolves.toBe('page');
    await settled(page);
    await expectAccessible(page, 'member list, needs-me view (es, phone)');
    await screenshot(page, 'member-list-needs-me-es');

    // A search that finds nothing says so, and offers the whole list back.
    await page.getByTestId('requests-search').fill('palabra-que-no-existe');
    await page.getByTestId('requests-search').press('Enter');
    await page.getByTestId('requests-empty-filtered').waitFor();

    // Opening the request reads the reply: the marker goes.
    await page.goto(`${portal.url}/requests/${asked.id}`);
    await page.getByTestId('request-reference').waitFor();
    await page.goto(`${portal.url}/requests`);
    await row(asked.reference).waitFor();
    expect(await row(asked.reference).getByTestId('request-unread').count()).toBe(0);
    await context.close();

    // The same in English, for a colleague who has not opened it: still new for him.
    const luis = await signIn(browser, portal, 'luis@valle-alto.example', { language: 'en' });
    await luis.page.goto(`${portal.url}/requests?show=needs-me`);
    const luisRow = luis.page.getByTestId('request-row').filter({ hasText: asked.reference });
    await luisRow.waitFor();
    await expect(luisRow.getByTestId('request-unread').textContent()).resolves.toContain('New reply');
    await settled(luis.page);
    await expectAccessible(luis.page, 'member list, needs-me view (en, phone)');
    await screenshot(luis.page, 'member-list-needs-me-en');
    await luis.context.close();
  });
});
