import { articleBlocks } from './article-blocks';

describe('articleBlocks', () => {
  it('reads paragraphs, headings, bullet and numbered lists, never HTML', () => {
    const body = 'Primera línea\nsigue el párrafo.\n\n## Pasos\n1. Uno\n2. Dos\n- a\n- <b>b</b>\n\n# Después\nFin.';
    expect(articleBlocks(body)).toEqual([
      { kind: 'paragraph', text: 'Primera línea sigue el párrafo.' },
      { kind: 'heading', text: 'Pasos' },
      { kind: 'steps', items: ['Uno', 'Dos'] },
      { kind: 'bullets', items: ['a', '<b>b</b>'] },
      { kind: 'heading', text: 'Después' },
      { kind: 'paragraph', text: 'Fin.' },
    ]);
  });

  it('gives nothing for an empty text', () => {
    expect(articleBlocks(' \n\n')).toEqual([]);
  });
});
