import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { setAccountLanguage } from './support/pages';

describe('the staff inbox and the administration, from the browser', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  /** References of the requests filed for these tests, by what they are about. */
  const filed: Record<string, string> = {};

  async function file(
    email: string,
    key: string,
    body: { area: string; subject: string; description: string; priority?: string },
  ) {
    const { accessToken } = await portal.login(email);
    const answer = await portal.request('POST', '/api/v1/requests', { token: accessToken, body });
    if (answer.status !== 201) throw new Error(`filing ${key} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    filed[key] = answer.body.reference;
  }

  beforeAll(async () => {
    portal = await startTestPortal();
    ({ browser, close: closeBrowser } = await launchChromium());
    // Two Peruvian requests (a representative of Peru covers them) and a Bolivian one (it does not).
    await file('ana@valle-alto.example', 'drought', {
      area: 'climate-resilience',
      subject: 'Sequía y riego en la parcela',
      description: 'La sequía afecta la producción; pedimos apoyo técnico.',
      priority: 'urgent',
    });
    await file('ana@valle-alto.example', 'buyers', {
      area: 'market-access',
      subject: 'Contactos con compradores en Europa',
      description: 'Buscamos compradores para café especial.',
    });
    await file('marco@tierra-viva.example', 'bolivia', {
      area: 'standards-compliance',
      subject: 'Certificación orgánica y sequía',
      description: 'Dudas sobre la certificación conjunta.',
    });
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  async function signIn(email: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'en' });
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

  const rowTexts = (page: Page) => page.getByTestId('inbox-row').allTextContents();

  it('lets a representative search its countries’ requests, and keeps the search and filters over a reload', async () => {
    const page = await signIn('rep.pe1@clac.example');
    await page.goto(`${portal.url}/inbox`);
    await page.getByTestId('inbox-tab-coverage').click();
    await page.waitForURL(/tab=coverage/);
    await page.getByTestId('inbox-total').filter({ hasText: '2 requests' }).waitFor();
    const all = (await rowTexts(page)).join('\n');
    expect(all).toContain(filed['drought']);
    expect(all).toContain(filed['buyers']);
    // Bolivia is not this representative's country: the API's scope hides its request.
    expect(all).not.toContain(filed['bolivia']);

    // Accents are ignored: "sequia" finds "Sequía".
    await page.getByTestId('inbox-search').pressSequentially('sequia', { delay: 30 });
    await page.waitForURL(/q=sequia/);
    await page.getByTestId('inbox-total').filter({ hasText: '1 request' }).waitFor();
    expect(await rowTexts(page)).toEqual([expect.stringContaining(filed['drought'])]);
    // Typing is not interrupted: focus stays in the search box after the list updates.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('inbox-search');

    await page.getByTestId('inbox-filter-status').locator('summary').click();
    await page.getByTestId('inbox-filter-status').getByLabel('Assigned').check();
    await page.waitForURL(/status=assigned/);
    await page.getByTestId('inbox-sort').selectOption('-priority');
    await page.waitForURL(/sort=-priority/);
    await page.getByTestId('inbox-row').first().waitFor();

    await page.reload();
    await page.getByTestId('inbox-total').filter({ hasText: '1 request' }).waitFor();
    expect(await rowTexts(page)).toEqual([expect.stringContaining(filed['drought'])]);
    await expect(page.getByTestId('inbox-search').inputValue()).resolves.toBe('sequia');
    await expect(page.getByTestId('inbox-sort').inputValue()).resolves.toBe('-priority');
    await expect(page.getByTestId('inbox-filter-status').getByLabel('Assigned').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('inbox-tab-coverage').getAttribute('aria-current')).resolves.toBe('page');

    // The row opens the request page under the inbox.
    await page.getByTestId('inbox-row').first().getByRole('link').click();
    await page.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    await page.context().close();
  });

  it('lets an admin change a person’s coverage and availability, and the database keeps them', async () => {
    const page = await signIn('admin@clac.example');
    await page.goto(`${portal.url}/admin/users`);
    await page.getByTestId('user-search').fill('Mamani');
    await page.waitForURL(/q=Mamani/);
    await page.getByTestId('user-row').filter({ hasText: 'rep.bo@clac.example' }).getByRole('link').click();

    const rows = page.getByTestId('coverage-row');
    await page.getByTestId('coverage-editor').waitFor();
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2); // Bolivia · markets, Bolivia · standards

    // Drop "Bolivia · markets", add "Peru · climate".
    const areas = () =>
      page
        .getByTestId('coverage-area')
        .evaluateAll((selects) => selects.map((select) => (select as HTMLSelectElement).value));
    const marketsIndex = (await areas()).indexOf('market-access');
    expect(marketsIndex).toBeGreaterThanOrEqual(0);
    await rows
      .nth(marketsIndex)
      .getByRole('button', { name: /Remove row/ })
      .click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="coverage-row"]').length === 1);
    expect(await areas()).toEqual(['standards-compliance']);
    await page.getByTestId('coverage-add').click();
    await rows.nth(1).waitFor();
    await rows.nth(1).getByTestId('coverage-place').selectOption('country:PE');
    await rows.nth(1).getByTestId('coverage-area').selectOption('climate-resilience');
    await page.getByTestId('coverage-save').click();
    await page.getByTestId('coverage-saved').waitFor();

    await expect(page.getByTestId('availability-switch').getAttribute('aria-checked')).resolves.toBe('true');
    await page.getByTestId('availability-switch').click();
    await page.getByTestId('availability-state').filter({ hasText: 'On leave' }).waitFor();
    await page.getByText('Changes saved.').waitFor();

    const { rows: coverage } = await portal.db.query(
      `SELECT c.country_code, c.region_code, c.area_code FROM coverage_entries c JOIN users u ON u.id = c.user_id
       WHERE u.email = 'rep.bo@clac.example' ORDER BY c.country_code, c.area_code`,
    );
    expect(coverage).toEqual([
      { country_code: 'BO', region_code: null, area_code: 'standards-compliance' },
      { country_code: 'PE', region_code: null, area_code: 'climate-resilience' },
    ]);
    const { rows: people } = await portal.db.query(`SELECT available FROM users WHERE email = 'rep.bo@clac.example'`);
    expect(people).toEqual([{ available: false }]);

    // A reload shows what the database holds.
    await page.reload();
    await page.getByTestId('coverage-editor').waitFor();
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    await expect(page.getByTestId('availability-switch').getAttribute('aria-checked')).resolves.toBe('false');
    await page.context().close();
  });
});
