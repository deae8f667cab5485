import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { eventually } from '../support/from-address';
import { SmtpSink } from '../support/smtp-sink';
import { expectAccessible } from './support/axe';
import { DESKTOP, PHONE, SCREENSHOT_DIR, screenshot, settled, signIn } from './support/pages';

/**
 * Issue 19 in two browsers and a mail server: a colleague sees "… is writing" while the
 * assignee types a reply; the assignee's reply, stale after the colleague's change, is
 * explained and kept; a staff member turns off emails for assignments on the profile page
 * (no email comes, the bell still shows it); and the bell groups a request's news in one entry.
 */
describe('someone else on the case, notification settings and the grouped bell', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const smtp = new SmtpSink();
  const ids: Record<string, string> = {};
  const names: Record<string, string> = {};
  const EMAIL_OF: Record<string, string> = {};

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    [portal, { browser, close: closeBrowser }] = await Promise.all([
      startTestPortal({ env: { SMTP_URL: smtpUrl, OUTBOX_POLL_MS: '200' } }),
      launchChromium(),
    ]);
    const { rows } = await portal.db.query(`SELECT id, email, name FROM users`);
    for (const row of rows) {
      ids[row.email] = row.id;
      names[row.email] = row.name;
      EMAIL_OF[row.id] = row.email;
    }
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
    await smtp.stop();
  });

  async function fileRequest(subject: string) {
    const member = (await portal.login('ana@valle-alto.example')).accessToken;
    const filed = await portal.request('POST', '/api/v1/requests', {
      token: member,
      body: { area: 'market-access', subject, description: 'Buscamos compradores para nuestro café.' },
    });
    expect(filed.status).toBe(201);
    return { request: filed.body, member };
  }

  it('shows a colleague "… is writing", and explains a stale reply without losing it', async () => {
    const { request } = await fileRequest('Compradores en Europa');
    const assigneeEmail = EMAIL_OF[request.assignee.id];
    const assigneeName = names[assigneeEmail];

    const writer = await signIn(browser, portal, assigneeEmail, { viewport: DESKTOP, language: 'es' });
    const colleague = await signIn(browser, portal, 'director.and@clac.example', { viewport: DESKTOP, language: 'en' });
    await writer.page.goto(`${portal.url}/inbox/${request.id}`);
    await writer.page.getByTestId('reply-body').waitFor();
    await colleague.page.goto(`${portal.url}/inbox/${request.id}`);
    await colleague.page.getByTestId('request-reference').waitFor();

    // Each sees the other (a report every few seconds).
    await colleague.page.getByText(`${assigneeName} also has this case open`).waitFor({ timeout: 20_000 });
    await writer.page.getByText('Director Andina también tiene abierto este caso').waitFor({ timeout: 20_000 });

    const draft = 'Estimada Ana: le enviamos tres contactos de compradores en Alemania.';
    await writer.page.getByTestId('reply-body').fill(draft);
    await colleague.page.getByText(`${assigneeName} is writing…`).waitFor({ timeout: 20_000 });
    await expectAccessible(colleague.page, 'request page with a colleague writing (en, desktop)');
    await screenshot(colleague.page, 'presence-writing-en');

    // Meanwhile the director raises the priority.
    const director = (await portal.login('director.and@clac.example')).accessToken;
    const changed = await portal.request('PATCH', `/api/v1/requests/${request.id}`, {
      token: director,
      body: { priority: 'high', version: request.version },
    });
    expect(changed.status).toBe(200);

    await writer.page.getByTestId('reply-send').click();
    const stale = writer.page.getByTestId('reply-stale');
    await stale.waitFor();
    await expect(stale.textContent()).resolves.toContain(
      'Director Andina cambió este caso mientras usted escribía. Su texto se conserva',
    );
    await expect(writer.page.getByTestId('reply-body').inputValue()).resolves.toBe(draft);
    const messages = async () =>
      (await portal.db.query(`SELECT count(*)::int AS n FROM request_messages WHERE request_id = $1`, [request.id]))
        .rows[0].n as number;
    expect(await messages()).toBe(0);
    await expectAccessible(writer.page, 'request page with a stale reply (es, desktop)');
    await screenshot(writer.page, 'presence-stale-es');

    // Reloading shows the change and keeps the draft; then it goes.
    await writer.page.getByTestId('reply-reload').click();
    await writer.page.getByText('Prioridad: Alta').waitFor();
    await expect(writer.page.getByTestId('reply-body').inputValue()).resolves.toBe(draft);
    await writer.page.getByTestId('reply-send').click();
    await writer.page.getByTestId('request-notice').getByText('Su respuesta fue enviada.').waitFor();
    expect(await messages()).toBe(1);

    // Leaving the page says goodbye: gone for the colleague at its next report, not after the expiry.
    await writer.page.getByRole('link', { name: 'Bandeja de entrada' }).first().click();
    await writer.page.waitForURL(/\/inbox$/);
    await colleague.page.getByTestId('case-presence-person').first().waitFor({ state: 'detached', timeout: 15_000 });
    await writer.context.close();
    await colleague.context.close();
  });

  it('turns email off for assignments on the profile page: no email, an entry in the bell, grouped by request', async () => {
    const jorge = 'rep.pe2@clac.example';
    const { context, page } = await signIn(browser, portal, jorge, { viewport: DESKTOP, language: 'es' });
    await page.goto(`${portal.url}/profile`);
    await page.getByTestId('notification-settings').waitFor();
    await page.getByTestId('notify-submit').waitFor();
    await settled(page);
    await expectAccessible(page, 'profile with notification settings (es, desktop)');

    await page.getByTestId('notify-request.assigned-in_app').check();
    await page.getByTestId('notify-submit').click();
    await page.getByText('Sus avisos se guardaron.').waitFor();
    const stored = await portal.db.query(
      `SELECT kind, channel FROM notification_settings WHERE user_id = $1 AND channel <> 'email'`,
      [ids[jorge]],
    );
    expect(stored.rows).toEqual([{ kind: 'request.assigned', channel: 'in_app' }]);
    await screenshot(page, 'notification-settings-es');

    // An admin hands Jorge a case; the member then replies twice (emails for replies stay on).
    const { request, member } = await fileRequest('Precio mínimo del café');
    const admin = (await portal.login('admin@clac.example')).accessToken;
    const assign = (to: string) =>
      portal.request('POST', `/api/v1/requests/${request.id}/assign`, {
        token: admin,
        body: { assigneeId: ids[to], reason: 'Reparto de casos' },
      });
    if (request.assignee?.id === ids[jorge]) expect((await assign('rep.pe1@clac.example')).status).toBe(200);
    expect((await assign(jorge)).status).toBe(200);
    for (const body of ['Agrego el precio de la última venta.', 'Y el de la anterior.']) {
      const reply = await portal.request('POST', `/api/v1/requests/${request.id}/messages`, {
        token: member,
        body: { body },
      });
      expect(reply.status).toBe(201);
    }
    const mails = () => smtp.to(jorge).filter((m) => m.subject.includes(request.reference));
    await smtp.waitFor(() => mails().length >= 2);
    // The outbox sends in order: an assignment email would have come before the replies'.
    expect(mails().map((m) => m.subject)).toEqual([
      `Nueva respuesta en ${request.reference}`,
      `Nueva respuesta en ${request.reference}`,
    ]);

    // The bell: one entry for the request, its three notifications, the latest event.
    const { rows } = await portal.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND request_id = $2`,
      [ids[jorge], request.id],
    );
    const count = rows[0].n as number;
    expect(count).toBeGreaterThanOrEqual(3);
    await page.reload();
    await page.getByTestId('notification-bell').click();
    const entry = page.getByTestId('notification-item').filter({ hasText: request.reference });
    await entry.waitFor();
    await expect(entry.count()).resolves.toBe(1);
    await expect(entry.getAttribute('data-count')).resolves.toBe(String(count));
    await expect(entry.textContent()).resolves.toContain(
      `${count} novedades en ${request.reference}: el miembro respondió`,
    );
    // The panel as it is on screen (a full-page capture would close it).
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'bell-grouped-es-1280x800.png') });
    await expectAccessible(page, 'bell grouped by request (es, desktop)');

    // Opening the entry reads all of it.
    if (!(await entry.isVisible())) await page.getByTestId('notification-bell').click();
    await entry.click();
    await page.waitForURL(new RegExp(`/inbox/${request.id}$`));
    const unread = async () =>
      (
        await portal.db.query(
          `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND request_id = $2 AND read_at IS NULL`,
          [ids[jorge], request.id],
        )
      ).rows[0].n as number;
    await eventually(async () => (await unread()) === 0);
    expect(await unread()).toBe(0);
    await context.close();

    // The settings in a second language, on a phone.
    const english = await signIn(browser, portal, 'admin@clac.example', { viewport: PHONE, language: 'en' });
    await english.page.goto(`${portal.url}/profile`);
    await english.page.getByTestId('notify-submit').waitFor();
    await english.page.getByText('In the portal and by email').first().waitFor();
    await settled(english.page);
    await expectAccessible(english.page, 'profile with notification settings (en, phone)');
    await screenshot(english.page, 'notification-settings-en');
    await english.context.close();
  });
});
