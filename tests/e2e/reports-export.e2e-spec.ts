import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { readWorkbook } from '../support/xlsx';
import { expectAccessible } from './support/axe';
import { DESKTOP, PHONE, settled, signIn } from './support/pages';

const DAY = 86_400_000;

/**
 * The dashboard of a Spanish-speaking director in Lima: the period against the previous one,
 * the bars' values written on the chart, the load as an XLSX spreadsheet (opened here with a
 * library: headers in Spanish, counts as number cells), and the inbox behind a count listing
 * the requests of the director's days, not UTC's.
 */
describe("the reports dashboard's comparison, bar values and spreadsheet, from the browser", () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  /** The latest 22:30 in Lima up to now (03:30 UTC; Lima keeps −05:00 all year), and its Lima day. */
  let evening: number;
  let limaDay: string;

  async function file(email: string, area: string, createdAt: Date): Promise<string> {
    const { accessToken } = await portal.login(email);
    const answer = await portal.request('POST', '/api/v1/requests', {
      token: accessToken,
      body: { area, subject: 'Consulta de informe', description: 'Necesitamos apoyo con el informe.' },
    });
    if (answer.status !== 201) throw new Error(`filing failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    await portal.db.query(`UPDATE requests SET created_at = $2 WHERE id = $1`, [answer.body.id, createdAt]);
    return answer.body.id as string;
  }

  beforeAll(async () => {
    portal = await startTestPortal();
    ({ browser, close: closeBrowser } = await launchChromium());
    const now = Date.now();
    const today = new Date(now);
    evening = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 3, 30);
    if (evening > now) evening -= DAY;
    limaDay = new Date(evening - 5 * 3_600_000).toISOString().slice(0, 10);
    // This period (the last 12 months): three Andean requests, one filed at 22:25 in Lima
    // (the next day in UTC). The previous 12 months: two.
    await file('ana@valle-alto.example', 'market-access', new Date(evening - 5 * 60_000));
    await file('rosa@quinua-andina.example', 'climate-resilience', new Date(evening - 40 * DAY));
    await file('marco@tierra-viva.example', 'standards-compliance', new Date(evening - 100 * DAY));
    await file('camilo@finca-esperanza.example', 'human-rights', new Date(evening - 400 * DAY));
    await file('ana@valle-alto.example', 'human-rights', new Date(evening - 500 * DAY));
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  async function dashboard(viewport: { width: number; height: number }): Promise<Page> {
    const { page } = await signIn(browser, portal, 'director.and@clac.example', {
      viewport,
      language: 'es',
      timezoneId: 'America/Lima',
    });
    await page.clock.setFixedTime(new Date(evening));
    await page.goto(`${portal.url}/reports`);
    await page.getByTestId('report-row').first().waitFor();
    await settled(page);
    return page;
  }

  /** A plain count of the Andean requests filed between two Lima days (inclusive). */
  async function andeanBetween(from: string, to: string): Promise<number> {
    const { rows } = await portal.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM requests
       WHERE region_code = 'AND' AND (created_at AT TIME ZONE 'America/Lima')::date BETWEEN $1::date AND $2::date`,
      [from, to],
    );
    return rows[0].n;
  }

  it('compares the period with the previous one, writes the bar values, and downloads an XLSX in Spanish', async () => {
    const page = await dashboard(DESKTOP);
    // The default period: the 12 months up to Lima's today; the previous one, as many days before it.
    const periodFrom = await page.getByTestId('report-from').inputValue();
    await expect(page.getByTestId('report-to').inputValue()).resolves.toBe(limaDay);
    const days = Math.round((Date.parse(limaDay) - Date.parse(periodFrom)) / DAY) + 1;
    const previousFrom = new Date(Date.parse(periodFrom) - days * DAY).toISOString().slice(0, 10);
    const previousTo = new Date(Date.parse(periodFrom) - DAY).toISOString().slice(0, 10);
    const current = await andeanBetween(periodFrom, limaDay);
    const previous = await andeanBetween(previousFrom, previousTo);
    expect([current, previous]).toEqual([3, 2]);
    await expect(page.getByTestId('report-total').textContent()).resolves.toBe('3');
    // +50 %, in Spanish: "+50 % vs. período anterior", an upward arrow beside it.
    const change = new Intl.NumberFormat('es', {
      style: 'percent',
      maximumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }).format((current - previous) / previous);
    const totalChange = page.getByTestId('report-change-total');
    await expect(totalChange.textContent()).resolves.toContain(`${change} vs. período anterior`);
    await expect(totalChange.getAttribute('data-direction')).resolves.toBe('up');
    await expect(totalChange.isVisible()).resolves.toBe(true);
    const intro = page.getByTestId('report-previous-period');
    await expect(intro.isVisible()).resolves.toBe(true);
    await expect(intro.textContent()).resolves.toContain('período anterior de igual duración');
    // Nothing came due yet (every request still open, none breached): "—", and why.
    await expect(page.getByTestId('report-sla').textContent()).resolves.toContain('—');
    await page.getByText('Aún no venció ningún plazo en este período').waitFor();

    // The bars carry their values: each country's total, written after its bar.
    const table = await page
      .getByTestId('report-row')
      .evaluateAll((rows) => rows.map((row) => (row.querySelector('[data-col="total"]')?.textContent ?? '').trim()));
    const canvas = page.locator('app-load-chart canvas');
    await expect(canvas.isVisible()).resolves.toBe(true);
    await page.waitForFunction(() => document.querySelector('app-load-chart canvas')?.getAttribute('data-bar-totals'));
    await expect(canvas.getAttribute('data-bar-totals')).resolves.toBe(table.join('|'));
    await expectAccessible(page, 'reports-comparison-desktop');

    // The spreadsheet, made by the API: opened with a library, its headers in Spanish, its counts numbers.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-xlsx-load').click()]);
    expect(download.suggestedFilename()).toMatch(/^load-by-country-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [load, period] = await readWorkbook(await readFile(await download.path()));
    expect(load.sheet).toBe('Carga');
    expect(load.data[0].slice(0, 3)).toEqual(['País', 'Solicitudes', 'Nueva']);
    expect(load.data[0]).toEqual(expect.arrayContaining(['Abiertas', 'Fuera de plazo', 'Cumplimiento de plazos']));
    const totalAt = load.data[0].indexOf('Solicitudes');
    const rows = load.data.slice(1, -1);
    for (const row of load.data.slice(1)) expect(typeof row[totalAt]).toBe('number');
    expect(rows.map((row) => row[totalAt])).toEqual(table.map(Number));
    expect(load.data.at(-1)!.slice(0, 2)).toEqual(['Total', 3]);
    // The period as dates: the director's days.
    expect(period.data[0]).toEqual(['Desde', new Date(`${periodFrom}T00:00:00Z`)]);
    expect(period.data[1]).toEqual(['Hasta', new Date(`${limaDay}T00:00:00Z`)]);
    await page.context().close();
  });

  it("opens, from a count of Lima's day, the inbox listing the same requests (the director's days, not UTC's)", async () => {
    const page = await dashboard(PHONE);
    await page.goto(`${portal.url}/reports?from=${limaDay}`);
    await page.getByTestId('report-row').first().waitFor();
    const count = await andeanBetween(limaDay, limaDay);
    expect(count).toBe(1);
    await expect(page.getByTestId('report-total').textContent()).resolves.toBe(String(count));
    await page.getByTestId('report-total').click();
    await page.waitForURL(/\/inbox\?/);
    const total = page.getByTestId('inbox-total');
    await total.filter({ hasText: /\d/ }).waitFor();
    await expect(total.textContent()).resolves.toMatch(new RegExp(`^\\s*${count}\\b`));
    await page.context().close();
  });
});
