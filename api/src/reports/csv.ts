import type { FastifyReply } from 'fastify';

/**
 * One CSV cell (RFC 4180). A text that a spreadsheet would run as a formula (=, +, -, @,
 * tab, CR) is prefixed with an apostrophe: report rows carry names typed by people.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A report's CSV as a download; a byte-order mark so spreadsheet programs read the accents as UTF-8. */
export async function sendCsv(reply: FastifyReply, fileName: string, csv: string): Promise<void> {
  await reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'private, no-store')
    .send(`\uFEFF${csv}`);
}
