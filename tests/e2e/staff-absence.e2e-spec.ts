import type { Browser } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { DESKTOP, screenshot, settled, signIn } from './support/pages';

/**
 * Issue 19: a representative marks itself away with a replacement on its profile page; a new
 * request in its coverage, filed through the API, goes to the replacement, and the home page
 * reminds it that it is away.
 */
describe('a staff member marks itself away with a replacement', () => {
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

  /** A day of a date input, counted from today in UTC (the browser's time zone here). */
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  it('through the profile page, handing over the open cases; the next Bolivian case goes to the replacement', async () => {
    // An open case of Lucía's, to hand over when she goes.
    const before = await portal.request('POST', '/api/v1/requests', {
      token: (await portal.login('marco@tierra-viva.example')).accessToken,
      body: { area: 'standards-compliance', subject: 'Consulta previa', description: 'Antes de la ausencia.' },
    });
    expect(before.body.assignee.name).toBe('Lucía Mamani');
    const { context, page } = await signIn(browser, portal, 'rep.bo@clac.example', {
      viewport: DESKTOP,
      language: 'en',
      timezoneId: 'UTC',
    });
    await page.goto(`${portal.url}/profile`);
    await page.getByTestId('absence-card').waitFor();
    await page.locator('[data-testid="absence-replacement"] option', { hasText: 'Rosa Quispe' }).waitFor({
      state: 'attached',
    });
    await settled(page);
    await expectAccessible(page, 'profile with absence (en, desktop)');

    // The last day before the first is refused on the page, with nothing sent.
    await page.getByTestId('absence-from').fill(day(3));
    await page.getByTestId('absence-until').fill(day(1));
    await page.getByTestId('absence-submit').click();
    await page.getByText('The last day cannot be before the first.').waitFor();

    await page.getByTestId('absence-from').fill(day(0));
    await page.getByTestId('absence-until').fill(day(3));
    await page.getByTestId('absence-replacement').selectOption({ label: 'Rosa Quispe' });
    await page.getByTestId('absence-hand-over').check();
    await page.getByTestId('absence-submit').click();
    await page.getByText('Your absence was saved.').waitFor();
    await page.getByText('Cases handed to your replacement: 1. Cases still with you: 0.').waitFor();
    const handed = await portal.db.query(
      `SELECT u.name FROM requests r JOIN users u ON u.id = r.assignee_id WHERE r.id = $1`,
      [before.body.id],
    );
    expect(handed.rows).toEqual([{ name: 'Rosa Quispe' }]);
    await expect(page.getByTestId('absence-banner').textContent()).resolves.toContain('You are marked away until');
    await expect(page.getByTestId('absence-banner').textContent()).resolves.toContain('Rosa Quispe replaces you.');
    // From the top: axe counts a target the sticky header happens to cover as too small.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectAccessible(page, 'profile with absence saved (en, desktop)');
    await screenshot(page, 'profile-absence-en');

    const { rows } = await portal.db.query(
      `SELECT u.away_until, r.name AS replacement FROM users u JOIN users r ON r.id = u.away_replacement_id
       WHERE u.email = 'rep.bo@clac.example'`,
    );
    expect(rows).toEqual([{ away_until: new Date(`${day(4)}T00:00:00Z`), replacement: 'Rosa Quispe' }]);

    // A Bolivian standards question is Lucía Mamani's alone: it goes to Rosa Quispe now.
    const member = (await portal.login('marco@tierra-viva.example')).accessToken;
    const filed = await portal.request('POST', '/api/v1/requests', {
      token: member,
      body: {
        area: 'standards-compliance',
        subject: 'Consulta durante la ausencia',
        description: 'Necesitamos orientación antes de la auditoría.',
      },
    });
    expect(filed.status).toBe(201);
    const admin = (await portal.login('admin@clac.example')).accessToken;
    const request = (await portal.request('GET', `/api/v1/requests/${filed.body.id}`, { token: admin })).body;
    expect(request.assignee.name).toBe('Rosa Quispe');
    expect(request.routing.reason).toContain('Lucía Mamani, ausente hasta el');

    // The home page reminds the person.
    await page.goto(`${portal.url}/`);
    await page.getByTestId('home-away').waitFor();
    await expect(page.getByTestId('home-away').textContent()).resolves.toContain('You are marked away until');
    await expectAccessible(page, 'home while away (en, desktop)');
    await screenshot(page, 'home-away-en');

    // Back early: cleared from the profile.
    await page.goto(`${portal.url}/profile`);
    await page.getByTestId('absence-clear').click();
    await page.getByText('You are no longer marked away.').waitFor();
    const after = await portal.db.query(`SELECT away_from FROM users WHERE email = 'rep.bo@clac.example'`);
    expect(after.rows[0].away_from).toBeNull();
    await context.close();
  });
});
