import type { Browser, Page } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { DESKTOP, settled, signIn } from './support/pages';

/**
 * A list longer than the API counts (issue 25), with the counting limit lowered to 5: the inbox
 * says "5+ requests" — as it says "10,000+" at the default limit — and still offers every
 * next page, which it asks for by the previous page's cursor.
 */
const LIMIT = 5;

describe('the inbox beyond the API’s counting limit', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    portal = await startTestPortal({ env: { LIST_EXACT_TOTAL_LIMIT: String(LIMIT) } });
    ({ browser, close: closeBrowser } = await launchChromium());
    const { accessToken } = await portal.login('ana@valle-alto.example');
    for (let i = 0; i < 30; i++) {
      const answer = await portal.request('POST', '/api/v1/requests', {
        token: accessToken,
        body: {
          area: 'market-access',
          subject: `Compradores para la cosecha ${i}`,
          description: 'Buscamos compradores de café especial.',
        },
      });
      if (answer.status !== 201) throw new Error(`filing failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  const references = async (page: Page) =>
    (await page.getByTestId('inbox-row').allTextContents()).map((text) => /SR-\d{4}-\d+/.exec(text)?.[0]);

  it('shows "5+ requests" and pages through the whole list by cursor', async () => {
    const { context, page } = await signIn(browser, portal, 'admin@clac.example', {
      viewport: DESKTOP,
      locale: 'en',
      language: 'en',
    });
    await page.goto(`${portal.url}/inbox`);
    await page
      .getByTestId('inbox-total')
      .filter({ hasText: `${LIMIT}+ requests` })
      .waitFor();
    await settled(page);
    const pager = page.getByRole('navigation', { name: 'Pages' });
    await expect(pager.textContent()).resolves.toContain('Page 1 of 1+');

    const { rows } = await portal.db.query('SELECT reference FROM requests');
    const everything = new Set(rows.map((row: { reference: string }) => row.reference));
    const seen: string[] = [];
    for (let number = 1; ; number++) {
      await page
        .getByTestId('inbox-total')
        .filter({ hasText: `${LIMIT}+ requests` })
        .waitFor();
      await settled(page);
      seen.push(...((await references(page)) as string[]));
      const next = pager.getByRole('button', { name: 'Next' });
      if (await next.isDisabled()) break;
      const answered = page.waitForResponse((response) => /\/api\/v1\/requests\?/.test(response.url()));
      await next.click();
      await page.waitForURL(new RegExp(`page=${number + 1}`));
      // The next page was asked for after the last row shown (a cursor), not by an OFFSET.
      expect((await answered).url()).toContain('cursor=');
      await pager.getByText(`Page ${number + 1} of`).waitFor();
    }
    expect(seen.length).toBeGreaterThan(25);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(everything);

    // Back to the first page, and a list within the limit is counted exactly.
    await page.goto(`${portal.url}/inbox?q=${encodeURIComponent('cosecha 17')}`);
    await page
      .getByTestId('inbox-total')
      .filter({ hasText: /^\s*1 request\s*$/ })
      .waitFor();
    await context.close();
  });
});
