import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';

/** A one-page PDF: the server checks the type from these bytes, not from the name. */
const SMALL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const REQUEST_PAGE = /\/requests\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The confirmation shown once the server has the request (issue 18), with a link to the request. */
const SENT_PAGE = /\/requests\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/sent$/;

describe('a member files a request from the browser', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    portal = await startTestPortal();
    ({ browser, close: closeBrowser } = await launchChromium());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  async function signIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
    // Without the service worker: these tests intercept the page's calls (page.route), which
    // calls answered by a service worker bypass. tests/e2e/offline-app covers the worker.
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'es',
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await page.goto(`${portal.url}/login`);
    await page.getByTestId('language-select').selectOption('es');
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('welcome').waitFor();
    return { context, page };
  }

  async function requestsWithSubject(subject: string): Promise<{ id: string; reference: string }[]> {
    const { rows } = await portal.db.query('SELECT id, reference FROM requests WHERE subject = $1', [subject]);
    return rows;
  }

  async function fillForm(page: Page, subject: string): Promise<void> {
    await page.goto(`${portal.url}/requests/new`);
    await page.getByTestId('area-option-standards-compliance').check();
    await page.getByTestId('request-subject').fill(subject);
    await page
      .getByTestId('request-description')
      .fill('Necesitamos preparar la auditoría de marzo.\nTenemos dudas sobre la trazabilidad.');
  }

  it('keeps an unfinished request over a reload, then files it with a PDF and lists it', async () => {
    const { context, page } = await signIn('ana@valle-alto.example');
    const subject = `Auditoría Fairtrade ${Date.now()}`;
    await fillForm(page, subject);
    await page.getByTestId('request-priority').selectOption('high');
    await page.getByTestId('draft-saved').waitFor();

    await page.reload();
    await expect(page.getByTestId('request-subject').inputValue()).resolves.toBe(subject);
    await expect(page.getByTestId('request-description').inputValue()).resolves.toContain('trazabilidad');
    await expect(page.getByTestId('area-option-standards-compliance').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('request-priority').inputValue()).resolves.toBe('high');

    // A type the portal does not take is refused before any upload, in words.
    await page
      .getByTestId('request-files')
      .setInputFiles([
        { name: 'instalador.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\u0090\u0000') },
      ]);
    const refusal = (await page.getByTestId('file-refused').textContent()) ?? '';
    expect(refusal).toContain('instalador.exe');
    expect(refusal).not.toContain('{');

    await page
      .getByTestId('request-files')
      .setInputFiles([{ name: 'informe-anterior.pdf', mimeType: 'application/pdf', buffer: SMALL_PDF }]);
    await page.getByTestId('request-submit').click();
    await page.waitForURL(SENT_PAGE);
    await page.getByTestId('confirmation-open').click();
    await page.waitForURL(REQUEST_PAGE);

    const reference = (await page.getByTestId('request-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^SR-\d{4}-\d{6}$/);
    await expect(page.getByTestId('attachment-link').textContent()).resolves.toContain('informe-anterior.pdf');
    const [created] = await requestsWithSubject(subject);
    expect(created?.reference).toBe(reference);
    const { rows: files } = await portal.db.query(
      'SELECT file_name, content_type, message_id FROM attachments WHERE request_id = $1',
      [created.id],
    );
    expect(files).toEqual([{ file_name: 'informe-anterior.pdf', content_type: 'application/pdf', message_id: null }]);
    // The draft is gone once the request is filed: a new form starts empty.
    const storedKeys = await page.evaluate(() =>
      Object.keys(localStorage).filter(
        (key) => key.startsWith('portal.requestDraft') || key.startsWith('portal.pendingRequests'),
      ),
    );
    expect(storedKeys).toEqual([]);

    await page.goto(`${portal.url}/requests`);
    const row = page.getByTestId('request-row').filter({ hasText: reference });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(subject);
    await expect(row.getByTestId('request-status').textContent()).resolves.toMatch(/Asignada|Nueva/);
    await context.close();
  });

  it('waits for the connection when offline, then files exactly one request and opens it', async () => {
    const { context, page } = await signIn('ana@valle-alto.example');
    const subject = `Sin conexión ${Date.now()}`;
    await fillForm(page, subject);
    await page
      .getByTestId('request-files')
      .setInputFiles([{ name: 'acta.pdf', mimeType: 'application/pdf', buffer: SMALL_PDF }]);

    await context.setOffline(true);
    await page.getByTestId('request-submit').click();
    const pending = page.getByTestId('pending-submission');
    await pending.waitFor();
    await expect(pending.textContent()).resolves.toMatch(/conexión/i);
    await expect(requestsWithSubject(subject)).resolves.toEqual([]);

    await context.setOffline(false);
    // Sent from the queue: the same confirmation as online.
    await page.waitForURL(SENT_PAGE);
    await page.getByTestId('confirmation-reference').waitFor();
    await page.getByTestId('confirmation-open').click();
    await page.waitForURL(REQUEST_PAGE);
    await page.getByTestId('request-reference').waitFor();
    await expect(page.getByTestId('attachment-link').textContent()).resolves.toContain('acta.pdf');
    const created = await requestsWithSubject(subject);
    expect(created).toHaveLength(1);
    expect(page.url()).toContain(created[0].id);
    await context.close();
  });

  it.each([
    ['', false],
    [', also when the page arrives after the sender has sent it', true],
  ])(
    'files one request when the answer to the submission is lost and the retry reuses its key%s',
    async (_, pageArrivesLate) => {
      const { context, page } = await signIn('ana@valle-alto.example');
      const subject = `Respuesta perdida ${Date.now()}`;
      await fillForm(page, subject);
      const keys: string[] = [];
      let dropped = false;
      let retryAnswered = () => {};
      const retryAnsweredPromise = new Promise<void>((resolve) => (retryAnswered = resolve));
      await page.route('**/api/v1/requests', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        if (dropped) {
          await route.fulfill({ response: await route.fetch() });
          return retryAnswered();
        }
        // The server gets the submission and files it; its answer never reaches the phone.
        await route.fetch();
        dropped = true;
        return route.abort('connectionreset');
      });

      await page.getByTestId('request-submit').click();
      await page.getByTestId('pending-submission').waitFor();
      await expect(requestsWithSubject(subject)).resolves.toHaveLength(1);

      // Kept on the device, so a reload does not lose it; the page sends it again on opening.
      const waiting = await page.evaluate(() =>
        Object.keys(localStorage).filter((key) => key.startsWith('portal.pendingRequests')),
      );
      expect(waiting).toHaveLength(1);
      if (pageArrivesLate) {
        // On a slow phone the form page's code can arrive after the sender (which starts with
        // the app) has already sent the waiting request: the page must still tell the member.
        await page.route('**/*.js', async (route) => {
          const response = await route.fetch();
          const body = await response.text();
          if (body.includes('request-submit')) {
            // Held until the sender's retry has been answered (and a moment for the page to read it).
            await Promise.race([retryAnsweredPromise, new Promise((resolve) => setTimeout(resolve, 20_000))]);
            await new Promise((resolve) => setTimeout(resolve, 300));
          }
          await route.fulfill({ response, body });
        });
      }
      await page.reload();
      // The page shows the confirmation once sent; if it was sent before the page's code arrived,
      // the page says so with a link to it (either can happen on a real phone).
      const sentNotice = page.getByTestId('sent-meanwhile');
      const first = await Promise.race([
        page.waitForURL(SENT_PAGE, { timeout: 30_000 }).then(
          () => 'opened',
          () => 'neither',
        ),
        sentNotice.waitFor({ timeout: 30_000 }).then(
          () => 'told',
          () => 'neither',
        ),
      ]);
      expect(pageArrivesLate ? ['told'] : ['opened', 'told']).toContain(first);
      await page.getByTestId(first === 'told' ? 'sent-meanwhile-open' : 'confirmation-open').click();
      await page.waitForURL(REQUEST_PAGE, { timeout: 30_000 });

      expect(keys.length).toBeGreaterThanOrEqual(2);
      expect(new Set(keys).size).toBe(1);
      expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
      const created = await requestsWithSubject(subject);
      expect(created).toHaveLength(1);
      expect(page.url()).toContain(created[0].id);
      await context.close();
    },
  );
});
