import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { setAccountLanguage } from './support/pages';

const ANDEAN = ['CO', 'EC', 'PE', 'BO', 'VE'];

/** Asks again for a few seconds until the answer settles (the mark-read call is not awaited by the page). */
async function eventually<T>(
  ask: () => Promise<T>,
  settled: (value: T) => boolean = () => false,
  timeoutMs = 5_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await ask();
  while (!settled(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await ask();
  }
  return value;
}

describe('the reports dashboard and the notification bell, from the browser', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  /** Requests filed for these tests, by what they are about. */
  const filed: Record<string, { id: string; reference: string; assignee: { id: string; name: string } | null }> = {};

  async function file(email: string, key: string, area: string) {
    const { accessToken } = await portal.login(email);
    const answer = await portal.request('POST', '/api/v1/requests', {
      token: accessToken,
      body: { area, subject: `Consulta ${key}`, description: `Necesitamos apoyo (${key}).` },
    });
    if (answer.status !== 201) throw new Error(`filing ${key} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    filed[key] = answer.body;
  }

  beforeAll(async () => {
    portal = await startTestPortal();
    ({ browser, close: closeBrowser } = await launchChromium());
    // Requests in three Andean countries and in three other regions.
    await file('ana@valle-alto.example', 'pe-market', 'market-access');
    await file('ana@valle-alto.example', 'pe-climate', 'climate-resilience');
    await file('rosa@quinua-andina.example', 'pe-standards', 'standards-compliance');
    await file('marco@tierra-viva.example', 'bo-standards', 'standards-compliance');
    await file('camilo@finca-esperanza.example', 'co-rights', 'human-rights');
    await file('joana@apicultores-sertao.example', 'br-market', 'market-access');
    await file('maria@los-altos.example', 'gt-climate', 'climate-resilience');
    await file('jean@kafe-mon-no.example', 'ht-market', 'market-access');
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  async function signIn(email: string, viewport = { width: 1280, height: 800 }, timezoneId?: string): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'en', acceptDownloads: true, timezoneId });
    const page = await context.newPage();
    await page.goto(`${portal.url}/login`);
    // Signed in, the account's language applies (issue 18): set it as the profile would.
    await setAccountLanguage(portal, email, 'en');
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('welcome').waitFor();
    return page;
  }

  /** The load table as the page shows it: total by row key. */
  async function tableTotals(page: Page): Promise<Record<string, number>> {
    const rows = page.getByTestId('report-row');
    const totals: Record<string, number> = {};
    for (let index = 0; index < (await rows.count()); index++) {
      const row = rows.nth(index);
      const key = (await row.getAttribute('data-key')) ?? '';
      totals[key] = Number(((await row.locator('[data-col="total"]').textContent()) ?? '').replace(/\D/g, ''));
    }
    return totals;
  }

  it('shows the Andean director only Andean countries, and a CSV whose rows match the page', async () => {
    const page = await signIn('director.and@clac.example', { width: 390, height: 844 });
    await page.goto(`${portal.url}/reports`);
    await page.getByTestId('report-row').first().waitFor();
    await expect(page.getByTestId('report-region-fixed').textContent()).resolves.toMatch(/Andean/);

    // Counted independently from the rows inserted: requests filed in the Andean region, by country.
    const counted = await portal.db.query<{ country: string; n: number }>(
      `SELECT country_code AS country, count(*)::int AS n FROM requests WHERE region_code = 'AND' GROUP BY 1`,
    );
    // Every Andean country has its row, those without requests with 0.
    const expected = {
      ...Object.fromEntries(ANDEAN.map((country) => [country, 0])),
      ...Object.fromEntries(counted.rows.map((row) => [row.country, row.n])),
    };
    expect(expected).toEqual({ PE: 3, BO: 1, CO: 1, EC: 0, VE: 0 });

    const shown = await tableTotals(page);
    expect(shown).toEqual(expected);
    expect(Object.keys(shown).every((key) => ANDEAN.includes(key))).toBe(true);
    const tableText = (await page.getByTestId('report-row').allTextContents()).join(' | ');
    expect(tableText).toMatch(/Peru/);
    expect(tableText).toMatch(/Bolivia/);
    expect(tableText).toMatch(/Colombia/);
    expect(tableText).not.toMatch(/Brazil|Guatemala|Haiti/);
    await expect(page.getByTestId('report-total').textContent()).resolves.toBe('5');
    await expect(page.getByTestId('report-open').textContent()).resolves.toBe('5');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv-load').click()]);
    expect(download.suggestedFilename()).toMatch(/^load-by-country-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    const columns = header.split(',');
    const keyAt = columns.indexOf('key');
    const totalAt = columns.indexOf('total');
    const fromCsv = Object.fromEntries(
      lines
        .map((line) => line.split(','))
        .filter((cells) => cells[keyAt] !== 'total')
        .map((cells) => [cells[keyAt], Number(cells[totalAt])]),
    );
    expect(fromCsv).toEqual(shown);

    // The same figures grouped by thematic area.
    await page.getByTestId('report-group-toggle').getByLabel('Thematic area').check();
    await page.waitForURL(/group=area/);
    await page.locator('[data-testid="report-row"][data-key="standards-compliance"]').waitFor();
    const areas = (await portal.db.query<{ code: string }>(`SELECT code FROM thematic_areas`)).rows;
    await expect(tableTotals(page)).resolves.toEqual({
      ...Object.fromEntries(areas.map((area) => [area.code, 0])),
      'standards-compliance': 2,
      'market-access': 1,
      'climate-resilience': 1,
      'human-rights': 1,
    });

    // A range of over ten years: the figures still come, the trend says why it does not (and offers no CSV of it).
    await page.goto(`${portal.url}/reports?from=2010-01-01`);
    await page.getByTestId('report-total').waitFor();
    await page.getByRole('alert').filter({ hasText: 'The trend covers at most ten years' }).waitFor();
    await expect(page.getByTestId('report-csv-trend').count()).resolves.toBe(0);
    await expect(page.getByTestId('report-total').textContent()).resolves.toBe('5');
    await page.context().close();
  });

  it('shows a member the count of a staff reply, and opens its request from the bell', async () => {
    const request = filed['pe-market'];
    // Whoever routing chose answers (one of Peru's two representatives).
    let replied = false;
    for (const email of ['rep.pe1@clac.example', 'rep.pe2@clac.example']) {
      const { accessToken } = await portal.login(email);
      const answer = await portal.request('POST', `/api/v1/requests/${request.id}/messages`, {
        token: accessToken,
        body: { body: 'Le enviamos la lista de compradores interesados.' },
      });
      if (answer.status === 201) {
        replied = true;
        break;
      }
    }
    expect(replied).toBe(true);
    const { accessToken: memberToken } = await portal.login('ana@valle-alto.example');
    const unreadBefore = (await portal.request('GET', '/api/v1/notifications?unread=true', { token: memberToken })).body
      .total as number;
    expect(unreadBefore).toBeGreaterThanOrEqual(1);

    const page = await signIn('ana@valle-alto.example');
    const count = page.getByTestId('notification-count');
    await count.waitFor();
    await expect(count.textContent()).resolves.toBe(String(unreadBefore));
    await expect(page.getByTestId('notification-bell').getAttribute('aria-label')).resolves.toContain(
      `${unreadBefore} unread`,
    );

    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('notification-item').filter({ hasText: request.reference }).first();
    await item.waitFor();
    await expect(item.getAttribute('data-unread')).resolves.toBe('true');
    // Escape closes the panel and gives the focus back to the bell.
    await page.keyboard.press('Escape');
    await item.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('notification-bell');

    await page.getByTestId('notification-bell').click();
    await item.click();
    await page.waitForURL(new RegExp(`/requests/${request.id}$`));
    await expect(page.getByTestId('request-reference').textContent()).resolves.toContain(request.reference);
    // Opening it marked it read, on the server and on the badge.
    await expect(
      eventually(
        async () =>
          (await portal.request('GET', '/api/v1/notifications?unread=true', { token: memberToken })).body
            .total as number,
        (total) => total === unreadBefore - 1,
      ),
    ).resolves.toBe(unreadBefore - 1);
    if (unreadBefore === 1) await count.waitFor({ state: 'detached' });
    else
      await page
        .getByTestId('notification-count')
        .filter({ hasText: String(unreadBefore - 1) })
        .waitFor();
    await page.context().close();
  });

  it("shows the director at 22:30 in Lima the requests of Lima's day, and the load by assignee", async () => {
    // The latest 22:30 in Lima (03:30 UTC, Lima keeps −05:00 all year) up to now, and a request
    // filed five minutes before it: on Lima's day D, on UTC's D+1. Counted in UTC days, the
    // dashboard's "today" (D) would leave it out.
    const now = Date.now();
    let evening = Date.UTC(
      new Date(now).getUTCFullYear(),
      new Date(now).getUTCMonth(),
      new Date(now).getUTCDate(),
      3,
      30,
    );
    if (evening > now) evening -= 86_400_000;
    const limaDay = new Date(evening - 5 * 3_600_000).toISOString().slice(0, 10);
    await file('rosa@quinua-andina.example', 'pe-evening', 'market-access');
    await portal.db.query(`UPDATE requests SET created_at = $2 WHERE id = $1`, [
      filed['pe-evening'].id,
      new Date(evening - 5 * 60_000),
    ]);

    const page = await signIn('director.and@clac.example', undefined, 'America/Lima');
    await page.clock.setFixedTime(new Date(evening));
    await page.goto(`${portal.url}/reports?from=${limaDay}`);
    await page.getByTestId('report-row').first().waitFor();
    // A plain count of the Andean requests filed on that day in Lima.
    const counted = await portal.db.query<{ country: string; n: number }>(
      `SELECT country_code AS country, count(*)::int AS n FROM requests
       WHERE region_code = 'AND' AND (created_at AT TIME ZONE 'America/Lima')::date = $1::date GROUP BY 1`,
      [limaDay],
    );
    const total = counted.rows.reduce((sum, row) => sum + row.n, 0);
    expect(counted.rows).toContainEqual({ country: 'PE', n: expect.any(Number) });
    await expect(page.getByTestId('report-total').textContent()).resolves.toBe(String(total));
    await expect(tableTotals(page)).resolves.toEqual({
      ...Object.fromEntries(ANDEAN.map((country) => [country, 0])),
      ...Object.fromEntries(counted.rows.map((row) => [row.country, row.n])),
    });
    // The period shown ends on Lima's day, not on UTC's.
    expect(new URL(page.url()).searchParams.get('to')).toBeNull();

    // By assignee (a director is offered every grouping but region), as a plain count says.
    await expect(page.getByTestId('report-group-region').count()).resolves.toBe(0);
    await page.goto(`${portal.url}/reports`);
    await page.getByTestId('report-group-assignee').check();
    await page.waitForURL(/group=assignee/);
    await page.getByRole('heading', { name: 'Load by assignee' }).waitFor();
    const byAssignee = await portal.db.query<{ key: string; n: number }>(
      `SELECT COALESCE(assignee_id::text, 'none') AS key, count(*)::int AS n FROM requests
       WHERE region_code = 'AND' AND (created_at AT TIME ZONE 'America/Lima')::date
             BETWEEN ($1::date - interval '12 months')::date AND $1::date GROUP BY 1`,
      [limaDay],
    );
    await page.locator(`[data-testid="report-row"][data-key="${byAssignee.rows[0].key}"]`).waitFor();
    await expect(tableTotals(page)).resolves.toEqual(Object.fromEntries(byAssignee.rows.map((r) => [r.key, r.n])));
    const names = (await page.getByTestId('report-row').allTextContents()).join(' | ');
    if (byAssignee.rows.some((r) => r.key === 'none')) expect(names).toMatch(/Unassigned/);
    await page.context().close();
  });
});
