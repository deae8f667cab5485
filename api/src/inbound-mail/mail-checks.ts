import type { InboundMailRefusal } from '@portal/shared';

/** What the checks read of a mail: its headers (names in lower case, each value as written) and sender. */
export interface MailFacts {
  headers: ReadonlyMap<string, readonly string[]>;
  /** The sender's address, in lower case. */
  from: string;
  messageId: string | null;
}

const first = (facts: MailFacts, name: string) => facts.headers.get(name)?.[0]?.trim().toLowerCase();

/**
 * A mail no person wrote, so no person should get an answer or a case from it: auto-replies
 * (RFC 3834 Auto-Submitted, Microsoft's and others' X-Autoreply/X-Autorespond), bulk and list
 * mail, and bounces (an empty Return-Path, a mailer-daemon or postmaster sender, a delivery report).
 */
export function isAutomatic(facts: MailFacts): boolean {
  const autoSubmitted = first(facts, 'auto-submitted');
  if (autoSubmitted !== undefined && autoSubmitted !== 'no') return true;
  if (
    facts.headers.has('x-autoreply') ||
    facts.headers.has('x-autorespond') ||
    facts.headers.has('x-failed-recipients')
  )
    return true;
  if (['bulk', 'auto_reply', 'junk', 'list'].includes(first(facts, 'precedence') ?? '')) return true;
  if (/^<\s*>$/.test(first(facts, 'return-path') ?? '')) return true;
  if (/^(mailer-daemon|postmaster)@/.test(facts.from)) return true;
  return /^multipart\/report\b/.test(first(facts, 'content-type') ?? '');
}

/** The portal talking to itself: mail from one of its own addresses, or one of its own emails come back. */
export function isLoop(facts: MailFacts, ownAddresses: readonly string[], ownMessageIdDomain: string): boolean {
  const [local, domain] = [
    facts.from.slice(0, facts.from.lastIndexOf('@')),
    facts.from.slice(facts.from.lastIndexOf('@') + 1),
  ];
  const untagged = `${local.split('+')[0]}@${domain}`;
  if (ownAddresses.some((own) => own.toLowerCase() === untagged)) return true;
  return facts.messageId !== null && facts.messageId.toLowerCase().endsWith(`@${ownMessageIdDomain}>`);
}

/** The receiving server checked the sender's domain and it failed DMARC: the sender is not who it says. */
export function failedAuthentication(facts: MailFacts): boolean {
  return (facts.headers.get('authentication-results') ?? []).some((line) => /\bdmarc=fail\b/i.test(line));
}

/** Why a mail is refused before anything about its sender or request is looked up; null when it may go on. */
export function refusalBeforeLookup(
  facts: MailFacts,
  ownAddresses: readonly string[],
  ownMessageIdDomain: string,
): InboundMailRefusal | null {
  if (isLoop(facts, ownAddresses, ownMessageIdDomain)) return 'loop';
  if (isAutomatic(facts)) return 'automatic';
  if (failedAuthentication(facts)) return 'failed-authentication';
  return null;
}
