import type { Browser } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { DESKTOP, PHONE, screenshot, settled, signIn } from './support/pages';

/**
 * Canned answers (issue 19): Brazil's representative answers a Brazilian member's climate
 * request with the Portuguese canned answer, its placeholders filled, edits it and sends it as
 * a public reply; the climate specialist manages the answers on their page (axe in two languages).
 */
describe('canned answers', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let requestId: string;
  let reference: string;

  beforeAll(async () => {
    portal = await startTestPortal();
    ({ browser, close: closeBrowser } = await launchChromium());
    const { accessToken } = await portal.login('joana@apicultores-sertao.example');
    const answer = await portal.request('POST', '/api/v1/requests', {
      token: accessToken,
      body: {
        area: 'climate-resilience',
        subject: 'Seca prolongada no sertão',
        description: 'As floradas estão falhando com a seca. Precisamos de um plano de adaptação.',
      },
    });
    if (answer.status !== 201) throw new Error(`filing failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    requestId = answer.body.id;
    reference = answer.body.reference;
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  it('inserts the Portuguese answer, filled for the Brazilian member, into a public reply that the representative edits and sends', async () => {
    const rep = await signIn(browser, portal, 'rep.br@clac.example', { viewport: PHONE, language: 'pt' });
    const { page } = rep;
    await page.goto(`${portal.url}/inbox/${requestId}`);
    const select = page.getByTestId('canned-answer-select');
    await select.waitFor();
    // The member's language first, the others apart and marked as not the member's.
    const groups = await select.locator('optgroup').evaluateAll((nodes) =>
      nodes.map((node) => ({
        label: node.getAttribute('label'),
        options: [...node.querySelectorAll('option')].map((option) => option.textContent?.trim()),
      })),
    );
    expect(groups[0]).toEqual({
      label: 'No idioma do sócio (português)',
      options: ['Plano de adaptação às mudanças climáticas'],
    });
    expect(groups[1].label).toBe('Outros idiomas: traduza antes de enviar');
    expect(groups[1].options).toContain('Plan de adaptación al cambio climático (espanhol, não é o idioma do sócio)');

    // A fallback is marked again once chosen.
    await select.selectOption({ label: 'Plan de adaptación al cambio climático (espanhol, não é o idioma do sócio)' });
    await expect(page.getByTestId('canned-answer-fallback').textContent()).resolves.toContain(
      'Esta resposta está em espanhol',
    );
    await settled(page);
    await expectAccessible(page, 'canned-answer-picker');

    await select.selectOption({ label: 'Plano de adaptação às mudanças climáticas' });
    await expect(page.getByTestId('canned-answer-fallback').count()).resolves.toBe(0);
    await page.getByTestId('canned-answer-insert').click();
    const body = page.getByTestId('reply-body');
    await page.waitForFunction(() => (document.querySelector('#reply-body') as HTMLTextAreaElement).value !== '');
    const inserted = await body.inputValue();
    expect(inserted).toMatch(/^Prezado\/a Joana Silva,/);
    expect(inserted).toContain(`(referência ${reference})`);
    expect(inserted).toMatch(/até \S+-feira, \d{1,2} de \S+ de \d{4}\./);
    expect(inserted).not.toContain('{{');
    // Nothing was sent, the reply stays public, and the focus is in the text to edit.
    await expect(page.getByTestId('reply-public-toggle').isChecked()).resolves.toBe(true);
    await expect(body.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    const { rows: none } = await portal.db.query(
      `SELECT count(*)::int AS n FROM request_messages WHERE request_id = $1`,
      [requestId],
    );
    expect(none[0].n).toBe(0);
    await screenshot(page, 'canned-answer-inserted');

    // In an internal note the picker is not offered at all.
    await page.getByTestId('reply-internal-toggle').check();
    await page.getByTestId('canned-answer-select').waitFor({ state: 'detached' });
    await page.getByTestId('reply-public-toggle').check();
    await page.getByTestId('canned-answer-select').waitFor();

    await body.fill(`${inserted}\n\nAna Souza`);
    await page.getByTestId('reply-send').click();
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="reply-body"]') as HTMLTextAreaElement).value === '',
    );
    const { rows } = await portal.db.query(`SELECT body, internal FROM request_messages WHERE request_id = $1`, [
      requestId,
    ]);
    expect(rows).toEqual([{ body: `${inserted}\n\nAna Souza`, internal: false }]);
    await rep.context.close();
  });

  it('lets the climate specialist write an answer of its area on the management page, accessible in Spanish and Portuguese', async () => {
    const specialist = await signIn(browser, portal, 'climate.and@clac.example', { viewport: DESKTOP, language: 'es' });
    const { page } = specialist;
    await page.goto(`${portal.url}/canned-answers`);
    await page.getByTestId('canned-row').first().waitFor();
    await settled(page);
    await expectAccessible(page, 'canned-answers-es');
    // Only its own area is offered in the form.
    const areas = await page.getByTestId('canned-area').locator('option').allTextContents();
    expect(areas.map((text) => text.trim())).toEqual(['Elija…', 'Clima']);

    // Missing fields are said next to them; nothing is sent.
    await page.getByTestId('canned-save').click();
    await page.locator('#canned-title-error').waitFor();
    await expectAccessible(page, 'canned-answers-errors-es');

    await page.getByTestId('canned-area').selectOption('climate-resilience');
    await page.getByTestId('canned-language').selectOption('es');
    await page.getByTestId('canned-title').fill('Boletín de heladas');
    await page
      .getByTestId('canned-body')
      .fill('Hola {{member_name}}: el boletín de heladas para {{reference}} llega antes del {{due_date}}.');
    await page.getByTestId('canned-save').click();
    await page.getByTestId('canned-notice').filter({ hasText: '«Boletín de heladas» creada.' }).waitFor();
    const { rows } = await portal.db.query(
      `SELECT area_code, language FROM canned_answers WHERE title = 'Boletín de heladas'`,
    );
    expect(rows).toEqual([{ area_code: 'climate-resilience', language: 'es' }]);
    await screenshot(page, 'canned-answers-es');
    await specialist.context.close();

    const inPortuguese = await signIn(browser, portal, 'climate.and@clac.example', { viewport: PHONE, language: 'pt' });
    await inPortuguese.page.goto(`${portal.url}/canned-answers`);
    await inPortuguese.page.getByRole('heading', { level: 1, name: 'Respostas prontas' }).waitFor();
    await inPortuguese.page.getByTestId('canned-row').first().waitFor();
    await settled(inPortuguese.page);
    await expectAccessible(inPortuguese.page, 'canned-answers-pt');
    await screenshot(inPortuguese.page, 'canned-answers-pt');
    await inPortuguese.context.close();
  });
});
