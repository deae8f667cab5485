import { csvCell, toCsv } from './csv';

describe('CSV', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('Cooperativa "La Unión", Perú')).toBe('"Cooperativa ""La Unión"", Perú"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
  });

  it('defuses text a spreadsheet would take for a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+51 999')).toBe("'+51 999");
    expect(csvCell('-')).toBe("'-");
  });

  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['key', 'total'], [['PE', 3]])).toBe('key,total\r\nPE,3\r\n');
  });
});
