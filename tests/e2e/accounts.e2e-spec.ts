import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { SmtpSink } from '../support/smtp-sink';

/** The links of the emails point at the public address; the test opens them on its own portal. */
const PUBLIC_URL = 'https://portal.example';

/** The token of the `path` link in a received email (its parts may be quoted-printable). */
function tokenIn(raw: string, path: string): string {
  const decoded = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const match = new RegExp(`${PUBLIC_URL.replace(/[.]/g, '\\.')}${path}\\?token=([A-Za-z0-9_-]+)`).exec(decoded);
  if (!match) throw new Error(`no ${path} link in mail:\n${decoded}`);
  return match[1];
}

describe('accounts from the browser: invitations, forgotten passwords, the people of an organization', () => {
  const smtp = new SmtpSink();
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    portal = await startTestPortal({ env: { SMTP_URL: smtpUrl, OUTBOX_POLL_MS: '200', PUBLIC_URL } });
    ({ browser, close: closeBrowser } = await launchChromium());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
    await smtp.stop();
  });

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'es' });
    return { context, page: await context.newPage() };
  }

  async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
    await page.goto(`${portal.url}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user-name').waitFor();
  }

  it("an invited member opens the link of the mail, sets a password and lands signed in on its organization's requests", async () => {
    const invitee = 'rosa.quispe@valle-alto.example';
    // Ana, the contact of her cooperative, invites a colleague from "People of my organization".
    const contact = await newPage();
    await signIn(contact.page, 'ana@valle-alto.example');
    await contact.page.goto(`${portal.url}/organization/people`);
    await contact.page.getByTestId('people-row').first().waitFor();
    const before = await contact.page.getByTestId('people-row').count();
    await contact.page.getByTestId('invite-name').fill('Rosa Quispe');
    await contact.page.getByTestId('invite-email').fill(invitee);
    await contact.page.getByTestId('invite-language').selectOption('es');
    await contact.page.getByTestId('invite-submit').click();
    await expect(contact.page.getByTestId('invite-done').textContent()).resolves.toContain(invitee);
    await contact.page.getByTestId('people-row').filter({ hasText: invitee }).waitFor();
    expect(await contact.page.getByTestId('people-row').count()).toBe(before + 1);

    await smtp.waitFor(() => smtp.to(invitee).length === 1);
    const link = `${portal.url}/accept-invitation?token=${tokenIn(smtp.to(invitee)[0].raw, '/accept-invitation')}`;

    const { context, page } = await newPage();
    await page.goto(link);
    // A common password is refused next to the field, in the page's language (not the API's English).
    await page.getByTestId('accept-password').fill('password123');
    await page.getByTestId('accept-password-repeat').fill('password123');
    await page.getByTestId('accept-submit').click();
    const refusal = (await page.getByTestId('accept-password-error').textContent()) ?? '';
    expect(refusal).toContain('más usadas');
    expect(refusal).not.toContain('common');

    await page.getByTestId('accept-password').fill('café de altura 2026');
    await page.getByTestId('accept-password-repeat').fill('café de altura 2026');
    await page.getByTestId('accept-language').selectOption('pt');
    await page.getByTestId('accept-submit').click();
    await page.waitForURL(`${portal.url}/requests`);
    await expect(page.getByTestId('current-user-name').textContent()).resolves.toContain('Rosa Quispe');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('pt');
    const { rows } = await portal.db.query(
      'SELECT language, password_hash IS NOT NULL AS has_password FROM users WHERE email = $1',
      [invitee],
    );
    expect(rows).toEqual([{ language: 'pt', has_password: true }]);
    await context.close();

    // The link works once: opened again, it says so instead of showing a form that cannot work.
    const again = await newPage();
    await again.page.goto(link);
    await again.page.getByTestId('accept-password').fill('otra frase bien larga');
    await again.page.getByTestId('accept-password-repeat').fill('otra frase bien larga');
    await again.page.getByTestId('accept-submit').click();
    await expect(again.page.getByTestId('accept-error').textContent()).resolves.toMatch(/ya se usó o venció/);
    await again.context.close();

    // The contact deactivates her after confirming; Rosa can no longer sign in.
    await contact.page.reload();
    const row = contact.page.getByTestId('people-row').filter({ hasText: invitee });
    await row.getByTestId('people-deactivate').click();
    await contact.page.getByTestId('people-deactivate-confirm').click();
    await expect(contact.page.getByTestId('people-notice').textContent()).resolves.toContain('Rosa Quispe');
    await expect(row.getByTestId('people-deactivate').count()).resolves.toBe(0);
    const login = await portal.request('POST', '/api/v1/auth/login', {
      body: { email: invitee, password: 'café de altura 2026' },
    });
    expect(login.status).toBe(401);
    await contact.context.close();
  });

  it('tells a member who is not its organization’s contact who manages its people', async () => {
    const { context, page } = await newPage();
    await signIn(page, 'luis@valle-alto.example');
    await page.goto(`${portal.url}/organization/people`);
    await expect(page.getByTestId('people-not-contact').textContent()).resolves.toContain('contacto');
    await expect(page.getByTestId('invite-submit').count()).resolves.toBe(0);
    await context.close();
  });

  it('resets a forgotten password through the pages, ending the sessions the person had', async () => {
    const email = 'luis@valle-alto.example';
    const earlier = await portal.login(email);
    const { context, page } = await newPage();
    await page.goto(`${portal.url}/login`);
    await page.getByTestId('forgot-link').click();
    await page.getByTestId('forgot-email').fill(email);
    await page.getByTestId('forgot-submit').click();
    const known = (await page.getByTestId('forgot-done').textContent()) ?? '';
    expect(known).toContain('30 minutos');

    // An unknown address gets the very same answer (only the address it repeats differs).
    const stranger = await newPage();
    await stranger.page.goto(`${portal.url}/forgot-password`);
    await stranger.page.getByTestId('forgot-email').fill('nadie@ninguna.example');
    await stranger.page.getByTestId('forgot-submit').click();
    const unknown = (await stranger.page.getByTestId('forgot-done').textContent()) ?? '';
    expect(unknown.replace('nadie@ninguna.example', email)).toBe(known);
    await stranger.context.close();

    await smtp.waitFor(() => smtp.to(email).length === 1);
    await page.goto(`${portal.url}/reset-password?token=${tokenIn(smtp.to(email)[0].raw, '/reset-password')}`);
    await page.getByTestId('reset-password').fill('nueva clave del cafetal');
    await page.getByTestId('reset-password-repeat').fill('nueva clave del cafeta');
    await page.getByTestId('reset-submit').click();
    await expect(page.locator('#reset-password-repeat-error').textContent()).resolves.toContain('no son iguales');
    await page.getByTestId('reset-password-repeat').fill('nueva clave del cafetal');
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-done').waitFor();

    // Every session it had is over; the new password signs it in.
    const refresh = await portal.request('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: earlier.refreshToken },
    });
    expect(refresh.status).toBe(401);
    await page.getByTestId('reset-sign-in').click();
    await page.waitForURL(`${portal.url}/login`);
    await signIn(page, email, 'nueva clave del cafetal');
    await expect(page.getByTestId('current-user-name').textContent()).resolves.toContain('Luis');
    await context.close();
  });
});
