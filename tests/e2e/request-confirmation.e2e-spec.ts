import type { Browser } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { SmtpSink } from '../support/smtp-sink';
import { expectAccessible } from './support/axe';
import { MEMBER_REQUEST_PAGE, PHONE, screenshot, settled, signIn, UUID } from './support/pages';

/** The links of the emails point at the public address. */
const PUBLIC_URL = 'https://portal.example';
const CONFIRMATION_PAGE = new RegExp(`/requests/(${UUID})/sent$`);

/** A received email's text, quoted-printable undone. */
function decoded(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/**
 * Issue 18: after filing, a member sees the reference, who has the request and by when a
 * first answer is due (in the organization's time zone, not the phone's), and gets a receipt
 * by email in the account's language.
 */
describe('the confirmation and the receipt after a member files a request', () => {
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

  it.each([
    {
      language: 'es',
      email: 'ana@valle-alto.example',
      timeZone: 'America/Lima',
      heading: 'Recibimos su solicitud',
      dueBy: 'a más tardar el',
      zone: 'hora de Perú',
      copied: '¡Copiado!',
      mailSubject: 'Recibimos su solicitud',
      mailWho: 'La atiende:',
      why: 'por eso tiene su solicitud',
    },
    {
      language: 'pt',
      email: 'joana@apicultores-sertao.example',
      timeZone: 'America/Sao_Paulo',
      heading: 'Recebemos sua solicitação',
      dueBy: 'até',
      zone: 'horário de Brasil',
      copied: 'Copiado!',
      mailSubject: 'Recebemos sua solicitação',
      mailWho: 'Quem atende:',
      why: 'por isso está com a sua solicitação',
    },
  ])('in $language: the reference, who has it and the due time, then the receipt email', async (c) => {
    // The phone is in another time zone than the cooperative: the due time follows the cooperative's.
    const { context, page } = await signIn(browser, portal, c.email, {
      viewport: PHONE,
      locale: c.language,
      timezoneId: 'Asia/Tokyo',
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portal.url });
    const subject = `Confirmação ${c.language} ${Date.now()}`;
    await page.goto(`${portal.url}/requests/new`);
    await page.getByTestId('area-option-market-access').check();
    await page.getByTestId('request-subject').fill(subject);
    await page.getByTestId('request-description').fill('Precisamos de compradores para a próxima safra.');
    await page.getByTestId('request-submit').click();

    await page.waitForURL(CONFIRMATION_PAGE);
    const requestId = CONFIRMATION_PAGE.exec(page.url())![1];
    await page.getByTestId('confirmation-due').waitFor();
    await settled(page);
    const { rows } = await portal.db.query(
      `SELECT r.reference, r.first_response_due_at, u.name AS assignee
       FROM requests r LEFT JOIN users u ON u.id = r.assignee_id WHERE r.id = $1`,
      [requestId],
    );
    const [filed] = rows;
    expect(filed.reference).toMatch(/^SR-\d{4}-\d{6}$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(c.heading);
    await expect(page.getByTestId('confirmation-reference').textContent()).resolves.toBe(filed.reference);
    await expect(page.getByTestId('confirmation-assignee').textContent()).resolves.toContain(
      filed.assignee ?? (c.language === 'es' ? 'el equipo de' : 'a equipe de'),
    );
    // The words the browser gives for the due time in the cooperative's zone.
    const dueWords = await page.evaluate(
      ([iso, language, timeZone]) =>
        new Intl.DateTimeFormat(language, {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          timeZone,
        }).format(new Date(iso)),
      [new Date(filed.first_response_due_at).toISOString(), c.language, c.timeZone] as const,
    );
    const due = (await page.getByTestId('confirmation-due').textContent()) ?? '';
    expect(due.replace(/\s+/g, ' ')).toContain(`${c.dueBy} ${dueWords}`);
    expect(due).toContain(c.zone);

    // Copy: the reference is on the clipboard and the button says so.
    await page.getByTestId('confirmation-copy').click();
    // The label changes once the clipboard has taken the text (a promise): wait for it.
    await page.getByTestId('confirmation-copy').filter({ hasText: c.copied }).waitFor({ timeout: 10_000 });
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(filed.reference);

    await expectAccessible(page, `request confirmation (${c.language})`);
    await screenshot(page, `request-confirmation-${c.language}`);

    // The receipt, once, in the account's language, with the reference, the due time and the link.
    const receipts = () => smtp.to(c.email).filter((m) => m.subject.includes(filed.reference));
    await smtp.waitFor(() => receipts().length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(receipts()).toHaveLength(1);
    const [mail] = receipts();
    expect(mail.subject).toBe(`${c.mailSubject} ${filed.reference}: ${subject}`);
    const text = decoded(mail.raw);
    expect(text).toContain(`${PUBLIC_URL}/requests/${requestId}`);
    expect(text).toContain(c.mailWho);
    expect(text).toContain(c.zone);

    // On to the request page, and to the list.
    await page.getByTestId('confirmation-open').click();
    await page.waitForURL(MEMBER_REQUEST_PAGE);
    await expect(page.getByTestId('request-reference').textContent()).resolves.toContain(filed.reference);
    // Why this person, in the member's language, without anyone's workload (issue 18).
    const why = (await page.getByTestId('request-routing-why').textContent()) ?? '';
    expect(why).toContain(`${filed.assignee} (representante`);
    expect(why).toContain(c.why);
    expect(why).not.toMatch(/\d/);
    await screenshot(page, `request-why-${c.language}`);
    await context.close();
  });
});
