/**
 * The type of an uploaded file, decided from its bytes, never from its name or the
 * client's Content-Type. Returns null for anything not on the accepted list
 * (executables, HTML, archives, office formats other than the four accepted).
 */
export type AcceptedContentType =
  | 'application/pdf'
  | 'image/png'
  | 'image/jpeg'
  | 'image/webp'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'application/vnd.oasis.opendocument.text'
  | 'text/plain'
  | 'text/csv';

const startsWith = (content: Buffer, signature: number[] | string, offset = 0) => {
  const bytes = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return content.length >= offset + bytes.length && content.subarray(offset, offset + bytes.length).equals(bytes);
};

/** Office documents are ZIP files; their part names tell them apart. */
function zipDocumentType(content: Buffer): AcceptedContentType | null {
  // ODF puts an uncompressed "mimetype" entry first, right after the 30-byte local header.
  if (startsWith(content, 'mimetypeapplication/vnd.oasis.opendocument.text', 30)) return 'application/vnd.oasis.opendocument.text';
  const has = (name: string) => content.includes(Buffer.from(name, 'latin1'));
  if (!has('[Content_Types].xml')) return null;
  if (has('word/document.xml')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (has('xl/workbook.xml')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return null;
}

/** Plain text: valid UTF-8 without NUL or other control characters but tab, CR, LF and FF. */
function isPlainText(content: Buffer): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}

export function detectContentType(content: Buffer, fileName: string): AcceptedContentType | null {
  if (content.length === 0) return null;
  if (startsWith(content, '%PDF-')) return 'application/pdf';
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(content, 'RIFF') && startsWith(content, 'WEBP', 8)) return 'image/webp';
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return zipDocumentType(content);
  if (isPlainText(content)) {
    // Text is accepted as text only: named .txt, .csv or without extension (a "report.pdf"
    // that is text is a disguise), and not markup a browser would render (HTML, SVG, XML).
    const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
    if (!['txt', 'csv', ''].includes(extension)) return null;
    if (/^\s*</.test(content.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, ''))) return null;
    return extension === 'csv' ? 'text/csv' : 'text/plain';
  }
  return null;
}

/**
 * A name safe to store and to send back in Content-Disposition: the last path segment only
 * (no traversal), no control or reserved characters, at most 200 characters.
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}

/** Content-Disposition for a download: an ASCII fallback plus the UTF-8 name (RFC 6266). */
export function attachmentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[\\"%]/g, '_') || 'file';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
