import { badgeText, excerpt, notificationLink } from './notification';

describe('a notification', () => {
  it('leads a member to its request on the member’s side and staff to the inbox', () => {
    const item = { requestId: '0b1c2d3e-0000-4000-8000-000000000001' };
    expect(notificationLink(item, 'member')).toBe('/requests/0b1c2d3e-0000-4000-8000-000000000001');
    expect(notificationLink(item, 'representative')).toBe('/inbox/0b1c2d3e-0000-4000-8000-000000000001');
    expect(notificationLink(item, 'director')).toBe('/inbox/0b1c2d3e-0000-4000-8000-000000000001');
  });

  it('leads nowhere when it is about no request', () => {
    expect(notificationLink({ requestId: null }, 'member')).toBeNull();
  });

  it('cuts a long body at a word and marks the cut, and keeps a short one whole', () => {
    const long =
      'Rosa Quispe respondió a su solicitud sobre la auditoría de marzo con una lista de documentos que debe preparar antes de la visita del organismo';
    const cut = excerpt(long, 60);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(61);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(excerpt('Una respuesta\n\n corta', 60)).toBe('Una respuesta corta');
  });

  it('caps the badge at 99+', () => {
    expect(badgeText(7)).toBe('7');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});
