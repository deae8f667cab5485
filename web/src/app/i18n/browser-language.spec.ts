import { languageFromBrowser } from './browser-language';

describe('languageFromBrowser', () => {
  it('takes the first preferred language the portal speaks, by its base', () => {
    expect(languageFromBrowser(['pt-BR', 'en-US'])).toBe('pt');
    expect(languageFromBrowser(['de-DE', 'fr-CA', 'es'])).toBe('fr');
    expect(languageFromBrowser(['EN'])).toBe('en');
  });

  it('is null when the browser prefers none of them', () => {
    expect(languageFromBrowser(['de', 'it-IT'])).toBeNull();
    expect(languageFromBrowser([])).toBeNull();
    expect(languageFromBrowser(undefined)).toBeNull();
  });
});
