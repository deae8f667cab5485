import { crc32, deflateSync } from 'node:zlib';

/**
 * The demo history's attachments: real, tiny files that open in any viewer — a one-page PDF
 * with a title and a few lines, and a small PNG (a bar chart or a field's patchwork) — made
 * here, byte for byte the same for the same input, so no binary ships in the repository.
 */

/** Latin-1 with the typographic characters of the phrase bank spelled out (the PDF's font is WinAnsi Helvetica). */
function latin1(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/œ/g, 'oe')
    .replace(/[^\x20-\xff]/g, '?');
}

const escapePdf = (text: string) => latin1(text).replace(/[\\()]/g, (c) => `\\${c}`);

/** A one-page A4 PDF: a title and up to 30 lines of text. */
export function tinyPdf(title: string, lines: readonly string[]): Buffer {
  const content = [
    'BT',
    '/F1 15 Tf',
    '56 780 Td',
    `(${escapePdf(title)}) Tj`,
    '/F1 10.5 Tf',
    '0 -30 Td',
    ...lines.slice(0, 30).flatMap((line) => [`(${escapePdf(line)}) Tj`, '0 -16 Td']),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character is one byte (latin1 above), so string offsets are byte offsets.
  return Buffer.from(pdf, 'latin1');
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An RGB PNG of width × height whose pixel colours (0xRRGGBB) `paint` gives. */
function png(width: number, height: number, paint: (x: number, y: number) => number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter method, no interlace
  const stride = 1 + width * 3;
  const rows = Buffer.alloc(height * stride); // each row starts with filter byte 0: none
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = paint(x, y);
      const at = y * stride + 1 + x * 3;
      rows[at] = colour >>> 16;
      rows[at + 1] = (colour >>> 8) & 0xff;
      rows[at + 2] = colour & 0xff;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const rgb = (r: number, g: number, b: number) => (r << 16) | (g << 8) | b;

/** A small bar chart (e.g. premium spent per project, kilos per month) of the given values, 0–1. */
export function barChartPng(values: readonly number[]): Buffer {
  const width = 120;
  const height = 72;
  const bar = Math.floor((width - 16) / Math.max(1, values.length));
  const tops = values.map((value) => height - 8 - Math.round(value * (height - 20)));
  return png(width, height, (x, y) => {
    if (y === height - 8 || x === 8) return 0x3c4640;
    const index = Math.floor((x - 10) / bar);
    const inBar = x > 10 && index < values.length && (x - 10) % bar < bar - 4;
    if (inBar && y < height - 8 && y >= tops[index]) return index % 2 ? 0xc48c2e : 0x1f5c3a;
    return y % 16 === 0 ? 0xe8ece9 : 0xfafaf7;
  });
}

/** A field seen from above: plots in greens and browns, some spotted (a pest, a dry patch), from the given cell shades (0–1). */
export function fieldPng(cells: readonly number[]): Buffer {
  const size = 14;
  const side = Math.ceil(Math.sqrt(cells.length));
  // Muted greens for healthy plots, browns for the damaged ones.
  const colours = cells.map((shade) =>
    rgb(Math.round(62 + 78 * shade), Math.round(112 + 36 * (1 - shade)), Math.round(52 + 30 * shade)),
  );
  return png(side * size, side * size, (x, y) => {
    const cell = (Math.floor(y / size) * side + Math.floor(x / size)) % cells.length;
    if (cells[cell] > 0.8 && (x * 7 + y * 3) % 5 === 0) return 0x966028;
    return colours[cell];
  });
}
