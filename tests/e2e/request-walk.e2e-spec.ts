import type { Browser, Page } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { DESKTOP, MEMBER_REQUEST_PAGE, PHONE, SMALL_PDF, STAFF_REQUEST_PAGE, signIn } from './support/pages';

/**
 * A request's whole life, as the people involved live it, in their own languages: a member
 * drafts it on a phone, reloads and finds the draft, attaches a PDF and submits; the staff
 * member routing chose finds it in the inbox, writes an internal note and a public reply;
 * the member reads the reply (and never the note); staff resolves; the member confirms and
 * rates. Every step goes through the interface; the database is only read, to check.
 */
interface Walk {
  language: 'es' | 'pt';
  member: string;
  memberTimezone: string;
  /** Who routing may choose (docs/domain.md, "Routing": Peru any area → the less loaded of rep.pe1/rep.pe2; Brazil → rep.br). */
  staff: string[];
  staffTimezone: string;
  area: string;
  subject: string;
  description: string;
  note: string;
  reply: string;
  resolution: string;
  ratingComment: string;
  /** Words of the interface in this language (the account's; nobody picks a language here). */
  words: { greeting: string; inProgress: string; resolved: string; closed: string };
}

const stamp = Date.now().toString(36);
const WALKS: Walk[] = [
  {
    language: 'es',
    member: 'ana@valle-alto.example',
    memberTimezone: 'America/Lima',
    staff: ['rep.pe1@clac.example', 'rep.pe2@clac.example'],
    staffTimezone: 'America/Lima',
    area: 'standards-compliance',
    subject: `Auditoría de trazabilidad del café ${stamp}`,
    description:
      'La certificadora visita en marzo.\nNo sabemos cómo documentar la trazabilidad de los lotes mezclados.',
    note: `NOTA-INTERNA-${stamp}: la cooperativa ya tuvo una no conformidad en 2024, revisar el informe.`,
    reply: `Buenos días, Ana: le envío la guía de trazabilidad por lotes (RESPUESTA-${stamp}).`,
    resolution: 'Guía enviada y explicada.',
    ratingComment: 'Muy clara la guía, gracias.',
    words: { greeting: 'Hola', inProgress: 'En curso', resolved: 'Resuelta', closed: 'Cerrada' },
  },
  {
    language: 'pt',
    member: 'joana@apicultores-sertao.example',
    memberTimezone: 'America/Fortaleza',
    staff: ['rep.br@clac.example'],
    staffTimezone: 'America/Sao_Paulo',
    area: 'market-access',
    subject: `Compradores de mel orgânico na Europa ${stamp}`,
    description: 'Temos 12 toneladas de mel certificado.\nProcuramos compradores que paguem o preço mínimo Fairtrade.',
    note: `NOTA-INTERNA-${stamp}: verificar se a cooperativa está em dia com a taxa de certificação.`,
    reply: `Olá, Joana: segue a lista de importadores interessados (RESPOSTA-${stamp}).`,
    resolution: 'Lista de importadores enviada.',
    ratingComment: 'Ótimo atendimento.',
    words: { greeting: 'Olá', inProgress: 'Em andamento', resolved: 'Resolvida', closed: 'Encerrada' },
  },
];

describe('a request from draft to rating, walked by the member and the routed staff member', () => {
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

  const statusOf = (page: Page) => page.getByTestId('request-status').locator('[data-status]');
  async function waitForStatus(page: Page, status: string): Promise<void> {
    await page.locator(`[data-testid="request-status"] [data-status="${status}"]`).waitFor();
  }

  it.each(WALKS)(
    'in $language: $member drafts, submits with a PDF, is answered, and rates the resolution',
    async (walk) => {
      // ── The member, on a phone, in the account's language ─────────────────────────────
      const member = await signIn(browser, portal, walk.member, {
        viewport: PHONE,
        locale: walk.language,
        timezoneId: walk.memberTimezone,
      });
      const memberPage = member.page;
      await expect(memberPage.locator('html').getAttribute('lang')).resolves.toBe(walk.language);
      await expect(memberPage.getByTestId('welcome').textContent()).resolves.toContain(walk.words.greeting);

      await memberPage.locator('main a[href="/requests/new"]').first().click();
      await memberPage.waitForURL(/\/requests\/new$/);
      await memberPage.getByTestId(`area-option-${walk.area}`).check();
      await memberPage.getByTestId('request-subject').fill(walk.subject);
      await memberPage.getByTestId('request-description').fill(walk.description);
      await memberPage.getByTestId('draft-saved').waitFor();

      // The phone reloads (or the browser closes): the draft is still there.
      await memberPage.reload();
      await memberPage.getByTestId('draft-restored').waitFor();
      await expect(memberPage.getByTestId('request-subject').inputValue()).resolves.toBe(walk.subject);
      await expect(memberPage.getByTestId('request-description').inputValue()).resolves.toBe(walk.description);
      await expect(memberPage.getByTestId(`area-option-${walk.area}`).isChecked()).resolves.toBe(true);
      await expectAccessible(memberPage, `walk-${walk.language}-member-form-draft-restored`);

      await memberPage
        .getByTestId('request-files')
        .setInputFiles([{ name: 'relatorio.pdf', mimeType: 'application/pdf', buffer: SMALL_PDF }]);
      await memberPage.getByTestId('request-submit').click();
      await memberPage.waitForURL(/\/sent$/);
      await memberPage.getByTestId('confirmation-open').click();
      await memberPage.waitForURL(MEMBER_REQUEST_PAGE);
      const reference = ((await memberPage.getByTestId('request-reference').textContent()) ?? '').trim();
      expect(reference).toMatch(/^SR-\d{4}-\d{6}$/);
      await expect(memberPage.getByTestId('attachment-link').textContent()).resolves.toContain('relatorio.pdf');

      // Routing chose someone: the database says who (only read, to know whom to sign in as).
      const { rows: filed } = await portal.db.query(
        `SELECT r.id, r.status, r.reference, u.email FROM requests r LEFT JOIN users u ON u.id = r.assignee_id WHERE r.subject = $1`,
        [walk.subject],
      );
      expect(filed).toHaveLength(1);
      const [{ id: requestId, status, email: assignee }] = filed;
      expect({ status, reference: filed[0].reference }).toEqual({ status: 'assigned', reference });
      expect(walk.staff).toContain(assignee);
      await expectAccessible(memberPage, `walk-${walk.language}-member-request-submitted`);

      // ── The routed staff member, at a desk, in a browser of its own ──────────────────
      const staff = await signIn(browser, portal, assignee, {
        viewport: DESKTOP,
        locale: walk.language,
        timezoneId: walk.staffTimezone,
      });
      const staffPage = staff.page;
      await staffPage.locator('#main-navigation a[href="/inbox"]').click();
      await staffPage.waitForURL(/\/inbox(\?|$)/);
      await staffPage.getByTestId('inbox-search').pressSequentially(reference, { delay: 20 });
      await staffPage.waitForURL(new RegExp(`q=${reference}`));
      await staffPage.waitForFunction((ref) => {
        const rows = [...document.querySelectorAll('[data-testid="inbox-row"]')];
        return (
          rows.length === 1 && rows[0].textContent.includes(ref) && !document.querySelector('table[aria-busy="true"]')
        );
      }, reference);
      await expect(staffPage.getByTestId('inbox-row').textContent()).resolves.toContain(walk.subject);
      await expectAccessible(staffPage, `walk-${walk.language}-staff-inbox-search`);
      await staffPage.getByTestId('inbox-row').getByRole('link').click();
      await staffPage.waitForURL(STAFF_REQUEST_PAGE);
      expect(staffPage.url()).toContain(requestId);
      await expect(staffPage.getByTestId('request-reference').textContent()).resolves.toContain(reference);
      // The member's own link to it, shared with staff, opens it in the staff section.
      await staffPage.goto(`${portal.url}/requests/${requestId}`);
      await staffPage.waitForURL(STAFF_REQUEST_PAGE);
      await expect(staffPage.getByTestId('request-reference').textContent()).resolves.toContain(reference);

      // An internal note first: the composer says plainly that the member will not see it.
      await staffPage.getByTestId('reply-internal-toggle').check();
      await staffPage.locator('.internal-banner').waitFor();
      await staffPage.getByTestId('reply-body').fill(walk.note);
      await expectAccessible(staffPage, `walk-${walk.language}-staff-request-note-mode`);
      await staffPage.getByTestId('reply-send').click();
      await staffPage.locator('[data-testid="timeline-entry"][data-internal="true"]', { hasText: walk.note }).waitFor();

      // Then the public reply, which moves the request from assigned to in progress.
      await staffPage.getByTestId('reply-public-toggle').check();
      await staffPage.getByTestId('reply-body').fill(walk.reply);
      await staffPage.getByTestId('reply-send').click();
      await staffPage.locator('[data-testid="timeline-entry"]:not([data-internal])', { hasText: walk.reply }).waitFor();
      await waitForStatus(staffPage, 'in_progress');
      await expect(statusOf(staffPage).textContent()).resolves.toContain(walk.words.inProgress);

      // ── The member opens the request from its list: the reply, and no trace of the note ─
      await memberPage.locator('button[aria-controls="main-navigation"]').click();
      await memberPage.locator('#main-navigation a[href="/requests"]').click();
      await memberPage.waitForURL(/\/requests$/);
      const detailAnswer = memberPage.waitForResponse(
        (response) => response.url().endsWith(`/api/v1/requests/${requestId}`) && response.request().method() === 'GET',
      );
      await memberPage.getByTestId('request-row').filter({ hasText: reference }).click();
      await memberPage.waitForURL(MEMBER_REQUEST_PAGE);
      const answerText = await (await detailAnswer).text();
      await memberPage.getByTestId('timeline-entry').filter({ hasText: walk.reply }).waitFor();
      await waitForStatus(memberPage, 'in_progress');
      const seenByMember = await memberPage.locator('body').innerText();
      expect(seenByMember).toContain(walk.reply);
      expect(seenByMember).not.toContain(walk.note);
      expect(seenByMember).not.toContain(`NOTA-INTERNA-${stamp}`);
      // Not merely hidden: the note never reaches the member's browser.
      expect(answerText).toContain(walk.reply);
      expect(answerText).not.toContain(`NOTA-INTERNA-${stamp}`);
      await expect(memberPage.locator('[data-testid="timeline-entry"][data-internal]').count()).resolves.toBe(0);
      await expectAccessible(memberPage, `walk-${walk.language}-member-request-answered`);
      // A staff link to it (…/inbox/<id>, forwarded to the member) opens it in the member's section.
      await memberPage.goto(`${portal.url}/inbox/${requestId}`);
      await memberPage.waitForURL(MEMBER_REQUEST_PAGE);
      expect(memberPage.url()).toContain(requestId);
      await memberPage.getByTestId('timeline-entry').filter({ hasText: walk.reply }).waitFor();

      // ── Staff resolves it ────────────────────────────────────────────────────────────
      await staffPage.getByTestId('action-resolved').click();
      await staffPage.getByTestId('transition-reason').fill(walk.resolution);
      await expectAccessible(staffPage, `walk-${walk.language}-staff-resolve-dialog`);
      await staffPage.getByTestId('dialog-confirm').click();
      await waitForStatus(staffPage, 'resolved');

      // ── The member confirms the resolution and rates it ─────────────────────────────
      await memberPage.reload();
      await memberPage.getByTestId('action-closed').waitFor();
      await expect(statusOf(memberPage).textContent()).resolves.toContain(walk.words.resolved);
      await expectAccessible(memberPage, `walk-${walk.language}-member-resolved-rating`);
      await memberPage.getByTestId('rating-4').click();
      await memberPage.getByTestId('rating-comment').fill(walk.ratingComment);
      await memberPage.getByTestId('action-closed').click();
      await waitForStatus(memberPage, 'closed');
      await expect(statusOf(memberPage).textContent()).resolves.toContain(walk.words.closed);
      await expect(memberPage.getByTestId('rating-given').textContent()).resolves.toContain(walk.ratingComment);

      // ── What the database keeps ──────────────────────────────────────────────────────
      const { rows: kept } = await portal.db.query(
        `SELECT r.status, r.satisfaction_score, r.satisfaction_comment, r.first_responded_at IS NOT NULL AS answered, r.closed_at IS NOT NULL AS closed,
              (SELECT count(*)::int FROM requests WHERE subject = $1) AS requests,
              (SELECT count(*)::int FROM request_messages m WHERE m.request_id = r.id AND m.internal) AS notes,
              (SELECT count(*)::int FROM request_messages m WHERE m.request_id = r.id AND NOT m.internal) AS replies,
              (SELECT count(*)::int FROM attachments a WHERE a.request_id = r.id) AS files
         FROM requests r WHERE r.id = $2`,
        [walk.subject, requestId],
      );
      expect(kept).toEqual([
        {
          status: 'closed',
          satisfaction_score: 4,
          satisfaction_comment: walk.ratingComment,
          answered: true,
          closed: true,
          requests: 1,
          notes: 1,
          replies: 1,
          files: 1,
        },
      ]);
      await Promise.all([member.context.close(), staff.context.close()]);
    },
  );
});
