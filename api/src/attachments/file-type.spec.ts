import { attachmentDisposition, detectContentType, sanitizeFileName } from './file-type';

const zipWith = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), ...names.map((n) => Buffer.from(n))]);

describe('detectContentType', () => {
  it('recognizes the accepted types from their bytes', () => {
    expect(detectContentType(Buffer.from('%PDF-1.7\n...'), 'x.bin')).toBe('application/pdf');
    expect(detectContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'a')).toBe('image/png');
    expect(detectContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'a')).toBe('image/jpeg');
    expect(detectContentType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), 'a')).toBe('image/webp');
    expect(detectContentType(zipWith('[Content_Types].xml', 'word/document.xml'), 'a.zip')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(detectContentType(zipWith('[Content_Types].xml', 'xl/workbook.xml'), 'a')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(detectContentType(zipWith('mimetypeapplication/vnd.oasis.opendocument.text'), 'a')).toBe('application/vnd.oasis.opendocument.text');
  });

  it('tells CSV from plain text by the name, among texts only', () => {
    expect(detectContentType(Buffer.from('año;kilos\n2026;1200\n'), 'cosecha.csv')).toBe('text/csv');
    expect(detectContentType(Buffer.from('Notas de la visita: café'), 'notas.txt')).toBe('text/plain');
    expect(detectContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'fake.csv')).toBe('image/png');
  });

  it('refuses disguised and unaccepted files whatever their name', () => {
    expect(detectContentType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'informe.pdf')).toBeNull();
    expect(detectContentType(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), 'foto.jpg')).toBeNull();
    expect(detectContentType(zipWith('payload.exe'), 'doc.docx')).toBeNull();
    expect(detectContentType(Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x00, 0x01]), 'a.gif')).toBeNull();
    expect(detectContentType(Buffer.from('text with a \u0000 NUL'), 'a.txt')).toBeNull();
    expect(detectContentType(Buffer.from('just some text'), 'evil.pdf')).toBeNull();
    expect(detectContentType(Buffer.from('<!doctype html><script>alert(1)</script>'), 'page.txt')).toBeNull();
    expect(detectContentType(Buffer.from('  <svg onload="x"/>'), 'image.txt')).toBeNull();
    expect(detectContentType(Buffer.from('notas'), 'NOTAS')).toBe('text/plain');
    expect(detectContentType(Buffer.alloc(0), 'empty.txt')).toBeNull();
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
});

describe('attachmentDisposition', () => {
  it('sends an ASCII fallback and the UTF-8 name, always as an attachment', () => {
    expect(attachmentDisposition('Perú acta.pdf')).toBe(`attachment; filename="Peru acta.pdf"; filename*=UTF-8''Per%C3%BA%20acta.pdf`);
  });
});
