import { wrapLabel } from './chart-labels';

describe('a bar’s name beside the chart', () => {
  it('stays on one line when short', () => {
    expect(wrapLabel('Perú', 13, 3)).toBe('Perú');
  });

  it('wraps at words into lines of the given width', () => {
    expect(wrapLabel('Promoción de la inclusión social', 13, 3)).toEqual(['Promoción de', 'la inclusión', 'social']);
  });

  it('cuts what does not fit in the last line with an ellipsis', () => {
    expect(wrapLabel('Visibilidad del Comercio Justo y su impacto', 13, 3)).toEqual([
      'Visibilidad',
      'del Comercio',
      'Justo y su…',
    ]);
  });

  it('keeps a word longer than the width whole on its own line', () => {
    expect(wrapLabel('Sostenibilidad ambiental', 13, 3)).toEqual(['Sostenibilidad', 'ambiental']);
  });
});
