import { createHmac, randomBytes } from 'node:crypto';

/**
 * Signing as the Standard Webhooks specification says: the secret is `whsec_` and base64 of
 * random bytes; the signature is HMAC-SHA256 with those bytes over
 * `<webhook-id>.<webhook-timestamp>.<body>`, sent as `v1,<base64>` in webhook-signature.
 */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

export function signWebhook(secret: string, messageId: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${messageId}.${timestamp}.${body}`).digest('base64')}`;
}
