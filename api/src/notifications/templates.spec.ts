import { LANGUAGES } from '@portal/shared';
import { NOTIFICATION_KINDS, renderEmail, renderNotification } from './templates';

const params = {
  reference: 'SR-2026-000042',
  subject: 'Auditoría <2026>',
  organization: 'Valle Alto',
  author: 'Rosa',
  excerpt: 'Hola',
  from: 'in_progress',
  to: 'resolved',
  assignee: 'Rosa',
  reason: 'urgente',
  score: 2,
  url: 'https://crm.example/hooks',
  failures: 10,
} as const;

describe('notification templates', () => {
  it('has every kind in every language, naming the request', () => {
    for (const language of LANGUAGES) {
      for (const kind of NOTIFICATION_KINDS) {
        const { title, body } = renderNotification(kind, language, { ...params, name: 'Ana', inviter: 'Rosa' });
        if (kind.startsWith('request.')) expect(title).toContain('SR-2026-000042');
        expect(body.length).toBeGreaterThan(10);
        expect(`${title}${body}`).not.toContain('undefined');
      }
    }
  });

  it('speaks the recipient’s language', () => {
    expect(renderNotification('request.reply', 'pt', params).title).toBe('Nova resposta em SR-2026-000042');
    expect(renderNotification('request.reply', 'fr', params).title).toBe('Nouvelle réponse sur SR-2026-000042');
    expect(renderNotification('request.status_changed', 'es', params).body).toContain('de en curso a resuelta');
  });

  it('gives the receipt’s due time in the country’s time zone and names the team when nobody has it yet', () => {
    const receipt = { reference: 'SR-2026-000042', subject: 'Mel', country: 'BR', timeZone: 'America/Sao_Paulo' };
    // 20:00 UTC on Tuesday 8 December 2026 is 17:00 in São Paulo.
    const { body } = renderNotification('request.received', 'pt', { ...receipt, dueAt: '2026-12-08T20:00:00Z' });
    expect(body).toContain('Quem atende: a equipe de Brasil.');
    expect(body).toContain('Primeira resposta: até terça-feira, 8 de dezembro às 17:00 (horário de Brasil).');
    expect(renderNotification('request.received', 'en', { ...receipt, assignee: 'Rosa' }).body).toContain(
      'Handled by: Rosa.',
    );
  });

  it('names the deadline of an SLA warning and breach, with its due time in the country’s time zone', () => {
    // 21:30 UTC on Wednesday 25 November 2026 is 16:30 in Lima.
    const sla = { reference: 'SR-2026-000042', subject: 'Auditoría', country: 'PE', timeZone: 'America/Lima' };
    const due = { ...sla, dueAt: '2026-11-25T21:30:00Z' };
    expect(renderNotification('request.sla_warning', 'es', { ...due, deadline: 'first_response' }).body).toBe(
      'Se usó el 75 % del plazo de primera respuesta de la solicitud «Auditoría». Vence el miércoles, 25 de noviembre, 16:30 (hora de Perú).',
    );
    expect(renderNotification('request.sla_warning', 'pt', { ...due, deadline: 'resolution' }).title).toBe(
      'Prazo perto do fim: SR-2026-000042',
    );
    const breach = renderNotification('request.breached', 'fr', { ...due, deadline: 'resolution', assignee: 'Rosa' });
    expect(breach.title).toBe('Délai de résolution dépassé : SR-2026-000042');
    expect(breach.body).toContain('transmise à la direction régionale. Responsable : Rosa.');
    expect(renderNotification('request.breached', 'en', { ...due, deadline: 'first_response' }).title).toBe(
      'First-response deadline missed: SR-2026-000042',
    );
    // A breach stored before deadlines were named still reads well.
    expect(renderNotification('request.breached', 'es', sla).title).toBe('Plazo vencido: SR-2026-000042');
  });

  it('escapes what people wrote in the HTML part, and carries the link in both parts', () => {
    const email = renderEmail('request.reply', 'es', params, 'https://portal.example/requests/1');
    expect(email.html).toContain('Auditoría &lt;2026&gt;');
    expect(email.html).not.toContain('<2026>');
    expect(email.text).toContain('https://portal.example/requests/1');
    expect(email.html).toContain('href="https://portal.example/requests/1"');
  });
});
