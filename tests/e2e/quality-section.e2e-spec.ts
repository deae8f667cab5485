import type { Browser } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { PHONE, screenshot, settled, signIn } from './support/pages';

describe("the quality section of the directors' dashboard, from the browser", () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  /** A resolved request of an organization of `country`, rated `score` with `comment`, assigned to `assignee`. */
  async function rated(country: string, score: number, comment: string, assignee: string, reference: string) {
    await portal.db.query(
      `INSERT INTO requests (reference, subject, description, status, area_code, organization_id, country_code, region_code, assignee_id,
                             created_by, created_at, first_responded_at, resolved_at, breached, satisfaction_score, satisfaction_comment,
                             first_response_due_at, resolution_due_at, routing_reason)
       SELECT $1, 'Certificación orgánica', 'x', 'resolved', 'market-access', o.id, o.country_code, c.region_code,
              (SELECT id FROM users WHERE email = $5), (SELECT u.id FROM users u WHERE u.organization_id = o.id LIMIT 1),
              now() - interval '10 days', now() - interval '9 days', now() - interval '5 days', false, $3, $4,
              now() - interval '9 days', now() - interval '2 days', 'test'
       FROM organizations o JOIN countries c ON c.code = o.country_code WHERE o.country_code = $2 ORDER BY o.name LIMIT 1`,
      [reference, country, score, comment, assignee],
    );
  }

  beforeAll(async () => {
    portal = await startTestPortal();
    ({ browser, close: closeBrowser } = await launchChromium());
    await rated('BR', 1, 'Ninguém respondeu às nossas perguntas.', 'rep.br@clac.example', 'SR-2026-700001');
    await rated('BR', 5, 'Excelente apoio.', 'rep.br@clac.example', 'SR-2026-700002');
    // What the member said went wrong with its low score.
    await portal.db.query(
      `UPDATE requests SET satisfaction_reasons = ARRAY['slow', 'not-my-language'] WHERE reference = 'SR-2026-700001'`,
    );
    // Another region's low score: never on the Southern Cone director's screen.
    await rated('PE', 2, 'Nadie nos llamó de vuelta.', 'rep.pe1@clac.example', 'SR-2026-700003');
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  it("shows a director its region's quality on a phone, in the director's language, with its low scores only, accessible", async () => {
    const { context, page } = await signIn(browser, portal, 'director.sur@clac.example', {
      viewport: PHONE,
      language: 'pt',
    });
    try {
      await page.goto(`${portal.url}/reports`);
      const section = page.getByTestId('quality-section');
      await section.getByTestId('quality-table').waitFor();
      await settled(page);
      await expect(section.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Qualidade do serviço');
      // By country for a director (no region grouping), Brazil's row among the Southern Cone's.
      const rows = section.getByTestId('quality-row');
      await expect(rows.filter({ hasText: 'Brasil' }).count()).resolves.toBe(1);
      await expect(rows.filter({ hasText: 'Peru' }).count()).resolves.toBe(0);
      const lowScores = section.getByTestId('quality-low-scores');
      await expect(lowScores.textContent()).resolves.toContain('Ninguém respondeu às nossas perguntas.');
      await expect(lowScores.textContent()).resolves.not.toContain('Nadie nos llamó de vuelta.');
      await expect(
        lowScores.getByTestId('quality-low-reasons').getByRole('listitem').allTextContents(),
      ).resolves.toEqual(['Resposta lenta', 'Não foi atendido no seu idioma']);
      await expect(section.getByTestId('quality-scores').textContent()).resolves.toContain('1 de 5');
      // Not wider than the phone: the table scrolls in its own box.
      const box = await section.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      await expect(section.evaluate((element) => element.scrollWidth <= element.clientWidth)).resolves.toBe(true);
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'quality-section-pt');
      await expectAccessible(page, 'reports quality section (phone, pt)');

      // By assignee: the representative who answered the rated requests has a row.
      await section.getByTestId('quality-group').selectOption('assignee');
      await rows.filter({ hasText: 'Ana Souza' }).waitFor();
      await settled(page);
      await expectAccessible(page, 'reports quality section by assignee (phone, pt)');
    } finally {
      await context.close();
    }
  });
});
