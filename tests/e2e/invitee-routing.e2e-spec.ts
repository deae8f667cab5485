import type { Browser } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { DESKTOP, screenshot, settled, signIn } from './support/pages';

/**
 * Issue 19: an admin invites a representative for Bolivia and gives them the Bolivian
 * standards coverage. Until the invitee chooses a password they are shown as "invitation
 * pending" and routing gives them nothing, although with no open cases they would otherwise
 * be the least loaded candidate.
 */
describe('an invited representative who has not accepted yet', () => {
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

  it('is shown as pending and gets no request of its coverage', async () => {
    const invitee = 'nuevo.rep.bo@clac.example';
    const { context, page } = await signIn(browser, portal, 'admin@clac.example', {
      viewport: DESKTOP,
      language: 'en',
    });
    await page.goto(`${portal.url}/admin/users/new`);
    await page.getByTestId('user-form').waitFor();
    await page.getByTestId('user-email').fill(invitee);
    await page.getByTestId('user-name').fill('Jorge Choque');
    await page.getByTestId('user-role').selectOption('representative');
    await page.getByTestId('user-region').selectOption('AND');
    await page.getByTestId('user-save').click();
    await page.getByTestId('user-invited').waitFor();

    // The same coverage as Lucía Mamani's: Bolivia · standards.
    await page.getByTestId('coverage-editor').waitFor();
    await page.getByTestId('coverage-add').click();
    const row = page.getByTestId('coverage-row').last();
    await row.getByTestId('coverage-place').selectOption('country:BO');
    await row.getByTestId('coverage-area').selectOption('standards-compliance');
    await page.getByTestId('coverage-save').click();
    await page.getByTestId('coverage-saved').waitFor();
    await expect(page.getByTestId('user-invitation-pending').textContent()).resolves.toContain(
      'Invitation pending: gets no requests',
    );

    // The list says so too, where it would otherwise say "Available".
    await page.goto(`${portal.url}/admin/users?q=Choque`);
    const listed = page.getByTestId('user-row').filter({ hasText: invitee });
    await listed.waitFor();
    await expect(listed.getByTestId('user-invitation-pending').textContent()).resolves.toContain('Invitation pending');
    await settled(page);
    await expectAccessible(page, 'users list with a pending invitation (en, desktop)');
    await screenshot(page, 'users-invitation-pending-en');

    // A Bolivian standards question: the invitee, with no open cases, is skipped.
    const member = (await portal.login('marco@tierra-viva.example')).accessToken;
    const filed = await portal.request('POST', '/api/v1/requests', {
      token: member,
      body: {
        area: 'standards-compliance',
        subject: 'Auditoría de la certificación',
        description: 'Necesitamos orientación para preparar la auditoría.',
      },
    });
    expect(filed.status).toBe(201);
    expect(filed.body.assignee?.name).toBe('Lucía Mamani');
    const { rows } = await portal.db.query(
      // The invitation itself is their only mail: nothing about a request.
      `SELECT count(*)::int AS notices FROM notifications n JOIN users u ON u.id = n.recipient_id
       WHERE u.email = $1 AND n.request_id IS NOT NULL`,
      [invitee],
    );
    expect(rows).toEqual([{ notices: 0 }]);
    await context.close();
  });
});
