import type { Browser } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { plainTextOf, SmtpSink } from '../support/smtp-sink';
import { expectAccessible } from './support/axe';
import { PHONE, screenshot, settled } from './support/pages';

/** The links of the emails point at the public address; the test opens them on its own portal. */
const PUBLIC_URL = 'https://portal.example';

/**
 * Issue 20: a member taps a score in the resolution email and lands, without signing in, on
 * a page that says the score was recorded and takes a comment and, for a low score, reasons.
 */
describe('satisfaction in one tap, on a phone', () => {
  const smtp = new SmtpSink();
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    [portal, { browser, close: closeBrowser }] = await Promise.all([
      startTestPortal({ env: { SMTP_URL: smtpUrl, OUTBOX_POLL_MS: '200', PUBLIC_URL } }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
    await smtp.stop();
  });

  /** A request filed by the member and resolved by its assignee, through the API; the resolution email's links. */
  async function resolved(email: string, subject: string, resolvedSubject: string) {
    const member = (await portal.login(email)).accessToken;
    const created = await portal.request('POST', '/api/v1/requests', {
      token: member,
      body: { area: 'market-access', subject, description: 'Detalle.' },
    });
    const { rows } = await portal.db.query(`SELECT email FROM users WHERE id = $1`, [created.body.assignee.id]);
    const staff = (await portal.login(rows[0].email)).accessToken;
    for (const to of ['in_progress', 'resolved'])
      await portal.request('POST', `/api/v1/requests/${created.body.id}/transitions`, { token: staff, body: { to } });
    const mail = () => smtp.to(email).find((m) => m.subject === `${created.body.reference} ${resolvedSubject}`);
    await smtp.waitFor(() => mail() !== undefined);
    const links = [...plainTextOf(mail()!.raw).matchAll(/(https:\/\/portal\.example\/rate\?\S+)/g)].map(
      (match) => new URL(match[1]),
    );
    expect(links).toHaveLength(5);
    return { id: created.body.id as string, reference: created.body.reference as string, links, member };
  }

  const stored = async (id: string) =>
    (
      await portal.db.query(
        `SELECT satisfaction_score, satisfaction_comment, satisfaction_reasons FROM requests WHERE id = $1`,
        [id],
      )
    ).rows[0];

  it.each([
    {
      language: 'es',
      email: 'ana@valle-alto.example',
      resolvedSubject: 'fue resuelta: confirme y califique',
      heading: 'Su calificación',
      recorded: '2 de 5: insatisfecho',
      comment: 'La respuesta llegó tarde y sin traducción.',
      saved: 'Gracias, guardamos sus comentarios.',
      closed: 'ya se cerró',
    },
    {
      language: 'pt',
      email: 'joana@apicultores-sertao.example',
      resolvedSubject: 'foi resolvida: confirme e avalie',
      heading: 'Sua avaliação',
      recorded: '2 de 5: insatisfeito',
      comment: 'A resposta demorou e veio em espanhol.',
      saved: 'Obrigado, salvamos seus comentários.',
      closed: 'já foi encerrada',
    },
  ])('in $language: opens a score link from the email, records it, takes a comment and reasons', async (c) => {
    const request = await resolved(c.email, `Calificación ${c.language} ${Date.now()}`, c.resolvedSubject);
    // A phone nobody is signed in on, set to English: the page follows the email's language.
    const context = await browser.newContext({ viewport: PHONE, locale: 'en' });
    const page = await context.newPage();
    const link = request.links[1];
    expect(link.searchParams.get('score')).toBe('2');
    await page.goto(`${portal.url}${link.pathname}${link.search}`);

    const confirmation = page.getByTestId('satisfaction-score-text');
    await confirmation.waitFor();
    await settled(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(c.heading);
    await expect(confirmation.textContent()).resolves.toContain(request.reference);
    await expect(confirmation.textContent()).resolves.toContain(c.recorded);
    expect((await stored(request.id)).satisfaction_score).toBe(2);
    // Recorded: the score leaves the address, so a reload shows it rather than tapping again.
    await page.waitForURL((url) => !url.searchParams.has('score'));
    await expect(page.getByTestId('satisfaction-score-2').isChecked()).resolves.toBe(true);

    await page.getByTestId('satisfaction-reason-slow').check();
    await page.getByTestId('satisfaction-reason-not-my-language').check();
    await page.getByTestId('satisfaction-comment').fill(c.comment);
    await page.getByTestId('satisfaction-submit').click();
    await page.getByTestId('satisfaction-saved').filter({ hasText: c.saved }).waitFor();
    expect(await stored(request.id)).toEqual({
      satisfaction_score: 2,
      satisfaction_comment: c.comment,
      satisfaction_reasons: ['slow', 'not-my-language'],
    });
    await expectAccessible(page, `satisfaction link page (${c.language})`);
    await screenshot(page, `satisfaction-link-${c.language}`);

    // Another tap on the page changes the score; the reasons go with a score above 2.
    await page.getByTestId('satisfaction-score-4').check();
    await page.getByTestId('satisfaction-reason-slow').waitFor({ state: 'detached' });
    await expect(page.getByTestId('satisfaction-score-text').textContent()).resolves.toContain('4 ');
    expect(await stored(request.id)).toMatchObject({ satisfaction_score: 4, satisfaction_reasons: [] });
    await page.reload();
    await page.getByTestId('satisfaction-score-text').waitFor();
    await expect(page.getByTestId('satisfaction-score-4').isChecked()).resolves.toBe(true);
    expect((await stored(request.id)).satisfaction_score).toBe(4);
    // The same page on a desktop screen: one centred card.
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, `satisfaction-link-${c.language}`);
    await page.setViewportSize(PHONE);

    // Closed by the member: the link explains, kindly, that the score can no longer change.
    await portal.request('POST', `/api/v1/requests/${request.id}/transitions`, {
      token: request.member,
      body: { to: 'closed' },
    });
    await page.goto(`${portal.url}${request.links[0].pathname}${request.links[0].search}`);
    const refusal = page.getByTestId('satisfaction-error');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain(c.closed);
    await expect(page.getByTestId('satisfaction-retry').count()).resolves.toBe(0);
    expect((await stored(request.id)).satisfaction_score).toBe(4);
    await expectAccessible(page, `satisfaction link page, request closed (${c.language})`);
    await screenshot(page, `satisfaction-link-closed-${c.language}`);
    await context.close();
  });
});
