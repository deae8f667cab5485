import { LANGUAGES } from '@portal/shared';

import { DICTIONARIES } from '../../i18n/dictionaries';
import { placeholdersOf } from '../../i18n/interpolate';
import { NOTIFICATIONS_DICTIONARIES, type NotificationsKey } from './notifications-dictionaries';

describe('the notification list’s dictionaries', () => {
  const keys = Object.keys(NOTIFICATIONS_DICTIONARIES.es) as NotificationsKey[];

  it.each(LANGUAGES.filter((language) => language !== 'es'))(
    '%s uses the same {placeholders} as Spanish in every text',
    (language) => {
      const mismatches = keys.filter(
        (key) =>
          placeholdersOf(NOTIFICATIONS_DICTIONARIES[language][key]).join() !==
          placeholdersOf(NOTIFICATIONS_DICTIONARIES.es[key]).join(),
      );
      expect(mismatches).toEqual([]);
    },
  );

  it.each(LANGUAGES)('%s has no empty or untrimmed text', (language) => {
    const bad = keys.filter((key) => {
      const text = NOTIFICATIONS_DICTIONARIES[language][key];
      return !text || text !== text.trim();
    });
    expect(bad).toEqual([]);
  });

  it('never shadows a key of the shared dictionaries', () => {
    const shared = new Set(Object.keys(DICTIONARIES.es));
    expect(keys.filter((key) => shared.has(key))).toEqual([]);
  });

  it('says the bell’s unread count with the number in every language', () => {
    for (const language of LANGUAGES) {
      expect(DICTIONARIES[language]['notifications.bell.other']).toContain('{count}');
      expect(DICTIONARIES[language]['notifications.bell.one']).toContain('{count}');
    }
  });
});
