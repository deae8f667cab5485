import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { setAccountLanguage } from './support/pages';

describe('signing in from the browser', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    portal = await startTestPortal();
    ({ browser, close: closeBrowser } = await launchChromium());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  async function signIn(language: 'es' | 'en') {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: language });
    const page = await context.newPage();
    // Signed in, the account's language applies (issue 18).
    await setAccountLanguage(portal, 'ana@valle-alto.example', language);
    await page.goto(`${portal.url}/login`);
    await page.getByTestId('language-select').selectOption(language);
    await page.getByTestId('login-email').fill('ana@valle-alto.example');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('welcome').waitFor();
    return { context, page };
  }

  it('signs a member in, in Spanish, and greets it by name', async () => {
    const { context, page } = await signIn('es');
    await expect(page.getByTestId('current-user-name').textContent()).resolves.toContain('Ana Torres');
    const welcome = await page.getByTestId('welcome').textContent();
    expect(welcome).toContain('Ana Torres');
    expect(welcome).toMatch(/Hola|Bienvenid/);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await context.close();
  });

  it('signs a member in, in English, and greets it by name', async () => {
    const { context, page } = await signIn('en');
    const welcome = await page.getByTestId('welcome').textContent();
    expect(welcome).toContain('Ana Torres');
    expect(welcome).toMatch(/Hello|Welcome/);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await context.close();
  });

  it('shows a readable message, not JSON, for a wrong password', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${portal.url}/login`);
    await page.getByTestId('language-select').selectOption('en');
    await page.getByTestId('login-email').fill('ana@valle-alto.example');
    await page.getByTestId('login-password').fill('wrong password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    const text = (await error.textContent()) ?? '';
    expect(text.length).toBeGreaterThan(5);
    expect(text).not.toContain('{');
    await context.close();
  });
});
