import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { PHONE, screenshot, settled, signIn } from './support/pages';

/**
 * Issue 18 on a phone: the language before sign-in comes from the browser, with a switch
 * remembered for the signed-out pages; signed in, the account's language, changed from the
 * profile; the profile's password change signs out the person's other devices.
 */
describe('the language before sign-in and the profile', () => {
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

  it('shows the sign-in page in Portuguese to a Portuguese browser; the switch is remembered for signed-out pages only', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'pt-BR' });
    const page = await context.newPage();
    await page.goto(`${portal.url}/login`);
    await page.getByRole('heading', { name: 'Entrar' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('pt');
    await expect(page.getByTestId('login-submit').textContent()).resolves.toContain('Entrar');
    await screenshot(page, 'sign-in-pt');

    // Switched to French: the forgotten-password page follows, and so does the next visit.
    await page.getByTestId('language-select').selectOption('fr');
    await page.goto(`${portal.url}/forgot-password`);
    await page.getByTestId('forgot-email').waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    await page.goto(`${portal.url}/login`);
    await page.getByTestId('login-email').waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');

    // Signed in, the account's language (Ana's, Spanish) wins over the device's French.
    await page.getByTestId('login-email').fill('ana@valle-alto.example');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('welcome').waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.getByTestId('welcome').textContent()).resolves.toContain('Hola');
    await context.close();
  });

  it('a browser in a language the portal does not speak gets Spanish', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${portal.url}/login`);
    await page.getByTestId('login-email').waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await context.close();
  });

  it('changes the account’s language from the profile, and the pages follow; axe finds nothing serious in two languages', async () => {
    const { context, page } = await signIn(browser, portal, 'joana@apicultores-sertao.example', { locale: 'pt-BR' });
    await page.getByTestId('profile-link').click();
    await page.getByTestId('profile-name').waitFor();
    await settled(page);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('pt');
    await expectAccessible(page, 'profile (pt, phone)');
    await screenshot(page, 'profile-pt');

    await page.getByTestId('profile-language').selectOption('en');
    await page.getByTestId('profile-emails-none').check();
    await page.getByTestId('profile-details-submit').click();
    await page.getByText('Your details were saved.').waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expectAccessible(page, 'profile (en, phone, saved)');
    await screenshot(page, 'profile-en');
    const { rows } = await portal.db.query(
      `SELECT language, email_notifications FROM users WHERE email = 'joana@apicultores-sertao.example'`,
    );
    expect(rows).toEqual([{ language: 'en', email_notifications: 'none' }]);

    // A wrong current password is said next to its field, in the account's language.
    await page.getByTestId('profile-current-password').fill('not my password');
    await page.getByTestId('profile-password').fill('A long new password 2027');
    await page.getByTestId('profile-password-repeat').fill('A long new password 2027');
    await page.getByTestId('profile-password-submit').click();
    await expect(page.getByTestId('profile-current-password-error').textContent()).resolves.toContain(
      'The current password is not correct.',
    );
    await expectAccessible(page, 'profile (en, phone, wrong password)');
    await context.close();
  });

  it('offers the daily digest among the email choices, and saves it', async () => {
    const { context, page } = await signIn(browser, portal, 'marco@tierra-viva.example');
    await page.goto(`${portal.url}/profile`);
    const digest = page.getByTestId('profile-emails-digest');
    await digest.waitFor();
    await expect(page.getByRole('radio', { name: 'Un resumen diario' }).count()).resolves.toBe(1);
    await page.getByText('El resumen diario llega cada mañana a las 7:00').waitFor();
    await digest.check();
    await page.getByTestId('profile-details-submit').click();
    await page.getByTestId('profile-details-saved').getByText(/./).waitFor();
    const { rows } = await portal.db.query(
      `SELECT email_notifications FROM users WHERE email = 'marco@tierra-viva.example'`,
    );
    expect(rows).toEqual([{ email_notifications: 'digest' }]);
    await page.reload();
    await expect(page.getByTestId('profile-emails-digest').isChecked()).resolves.toBe(true);
    await context.close();
  });

  it('tells staff on the daily digest that their notices by email come in it', async () => {
    await portal.db.query(`UPDATE users SET email_notifications = 'digest' WHERE email = 'rep.bo@clac.example'`);
    const { context, page } = await signIn(browser, portal, 'rep.bo@clac.example');
    await page.goto(`${portal.url}/profile`);
    await page.getByTestId('notify-submit').waitFor();
    await expect(page.getByTestId('profile-emails-digest').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('notify-emails-digest').textContent()).resolves.toContain(
      'llegan en ese resumen, no uno por uno',
    );
    await expectAccessible(page, 'profile (es, staff on digest)');
    await context.close();
  });

  it('a password change signs out the person’s other device; this one stays signed in', async () => {
    const email = 'luis@valle-alto.example';
    const here = await signIn(browser, portal, email);
    const other = await signIn(browser, portal, email);

    await here.page.goto(`${portal.url}/profile`);
    await here.page.getByTestId('profile-current-password').fill(DEMO_PASSWORD);
    await here.page.getByTestId('profile-password').fill('Cafe de altura del valle 2027');
    await here.page.getByTestId('profile-password-repeat').fill('Cafe de altura del valle 2027');
    await here.page.getByTestId('profile-password-submit').click();
    await here.page.getByTestId('profile-password-changed').getByText('Su contraseña cambió').waitFor();

    // The other device's session is over as soon as it needs a fresh token.
    await other.page.evaluate(() => localStorage.setItem('portal.accessTokenExpiresAt', '1'));
    await other.page.goto(`${portal.url}/notifications`);
    await other.page.waitForURL(/\/login/);
    await other.page.getByTestId('login-email').waitFor();

    // This one goes on: a reload keeps it signed in, with a token that refreshes.
    await here.page.evaluate(() => localStorage.setItem('portal.accessTokenExpiresAt', '1'));
    await here.page.goto(`${portal.url}/notifications`);
    await here.page.locator('main h1').waitFor();
    await expect(here.page.getByTestId('current-user-name').textContent()).resolves.toContain('Luis');
    expect(here.page.url()).toMatch(/\/notifications$/);
    await here.context.close();
    await other.context.close();
  });
});
