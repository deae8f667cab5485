import { createHash, createHmac } from 'node:crypto';

/** Tokens handed to people (refresh tokens, account links) are stored only as this hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The token of an account link, derived from the server's secret and the link's id. The
 * email is written by the outbox worker after the commit: deriving the token there means
 * no table and no outbox row ever holds it in clear.
 */
export function deriveAccountToken(secret: string, tokenId: string): string {
  return createHmac('sha256', secret).update(`account-token:${tokenId}`).digest('base64url');
}
