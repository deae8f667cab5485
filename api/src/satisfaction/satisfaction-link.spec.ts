import { readSatisfactionLink, SATISFACTION_TOKEN_PATTERN, signSatisfactionLink } from './satisfaction-link';

const SECRET = 'a-satisfaction-link-secret-of-the-tests-0123456789';
const claims = {
  requestId: '0b6c3c0e-8a52-4c1e-9d3f-2a4b5c6d7e8f',
  memberId: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9',
  expiresAt: new Date('2027-01-05T12:00:00Z'),
};

describe('satisfaction links', () => {
  it('reads back what it signed, and looks like the pattern the API accepts', () => {
    const token = signSatisfactionLink(SECRET, claims);
    expect(token).toMatch(SATISFACTION_TOKEN_PATTERN);
    expect(readSatisfactionLink(SECRET, token)).toEqual(claims);
  });

  it('refuses a token signed with another secret', () => {
    expect(readSatisfactionLink(`${SECRET}-other`, signSatisfactionLink(SECRET, claims))).toBeNull();
  });

  it('refuses a token whose request, member or expiry was changed', () => {
    const token = signSatisfactionLink(SECRET, claims);
    const [payload, signature] = token.split('.');
    const other = signSatisfactionLink(SECRET, { ...claims, memberId: claims.requestId }).split('.')[0];
    expect(readSatisfactionLink(SECRET, `${other}.${signature}`)).toBeNull();
    // Every single character of the payload changed in turn.
    for (let i = 0; i < payload.length; i++) {
      const changed = payload.slice(0, i) + (payload[i] === 'A' ? 'B' : 'A') + payload.slice(i + 1);
      expect(readSatisfactionLink(SECRET, `${changed}.${signature}`)).toBeNull();
    }
  });

  it('refuses a token whose signature was changed in any character', () => {
    const token = signSatisfactionLink(SECRET, claims);
    const at = token.indexOf('.') + 1;
    for (let i = at; i < token.length; i++) {
      for (const c of ['A', 'B', 'g', '-']) {
        if (token[i] === c) continue;
        expect(readSatisfactionLink(SECRET, token.slice(0, i) + c + token.slice(i + 1))).toBeNull();
      }
    }
  });

  it('refuses malformed tokens without throwing', () => {
    const token = signSatisfactionLink(SECRET, claims);
    for (const bad of ['', 'x', token.slice(0, -1), `${token}A`, token.replace('.', ''), `${token}.x`]) {
      expect(readSatisfactionLink(SECRET, bad)).toBeNull();
    }
  });
});
