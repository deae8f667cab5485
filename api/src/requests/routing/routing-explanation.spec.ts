import { explainRouting, type StoredRouting } from './routing-explanation';

const rosa = { id: '00000000-0000-4000-8000-000000000001', name: 'Rosa Quispe', role: 'representative' as const };
const lucia = { id: '00000000-0000-4000-8000-000000000002', name: 'Lucía Mamani', role: 'representative' as const };

function stored(overrides: Partial<StoredRouting> = {}): StoredRouting {
  return {
    tier: 2,
    coverage: { country: 'PE', region: null, area: null },
    facts: { person: rosa, open: 3, away: null },
    sentence: 'Peru · any area → Rosa Quispe (3 open)',
    request: { country: 'PE', region: 'AND', area: 'standards-compliance' },
    assignee: rosa,
    ...overrides,
  };
}

describe('explainRouting', () => {
  it('tells a member who has the request and why, in their language, without anyone’s workload', () => {
    const es = explainRouting(stored(), 'es', false);
    expect(es).toEqual({
      tier: 2,
      coverage: { country: 'PE', region: null, area: null },
      assignee: rosa,
      reasonCode: 'country',
      reason: 'Rosa Quispe (representante de país) atiende todas las áreas en Perú; por eso tiene su solicitud.',
    });
    expect(explainRouting(stored(), 'pt', false).reason).toBe(
      'Rosa Quispe (representante do país) atende todas as áreas no Peru; por isso está com a sua solicitação.',
    );
    for (const language of ['es', 'pt', 'fr', 'en'] as const) {
      expect(explainRouting(stored(), language, false).reason).not.toMatch(/\d/);
    }
  });

  it('gives staff the compact line with the open cases, in their language', () => {
    expect(explainRouting(stored(), 'es', true).reason).toBe('Perú · todas las áreas → Rosa Quispe (3 abiertas)');
    expect(explainRouting(stored(), 'en', true).reason).toBe('Peru · every area → Rosa Quispe (3 open)');
  });

  it('names the area of a tier-1 match and the absence a replacement covers, with its last day', () => {
    const away = stored({
      tier: 1,
      coverage: { country: 'BO', region: null, area: 'standards-compliance' },
      request: { country: 'BO', region: 'AND', area: 'standards-compliance' },
      facts: { person: rosa, open: 1, away: { id: lucia.id, name: lucia.name, until: '2026-12-11T00:00:00.000Z' } },
    });
    expect(explainRouting(away, 'en', false).reason).toBe(
      'Lucía Mamani looks after technical advice on standards compliance in Bolivia and is away until December 10, ' +
        'so Rosa Quispe (country representative) stands in and has your request.',
    );
    expect(explainRouting(away, 'es', true).reason).toBe(
      'Bolivia · Asesoría técnica en cumplimiento de estándares → Lucía Mamani, ausente hasta el 10 de diciembre → Rosa Quispe (1 abierta)',
    );
  });

  it('says a case was passed on when someone else has it now, and explains the triage queue', () => {
    const moved = explainRouting(stored({ assignee: lucia }), 'fr', false);
    expect(moved.reasonCode).toBe('reassigned');
    expect(moved.reason).toBe('L’équipe a confié votre demande à Lucía Mamani, la mieux placée pour vous répondre.');
    const triage = stored({ tier: null, coverage: null, facts: null, assignee: null, sentence: 'Nobody …' });
    expect(explainRouting(triage, 'es', false)).toMatchObject({ reasonCode: 'triage', assignee: null });
    expect(explainRouting(triage, 'es', true).reason).toBe(
      'Nadie disponible atiende Asesoría técnica en cumplimiento de estándares en Perú: espera en la cola de triaje',
    );
  });

  it('keeps the stored English line for staff on requests routed before the fields were kept', () => {
    const older = stored({ facts: null });
    expect(explainRouting(older, 'es', true).reason).toBe('Peru · any area → Rosa Quispe (3 open)');
    // Members still read a sentence, from the tier, the coverage and whoever has the case.
    expect(explainRouting(older, 'es', false).reason).toContain('Rosa Quispe (representante de país)');
  });
});
