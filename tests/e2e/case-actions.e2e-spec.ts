import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { setAccountLanguage } from './support/pages';

/**
 * The request page offers staff the actions of the case-permission table
 * (shared/src/case-permissions.ts), the same the API allows: a colleague who sees a case may
 * write on it, not change it; its assignee and its region's director may.
 */
describe('the actions a request page offers staff', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let requestId: string;
  let assignee: string;
  let colleague: string;

  beforeAll(async () => {
    portal = await startTestPortal();
    ({ browser, close: closeBrowser } = await launchChromium());
    const { accessToken } = await portal.login('ana@valle-alto.example');
    const answer = await portal.request('POST', '/api/v1/requests', {
      token: accessToken,
      body: { area: 'climate-resilience', subject: 'Sequía en la parcela', description: 'Pedimos apoyo técnico.' },
    });
    if (answer.status !== 201) throw new Error(`filing failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    requestId = answer.body.id;
    const { rows } = await portal.db.query(`SELECT email FROM users WHERE id = $1`, [answer.body.assignee.id]);
    assignee = rows[0].email;
    colleague = assignee === 'rep.pe1@clac.example' ? 'rep.pe2@clac.example' : 'rep.pe1@clac.example';
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  async function openAs(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en' });
    const page = await context.newPage();
    await page.goto(`${portal.url}/login`);
    // Signed in, the account's language applies (issue 18): set it as the profile would.
    await setAccountLanguage(portal, email, 'en');
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('welcome').waitFor();
    await page.goto(`${portal.url}/inbox/${requestId}`);
    await page.locator('#staff-actions-heading').waitFor();
    await page.getByTestId('reply-internal-toggle').waitFor();
    return page;
  }

  const offered = async (page: Page) => ({
    transitions: await page.locator('[data-testid^="action-"]').count(),
    reassign: await page.getByTestId('reassign-open').count(),
    escalate: await page.getByTestId('escalate-open').count(),
    details: await page.getByTestId('details-save').count(),
  });

  it.each([
    ['its assignee', () => assignee, { transitions: 1, reassign: 1, escalate: 1, details: 1 }],
    [
      "the region's director",
      () => 'director.and@clac.example',
      { transitions: 1, reassign: 1, escalate: 0, details: 1 },
    ],
    ['a colleague who covers the country', () => colleague, { transitions: 0, reassign: 0, escalate: 0, details: 0 }],
    [
      'a specialist who covers the area',
      () => 'climate.and@clac.example',
      { transitions: 0, reassign: 0, escalate: 0, details: 0 },
    ],
  ])('offers %s what the table allows, and a reply or an internal note', async (_who, email, expected) => {
    const page = await openAs(email());
    expect(await offered(page)).toEqual(expected);
    await page.context().close();
  });
});
