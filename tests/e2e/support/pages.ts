import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, type TestPortal } from '../../support/api-harness';

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;
export type Viewport = { readonly width: number; readonly height: number };

/** Review material written by the browser tests (ignored by git). */
export const SCREENSHOT_DIR = resolve(__dirname, '../screenshots');

/** A one-page PDF: the server checks the type from these bytes, not from the name. */
export const SMALL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const MEMBER_REQUEST_PAGE = new RegExp(`/requests/${UUID}$`);
export const STAFF_REQUEST_PAGE = new RegExp(`/inbox/${UUID}$`);

export interface SignInOptions {
  viewport?: Viewport;
  /** The browser's locale; the interface follows the account's language unless one is picked. */
  locale?: string;
  timezoneId?: string;
  /** The account's language (set before signing in; signed in, the account's language applies). */
  language?: 'es' | 'en' | 'pt' | 'fr';
}

/** A fresh browser profile (its own storage), signed in through the sign-in form. */
export async function signIn(
  browser: Browser,
  portal: TestPortal,
  email: string,
  options: SignInOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? PHONE,
    locale: options.locale ?? 'es',
    timezoneId: options.timezoneId,
  });
  if (options.language) await setAccountLanguage(portal, email, options.language);
  const page = await context.newPage();
  await page.goto(`${portal.url}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('welcome').waitFor();
  return { context, page };
}

/** Sets a person's account language, as its profile would: signed in, the interface follows it. */
export async function setAccountLanguage(portal: TestPortal, email: string, language: string): Promise<void> {
  await portal.db.query(`UPDATE users SET language = $1 WHERE lower(email) = lower($2)`, [language, email]);
}

/** Waits until nothing on the page says it is loading (busy regions, spinners, skeletons, loading lines). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('[aria-busy="true"], .spinner, .skeleton, p.loading'),
    undefined,
    { timeout: 15_000 },
  );
}

/** A full-page screenshot into tests/e2e/screenshots/<name>-<width>x<height>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const size = page.viewportSize();
  const path = join(SCREENSHOT_DIR, `${name}-${size?.width}x${size?.height}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
}
