import { fileProblem, MAX_FILE_BYTES } from './attachment-rules';

describe('the first check of a chosen file', () => {
  it('accepts the listed types whatever the case of the extension', () => {
    expect(
      [
        'acta.PDF',
        'foto.jpeg',
        'foto.JPG',
        'plan.docx',
        'cuentas.xlsx',
        'informe.odt',
        'notas.txt',
        'datos.csv',
        'mapa.webp',
        'logo.png',
      ].map((name) => fileProblem({ name, size: 10 })),
    ).toEqual(Array(10).fill(null));
  });

  it('refuses other types, names without extension, and executables in disguise', () => {
    expect(fileProblem({ name: 'setup.exe', size: 10 })).toBe('type');
    expect(fileProblem({ name: 'README', size: 10 })).toBe('type');
    expect(fileProblem({ name: 'factura.pdf.exe', size: 10 })).toBe('type');
    expect(fileProblem({ name: 'hoja.xls', size: 10 })).toBe('type');
  });

  it('refuses an empty file and one over 10 MB, but not one of exactly 10 MB', () => {
    expect(fileProblem({ name: 'vacío.pdf', size: 0 })).toBe('empty');
    expect(fileProblem({ name: 'grande.pdf', size: MAX_FILE_BYTES + 1 })).toBe('size');
    expect(fileProblem({ name: 'justo.pdf', size: MAX_FILE_BYTES })).toBeNull();
  });
});
