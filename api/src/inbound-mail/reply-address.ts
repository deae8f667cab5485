import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The reply address of an email about a request: the mailbox's address with a plus tag,
 * `portal+<token>@example.org`. The token is the notification's id (which names the request
 * and the person it was sent to) and 10 bytes of its HMAC-SHA256 under the configured secret,
 * in lower-case base32 (42 characters, so the local part stays far under the 64 allowed, and
 * survives mail systems that change the case of addresses). Nothing is stored: a token is
 * checked by recomputing its signature; one not signed with the secret names nothing.
 */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const ID_BYTES = 16;
const SIGNATURE_BYTES = 10;
const TOKEN_LENGTH = Math.ceil(((ID_BYTES + SIGNATURE_BYTES) * 8) / 5);

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) text += ALPHABET[(value << (5 - bits)) & 31];
  return text;
}

function fromBase32(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of text) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

const uuidBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex');
const uuidText = (bytes: Buffer) =>
  bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** Bound to its purpose, so no other HMAC of the same secret passes for one. */
const signatureOf = (secret: string, id: Buffer) =>
  createHmac('sha256', secret).update('mail-reply.v1.').update(id).digest().subarray(0, SIGNATURE_BYTES);

/** The token of a notification's email. */
export function signReplyToken(secret: string, notificationId: string): string {
  const id = uuidBytes(notificationId);
  return base32(Buffer.concat([id, signatureOf(secret, id)]));
}

/** The notification a genuine token names; null for anything altered, made up or signed with another key. */
export function readReplyToken(secret: string, token: string): string | null {
  const text = token.toLowerCase();
  if (text.length !== TOKEN_LENGTH) return null;
  const bytes = fromBase32(text);
  if (!bytes || bytes.length !== ID_BYTES + SIGNATURE_BYTES) return null;
  const id = bytes.subarray(0, ID_BYTES);
  const given = bytes.subarray(ID_BYTES);
  // Re-encoded and compared as text: base32's last character has spare bits.
  if (base32(bytes) !== text) return null;
  if (!timingSafeEqual(given, signatureOf(secret, id))) return null;
  return uuidText(id);
}

/** The reply address for a token: the mailbox's address with the token as its plus tag. */
export function replyAddress(mailbox: string, token: string): string {
  const at = mailbox.lastIndexOf('@');
  return `${mailbox.slice(0, at)}+${token}${mailbox.slice(at)}`;
}

/**
 * The plus tag of the first address that is the mailbox's with a tag (its local part and
 * domain compared without case); undefined when none is.
 */
export function replyTagIn(mailbox: string, addresses: readonly string[]): string | undefined {
  const at = mailbox.lastIndexOf('@');
  const local = mailbox.slice(0, at).toLowerCase();
  const domain = mailbox.slice(at + 1).toLowerCase();
  for (const address of addresses) {
    const match = /^([^@+]+)\+([^@]*)@(.+)$/.exec(address.trim().toLowerCase());
    if (match && match[1] === local && match[3] === domain) return match[2];
  }
  return undefined;
}
