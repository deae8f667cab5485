import type { Browser, Page } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { PHONE, screenshot, settled, signIn } from './support/pages';

/**
 * Issue 19, a dense inbox at 1366 × 768: one line per case with its next deadline named and a
 * "member replied" marker; the keyboard (j/k/Enter); a bulk status change with one result per
 * case; a saved view with its count on the staff home; axe in two languages.
 */
const WIDE = { width: 1366, height: 768 } as const;
const REP = 'rep.pe1@clac.example';
const OTHER_REP = 'rep.pe2@clac.example';
const ANA = 'ana@valle-alto.example';
/** A word only this file's cases carry: the inbox's search narrows the seeded history to them. */
const WORD = 'zafiro';

describe('the dense inbox', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const cases: { id: string; reference: string }[] = [];
  let colleagues: { id: string; reference: string };
  let answered: { id: string; reference: string };

  async function call(method: string, path: string, email: string, body?: unknown) {
    const { accessToken } = await portal.login(email);
    const answer = await portal.request(method, `/api/v1${path}`, { token: accessToken, body });
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** A Peru case of Valle Alto, handed by the admin to `holder`. */
  async function caseOf(holder: string, subject: string) {
    const filed = await call('POST', '/requests', ANA, { area: 'market-access', subject, description: 'Detalle.' });
    const { rows } = await portal.db.query(`SELECT id FROM users WHERE email = $1`, [holder]);
    if (filed.assignee?.id !== rows[0].id)
      await call('POST', `/requests/${filed.id}/assign`, 'admin@clac.example', { assigneeId: rows[0].id, reason: 'x' });
    return { id: filed.id as string, reference: filed.reference as string };
  }

  beforeAll(async () => {
    portal = await startTestPortal();
    ({ browser, close: closeBrowser } = await launchChromium());
    for (const n of [1, 2, 3])
      cases.push(await caseOf(REP, `Lote ${WORD} ${n}: contrato de exportación con un comprador europeo`));
    colleagues = await caseOf(OTHER_REP, `Lote ${WORD} 4: feria de compradores`);
    answered = cases[0];
    // Staff answered, then the member wrote again: "member replied".
    await call('POST', `/requests/${answered.id}/messages`, REP, { body: '¿Qué volumen?' });
    await call('POST', `/requests/${answered.id}/messages`, ANA, { body: 'Dos contenedores.' });
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  const row = (page: Page, reference: string) => page.getByTestId('inbox-row').filter({ hasText: reference });

  it('shows one line per case with the next deadline named and "member replied", without overflow, accessible', async () => {
    const { context, page } = await signIn(browser, portal, REP, { viewport: WIDE, language: 'es' });
    await page.goto(`${portal.url}/inbox?tab=mine&q=${WORD}`);
    await row(page, cases[2].reference).waitFor();
    await settled(page);
    const heights = await page
      .getByTestId('inbox-row')
      .evaluateAll((rows) => rows.map((r) => Math.round(r.getBoundingClientRect().height)));
    expect(heights).toHaveLength(3);
    // One line of text per case (the old rows were 115 px).
    for (const height of heights) expect(height).toBeLessThanOrEqual(44);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    // The long subject is cut on screen and whole in its tooltip.
    const subject = row(page, cases[1].reference).locator('td.c-subject');
    await expect(subject.getAttribute('title')).resolves.toMatch(/contrato de exportación con un comprador europeo$/);
    // The deadline says which one: the first answer, or (after it) the resolution.
    await expect(row(page, cases[1].reference).getByTestId('inbox-deadline').textContent()).resolves.toMatch(
      /Respuesta/,
    );
    await expect(row(page, answered.reference).getByTestId('inbox-deadline').textContent()).resolves.toMatch(
      /Resolución/,
    );
    await expect(row(page, answered.reference).getByTestId('inbox-member-replied').textContent()).resolves.toMatch(
      /Miembro respondió/,
    );
    await expect(row(page, cases[1].reference).getByTestId('inbox-member-replied').count()).resolves.toBe(0);
    await expectAccessible(page, 'dense-inbox-es');
    await screenshot(page, 'dense-inbox');
    await context.close();
  });

  it('moves with j and k, and opens the chosen case with Enter', async () => {
    const { context, page } = await signIn(browser, portal, REP, { viewport: WIDE, language: 'es' });
    await page.goto(`${portal.url}/inbox?tab=mine&q=${WORD}`);
    await row(page, cases[2].reference).waitFor();
    await settled(page);
    const rows = page.getByTestId('inbox-row');
    const selected = async () => {
      // Drawn by the next change detection: read once the keyboard's row is marked.
      await page.waitForFunction(() => document.querySelector('[data-testid="inbox-row"][aria-selected="true"]'));
      return rows.evaluateAll((all) => all.map((r) => r.getAttribute('aria-selected')));
    };
    const moveTo = async (index: number) =>
      page.waitForFunction(
        (i) => document.querySelectorAll('[data-testid="inbox-row"]')[i]?.getAttribute('aria-selected') === 'true',
        index,
      );
    await page.keyboard.press('j');
    await moveTo(0);
    await expect(selected()).resolves.toEqual(['true', 'false', 'false']);
    await page.keyboard.press('j');
    await moveTo(1);
    await page.keyboard.press('j');
    await moveTo(2);
    await page.keyboard.press('j'); // stays on the last
    await expect(selected()).resolves.toEqual(['false', 'false', 'true']);
    await page.keyboard.press('k');
    await moveTo(1);
    await expect(selected()).resolves.toEqual(['false', 'true', 'false']);
    // The focus follows (visible), on the row's link.
    await expect(
      page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-selected')),
    ).resolves.toBe('true');
    // Typing in the search box is typing, not moving.
    await page.getByTestId('inbox-search').focus();
    await page.keyboard.press('k');
    await expect(selected()).resolves.toEqual(['false', 'true', 'false']);
    await page.getByTestId('inbox-search').fill(WORD);
    // ? lists the shortcuts.
    await page.locator('h1').click();
    await page.keyboard.press('?');
    await page.getByTestId('inbox-shortcuts-list').waitFor();
    await page.keyboard.press('Escape');
    const id = await rows.nth(1).getAttribute('data-id');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${portal.url}/inbox/${id}`);
    await context.close();
  });

  it('escalates with e where the case-permission rule allows it, and says why not elsewhere', async () => {
    const { context, page } = await signIn(browser, portal, REP, { viewport: WIDE, language: 'es' });
    await page.goto(`${portal.url}/inbox?tab=coverage&q=${WORD}&sort=createdAt`);
    await row(page, colleagues.reference).waitFor();
    await settled(page);
    // Oldest first: the representative's three cases, then the colleague's.
    for (let i = 0; i < 4; i++) await page.keyboard.press('j');
    await page.waitForFunction(
      (ref) => document.querySelector('[data-testid="inbox-row"][aria-selected="true"]')?.textContent?.includes(ref),
      colleagues.reference,
    );
    await page.keyboard.press('e');
    await page.getByTestId('inbox-key-notice').filter({ hasText: colleagues.reference }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/inbox');
    await page.keyboard.press('k');
    await page.keyboard.press('e');
    await page.waitForURL(`${portal.url}/inbox/${cases[2].id}?action=escalate`);
    await page.getByTestId('escalate-reason').waitFor();
    await context.close();
  });

  it('changes the status of 3 cases at once and says, case by case, which changed and which were refused', async () => {
    // Three cases of the representative waiting to be started, and one of a colleague's.
    const mine = [cases[1], cases[2], await caseOf(REP, `Lote ${WORD} 5: muestras`)];
    const { context, page } = await signIn(browser, portal, REP, { viewport: WIDE, language: 'es' });
    await page.goto(`${portal.url}/inbox?tab=coverage&q=${WORD}`);
    await row(page, mine[2].reference).waitFor();
    await settled(page);
    for (const { reference } of [...mine, colleagues])
      await row(page, reference).getByTestId('inbox-row-check').check();
    await page.getByTestId('bulk-count').filter({ hasText: '4' }).waitFor();
    await page.getByTestId('bulk-action').selectOption('status');
    await page.getByTestId('bulk-value').selectOption('in_progress');
    await page.getByTestId('bulk-apply').click();
    await page.getByTestId('bulk-summary').waitFor();
    await expect(page.getByTestId('inbox-bulk').textContent()).resolves.toMatch(/Cambiadas: 3; rechazadas: 1/);
    const results = page.getByTestId('bulk-result');
    await expect(results.count()).resolves.toBe(4);
    for (const { reference } of mine)
      await expect(results.filter({ hasText: reference }).getAttribute('data-ok')).resolves.toBe('true');
    await expect(results.filter({ hasText: colleagues.reference }).textContent()).resolves.toMatch(
      /rechazada: solo su responsable/,
    );
    // The list shows the new statuses; the refused case is left as it was, still checked.
    await row(page, mine[2].reference).filter({ hasText: 'En curso' }).waitFor();
    await expect(row(page, colleagues.reference).getByTestId('inbox-row-check').isChecked()).resolves.toBe(true);
    const { rows } = await portal.db.query(`SELECT id, status FROM requests WHERE id = ANY($1::uuid[]) ORDER BY id`, [
      [...mine, colleagues].map((c) => c.id),
    ]);
    expect(Object.fromEntries(rows.map((r: { id: string; status: string }) => [r.id, r.status]))).toEqual({
      [mine[0].id]: 'in_progress',
      [mine[1].id]: 'in_progress',
      [mine[2].id]: 'in_progress',
      [colleagues.id]: 'assigned',
    });
    await settled(page);
    await expectAccessible(page, 'dense-inbox-bulk');
    await screenshot(page, 'dense-inbox-bulk');
    await context.close();
  });

  it('saves a named view that the staff home lists with its count', async () => {
    const { context, page } = await signIn(browser, portal, REP, { viewport: WIDE, language: 'es' });
    await page.goto(`${portal.url}/inbox?tab=coverage&q=${WORD}`);
    await row(page, colleagues.reference).waitFor();
    await page.getByTestId('inbox-total').filter({ hasText: '5 solicitudes' }).waitFor();
    await page.getByTestId('saved-view-open').click();
    await page.getByTestId('saved-view-name').fill('Lotes zafiro');
    await page.getByTestId('saved-view-submit').click();
    await page.getByTestId('saved-view').filter({ hasText: 'Lotes zafiro' }).waitFor();
    await page.goto(`${portal.url}/`);
    const view = page.getByTestId('home-view').filter({ hasText: 'Lotes zafiro' });
    await view.getByTestId('home-view-count').filter({ hasText: '5 solicitudes' }).waitFor();
    await view.click();
    await row(page, colleagues.reference).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(WORD);
    // Another person does not have it.
    const other = await signIn(browser, portal, OTHER_REP, { viewport: WIDE, language: 'es' });
    await other.page.goto(`${portal.url}/inbox`);
    await other.page.locator('[data-testid="inbox-saved-views"][data-loaded="true"]').waitFor();
    await expect(other.page.getByTestId('saved-view').count()).resolves.toBe(0);
    await other.context.close();
    await context.close();
  });

  it('is accessible in English too, and a stack of cards on a phone', async () => {
    const { context, page } = await signIn(browser, portal, OTHER_REP, { viewport: WIDE, language: 'en' });
    await page.goto(`${portal.url}/inbox?tab=coverage&q=${WORD}`);
    await row(page, colleagues.reference).waitFor();
    await settled(page);
    await expect(row(page, cases[1].reference).getByTestId('inbox-deadline').textContent()).resolves.toMatch(
      /First answer/,
    );
    await expectAccessible(page, 'dense-inbox-en');
    await page.setViewportSize(PHONE);
    await settled(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    const display = await row(page, colleagues.reference).evaluate((r) => getComputedStyle(r).display);
    expect(display).toBe('grid');
    await expectAccessible(page, 'dense-inbox-phone');
    await screenshot(page, 'dense-inbox-phone');
    await context.close();
  });
});
