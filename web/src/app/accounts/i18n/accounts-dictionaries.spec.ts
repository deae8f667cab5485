import { LANGUAGES } from '@portal/shared';

import { DICTIONARIES } from '../../i18n/dictionaries';
import { placeholdersOf } from '../../i18n/interpolate';
import { ACCOUNTS_DICTIONARIES, type AccountsKey } from './accounts-dictionaries';

describe('the account pages’ dictionaries', () => {
  const keys = Object.keys(ACCOUNTS_DICTIONARIES.es) as AccountsKey[];

  it.each(LANGUAGES.filter((language) => language !== 'es'))(
    '%s uses the same {placeholders} as Spanish in every text',
    (language) => {
      const mismatches = keys.filter(
        (key) =>
          placeholdersOf(ACCOUNTS_DICTIONARIES[language][key]).join() !==
          placeholdersOf(ACCOUNTS_DICTIONARIES.es[key]).join(),
      );
      expect(mismatches).toEqual([]);
    },
  );

  it.each(LANGUAGES)('%s has no empty or untrimmed text', (language) => {
    const bad = keys.filter((key) => {
      const text = ACCOUNTS_DICTIONARIES[language][key];
      return !text || text !== text.trim();
    });
    expect(bad).toEqual([]);
  });

  it.each(LANGUAGES.filter((language) => language !== 'es'))(
    '%s translates every text rather than copying Spanish',
    (language) => {
      // Short words may coincide ("Contacto" in es and pt would be fine); whole sentences may not.
      const copied = keys.filter(
        (key) =>
          ACCOUNTS_DICTIONARIES.es[key].length > 20 &&
          ACCOUNTS_DICTIONARIES[language][key] === ACCOUNTS_DICTIONARIES.es[key],
      );
      expect(copied).toEqual([]);
    },
  );

  it('never shadows a key of the shared dictionaries', () => {
    const shared = new Set(Object.keys(DICTIONARIES.es));
    expect(keys.filter((key) => shared.has(key))).toEqual([]);
  });

  it('tells in every language how long the links work: 7 days for an invitation, 30 minutes for a reset', () => {
    for (const language of LANGUAGES) {
      const texts = ACCOUNTS_DICTIONARIES[language];
      expect(texts['invite.done']).toContain('7');
      expect(texts['accept.gone']).toContain('7');
      expect(texts['forgot.done']).toContain('30');
      expect(texts['reset.gone']).toContain('30');
    }
  });
});
