/**
 * Splits a long axis label into lines of about `width` characters (at most `maxLines`, the
 * last one cut with "…") so that names stay readable beside the bars on a phone.
 */
export function wrapLabel(label: string, width = 18, maxLines = 2): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  const kept = lines.slice(0, maxLines);
  const last = kept.length - 1;
  const cut = lines.length > maxLines || (kept[last] ?? '').length > width;
  if (cut) kept[last] = `${(kept[last] ?? '').slice(0, width - 1).trimEnd()}…`;
  return kept;
}
