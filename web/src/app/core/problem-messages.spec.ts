import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProblemCode, type Language, LANGUAGES, PROBLEM_CODES } from '@portal/shared';

import { PROBLEM_MESSAGES, problemCodeOf } from './problem-messages';

/** The app's shared texts in each language, where the problem messages are (locales/<language>/app.json). */
const DICTIONARIES = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    JSON.parse(readFileSync(join(__dirname, '../../locales', language, 'app.json'), 'utf8')) as Record<string, string>,
  ]),
) as Record<Language, Record<string, string>>;

describe('the message of each problem code', () => {
  it('exists for every code the API sends, and for nothing else', () => {
    expect(Object.keys(PROBLEM_MESSAGES).sort()).toEqual([...PROBLEM_CODES].sort());
  });

  it.each(LANGUAGES)('is a text of its own in %s for every code', (language) => {
    const missing = PROBLEM_CODES.filter((code) => {
      const text = DICTIONARIES[language][PROBLEM_MESSAGES[code]];
      return typeof text !== 'string' || text.trim() === '';
    });
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES.filter((language) => language !== 'es'))('is translated in %s, not left in Spanish', (language) => {
    const untranslated = PROBLEM_CODES.filter(
      (code) => DICTIONARIES[language][PROBLEM_MESSAGES[code]] === DICTIONARIES.es[PROBLEM_MESSAGES[code]],
    );
    expect(untranslated).toEqual([]);
  });

  it('needs no value filled in: the text is whole as it stands', () => {
    const withPlaceholders = PROBLEM_CODES.filter((code) =>
      LANGUAGES.some((language) => /\{\w+\}/.test(DICTIONARIES[language][PROBLEM_MESSAGES[code]] ?? '')),
    );
    expect(withPlaceholders).toEqual([]);
  });
});

describe('reading the code of a problem document', () => {
  it('gives a known code', () => {
    expect(problemCodeOf({ code: 'requests.stale-version' })).toBe('requests.stale-version');
  });

  it('gives null without one, or for a code this build does not know (a newer API)', () => {
    expect(problemCodeOf(null)).toBeNull();
    expect(problemCodeOf({})).toBeNull();
    expect(problemCodeOf({ code: 'requests.something-new' as never })).toBeNull();
    expect(isProblemCode('toString')).toBe(false);
  });
});
