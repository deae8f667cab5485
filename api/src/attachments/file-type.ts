import { ATTACHMENT_EXTENSIONS, type AttachmentContentType } from '@portal/shared';
import { readZipDirectory, readZipEntry, type ZipEntry } from './zip-container';

/**
 * The type of an uploaded file, decided from its bytes, never from its name or the
 * client's Content-Type. Returns null for anything not on the accepted list
 * (executables, HTML, archives, office formats other than the three accepted).
 */
export type AcceptedContentType = AttachmentContentType;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT = 'application/vnd.oasis.opendocument.text';
/** The content type [Content_Types].xml gives the main part of each accepted OOXML format, and its folder. */
const OOXML_MAIN_PARTS: Record<string, { type: AcceptedContentType; folder: string }> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': { type: DOCX, folder: 'word/' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': { type: XLSX, folder: 'xl/' },
};
/** A package's parts that tell what it is are small; a bigger one is not a document we accept. */
const MAX_PACKAGE_PART_BYTES = 1024 * 1024;

const startsWith = (content: Buffer, signature: number[] | string, offset = 0) => {
  const bytes = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return content.length >= offset + bytes.length && content.subarray(offset, offset + bytes.length).equals(bytes);
};

/** The attributes of every `<tag …>` element of an XML text (enough for package parts, which have no nesting tricks). */
function elements(xml: string, tag: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${tag}\\b([^>]*)>`, 'g'))].map((match) =>
    Object.fromEntries(
      [...match[1].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((a) => [a[1], a[2] ?? a[3]]),
    ),
  );
}

/**
 * Office documents are ZIP packages, told apart by what their central directory holds, not by
 * strings found anywhere in the bytes. ODF: a stored "mimetype" entry first, naming the type,
 * with META-INF/manifest.xml and content.xml. OOXML: _rels/.rels names the main part (the
 * officeDocument relationship), which must exist in its format's folder and have, in
 * [Content_Types].xml, the main content type of DOCX or XLSX (so not a macro-enabled or
 * template variant, nor a presentation). Packages with VBA macros are refused outright.
 */
function zipDocumentType(content: Buffer): AcceptedContentType | null {
  const entries = readZipDirectory(content);
  if (!entries) return null;
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  if (entries.some((entry) => /(^|\/)vbaProject\.bin$/i.test(entry.name))) return null;
  const text = (entry: ZipEntry | undefined) => {
    const bytes = entry ? readZipEntry(content, entry, MAX_PACKAGE_PART_BYTES) : null;
    return bytes ? bytes.toString('utf8') : null;
  };

  const first = entries.find((entry) => entry.localOffset === 0)!;
  if (first.name === 'mimetype') {
    const isOdt =
      first.method === 0 && text(first) === ODT && byName.has('META-INF/manifest.xml') && byName.has('content.xml');
    return isOdt ? ODT : null;
  }

  const relationships = text(byName.get('_rels/.rels'));
  const contentTypes = text(byName.get('[Content_Types].xml'));
  if (relationships === null || contentTypes === null) return null;
  const main = elements(relationships, 'Relationship').filter((r) => /\/officeDocument$/.test(r.Type ?? ''));
  if (main.length !== 1 || !main[0].Target) return null;
  const partName = main[0].Target.replace(/^\.?\//, '');
  if (!byName.has(partName)) return null;
  const override = elements(contentTypes, 'Override').find((o) => o.PartName === `/${partName}`);
  const format = override?.ContentType ? OOXML_MAIN_PARTS[override.ContentType] : undefined;
  return format && partName.startsWith(format.folder) ? format.type : null;
}

/** Plain text: valid UTF-8 without NUL or other control characters but tab, CR, LF and FF. */
function isPlainText(content: Buffer): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}

/**
 * A name's extension, lower case: letters and digits after its last dot ("" for none, so
 * "Informe v2.0 final" has none). Only such a tail is taken as a type by the programs that
 * open a downloaded file.
 */
export function extensionOf(name: string): string {
  return /\.([a-z0-9]{1,10})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
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
    const extension = extensionOf(fileName);
    if (!['txt', 'csv', ''].includes(extension)) return null;
    if (
      /^\s*</.test(
        content
          .subarray(0, 1024)
          .toString('utf8')
          .replace(/^\uFEFF/, ''),
      )
    )
      return null;
    return extension === 'csv' ? 'text/csv' : 'text/plain';
  }
  return null;
}

/**
 * The name to store for content of this type: the name itself when its extension is one the
 * type may carry, the name with the type's extension added when it has none, and null when
 * its extension says another type (a PDF named ".exe", ".hta", ".js", ".svg", ".png"…).
 */
export function nameForContentType(name: string, type: AcceptedContentType): string | null {
  const allowed = ATTACHMENT_EXTENSIONS[type];
  const extension = extensionOf(name);
  if (extension === '') return `${name}.${allowed[0]}`;
  return allowed.includes(extension) ? name : null;
}

/**
 * Characters a name must not carry: C0/C1 controls, format characters (bidi overrides and
 * isolates such as U+202E, which make "invoice\u202Efdp.hta" show as "invoiceath.pdf";
 * zero-width characters; the BOM), unpaired surrogates, line and paragraph separators, and
 * those Windows reserves in names.
 */
const UNSAFE_NAME_CHARACTERS = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}"<>:|?*]/gu;

/**
 * A name safe to store and to send back in Content-Disposition: the last path segment only
 * (no traversal), none of the unsafe characters above, no leading dots, no trailing dots or
 * spaces (Windows drops them, so "a.exe." is "a.exe"), at most 200 characters.
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(UNSAFE_NAME_CHARACTERS, '')
    .slice(0, 200)
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned || 'file';
}

/** Content-Disposition for a download: an ASCII fallback plus the UTF-8 name (RFC 6266). */
export function attachmentDisposition(storedName: string): string {
  // Names stored before the unsafe characters were removed lose them here too.
  const name = storedName.replace(UNSAFE_NAME_CHARACTERS, '') || 'file';
  const ascii =
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[\\"%]/g, '_') || 'file';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
