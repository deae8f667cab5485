import { LANGUAGES } from '@portal/shared';
import { REFUSAL_REASONS, refusedMailAnswer, unknownSenderAnswer } from './refusal-answers';

describe('the answers to refused mail', () => {
  it('tells an unknown sender in the four languages, as text and HTML', () => {
    const answer = unknownSenderAnswer();
    for (const words of [
      'Recibimos su correo',
      'We received your email',
      'Recebemos seu e-mail',
      'Nous avons bien reçu',
    ])
      expect(answer.text).toContain(words);
    expect(answer.html).toContain('lang="fr"');
  });

  it.each(LANGUAGES)(
    'tells a known person why, in %s, naming its mail and the portal, the subject escaped in HTML',
    (language) => {
      for (const refusal of Object.keys(REFUSAL_REASONS) as (keyof typeof REFUSAL_REASONS)[]) {
        const answer = refusedMailAnswer(language, refusal, 'Lote <14>', 'https://portal.example.org');
        expect(answer.text).toContain('Lote <14>');
        expect(answer.text).toContain(REFUSAL_REASONS[refusal][language]);
        expect(answer.text).toContain('https://portal.example.org');
        expect(answer.html).toContain('Lote &lt;14&gt;');
        expect(answer.html).not.toContain('<14>');
      }
    },
  );
});
