import type { Browser, Page } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { PHONE, settled, signIn } from './support/pages';

const MEMBER = 'ana@valle-alto.example';

/** Layout fixes on a 390 × 844 phone (issue 18): the header while typing, the answer before the rating, two tabs. */
describe('the member pages on a phone', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  /** A request still open (the member can reply) and one resolved with a staff answer. */
  let openRequestId: string;
  let resolvedRequestId: string;

  async function fileRequest(token: string, subject: string): Promise<string> {
    const filed = await portal.request('POST', '/api/v1/requests', {
      token,
      body: { area: 'standards-compliance', subject, description: 'Necesitamos ayuda con los registros.' },
    });
    if (filed.status !== 201) throw new Error(`filing failed: ${filed.status} ${JSON.stringify(filed.body)}`);
    return filed.body.id as string;
  }

  async function staffCall(token: string, path: string, body: unknown): Promise<void> {
    const answer = await portal.request('POST', path, { token, body });
    if (answer.status >= 300) throw new Error(`${path} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }

  beforeAll(async () => {
    [portal, { browser, close: closeBrowser }] = await Promise.all([startTestPortal(), launchChromium()]);
    const member = await portal.login(MEMBER);
    openRequestId = await fileRequest(member.accessToken, 'Registros de lotes para la auditoría');
    resolvedRequestId = await fileRequest(member.accessToken, 'Plantilla del plan de desarrollo');
    const { rows } = await portal.db.query(
      'SELECT u.email FROM requests r JOIN users u ON u.id = r.assignee_id WHERE r.id = $1',
      [resolvedRequestId],
    );
    const staff = await portal.login(rows[0].email);
    const path = `/api/v1/requests/${resolvedRequestId}`;
    await staffCall(staff.accessToken, `${path}/transitions`, { to: 'in_progress' });
    await staffCall(staff.accessToken, `${path}/messages`, {
      body: 'Le envío la plantilla del plan de desarrollo, con un ejemplo completado.',
    });
    await staffCall(staff.accessToken, `${path}/transitions`, { to: 'resolved' });
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  async function headerHeight(page: Page): Promise<number> {
    return page.getByTestId('topbar').evaluate((header) => header.getBoundingClientRect().height);
  }

  it('shrinks the header while the member types, so it never covers the send button', async () => {
    const { context, page } = await signIn(browser, portal, MEMBER, { viewport: PHONE });
    await page.goto(`${portal.url}/requests/${openRequestId}`);
    await settled(page);
    const fullHeight = await headerHeight(page);
    expect(fullHeight).toBeGreaterThan(100);

    await page.getByTestId('reply-body').click();
    await page.getByTestId('reply-body').pressSequentially('Adjunto el registro');
    // The keyboard takes the lower half of the screen.
    await page.setViewportSize({ width: PHONE.width, height: 420 });
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="topbar"]')?.getBoundingClientRect().height ?? 999) <= 72,
    );

    // The send button brought up just above the keyboard: the box she types in and the button
    // are both there to see and tap, neither under the header (a 142-px header left no room for both).
    const uncovered = await page.getByTestId('reply-send').evaluate((button) => {
      button.scrollIntoView({ block: 'end' });
      const box = document.querySelector<HTMLTextAreaElement>('[data-testid="reply-body"]')!;
      const buttonBox = button.getBoundingClientRect();
      const textBox = box.getBoundingClientRect();
      const atButton = document.elementFromPoint(
        buttonBox.left + buttonBox.width / 2,
        buttonBox.top + buttonBox.height / 2,
      );
      const atText = document.elementFromPoint(textBox.left + 16, textBox.top + 12);
      return {
        button: atButton === button || button.contains(atButton),
        textBox: atText === box,
        buttonInView: buttonBox.bottom <= window.innerHeight,
      };
    });
    expect(uncovered).toEqual({ button: true, textBox: true, buttonInView: true });
    await expectAccessible(page, 'phone-layout-typing');

    // Leaving the field brings the full header back.
    await page.setViewportSize(PHONE);
    await page.getByTestId('request-reference').click();
    await page.waitForFunction(
      (full) => (document.querySelector('[data-testid="topbar"]')?.getBoundingClientRect().height ?? 0) >= full - 1,
      fullHeight,
    );
    await context.close();
  });

  it.each(['es', 'pt'] as const)(
    'shows the answer before the rating prompt on a resolved request (%s)',
    async (language) => {
      const { context, page } = await signIn(browser, portal, MEMBER, { viewport: PHONE, language });
      await page.goto(`${portal.url}/requests/${resolvedRequestId}`);
      await page.getByTestId('rating-4').waitFor();
      const order = await page.evaluate(() => {
        const answer = [...document.querySelectorAll('[data-testid="request-timeline"] *')].find((element) =>
          element.textContent?.trim().startsWith('Le envío la plantilla'),
        );
        const rating = document.querySelector('[data-testid="rating-4"]');
        if (!answer || !rating) return 'missing';
        return answer.compareDocumentPosition(rating) & Node.DOCUMENT_POSITION_FOLLOWING
          ? 'answer-first'
          : 'rating-first';
      });
      expect(order).toBe('answer-first');
      const answerTop = await page
        .getByTestId('request-timeline')
        .getByText('Le envío la plantilla')
        .evaluate((element) => element.getBoundingClientRect().top);
      const ratingTop = await page.getByTestId('rating-4').evaluate((element) => element.getBoundingClientRect().top);
      expect(answerTop).toBeLessThan(ratingTop);
      await expectAccessible(page, `phone-layout-resolved-${language}`);
      await context.close();
    },
  );

  it('keeps what was written in each of two tabs, and each tab gets its own text back after a reload', async () => {
    const { context, page: first } = await signIn(browser, portal, MEMBER, { viewport: PHONE });
    const second = await context.newPage();
    await second.setViewportSize(PHONE);

    await first.goto(`${portal.url}/requests/new`);
    await first.getByTestId('request-subject').fill('Primera pestaña: certificado');
    await first.getByTestId('request-description').fill('Texto escrito en la primera pestaña.');
    await first.getByTestId('draft-saved').waitFor();

    await second.goto(`${portal.url}/requests/new`);
    await second.getByTestId('request-subject').fill('Segunda pestaña: auditoría');
    await second.getByTestId('request-description').fill('Texto escrito en la segunda pestaña.');
    await second.getByTestId('draft-saved').waitFor();

    // A reply written on a request in the first tab, while the second writes another on the same request.
    const replyFirst = await context.newPage();
    await replyFirst.goto(`${portal.url}/requests/${openRequestId}`);
    await replyFirst.getByTestId('reply-body').fill('Respuesta desde la pestaña tres');
    const replySecond = await context.newPage();
    await replySecond.goto(`${portal.url}/requests/${openRequestId}`);
    await replySecond.getByTestId('reply-body').fill('Respuesta desde la pestaña cuatro');

    // Going back and forth between the tabs, as she would.
    for (const page of [first, second, replyFirst, replySecond, first]) await page.bringToFront();
    await expect(first.getByTestId('request-subject').inputValue()).resolves.toBe('Primera pestaña: certificado');
    await expect(second.getByTestId('request-subject').inputValue()).resolves.toBe('Segunda pestaña: auditoría');

    // Reloaded (the phone dropped the tab from memory): each tab gets its own text back.
    await first.reload();
    await second.reload();
    await expect(first.getByTestId('request-subject').inputValue()).resolves.toBe('Primera pestaña: certificado');
    await expect(first.getByTestId('request-description').inputValue()).resolves.toBe(
      'Texto escrito en la primera pestaña.',
    );
    await expect(second.getByTestId('request-subject').inputValue()).resolves.toBe('Segunda pestaña: auditoría');
    await expect(second.getByTestId('request-description').inputValue()).resolves.toBe(
      'Texto escrito en la segunda pestaña.',
    );
    await replyFirst.getByTestId('reply-body').press('Tab'); // Leaving the box keeps the draft at once.
    await replySecond.getByTestId('reply-body').press('Tab');
    await replyFirst.reload();
    await replySecond.reload();
    await expect(replyFirst.getByTestId('reply-body').inputValue()).resolves.toBe('Respuesta desde la pestaña tres');
    await expect(replySecond.getByTestId('reply-body').inputValue()).resolves.toBe('Respuesta desde la pestaña cuatro');

    // A new tab starts from the last draft written, as after closing the browser.
    const third = await context.newPage();
    await third.goto(`${portal.url}/requests/new`);
    await expect(third.getByTestId('request-subject').inputValue()).resolves.toBe('Segunda pestaña: auditoría');
    await expectAccessible(third, 'phone-layout-new-request-restored');
    await context.close();
  });
});
