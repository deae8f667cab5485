import { LANGUAGES, THEMATIC_AREAS } from '@portal/shared';

import { DICTIONARIES } from '../../i18n/dictionaries';
import { placeholdersOf } from '../../i18n/interpolate';
import { STAFF_DICTIONARIES, type StaffKey } from './staff-dictionaries';

describe('the staff pages’ dictionaries', () => {
  const keys = Object.keys(STAFF_DICTIONARIES.es) as StaffKey[];

  it.each(LANGUAGES.filter((language) => language !== 'es'))(
    '%s uses the same {placeholders} as Spanish in every text',
    (language) => {
      const mismatches = keys.filter(
        (key) =>
          placeholdersOf(STAFF_DICTIONARIES[language][key]).join() !==
          placeholdersOf(STAFF_DICTIONARIES.es[key]).join(),
      );
      expect(mismatches).toEqual([]);
    },
  );

  it.each(LANGUAGES)('%s has no empty or untrimmed text', (language) => {
    const bad = keys.filter((key) => {
      const text = STAFF_DICTIONARIES[language][key];
      return !text || text !== text.trim();
    });
    expect(bad).toEqual([]);
  });

  it('never shadows a key of the shared dictionaries', () => {
    const shared = new Set(Object.keys(DICTIONARIES.es));
    expect(keys.filter((key) => shared.has(key))).toEqual([]);
  });

  it('names each thematic area shortly and differently, in every language', () => {
    for (const language of LANGUAGES) {
      const names = THEMATIC_AREAS.map((area) => STAFF_DICTIONARIES[language][`inbox.area.${area}`]);
      expect(new Set(names).size).toBe(THEMATIC_AREAS.length);
      expect(names.every((name) => name.length <= 24)).toBe(true);
    }
  });
});
