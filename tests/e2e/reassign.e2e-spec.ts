import type { Browser } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { DESKTOP, screenshot, settled, signIn } from './support/pages';

/**
 * Issue 19: a representative for Peru hands a climate case to the Andean climate specialist
 * (whom routing never picks while Peru's representatives are there) with a note, from the
 * reassign dialog's list; the specialist signs in and finds it in their inbox. The dialog is
 * checked with axe, and worked with the keyboard.
 */
describe('handing a case to a chosen person', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let requestId: string;
  let reference: string;
  let holder: string;
  let specialistName: string;

  beforeAll(async () => {
    portal = await startTestPortal();
    ({ browser, close: closeBrowser } = await launchChromium());
    const { accessToken } = await portal.login('ana@valle-alto.example');
    const answer = await portal.request('POST', '/api/v1/requests', {
      token: accessToken,
      body: {
        area: 'climate-resilience',
        subject: 'Heladas en la zona alta',
        description: 'Necesitamos un plan de adaptación.',
      },
    });
    if (answer.status !== 201) throw new Error(`filing failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    requestId = answer.body.id;
    reference = answer.body.reference;
    const { rows } = await portal.db.query(`SELECT email FROM users WHERE id = $1`, [answer.body.assignee.id]);
    holder = rows[0].email;
    const specialist = await portal.db.query(`SELECT name FROM users WHERE email = 'climate.and@clac.example'`);
    specialistName = specialist.rows[0].name;
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  it('a representative for Peru gives a climate case to the climate specialist with a note, who finds it in their inbox', async () => {
    expect(['rep.pe1@clac.example', 'rep.pe2@clac.example']).toContain(holder);
    const rep = await signIn(browser, portal, holder, { viewport: DESKTOP, language: 'es' });
    await rep.page.goto(`${portal.url}/inbox/${requestId}`);
    await rep.page.getByTestId('reassign-open').click();
    const options = rep.page.getByTestId('assignee-option');
    await options.first().waitFor();
    // The specialist's coverage (region and area) is named, with the open cases and availability.
    const specialistOption = options.filter({ hasText: specialistName });
    await expect(specialistOption.textContent()).resolves.toMatch(/cubre esta región y esta área/);
    await expect(specialistOption.textContent()).resolves.toMatch(/casos abiertos: \d+/);
    await settled(rep.page);
    await expectAccessible(rep.page, 'reassign-dialog');
    await screenshot(rep.page, 'reassign-dialog');

    // Without a note the dialog says what is missing and nothing is sent.
    await rep.page.getByTestId('assignee-search').focus();
    await rep.page.keyboard.type(specialistName.split(' ')[0]);
    await expect(options.count()).resolves.toBeGreaterThan(0);
    await rep.page.waitForFunction(
      (name) =>
        [...document.querySelectorAll('[data-testid="assignee-option"]')].every((o) => o.textContent?.includes(name)),
      specialistName,
    );
    // Keyboard: Tab from the search box to the list, Space to choose.
    await rep.page.keyboard.press('Tab');
    await rep.page.keyboard.press('Space');
    await expect(specialistOption.locator('input[type="radio"]').isChecked()).resolves.toBe(true);
    await rep.page.getByTestId('assign-chosen').click();
    await rep.page.locator('#reassign-reason-error').waitFor();
    const note = 'Caso de adaptación climática: mejor con la especialista andina.';
    await rep.page.getByTestId('reassign-note').fill(note);
    await rep.page.getByTestId('assign-chosen').click();
    await rep.page.getByTestId('assign-chosen').waitFor({ state: 'detached' });
    await rep.page.locator('[data-testid="timeline-entry"]', { hasText: note }).waitFor();
    await rep.context.close();

    const specialist = await signIn(browser, portal, 'climate.and@clac.example', { viewport: DESKTOP, language: 'es' });
    await specialist.page.goto(`${portal.url}/inbox?assignee=me`);
    await specialist.page.getByTestId('inbox-row').filter({ hasText: reference }).waitFor();
    await specialist.context.close();
  });

  it('offers "Take this case" on an unassigned case to a representative of its country', async () => {
    const { accessToken } = await portal.login('admin@clac.example');
    const { rows } = await portal.db.query(
      `SELECT id, email FROM users WHERE email IN ('rep.pe1@clac.example', 'rep.pe2@clac.example', 'climate.and@clac.example', 'director.and@clac.example')`,
    );
    const setAvailable = async (available: boolean) => {
      for (const row of rows)
        await portal.request('PATCH', `/api/v1/users/${row.id}`, { token: accessToken, body: { available } });
    };
    await setAvailable(false);
    const member = await portal.login('ana@valle-alto.example');
    const filed = await portal.request('POST', '/api/v1/requests', {
      token: member.accessToken,
      body: { area: 'climate-resilience', subject: 'Granizo en las parcelas', description: 'Perdimos parte.' },
    });
    await setAvailable(true);
    expect(filed.body).toMatchObject({ status: 'new', assignee: null });

    const rep = await signIn(browser, portal, 'rep.pe1@clac.example', { viewport: DESKTOP, language: 'en' });
    await rep.page.goto(`${portal.url}/inbox/${filed.body.id}`);
    await rep.page.getByTestId('claim').click();
    await rep.page.getByTestId('claim').waitFor({ state: 'detached' });
    await rep.page.getByTestId('reassign-open').waitFor();
    await rep.context.close();
  });
});
