import { LANGUAGES } from '@portal/shared';

import { STAFF_DICTIONARIES } from '../../core/staff-i18n/staff-dictionaries';
import { DICTIONARIES } from '../../i18n/dictionaries';
import { placeholdersOf } from '../../i18n/interpolate';
import { REPORTS_DICTIONARIES, type ReportsKey } from './reports-dictionaries';

describe('the reports dashboard’s dictionaries', () => {
  const keys = Object.keys(REPORTS_DICTIONARIES.es) as ReportsKey[];

  it.each(LANGUAGES.filter((language) => language !== 'es'))(
    '%s uses the same {placeholders} as Spanish in every text',
    (language) => {
      const mismatches = keys.filter(
        (key) =>
          placeholdersOf(REPORTS_DICTIONARIES[language][key]).join() !==
          placeholdersOf(REPORTS_DICTIONARIES.es[key]).join(),
      );
      expect(mismatches).toEqual([]);
    },
  );

  it.each(LANGUAGES)('%s has no empty or untrimmed text', (language) => {
    const bad = keys.filter((key) => {
      const text = REPORTS_DICTIONARIES[language][key];
      return !text || text !== text.trim();
    });
    expect(bad).toEqual([]);
  });

  it('never shadows a key of the shared or the staff dictionaries', () => {
    const others = new Set([...Object.keys(DICTIONARIES.es), ...Object.keys(STAFF_DICTIONARIES.es)]);
    expect(keys.filter((key) => others.has(key))).toEqual([]);
  });

  it('names the four aging buckets differently in every language', () => {
    for (const language of LANGUAGES) {
      const names = (['d0_2', 'd3_7', 'd8_30', 'd31_plus'] as const).map(
        (bucket) => REPORTS_DICTIONARIES[language][`reports.aging.${bucket}`],
      );
      expect(new Set(names).size).toBe(4);
    }
  });
});
