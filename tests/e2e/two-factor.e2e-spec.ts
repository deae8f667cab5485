import type { Browser } from 'playwright-core';
import { totpCode, totpStep } from '../../api/src/two-factor/totp';
import { DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { PHONE, screenshot, settled, signIn } from './support/pages';

/**
 * Two-factor sign-in (issue 23) on a phone: a member turns it on in the profile with a code
 * the test computes from the key shown, keeps the recovery codes, signs out, and signs in
 * again with the password and then a code (axe on each new screen).
 */
describe('two-factor sign-in in the browser', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const email = 'joana@apicultores-sertao.example';

  beforeAll(async () => {
    portal = await startTestPortal({ env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' } });
    ({ browser, close: closeBrowser } = await launchChromium());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  it('turns it on in the profile, then signs in with a code', async () => {
    const { context, page } = await signIn(browser, portal, email, { viewport: PHONE, language: 'pt' });
    await page.goto(`${portal.url}/profile`);
    await page.getByTestId('two-factor-off').waitFor();
    await page.getByTestId('two-factor-start').click();
    const key = (await page.getByTestId('two-factor-key').textContent())!.trim();
    await settled(page);
    await expectAccessible(page, 'two-factor-enrolment');
    await screenshot(page, 'two-factor-enrolment-phone');
    const noSideScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(noSideScroll).toBe(true);

    await page.getByTestId('two-factor-enrol-code').fill(totpCode(key, totpStep(Date.now())));
    await page.getByTestId('two-factor-enrol-submit').click();
    const codes = page.getByTestId('two-factor-recovery-codes').locator('li');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await expectAccessible(page, 'two-factor-recovery-codes');
    await page.getByTestId('two-factor-recovery-done').click();
    await page.getByTestId('two-factor-on').waitFor();
    await context.close();

    const fresh = await browser.newContext({ viewport: PHONE, locale: 'pt' });
    const again = await fresh.newPage();
    await again.goto(`${portal.url}/login`);
    await again.getByTestId('login-email').fill(email);
    await again.getByTestId('login-password').fill(DEMO_PASSWORD);
    await again.getByTestId('login-submit').click();
    await again.getByTestId('login-code').waitFor();
    await expectAccessible(again, 'sign-in-code-step');
    await screenshot(again, 'two-factor-code-step-phone');
    // A wrong code is refused on the page.
    await again
      .getByTestId('login-code')
      .fill('000000' === totpCode(key, totpStep(Date.now()) + 1) ? '111111' : '000000');
    await again.getByTestId('login-code-submit').click();
    await again.getByTestId('login-code-error').waitFor();
    // The enrolment used this step's code: the next step's, which the server takes too.
    await again.getByTestId('login-code').fill(totpCode(key, totpStep(Date.now()) + 1));
    await again.getByTestId('login-code-submit').click();
    await again.getByTestId('welcome').waitFor();
    await fresh.close();
  });

  it('lets an admin register a webhook endpoint on a phone: the secret once, then the delivery log', async () => {
    const { context, page } = await signIn(browser, portal, 'admin@clac.example', { viewport: PHONE });
    await page.goto(`${portal.url}/admin/webhooks`);
    await page.getByTestId('webhook-url').fill('http://127.0.0.1:9/hook');
    await page.getByTestId('webhook-create').click();
    const secret = page.getByTestId('webhook-secret');
    await secret.waitFor();
    expect(await secret.textContent()).toMatch(/whsec_/);
    await page.getByTestId('webhook-endpoint').first().waitFor();
    await settled(page);
    await expectAccessible(page, 'webhooks-admin');
    await screenshot(page, 'webhooks-admin-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
  });
});
