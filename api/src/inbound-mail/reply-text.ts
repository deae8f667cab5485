/**
 * The new text of an emailed reply: what the person wrote, without the history its mail
 * program quoted below it, nor its signature. Mail programs mark the history in their own
 * words and the person's language, so the markers of the common ones are listed here, in
 * the four languages of the network.
 */

/** A line that starts the quoted history (everything from it on is dropped). */
const HISTORY_STARTS: RegExp[] = [
  // Gmail, Apple Mail, Thunderbird: "On Mon, 1 Dec 2026 at 10:00, Ana <ana@…> wrote:"
  /^On\b.{0,300}\bwrote:$/i,
  /^El\b.{0,300}\bescribió:$/i,
  /^Em\b.{0,300}\bescreveu:$/i,
  /^Le\b.{0,300}\ba écrit ?:$/i,
  // Outlook and older clients.
  /^-{2,} ?(Original Message|Mensaje original|Mensagem original|Message d'origine) ?-{2,}$/i,
  /^_{20,}$/,
];

/** The first line of Outlook's header block ("From: …" then "Sent: …"). */
const HEADER_BLOCK_FROM = /^\*?(From|De|Von) ?:\*? /i;
const HEADER_BLOCK_NEXT = /^\*?(Sent|Date|Enviado|Fecha|Data|Envoyé|To|Para|Para|À) ?:\*? /i;

/** Lines phones add under a message. */
const DEVICE_SIGNATURE =
  /^(Sent from|Enviado desde|Enviado do|Envoyé de|Get Outlook for|Obtener Outlook para|Obter o Outlook para|Télécharger Outlook pour)\b/i;

/** Where the history starts: a marker line (or one split over two lines), or Outlook's header block. */
function historyStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (HISTORY_STARTS.some((pattern) => pattern.test(line))) return i;
    // Gmail wraps a long "On … wrote:" line.
    const joined = `${line} ${(lines[i + 1] ?? '').trim()}`;
    if (/^(On|El|Em|Le)\b/.test(line) && HISTORY_STARTS.some((pattern) => pattern.test(joined))) return i;
    if (HEADER_BLOCK_FROM.test(line) && lines.slice(i + 1, i + 4).some((next) => HEADER_BLOCK_NEXT.test(next.trim())))
      return i;
  }
  return lines.length;
}

/** The text the person wrote: the history, quoted ("> ") lines, the signature ("-- ") and phone footers removed. */
export function replyText(text: string): string {
  let lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines = lines.slice(0, historyStart(lines));
  lines = lines.filter((line) => !line.startsWith('>'));
  const signature = lines.findIndex((line) => line === '-- ' || line === '--');
  if (signature >= 0) lines = lines.slice(0, signature);
  while (
    lines.length > 0 &&
    (lines[lines.length - 1].trim() === '' || DEVICE_SIGNATURE.test(lines[lines.length - 1].trim()))
  )
    lines.pop();
  return lines.join('\n').trim();
}
