/**
 * Answer by email (issue 22): what the portal made of each mail its mailbox received. A mail
 * becomes a reply on a request, a new request, or is refused for one of the reasons below
 * (and listed for admins).
 */
export const INBOUND_MAIL_OUTCOMES = ['reply', 'request', 'refused'] as const;
export type InboundMailOutcome = (typeof INBOUND_MAIL_OUTCOMES)[number];

export const INBOUND_MAIL_REFUSALS = [
  'unknown-sender', // from an address no active person of the portal has
  'automatic', // an auto-reply, a bounce or bulk mail (Auto-Submitted, X-Autoreply, Precedence, empty Return-Path)
  'loop', // from the portal itself, or one of its own emails coming back
  'forged-reply-address', // a reply address whose signature is not the portal's
  'not-allowed', // the sender may not write on the request the reply address names
  'request-closed', // the request is closed or withdrawn: it takes no more messages
  'staff-new-mail', // staff mail without a reply address: staff do not file requests
  'inactive-organization', // the member's organization is not active in the portal
  'empty', // no text and no file
  'too-large', // over the size the portal reads
  'failed-authentication', // the receiving server found the sender's domain did not send it (DMARC fail)
] as const;
export type InboundMailRefusal = (typeof INBOUND_MAIL_REFUSALS)[number];

/** One mail the mailbox received, as GET /inbound-mail lists it (admins). */
export interface InboundMailView {
  id: string;
  receivedAt: string;
  /** The sender's address as the mail gave it. */
  from: string;
  subject: string;
  outcome: InboundMailOutcome;
  /** Why it was refused; null when it was not. */
  refusal: InboundMailRefusal | null;
  /** The request it replied to or filed. */
  request: { id: string; reference: string } | null;
  /** The person it was recognized as; null for an unknown sender. */
  sender: { id: string; name: string } | null;
  /** Files that did not pass the upload checks, with the reason. */
  refusedFiles: { name: string; reason: string }[];
}
