import { attachmentDisposition, detectContentType, nameForContentType, sanitizeFileName } from './file-type';
import { readZipDirectory } from './zip-container';
import {
  buildZip,
  DOCM_MAIN,
  DOCX_MAIN,
  docx,
  odt,
  ooxmlFiles,
  pptx,
  xlsx,
  zipMentioningDocxParts,
} from './zip.fixtures';

/** The old fake: a local-header signature followed by two marker strings, no archive at all. */
const markersOnly = (...names: string[]) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), ...names.map((n) => Buffer.from(n))]);

describe('detectContentType', () => {
  it('recognizes the accepted types from their bytes', () => {
    expect(detectContentType(Buffer.from('%PDF-1.7\n...'), 'x.bin')).toBe('application/pdf');
    expect(detectContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'a')).toBe(
      'image/png',
    );
    expect(detectContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'a')).toBe('image/jpeg');
    expect(detectContentType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), 'a')).toBe(
      'image/webp',
    );
    expect(detectContentType(docx(), 'a.zip')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(detectContentType(xlsx(), 'a')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(detectContentType(odt(), 'a')).toBe('application/vnd.oasis.opendocument.text');
  });

  it('tells CSV from plain text by the name, among texts only', () => {
    expect(detectContentType(Buffer.from('año;kilos\n2026;1200\n'), 'cosecha.csv')).toBe('text/csv');
    expect(detectContentType(Buffer.from('Notas de la visita: café'), 'notas.txt')).toBe('text/plain');
    expect(detectContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'fake.csv')).toBe(
      'image/png',
    );
  });

  it('refuses disguised and unaccepted files whatever their name', () => {
    expect(detectContentType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'informe.pdf')).toBeNull();
    expect(detectContentType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 'foto.jpg')).toBeNull();
    expect(detectContentType(buildZip([{ name: 'payload.exe', content: 'MZ' }]), 'doc.docx')).toBeNull();
    expect(detectContentType(Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x00, 0x01]), 'a.gif')).toBeNull();
    expect(detectContentType(Buffer.from('text with a \u0000 NUL'), 'a.txt')).toBeNull();
    expect(detectContentType(Buffer.from('just some text'), 'evil.pdf')).toBeNull();
    expect(detectContentType(Buffer.from('<!doctype html><script>alert(1)</script>'), 'page.txt')).toBeNull();
    expect(detectContentType(Buffer.from('  <svg onload="x"/>'), 'image.txt')).toBeNull();
    expect(detectContentType(Buffer.from('notas'), 'NOTAS')).toBe('text/plain');
    expect(detectContentType(Buffer.alloc(0), 'empty.txt')).toBeNull();
  });
});

describe('office documents are read as the ZIP packages they are', () => {
  it('refuses marker strings that are not entries of a central directory', () => {
    expect(detectContentType(markersOnly('[Content_Types].xml', 'word/document.xml'), 'a.docx')).toBeNull();
    expect(detectContentType(markersOnly('mimetypeapplication/vnd.oasis.opendocument.text'), 'a.odt')).toBeNull();
    expect(detectContentType(zipMentioningDocxParts(), 'a.docx')).toBeNull();
  });

  it('refuses packages whose main part is not a DOCX or XLSX main part', () => {
    expect(detectContentType(pptx(), 'a.pptx')).toBeNull();
    expect(detectContentType(buildZip(ooxmlFiles('word/document.xml', DOCM_MAIN)), 'a.docx')).toBeNull();
    // The relationship names a part the archive lacks.
    expect(detectContentType(buildZip(ooxmlFiles('word/document.xml', DOCX_MAIN).slice(0, 2)), 'a.docx')).toBeNull();
    // A DOCX main part outside word/.
    expect(detectContentType(buildZip(ooxmlFiles('xl/document.xml', DOCX_MAIN)), 'a.docx')).toBeNull();
    // Macros.
    expect(
      detectContentType(
        buildZip([...ooxmlFiles('word/document.xml', DOCX_MAIN), { name: 'word/vbaProject.bin', content: 'x' }]),
        'a.docx',
      ),
    ).toBeNull();
  });

  it('refuses an ODT whose mimetype entry is compressed or not first, or lacks its manifest', () => {
    const [mimetype, content, manifest] = [
      { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text', stored: true },
      { name: 'content.xml', content: '<x/>' },
      { name: 'META-INF/manifest.xml', content: '<x/>' },
    ];
    expect(detectContentType(buildZip([{ ...mimetype, stored: false }, content, manifest]), 'a.odt')).toBeNull();
    expect(detectContentType(buildZip([content, mimetype, manifest]), 'a.odt')).toBeNull();
    expect(detectContentType(buildZip([mimetype, content]), 'a.odt')).toBeNull();
  });

  it('refuses archives with bytes before them, cut short, with duplicate or escaping names', () => {
    const document = docx();
    expect(readZipDirectory(document)?.map((e) => e.name)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
    ]);
    expect(readZipDirectory(Buffer.concat([Buffer.from('MZ'), document]))).toBeNull();
    expect(readZipDirectory(document.subarray(0, document.length - 1))).toBeNull();
    expect(readZipDirectory(Buffer.concat([document, Buffer.from('tail')]))).toBeNull();
    const files = ooxmlFiles('word/document.xml', DOCX_MAIN);
    expect(readZipDirectory(buildZip([...files, files[2]]))).toBeNull();
    expect(readZipDirectory(buildZip([...files, { name: '../../evil.sh', content: 'x' }]))).toBeNull();
    expect(readZipDirectory(buildZip([...files, { name: '/etc/evil', content: 'x' }]))).toBeNull();
  });

  it('never inflates a part past its limit (a ZIP bomb in [Content_Types].xml)', () => {
    const files = ooxmlFiles('word/document.xml', DOCX_MAIN);
    const bomb = buildZip([
      { name: '[Content_Types].xml', content: Buffer.alloc(20 * 1024 * 1024, 0x20) },
      ...files.slice(1),
    ]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(detectContentType(bomb, 'a.docx')).toBeNull();
  });
});

describe('nameForContentType', () => {
  it('keeps a name whose extension the type may carry, whatever its case', () => {
    expect(nameForContentType('Acta.PDF', 'application/pdf')).toBe('Acta.PDF');
    expect(nameForContentType('foto.jpeg', 'image/jpeg')).toBe('foto.jpeg');
    expect(nameForContentType('cosecha.csv', 'text/csv')).toBe('cosecha.csv');
  });

  it("gives a name without extension its type's", () => {
    expect(nameForContentType('acta', 'application/pdf')).toBe('acta.pdf');
    expect(nameForContentType('Informe v2.0 final', 'application/vnd.oasis.opendocument.text')).toBe(
      'Informe v2.0 final.odt',
    );
  });

  it('refuses an extension of another type or of a program', () => {
    for (const name of ['a.exe', 'a.bat', 'a.js', 'a.svg', 'a.hta', 'a.png', 'a.html', 'a.pdf.exe', 'a.docm']) {
      expect(nameForContentType(name, 'application/pdf')).toBeNull();
    }
    expect(nameForContentType('photo.jpg', 'image/png')).toBeNull();
    expect(
      nameForContentType('a.xlsx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    ).toBeNull();
  });
});

describe('sanitizeFileName', () => {
  it('keeps only the last path segment, so no path can be traversed', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\ana\\acta.pdf')).toBe('acta.pdf');
    expect(sanitizeFileName('..')).toBe('file');
  });

  it('removes control and reserved characters but keeps accents', () => {
    expect(sanitizeFileName('Acta "final"\u0000<v2>.pdf')).toBe('Acta finalv2.pdf');
    expect(sanitizeFileName('Informe de cosecha – Perú.pdf')).toBe('Informe de cosecha – Perú.pdf');
  });

  it('removes bidi overrides and isolates, zero-width and other invisible characters', () => {
    expect(sanitizeFileName('invoice\u202Efdp.hta')).toBe('invoicefdp.hta');
    for (const mark of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
      '\u200B',
      '\u200D',
      '\uFEFF',
      '\u00AD',
      '\u2028',
      '\u0085',
      '\uD800',
    ]) {
      expect(sanitizeFileName(`acta${mark}.pdf`)).toBe('acta.pdf');
    }
  });

  it('drops trailing dots and spaces, which Windows would drop to reveal the real extension', () => {
    expect(sanitizeFileName('evil.exe.')).toBe('evil.exe');
    expect(sanitizeFileName('evil.exe . .')).toBe('evil.exe');
    expect(sanitizeFileName('acta.pdf\u00A0')).toBe('acta.pdf');
  });
});

describe('attachmentDisposition', () => {
  it('sends an ASCII fallback and the UTF-8 name, always as an attachment', () => {
    expect(attachmentDisposition('Perú acta.pdf')).toBe(
      `attachment; filename="Peru acta.pdf"; filename*=UTF-8''Per%C3%BA%20acta.pdf`,
    );
  });

  it('leaves out invisible characters of names stored before they were removed', () => {
    expect(attachmentDisposition('invoice\u202Efdp.pdf')).toBe(
      `attachment; filename="invoicefdp.pdf"; filename*=UTF-8''invoicefdp.pdf`,
    );
  });
});
