import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { composeMail, ImapServer, mailboxEnv } from '../support/imap-server';
import { until } from '../support/until';
import { expectAccessible } from './support/axe';
import { PHONE, screenshot, settled, signIn } from './support/pages';

const MAILBOX = { user: 'portal@coop.example', password: 'mailbox-password-1' };

describe('the mail the portal read, from an administrator’s phone', () => {
  const imap = new ImapServer();
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    await imap.start([MAILBOX]);
    portal = await startTestPortal({
      env: mailboxEnv(imap, MAILBOX),
    });
    ({ browser, close: closeBrowser } = await launchChromium());
    for (const mail of [
      { from: 'stranger@elsewhere.example', subject: 'Quiero unirme a la red', text: '¿Cómo me uno?' },
      {
        from: 'ana@valle-alto.example',
        subject: 'Consulta sobre la prima',
        text: 'Tenemos una consulta sobre la prima.',
      },
    ]) {
      await imap.deliver(
        MAILBOX.user,
        MAILBOX.password,
        await composeMail({ ...mail, to: MAILBOX.user, messageId: `<${randomUUID()}@mail.example>` }),
      );
    }
    await until(
      async () => (await imap.count(MAILBOX.user, MAILBOX.password, 'INBOX')) === 0,
      'the portal read its mailbox',
    );
    ({ page } = await signIn(browser, portal, 'admin@clac.example', { viewport: PHONE }));
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
    await imap.stop();
  });

  it('lists the refused mail first with why, then the request a member’s mail filed; filters by outcome', async () => {
    await page.goto(`${portal.url}/admin/email`);
    await page.getByTestId('mail-list').waitFor();
    await settled(page);
    const rows = page.getByTestId('mail-row');
    expect(await rows.count()).toBe(2);
    await expect(rows.nth(0).getAttribute('data-outcome')).resolves.toBe('refused');
    await expect(rows.nth(0).textContent()).resolves.toContain('stranger@elsewhere.example');
    await expect(rows.nth(0).getByTestId('mail-refusal').textContent()).resolves.toBe('Remitente desconocido');
    await expect(rows.nth(1).getAttribute('data-outcome')).resolves.toBe('request');
    await expect(rows.nth(1).getByTestId('mail-request').textContent()).resolves.toMatch(/^SR-\d{4}-\d{6}$/);

    // A phone: nothing scrolls sideways.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'inbound mail (phone)');
    await screenshot(page, 'inbound-mail');

    await page.getByTestId('mail-outcome').selectOption('refused');
    await until(async () => (await rows.count()) === 1, 'only the refused mail');
    await expect(rows.nth(0).getAttribute('data-outcome')).resolves.toBe('refused');
  });

  it('opens the request the mail filed', async () => {
    await page.getByTestId('mail-outcome').selectOption('request');
    await until(async () => (await page.getByTestId('mail-request').count()) === 1, 'the filed request');
    await page.getByTestId('mail-request').click();
    await page.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    await page.getByText('Consulta sobre la prima').first().waitFor();
  });
});
