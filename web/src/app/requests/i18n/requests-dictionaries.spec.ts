import { LANGUAGES } from '@portal/shared';

import { DICTIONARIES } from '../../i18n/dictionaries';
import { placeholdersOf } from '../../i18n/interpolate';
import { REQUESTS_DICTIONARIES, type RequestsKey } from './requests-dictionaries';

describe('the request pages’ dictionaries', () => {
  const keys = Object.keys(REQUESTS_DICTIONARIES.es) as RequestsKey[];

  it.each(LANGUAGES.filter((language) => language !== 'es'))(
    '%s uses the same {placeholders} as Spanish in every text',
    (language) => {
      const mismatches = keys.filter(
        (key) =>
          placeholdersOf(REQUESTS_DICTIONARIES[language][key]).join() !==
          placeholdersOf(REQUESTS_DICTIONARIES.es[key]).join(),
      );
      expect(mismatches).toEqual([]);
    },
  );

  it.each(LANGUAGES)('%s has no empty or untrimmed text', (language) => {
    const bad = keys.filter((key) => {
      const text = REQUESTS_DICTIONARIES[language][key];
      return !text || text !== text.trim();
    });
    expect(bad).toEqual([]);
  });

  it('never shadows a key of the shared dictionaries', () => {
    const shared = new Set(Object.keys(DICTIONARIES.es));
    expect(keys.filter((key) => shared.has(key))).toEqual([]);
  });

  it('explains each of the seven thematic areas in every language', () => {
    for (const language of LANGUAGES) {
      const help = keys
        .filter((key) => key.startsWith('requests.areaHelp.'))
        .map((key) => REQUESTS_DICTIONARIES[language][key]);
      expect(help).toHaveLength(7);
      expect(new Set(help).size).toBe(7);
    }
  });
});
