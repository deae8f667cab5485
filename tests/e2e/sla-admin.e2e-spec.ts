import type { Browser, Page } from 'playwright-core';
import publicHolidays from '../../shared/data/public-holidays.json';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { signIn } from './support/pages';

const table = publicHolidays.holidays as Record<string, Record<string, { date: string; name: string }[]>>;

/** The local date (YYYY-MM-DD) of an instant in Lima. */
const limaDate = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: 'America/Lima' });

describe('the SLA targets and holidays, from an administrator’s browser', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let ana: string;

  beforeAll(async () => {
    portal = await startTestPortal();
    ({ browser, close: closeBrowser } = await launchChromium());
    ana = (await portal.login('ana@valle-alto.example')).accessToken;
    ({ page } = await signIn(browser, portal, 'admin@clac.example', {
      language: 'en',
      viewport: { width: 1280, height: 800 },
    }));
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  /** A Peruvian member files a request now; its first-response due time. */
  async function fileRequest(subject: string): Promise<string> {
    const answer = await portal.request('POST', '/api/v1/requests', {
      token: ana,
      body: { area: 'market-access', subject, description: 'Buscamos compradores para café especial.' },
    });
    expect(answer.status).toBe(201);
    return answer.body.sla.firstResponseDueAt as string;
  }

  async function chooseCountryAndYear(country: string, year: string): Promise<void> {
    await page.getByTestId('holiday-country').selectOption(country);
    await page.getByTestId('holiday-year').selectOption(year);
    await page.locator('[data-testid="holiday-empty"], [data-testid="holiday-table"]').first().waitFor();
  }

  it('adds a holiday on the day a request would be due: the next request’s due time moves past it; then deletes it', async () => {
    // Whatever today is, the first request's due day is a business day of Peru; made a holiday,
    // a request filed after it cannot be due on that day, so its due time is later.
    const before = await fileRequest('Antes del feriado');
    const day = limaDate(before);

    await page.goto(`${portal.url}/admin/holidays`);
    await chooseCountryAndYear('PE', day.slice(0, 4));
    await page.getByTestId('holiday-date').fill(day);
    await page.getByTestId('holiday-name').fill('Feriado de prueba');
    await page.getByTestId('holiday-add').click();
    await page.getByTestId('holiday-notice').filter({ hasText: '“Feriado de prueba” added' }).waitFor();
    await page.locator(`[data-testid="holiday-row"][data-date="${day}"]`).waitFor();

    const after = await fileRequest('Después del feriado');
    expect(new Date(after).getTime()).toBeGreaterThan(new Date(before).getTime());
    expect(limaDate(after)).not.toBe(day);

    // The same date again: the API's refusal is said next to the date.
    await page.getByTestId('holiday-date').fill(day);
    await page.getByTestId('holiday-name').fill('Otra vez');
    await page.getByTestId('holiday-add').click();
    await page.locator('#holiday-date-error').waitFor();
    expect(await page.getByTestId('holiday-date').getAttribute('aria-invalid')).toBe('true');

    // Deleting asks first.
    const row = page.locator(`[data-testid="holiday-row"][data-date="${day}"]`);
    await row.getByTestId('holiday-delete').click();
    await row.getByTestId('holiday-confirm').click();
    await page.getByTestId('holiday-notice').filter({ hasText: '“Feriado de prueba” deleted' }).waitFor();
    await row.waitFor({ state: 'detached' });
    // Without it, a request filed now is due a business day earlier than with it.
    const again = await fileRequest('Sin el feriado');
    expect(new Date(again).getTime()).toBeLessThan(new Date(after).getTime());
  });

  it('imports a country’s public holidays for a year once: a second import adds nothing', async () => {
    await page.goto(`${portal.url}/admin/holidays`);
    await chooseCountryAndYear('CO', '2027');
    await page.getByTestId('holiday-empty').waitFor();
    const expected = table['CO']['2027'];
    await page.getByTestId('holiday-import').click();
    await page
      .getByTestId('holiday-notice')
      .filter({ hasText: `${expected.length} public holidays added` })
      .waitFor();
    await page.getByTestId('holiday-table').waitFor();
    expect(
      await page.getByTestId('holiday-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-date'))),
    ).toEqual(expected.map((h) => h.date));
    await page.getByTestId('holiday-import').click();
    await page.getByTestId('holiday-notice').filter({ hasText: 'Nothing added' }).waitFor();
    expect(await page.getByTestId('holiday-row').count()).toBe(expected.length);
  });

  it('changes a target in place, checking it first, and keeps it', async () => {
    await page.goto(`${portal.url}/admin/sla-policies`);
    const row = page.getByTestId('sla-row-market-access-urgent');
    await row.waitFor();
    expect(await page.getByTestId('sla-note').textContent()).toContain('requests filed from now on');
    await row.getByTestId('sla-first').fill('30');
    await row.getByTestId('sla-save').click();
    await row.getByText('Resolution cannot take fewer hours than the first response.').waitFor();
    await row.getByTestId('sla-first').fill('3');
    await row.getByTestId('sla-save').click();
    await row.getByTestId('sla-saved').waitFor();
    const policies = await portal.request('GET', '/api/v1/sla-policies', {
      token: (await portal.login('admin@clac.example')).accessToken,
    });
    expect(
      policies.body.find(
        (p: { area: string; priority: string }) => p.area === 'market-access' && p.priority === 'urgent',
      ),
    ).toMatchObject({ firstResponseHours: 3, resolutionHours: 24 });
    await page.reload();
    await row.waitFor();
    expect(await row.getByTestId('sla-first').inputValue()).toBe('3');
  });
});
