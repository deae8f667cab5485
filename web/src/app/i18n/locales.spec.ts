import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, LANGUAGES, type Language, THEMATIC_AREAS } from '@portal/shared';

import { interpolate, placeholdersOf } from './interpolate';
import { TEXTS, type TextsPart } from './texts';

/**
 * The language files (web/src/locales/<language>/<part>.json), as translators hand them
 * back: Spanish is the reference, and each other language must have exactly its keys, the
 * same placeholders, and a text for each. The compiler checks the keys the code asks for
 * against Spanish; this checks the other languages against Spanish.
 */
const LOCALES = join(__dirname, '../../locales');
const PARTS = Object.keys(TEXTS) as TextsPart[];
const OTHERS = LANGUAGES.filter((language) => language !== 'es');

function read(language: Language, part: TextsPart): Record<string, unknown> {
  return JSON.parse(readFileSync(join(LOCALES, language, `${part}.json`), 'utf8')) as Record<string, unknown>;
}

const files = Object.fromEntries(
  LANGUAGES.map((language) => [language, Object.fromEntries(PARTS.map((part) => [part, read(language, part)]))]),
) as Record<Language, Record<TextsPart, Record<string, unknown>>>;

/** Every text of a language, all parts together (as the app holds them once loaded). */
function all(language: Language): Record<string, string> {
  return Object.assign({}, ...PARTS.map((part) => files[language][part])) as Record<string, string>;
}

const cases = LANGUAGES.flatMap((language) => PARTS.map((part) => [language, part] as const));

describe('the language files', () => {
  it('are one file per language and part, and nothing else', () => {
    expect(readdirSync(LOCALES).sort()).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES) {
      expect(readdirSync(join(LOCALES, language)).sort()).toEqual(PARTS.map((part) => `${part}.json`).sort());
    }
  });

  it.each(cases)('%s/%s.json is flat: a text for each key', (language, part) => {
    const notText = Object.entries(files[language][part]).filter(([, value]) => typeof value !== 'string');
    expect(notText.map(([key]) => key)).toEqual([]);
  });

  it.each(OTHERS.flatMap((language) => PARTS.map((part) => [language, part] as const)))(
    '%s/%s.json has exactly the keys of Spanish: none missing, none extra',
    (language, part) => {
      const spanish = Object.keys(files.es[part]);
      const keys = Object.keys(files[language][part]);
      expect({
        missing: spanish.filter((key) => !keys.includes(key)),
        extra: keys.filter((key) => !spanish.includes(key)),
      }).toEqual({ missing: [], extra: [] });
    },
  );

  it.each(OTHERS.flatMap((language) => PARTS.map((part) => [language, part] as const)))(
    '%s/%s.json uses the same {placeholders} as Spanish in every text',
    (language, part) => {
      const texts = files[language][part] as Record<string, string>;
      const spanish = files.es[part] as Record<string, string>;
      const mismatches = Object.keys(spanish).filter(
        (key) =>
          typeof texts[key] === 'string' &&
          placeholdersOf(texts[key]).join() !== placeholdersOf(spanish[key] ?? '').join(),
      );
      expect(mismatches).toEqual([]);
    },
  );

  it.each(cases)('%s/%s.json has no empty or untrimmed text', (language, part) => {
    const bad = Object.entries(files[language][part]).filter(
      ([, text]) => typeof text !== 'string' || text.trim() === '' || text !== text.trim(),
    );
    expect(bad.map(([key]) => key)).toEqual([]);
  });

  it('gives each key to one part only: loaded together, none hides another', () => {
    const seen = new Map<string, TextsPart>();
    const twice: string[] = [];
    for (const part of PARTS) {
      for (const key of Object.keys(files.es[part])) {
        const first = seen.get(key);
        if (first) twice.push(`${key} in ${first} and ${part}`);
        seen.set(key, part);
      }
    }
    expect(twice).toEqual([]);
  });

  it.each(cases)('%s/%s.json is the file the app loads for it', async (language, part) => {
    const loaded = await TEXTS[part][language]();
    expect(loaded.default).toEqual(files[language][part]);
  });
});

describe('what the texts say', () => {
  it('greets by name in every language', () => {
    const greetings = LANGUAGES.map((language) =>
      interpolate(all(language)['home.greeting'] ?? '', { name: 'Ana Torres' }),
    );
    expect(greetings).toEqual(['Hola, Ana Torres', 'Hello, Ana Torres', 'Olá, Ana Torres', 'Bonjour, Ana Torres']);
  });

  it('says the bell’s unread count with the number in every language', () => {
    for (const language of LANGUAGES) {
      expect(all(language)['notifications.bell.other']).toContain('{count}');
      expect(all(language)['notifications.bell.one']).toContain('{count}');
    }
  });

  it.each(OTHERS)('translates the account pages into %s rather than copying Spanish', (language) => {
    // Short words may coincide ("Contacto" in es and pt would be fine); whole sentences may not.
    const spanish = files.es.accounts as Record<string, string>;
    const copied = Object.keys(spanish).filter(
      (key) => (spanish[key] ?? '').length > 20 && files[language].accounts[key] === spanish[key],
    );
    expect(copied).toEqual([]);
  });

  it('tells in every language how long the links work: 7 days for an invitation, 30 minutes for a reset', () => {
    for (const language of LANGUAGES) {
      const texts = all(language);
      expect(texts['invite.done']).toContain('7');
      expect(texts['accept.gone']).toContain('7');
      expect(texts['forgot.done']).toContain('30');
      expect(texts['reset.gone']).toContain('30');
    }
  });

  it('names each audit action and kind of record for the admin, in every language', () => {
    for (const language of LANGUAGES) {
      const texts = all(language);
      const actions = AUDIT_ACTIONS.map((action) => texts[`admin.audit.actionName.${action}`] ?? '');
      const types = AUDIT_ENTITY_TYPES.map((type) => texts[`admin.audit.entityName.${type}`] ?? '');
      expect(actions.filter((name) => !name)).toEqual([]);
      expect(types.filter((name) => !name)).toEqual([]);
      expect(new Set(actions).size).toBe(AUDIT_ACTIONS.length);
    }
  });

  it('names each thematic area shortly and differently for the staff, in every language', () => {
    for (const language of LANGUAGES) {
      const names = THEMATIC_AREAS.map((area) => all(language)[`inbox.area.${area}`] ?? '');
      expect(new Set(names).size).toBe(THEMATIC_AREAS.length);
      expect(names.every((name) => name.length > 0 && name.length <= 24)).toBe(true);
    }
  });

  it('explains each of the seven thematic areas to members in every language', () => {
    for (const language of LANGUAGES) {
      const texts = files[language].requests as Record<string, string>;
      const help = Object.keys(texts)
        .filter((key) => key.startsWith('requests.areaHelp.'))
        .map((key) => texts[key]);
      expect(help).toHaveLength(7);
      expect(new Set(help).size).toBe(7);
    }
  });

  it('names the four aging buckets of the reports differently in every language', () => {
    for (const language of LANGUAGES) {
      const names = ['d0_2', 'd3_7', 'd8_30', 'd31_plus'].map((bucket) => all(language)[`reports.aging.${bucket}`]);
      expect(new Set(names).size).toBe(4);
    }
  });
});
