import { randomUUID } from 'node:crypto';
import { readReplyToken, replyAddress, replyTagIn, signReplyToken } from './reply-address';

const SECRET = 'a-test-secret-of-at-least-thirty-two-chars';

describe('reply addresses', () => {
  const id = randomUUID();
  const token = signReplyToken(SECRET, id);

  it('names the notification it was signed for, in lower-case base32 that fits a local part', () => {
    expect(token).toMatch(/^[a-z2-7]{42}$/);
    expect(readReplyToken(SECRET, token)).toBe(id);
    expect(readReplyToken(SECRET, token.toUpperCase())).toBe(id);
    expect(replyAddress('portal@example.org', token)).toBe(`portal+${token}@example.org`);
  });

  it('names nothing when altered, cut, made up or signed with another secret', () => {
    const changed = `${token.slice(0, 20)}${token[20] === 'a' ? 'b' : 'a'}${token.slice(21)}`;
    expect(readReplyToken(SECRET, changed)).toBeNull();
    expect(readReplyToken(SECRET, token.slice(0, -1))).toBeNull();
    expect(readReplyToken(SECRET, `${token}a`)).toBeNull();
    expect(readReplyToken(SECRET, 'a'.repeat(42))).toBeNull();
    expect(readReplyToken(SECRET, '1'.repeat(42))).toBeNull();
    expect(readReplyToken(`${SECRET}-other`, token)).toBeNull();
    // The last character has spare bits: another letter with the same leading bits is not the token.
    const last = token[token.length - 1];
    const sibling = 'abcdefghijklmnopqrstuvwxyz234567'[('abcdefghijklmnopqrstuvwxyz234567'.indexOf(last) ^ 1) & 31];
    expect(readReplyToken(SECRET, `${token.slice(0, -1)}${sibling}`)).toBeNull();
  });

  it("finds the tag among the recipients: the mailbox's own address with a plus tag, case ignored", () => {
    expect(replyTagIn('portal@example.org', ['ana@coop.example', `Portal+${token}@Example.ORG`])).toBe(token);
    expect(replyTagIn('portal@example.org', ['portal@example.org'])).toBeUndefined();
    expect(
      replyTagIn('portal@example.org', [`other+${token}@example.org`, `portal+${token}@example.net`]),
    ).toBeUndefined();
  });
});
