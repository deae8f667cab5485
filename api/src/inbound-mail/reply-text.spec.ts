import { replyText } from './reply-text';

describe('replyText: what the person wrote, without the quoted history or signature', () => {
  it.each([
    [
      'Gmail (English)',
      'Yes, the audit is on Monday.\n\nOn Mon, 7 Dec 2026 at 10:02, Service portal <no-reply@portal.local> wrote:\n> When is the audit?\n',
    ],
    [
      'Gmail wrapping a long attribution line',
      'Yes, the audit is on Monday.\n\nOn Mon, 7 Dec 2026 at 10:02, Portal de servicios de la red <no-reply@portal.local>\nwrote:\n> When is the audit?',
    ],
    [
      'Gmail (Spanish)',
      'Yes, the audit is on Monday.\n\nEl lun, 7 dic 2026 a las 10:02, Portal <no-reply@portal.local> escribió:\n> ¿Cuándo es la auditoría?',
    ],
    [
      'Gmail (Portuguese)',
      'Yes, the audit is on Monday.\n\nEm seg., 7 de dez. de 2026 às 10:02, Portal <no-reply@portal.local> escreveu:\n> Quando é a auditoria?',
    ],
    [
      'Apple Mail (French)',
      'Yes, the audit is on Monday.\n\nLe 7 déc. 2026 à 10:02, Portail <no-reply@portal.local> a écrit :\n> Quand a lieu l’audit ?',
    ],
    [
      'Outlook separator',
      'Yes, the audit is on Monday.\r\n\r\n-----Original Message-----\r\nFrom: Portal\r\nSent: Monday\r\n\r\nWhen is the audit?',
    ],
    [
      'Outlook in Spanish',
      'Yes, the audit is on Monday.\n\n-----Mensaje original-----\nDe: Portal\nEnviado: lunes\n\n¿Cuándo?',
    ],
    [
      "Outlook's header block without a separator",
      'Yes, the audit is on Monday.\n\n________________________________\nFrom: Portal <no-reply@portal.local>\nSent: Monday, December 7, 2026 10:02\nTo: Ana\n\nWhen is the audit?',
    ],
    [
      'Outlook header block alone',
      'Yes, the audit is on Monday.\n\nDe: Portal <no-reply@portal.local>\nEnviado: lunes\nPara: Ana\n\n¿Cuándo?',
    ],
    ['a signature', 'Yes, the audit is on Monday.\n\n-- \nAna Torres\nCooperativa Valle Alto\n+51 999 999 999'],
    ['a phone footer', 'Yes, the audit is on Monday.\n\nEnviado desde mi iPhone'],
    ['quoted lines only', '> When is the audit?\nYes, the audit is on Monday.\n>\n> Regards'],
  ])('%s', (_client, mail) => {
    expect(replyText(mail)).toBe('Yes, the audit is on Monday.');
  });

  it('keeps every line the person wrote, and their blank lines', () => {
    expect(replyText('First line.\n\nSecond paragraph,\nstill it.\n\nOn Mon, X wrote:\n> old')).toBe(
      'First line.\n\nSecond paragraph,\nstill it.',
    );
  });

  it('keeps a line that merely starts like an attribution', () => {
    expect(replyText('On Monday we harvest.\nEl lote 14 está listo.')).toBe(
      'On Monday we harvest.\nEl lote 14 está listo.',
    );
  });

  it('gives an empty text for a reply that only quotes', () => {
    expect(replyText('\n\nOn Mon, 7 Dec 2026, Portal wrote:\n> Anything?')).toBe('');
  });
});
