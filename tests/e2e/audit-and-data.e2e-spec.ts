import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { until } from '../support/until';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { DESKTOP, PHONE, screenshot, settled, signIn } from './support/pages';

/**
 * Issue 23 in the browser: an admin filters the audit trail (on a phone and a wide screen) and
 * exports it; a member downloads its data from its profile page; an admin erases a member.
 */
describe('the audit trail and a person’s data', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    [portal, { browser, close: closeBrowser }] = await Promise.all([startTestPortal(), launchChromium()]);
    // A refused sign-in for the trail to show.
    await portal.request('POST', '/api/v1/auth/login', {
      body: { email: 'rep.pe1@clac.example', password: 'not-the-password' },
    });
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  it('lets an admin filter the audit trail by action and person, and export it', async () => {
    // The actions read in the admin's language, in the list and in the filter.
    const signedIn = { es: 'Inicio de sesión', en: 'Signed in' };
    const refused = { es: 'Inicio de sesión rechazado', en: 'Sign-in refused' };
    for (const [viewport, language] of [
      [PHONE, 'es'],
      [DESKTOP, 'en'],
    ] as const) {
      const { context, page } = await signIn(browser, portal, 'admin@clac.example', { viewport, language });
      await page.goto(`${portal.url}/admin/audit`);
      await page.getByTestId('audit-entry').first().waitFor();
      await settled(page);
      // The admin's own sign-in is the newest entry.
      await expect(page.getByTestId('audit-entry').first().getAttribute('data-action')).resolves.toBe('auth.signed-in');
      await expect(page.getByTestId('audit-entry-action').first().textContent()).resolves.toBe(signedIn[language]);

      await page.getByTestId('audit-action').selectOption({ label: refused[language] });
      await page.getByTestId('audit-apply').click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="audit-entry"]')].every(
          (entry) => entry.getAttribute('data-action') === 'auth.sign-in-failed',
        ),
      );
      await expect(page.getByTestId('audit-entry').count()).resolves.toBe(1);
      await expect(page.getByTestId('audit-entry').first().textContent()).resolves.toContain('rep.pe1@clac.example');
      await expect(page.getByTestId('audit-entry-action').first().textContent()).resolves.toBe(refused[language]);

      await page.getByTestId('audit-action').selectOption('');
      await page.getByTestId('audit-actor').fill('admin@clac.example');
      await page.getByTestId('audit-apply').click();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="audit-entry-actor"]')].every((actor) =>
          actor.textContent?.includes('admin@clac.example'),
        ),
      );
      await settled(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await expectAccessible(page, `audit trail (${language}, ${viewport.width}px)`);
      await screenshot(page, `audit-trail-${language}`);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
      const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toMatch(/^id,at,actor_email/);
      expect(lines.slice(1).every((line) => line.split(',')[2] === 'admin@clac.example')).toBe(true);
      await context.close();
    }
  });

  it('lets a member download its data from its profile page', async () => {
    const { context, page } = await signIn(browser, portal, 'ana@valle-alto.example', { language: 'pt' });
    await page.getByTestId('profile-link').click();
    await page.getByTestId('personal-data-download').waitFor();
    await settled(page);
    await expectAccessible(page, 'profile with my data (pt, phone)');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('personal-data-download').click(),
    ]);
    const files = unzipSync(new Uint8Array(await readFile(await download.path())));
    const profile = JSON.parse(Buffer.from(files['profile.json']).toString('utf8'));
    expect(profile.email).toBe('ana@valle-alto.example');
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['requests.json', 'messages.json', 'sign-ins.json']));
    await page.getByTestId('personal-data-status').getByText('Download pronto').waitFor();
    await screenshot(page, 'profile-my-data-pt');
    await context.close();
  });

  it('lets an admin erase a member from its page, after a confirmation', async () => {
    const luis = (await portal.db.query(`SELECT id FROM users WHERE email = 'luis@valle-alto.example'`)).rows[0].id;
    const { context, page } = await signIn(browser, portal, 'admin@clac.example', { language: 'fr' });
    await page.goto(`${portal.url}/admin/users/${luis}`);
    await page.getByTestId('person-erase').waitFor();
    await settled(page);
    await expectAccessible(page, 'a member, personal data section (fr, phone)');
    await page.getByTestId('person-erase').click();
    await page.getByTestId('person-erase-confirm').click();
    await until(
      async () =>
        (await portal.db.query(`SELECT erased_at FROM users WHERE id = $1`, [luis])).rows[0].erased_at !== null,
      'the erasure',
    );
    await page.getByTestId('person-erase-confirm').waitFor({ state: 'detached' });
    const user = (await portal.db.query(`SELECT name, active FROM users WHERE id = $1`, [luis])).rows[0];
    expect(user).toEqual({ name: 'Former member', active: false });
    // The page says so and offers no access action the API would refuse (reactivating gets a 409).
    await page.getByTestId('user-erased').waitFor();
    await expect(page.getByTestId('user-reactivate').count()).resolves.toBe(0);
    await expect(page.getByTestId('user-two-factor-reset').count()).resolves.toBe(0);
    // Their data can still be downloaded, not erased again.
    await page.getByTestId('person-data-download').waitFor();
    await expect(page.getByTestId('person-erase').count()).resolves.toBe(0);
    await screenshot(page, 'person-erased-fr');
    await context.close();
  });
});
