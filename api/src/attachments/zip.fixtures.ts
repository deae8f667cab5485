import { crc32, deflateRawSync } from 'node:zlib';

/** Test files as ZIP packages, written the way office programs write them (not part of the build). */

export interface ZipFile {
  name: string;
  content: string | Buffer;
  /** Stored rather than deflated (ODF's "mimetype" must be). */
  stored?: boolean;
}

/** A ZIP archive: local headers and data, the central directory, the end record. */
export function buildZip(files: ZipFile[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const data = Buffer.from(file.content);
    const name = Buffer.from(file.name, 'utf8');
    const method = file.stored ? 0 : 8;
    const packed = method === 0 ? data : deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const central = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, central, end]);
}

const RELS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const contentTypes = (overrides: [string, string][]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides
    .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
    .join('')}</Types>`;
const rootRels = (target: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS_TYPE}" Target="${target}"/></Relationships>`;

/** The parts of a minimal OOXML package whose main part is `main`, of content type `type`. */
export function ooxmlFiles(main: string, type: string, body = '<root/>'): ZipFile[] {
  return [
    { name: '[Content_Types].xml', content: contentTypes([[`/${main}`, type]]) },
    { name: '_rels/.rels', content: rootRels(main) },
    { name: main, content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${body}` },
  ];
}

export const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
export const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
export const PPTX_MAIN = 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml';
export const DOCM_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';

export const docx = () =>
  buildZip(
    ooxmlFiles(
      'word/document.xml',
      DOCX_MAIN,
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Acta</w:t></w:r></w:p></w:body></w:document>',
    ),
  );
export const xlsx = () =>
  buildZip(
    ooxmlFiles(
      'xl/workbook.xml',
      XLSX_MAIN,
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    ),
  );
export const pptx = () =>
  buildZip(
    ooxmlFiles(
      'ppt/presentation.xml',
      PPTX_MAIN,
      '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
    ),
  );
export const odt = () =>
  buildZip([
    { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text', stored: true },
    {
      name: 'content.xml',
      content: '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
    },
    {
      name: 'META-INF/manifest.xml',
      content: '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    },
  ]);
/** Not a document: one text entry that merely mentions the names a DOCX has. */
export const zipMentioningDocxParts = () =>
  buildZip([{ name: 'notes.txt', content: '[Content_Types].xml word/document.xml xl/workbook.xml' }]);
