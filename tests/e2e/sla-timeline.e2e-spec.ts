import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { DESKTOP, PHONE, settled, signIn } from './support/pages';

type Language = 'es' | 'en' | 'pt' | 'fr';
const texts = (language: Language) =>
  JSON.parse(readFileSync(join(__dirname, `../../web/src/locales/${language}/requests.json`), 'utf8')) as Record<
    string,
    string
  >;

describe('the SLA sweep’s warning and breach on the request’s timeline', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let requestId: string;
  let assignee: string;
  /** A request whose first-response time is 75 % used, not yet past. */
  let warned: { id: string; reference: string; assignee: string };

  beforeAll(async () => {
    [portal, { browser, close: closeBrowser }] = await Promise.all([
      startTestPortal({ env: { JOB_INTERVAL_SECONDS: '1' } }),
      launchChromium(),
    ]);
    const ana = (await portal.login('ana@valle-alto.example')).accessToken;
    const file = async (subject: string) => {
      const created = await portal.request('POST', '/api/v1/requests', {
        token: ana,
        body: { area: 'market-access', subject, description: 'Detalle.' },
      });
      expect(created.status).toBe(201);
      const { rows } = await portal.db.query(`SELECT email FROM users WHERE id = $1`, [created.body.assignee.id]);
      return { id: created.body.id as string, reference: created.body.reference as string, assignee: rows[0].email };
    };
    /** Moves an instant of the request a minute into the past and waits for the sweep's event. */
    const pass = async (id: string, column: string, type: string) => {
      await portal.db.query(`UPDATE requests SET ${column} = now() - interval '1 minute' WHERE id = $1`, [id]);
      const deadline = Date.now() + 30_000;
      for (;;) {
        const { rows } = await portal.db.query(`SELECT 1 FROM request_events WHERE request_id = $1 AND type = $2`, [
          id,
          type,
        ]);
        if (rows.length > 0) return;
        if (Date.now() > deadline) throw new Error(`no ${type} event`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    const late = await file('Compradores para café especial');
    requestId = late.id;
    assignee = late.assignee;
    // The clock moved: 75 % of the first-response time used, then the deadline passed.
    await pass(requestId, 'first_response_warn_at', 'sla_warning');
    await pass(requestId, 'first_response_due_at', 'sla_breached');
    warned = await file('Precio mínimo del cacao');
    await pass(warned.id, 'first_response_warn_at', 'sla_warning');
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  it.each([
    ['es', PHONE],
    ['en', DESKTOP],
    ['pt', PHONE],
    ['fr', DESKTOP],
  ] as const)('tells staff in %s what happened to the first-response deadline', async (language, viewport) => {
    const { context, page } = await signIn(browser, portal, assignee, { language, viewport });
    try {
      await page.goto(`${portal.url}/inbox/${requestId}`);
      await settled(page);
      const t = texts(language);
      await expect(page.locator('[data-event="sla_warning"] p').first().innerText()).resolves.toContain(
        t['request.event.slaWarningFirstResponse'],
      );
      await expect(page.locator('[data-event="sla_breached"] p').first().innerText()).resolves.toContain(
        t['request.event.slaBreachedFirstResponse'],
      );
      await expectAccessible(page, `sla timeline ${language}`);
    } finally {
      await context.close();
    }
  });

  it('marks in the inbox a deadline 75 % used, in words as well as in amber', async () => {
    const { context, page } = await signIn(browser, portal, warned.assignee, { language: 'en', viewport: DESKTOP });
    try {
      await page.goto(`${portal.url}/inbox`);
      await settled(page);
      const row = page.getByTestId('inbox-row').filter({ hasText: warned.reference });
      await expect(row.locator('[data-testid="inbox-deadline"][data-warning="true"]').innerText()).resolves.toContain(
        '75 % of the time used',
      );
      await expectAccessible(page, 'inbox with a warned request');
    } finally {
      await context.close();
    }
  });

  it('leaves them out of the member’s timeline', async () => {
    const { context, page } = await signIn(browser, portal, 'ana@valle-alto.example');
    try {
      await page.goto(`${portal.url}/requests/${requestId}`);
      await settled(page);
      await page.locator('[data-event="created"]').waitFor();
      expect(await page.locator('[data-event^="sla_"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
