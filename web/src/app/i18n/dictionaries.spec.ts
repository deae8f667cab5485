import { LANGUAGES } from '@portal/shared';

import { DICTIONARIES } from './dictionaries';
import type { TranslationKey } from './dictionary';
import { interpolate, placeholdersOf } from './interpolate';

describe('the interface dictionaries', () => {
  const keys = Object.keys(DICTIONARIES.es) as TranslationKey[];

  it.each(LANGUAGES.filter((language) => language !== 'es'))(
    '%s uses the same {placeholders} as Spanish in every text',
    (language) => {
      const mismatches = keys.filter(
        (key) => placeholdersOf(DICTIONARIES[language][key]).join() !== placeholdersOf(DICTIONARIES.es[key]).join(),
      );
      expect(mismatches).toEqual([]);
    },
  );

  it.each(LANGUAGES)('%s has no empty or untrimmed text', (language) => {
    const bad = keys.filter((key) => {
      const text = DICTIONARIES[language][key];
      return !text || text !== text.trim();
    });
    expect(bad).toEqual([]);
  });

  it('names the portal differently in each language but greets by name in all', () => {
    const greetings = LANGUAGES.map((language) =>
      interpolate(DICTIONARIES[language]['home.greeting'], { name: 'Ana Torres' }),
    );
    expect(greetings).toEqual(['Hola, Ana Torres', 'Hello, Ana Torres', 'Olá, Ana Torres', 'Bonjour, Ana Torres']);
  });
});

describe('interpolate', () => {
  it('fills every occurrence of a placeholder and leaves unknown ones visible', () => {
    expect(interpolate('{a} y {a}, {b}', { a: 1 })).toBe('1 y 1, {b}');
  });

  it('does not read inherited properties as values', () => {
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });
});
