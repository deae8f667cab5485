import { languageFromAcceptLanguage } from './languages.js';

describe('languageFromAcceptLanguage', () => {
  it('picks the supported language with the highest quality', () => {
    expect(languageFromAcceptLanguage('de-DE,de;q=0.9,pt-BR;q=0.8,en;q=0.7')).toBe('pt');
    expect(languageFromAcceptLanguage('en;q=0.5, fr;q=0.9')).toBe('fr');
  });

  it('keeps the header order between equal qualities', () => {
    expect(languageFromAcceptLanguage('es-PE, en')).toBe('es');
    expect(languageFromAcceptLanguage('en, es')).toBe('en');
  });

  it('returns null when nothing supported is asked for, or q=0 refuses it', () => {
    expect(languageFromAcceptLanguage('de, it')).toBeNull();
    expect(languageFromAcceptLanguage('fr;q=0')).toBeNull();
    expect(languageFromAcceptLanguage('')).toBeNull();
    expect(languageFromAcceptLanguage(undefined)).toBeNull();
    expect(languageFromAcceptLanguage('*')).toBeNull();
  });
});
