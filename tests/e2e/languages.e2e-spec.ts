import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';

/**
 * The interface's texts reach a phone in its person's language only (web/src/locales,
 * one file per language and part, each a hashed chunk): the app's before the first page,
 * a section's with the section, another language's when the person switches to it; and
 * never a key on screen instead of a text.
 */
const LOCALES = join(__dirname, '../../web/src/locales');
type Language = 'es' | 'en' | 'pt' | 'fr';
const LANGUAGES: Language[] = ['es', 'en', 'pt', 'fr'];
const PARTS = readdirSync(join(LOCALES, 'es')).map((file) => file.replace(/\.json$/, ''));

const texts = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    Object.fromEntries(
      PARTS.map((part) => [
        part,
        JSON.parse(readFileSync(join(LOCALES, language, `${part}.json`), 'utf8')) as Record<string, string>,
      ]),
    ),
  ]),
) as Record<Language, Record<string, Record<string, string>>>;

/**
 * A text that tells a file apart: its longest that differs in every language and that the
 * bundler writes as it is (letters, digits, punctuation and plain spaces; no \xA0 to escape).
 */
function marker(language: Language, part: string): string {
  const plain = (text: string | undefined) => !!text && /^[\p{L}\p{N}\p{P} ]+$/u.test(text) && !/[\\`$]/.test(text);
  const keys = Object.keys(texts.es[part] ?? {}).filter(
    (key) =>
      LANGUAGES.every((l) => plain(texts[l][part]?.[key])) &&
      new Set(LANGUAGES.map((l) => texts[l][part]?.[key])).size === LANGUAGES.length,
  );
  const length = (key: string) => texts[language][part]?.[key]?.length ?? 0;
  const key = keys.sort((a, b) => length(b) - length(a))[0];
  if (!key) throw new Error(`no text tells ${part}/${language} apart`);
  return texts[language][part]?.[key] ?? '';
}

/** Which language files (as "part/language") a page downloads, with their Cache-Control. */
function watchLanguageFiles(page: Page) {
  const seen = new Map<string, string>();
  page.on('response', async (response) => {
    if (!response.url().endsWith('.js')) return;
    const body = await response.text().catch(() => '');
    for (const language of LANGUAGES) {
      for (const part of PARTS) {
        if (body.includes(marker(language, part)))
          seen.set(`${part}/${language}`, response.headers()['cache-control'] ?? '');
      }
    }
  });
  return {
    files: () => [...seen.keys()].sort(),
    forget: () => seen.clear(),
    cacheControl: () => [...new Set(seen.values())],
  };
}

/** No key of any part shows on the page instead of its text. */
async function keysOnScreen(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return PARTS.flatMap((part) => Object.keys(texts.es[part] ?? {})).filter((key) => text.includes(key));
}

describe('the interface’s languages in the browser', () => {
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

  it('downloads only the language in use: Spanish first, French when chosen, then the account’s once signed in', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'es' });
    const page = await context.newPage();
    const downloads = watchLanguageFiles(page);

    await page.goto(`${portal.url}/login`);
    await expect(page.getByTestId('login-submit').textContent()).resolves.toContain(texts.es.app?.['login.submit']);
    await page.waitForLoadState('networkidle');
    expect(downloads.files()).toEqual(['app/es']);
    // Hashed like the code: phones keep it until a build changes it.
    expect(downloads.cacheControl()).toEqual(['public, max-age=31536000, immutable']);
    await expect(keysOnScreen(page)).resolves.toEqual([]);

    await page.getByTestId('language-select').selectOption('fr');
    await page.getByRole('heading', { name: texts.fr.app?.['login.title'] ?? '-' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    expect(downloads.files()).toEqual(['app/es', 'app/fr']);

    await page.getByTestId('login-email').fill('ana@valle-alto.example');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('welcome').waitFor();
    // Signed in, the account's language (Spanish) wins over the French picked on this device.
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    // Opened afresh, signed in: the account's language only, from the start.
    downloads.forget();
    await page.goto(`${portal.url}/requests`);
    await page.waitForFunction((title) => document.title.startsWith(title), texts.es.app?.['nav.myRequests'] ?? '-');
    await page.waitForLoadState('networkidle');
    expect(downloads.files()).toEqual(['app/es', 'requests/es']);
    await expect(keysOnScreen(page)).resolves.toEqual([]);
    await context.close();
  });

  it('follows the account’s language after signing in when none was chosen on the device', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'pt' });
    const page = await context.newPage();
    const downloads = watchLanguageFiles(page);
    await page.goto(`${portal.url}/login`);
    await page.getByTestId('login-email').fill('joana@apicultores-sertao.example');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('welcome').waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('pt');
    await expect(page.getByTestId('welcome').textContent()).resolves.toContain('Olá');
    // A Portuguese browser: the sign-in page was Portuguese already.
    expect(downloads.files()).toEqual(['app/pt']);
    await expect(keysOnScreen(page)).resolves.toEqual([]);

    // Back later, the session kept on the phone: Portuguese only, from the start.
    downloads.forget();
    await page.reload();
    await page.getByTestId('welcome').waitFor();
    await expect(page.getByTestId('welcome').textContent()).resolves.toContain('Olá');
    await page.waitForLoadState('networkidle');
    expect(downloads.files()).toEqual(['app/pt']);
    await context.close();
  });
});
