import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { PHONE } from './support/pages';
import { initialChunks } from './support/web-bundle';

/**
 * The member's first page carries at most 250 KB of gzipped JavaScript (issue 4,
 * docs/domain.md, "Reach"). Only sizes are asserted here: they do not depend on how busy the machine is.
 * The load time on emulated slow 3G is measured and printed by `npm run bench:web`.
 */
const BUDGET = 250 * 1024;

describe('the JavaScript a member’s phone downloads for its first page', () => {
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

  it('is at most 250 KB gzipped in the build (the initial chunks and their static imports)', () => {
    const chunks = initialChunks();
    const total = chunks.reduce((sum, chunk) => sum + chunk.gzip, 0);
    expect(chunks.length).toBeGreaterThan(0);
    if (total > BUDGET) {
      throw new Error(
        `initial JavaScript is ${total} bytes gzipped, over ${BUDGET}:\n${chunks.map((c) => `  ${c.file} ${c.gzip}`).join('\n')}`,
      );
    }
  });

  it('is at most 250 KB on the wire for the sign-in page, and still after signing in to the member home', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'es' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const scripts = new Map<string, { url: string; bytes?: number; encoding: string }>();
    cdp.on('Network.responseReceived', (event) => {
      if (event.type === 'Script')
        scripts.set(event.requestId, {
          url: event.response.url,
          encoding: String(event.response.headers['content-encoding'] ?? ''),
        });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const script = scripts.get(event.requestId);
      if (script) script.bytes = event.encodedDataLength;
    });
    const onTheWire = async () => {
      // Every script that started has finished (the page waits for them before running).
      await page.waitForLoadState('load');
      const list = [...scripts.values()];
      return {
        total: list.reduce((sum, script) => sum + (script.bytes ?? 0), 0),
        list: list.map((s) => `${s.url.split('/').pop()} ${s.bytes} ${s.encoding}`).join(', '),
      };
    };

    await page.goto(`${portal.url}/login`);
    await page.getByTestId('login-submit').waitFor();
    const signInPage = await onTheWire();
    expect(signInPage.total).toBeGreaterThan(10_000);
    expect({ bytes: signInPage.total, within: signInPage.total <= BUDGET, scripts: signInPage.list }).toMatchObject({
      within: true,
    });
    // Compressed: a 3G phone must never get the bundles raw.
    expect([...scripts.values()].every((script) => /^(br|gzip)$/.test(script.encoding))).toBe(true);

    await page.getByTestId('login-email').fill('ana@valle-alto.example');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('welcome').waitFor();
    const home = await onTheWire();
    expect({ bytes: home.total, within: home.total <= BUDGET, scripts: home.list }).toMatchObject({ within: true });
    await context.close();
  });
});
