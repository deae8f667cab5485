/**
 * An article's text as blocks to show: the editors write plain text (paragraphs between blank
 * lines, "## " headings, "- " and "1. " lists), never HTML, so nothing a writer types can run
 * in a reader's page; the template renders each block as its element.
 */
export type ArticleBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'steps'; items: string[] };

const BULLET = /^[-*]\s+/;
const STEP = /^\d+[.)]\s+/;

export function articleBlocks(body: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const list = BULLET.test(line) ? 'bullets' : STEP.test(line) ? 'steps' : null;
    if (!line) {
      endParagraph();
    } else if (line.startsWith('#')) {
      endParagraph();
      blocks.push({ kind: 'heading', text: line.replace(/^#+\s*/, '') });
    } else if (list) {
      endParagraph();
      const item = line.replace(list === 'bullets' ? BULLET : STEP, '');
      const last = blocks.at(-1);
      if (last?.kind === list) last.items.push(item);
      else blocks.push({ kind: list, items: [item] });
    } else {
      paragraph.push(line);
    }
  }
  endParagraph();
  return blocks;
}
