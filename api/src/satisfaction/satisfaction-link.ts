import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who and what a score link names: the request, the member it was sent to, until when. */
export interface SatisfactionLinkClaims {
  requestId: string;
  memberId: string;
  expiresAt: Date;
}

const UUID_BYTES = 16;
const PAYLOAD_BYTES = 2 * UUID_BYTES + 4;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{48}\.[A-Za-z0-9_-]{43}$/;

/** What a token's text must look like before its signature is even checked (the DTOs' pattern). */
export const SATISFACTION_TOKEN_PATTERN = TOKEN_PATTERN;

const uuidBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex');
const uuidText = (bytes: Buffer) =>
  bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** The signature, bound to its purpose so no other HMAC of the same secret can pass for one. */
const signatureOf = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`satisfaction-link.v1.${payload}`).digest();

/**
 * A score link's token: the request's and the member's ids and the expiry (seconds),
 * base64url, then their HMAC-SHA256 under the configured secret. Nothing is stored: the
 * outbox worker writes it into the email, and it is checked by recomputing the signature.
 * The score travels beside it in the link (a member choosing another score is not forging).
 */
export function signSatisfactionLink(secret: string, claims: SatisfactionLinkClaims): string {
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  uuidBytes(claims.requestId).copy(payload, 0);
  uuidBytes(claims.memberId).copy(payload, UUID_BYTES);
  payload.writeUInt32BE(Math.floor(claims.expiresAt.getTime() / 1000), 2 * UUID_BYTES);
  const encoded = payload.toString('base64url');
  return `${encoded}.${signatureOf(secret, encoded).toString('base64url')}`;
}

/**
 * The claims of a genuine token (its expiry not checked here: the caller says "expired"
 * apart from "not ours"); null for anything altered, truncated or signed with another key.
 * The signatures are compared in constant time.
 */
export function readSatisfactionLink(secret: string, token: string): SatisfactionLinkClaims | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [encoded, signature] = token.split('.');
  // As text: a base64url signature's last character has spare bits, so decoding first would
  // let a changed character through.
  const given = Buffer.from(signature, 'ascii');
  const expected = Buffer.from(signatureOf(secret, encoded).toString('base64url'), 'ascii');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const payload = Buffer.from(encoded, 'base64url');
  if (payload.length !== PAYLOAD_BYTES) return null;
  return {
    requestId: uuidText(payload.subarray(0, UUID_BYTES)),
    memberId: uuidText(payload.subarray(UUID_BYTES, 2 * UUID_BYTES)),
    expiresAt: new Date(payload.readUInt32BE(2 * UUID_BYTES) * 1000),
  };
}
