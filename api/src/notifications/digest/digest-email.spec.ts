import { LANGUAGES } from '@portal/shared';
import { renderDigestEmail, type DigestItem } from './digest-email';

const reply = (requestId: string, reference: string, excerpt: string, at: string): DigestItem => ({
  kind: 'request.reply',
  requestId,
  params: { reference, subject: 'Auditoría <2026>', author: 'Rosa', excerpt },
  createdAt: new Date(at),
});

const items: DigestItem[] = [
  reply('a', 'SR-2026-000001', 'Primera', '2026-12-05T14:05:00Z'),
  reply('b', 'SR-2026-000002', 'Otra', '2026-12-05T15:00:00Z'),
  reply('a', 'SR-2026-000001', 'Segunda', '2026-12-05T16:30:00Z'),
];

describe('the daily digest email', () => {
  it('groups by request, in the order things happened, each with its link and its local time', () => {
    const email = renderDigestEmail('es', 'America/Lima', items, (id) => `https://portal.example/requests/${id}`);
    expect(email.subject).toBe('Resumen diario: 3 novedades en 2 solicitudes');
    const [first, second] = email.text.split('\n\n').filter((part) => part.startsWith('SR-'));
    expect(first).toContain('SR-2026-000001 · Auditoría <2026>');
    expect(first.indexOf('Primera')).toBeLessThan(first.indexOf('Segunda'));
    expect(first).toContain('https://portal.example/requests/a');
    // 14:05 UTC is 09:05 in Lima.
    expect(first).toContain('09:05');
    expect(second).toContain('SR-2026-000002');
    expect(email.html).toContain('Auditoría &lt;2026&gt;');
    expect(email.html).not.toContain('<2026>');
  });

  it('says one and many in every language', () => {
    for (const language of LANGUAGES) {
      const one = renderDigestEmail(language, 'UTC', items.slice(0, 1), () => 'x').subject;
      const many = renderDigestEmail(language, 'UTC', items, () => 'x').subject;
      expect(one).toMatch(/ 1 \S+ .* 1 \S+$/);
      expect(many).toMatch(/ 3 \S+ .* 2 \S+$/);
      expect(one).not.toBe(many.replace('3', '1').replace('2', '1'));
    }
  });
});
