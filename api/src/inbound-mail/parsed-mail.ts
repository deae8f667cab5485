import { createHash } from 'node:crypto';
import { type AddressObject, simpleParser } from 'mailparser';
import type { MailFacts } from './mail-checks';

/** A file a mail carries. */
export interface MailFile {
  fileName: string;
  content: Buffer;
}

/** What the portal reads of a received mail (MIME decoded by mailparser). */
export interface ParsedMail extends MailFacts {
  /** Exactly once by this key: the Message-ID, or a digest of the whole mail when it has none. */
  key: string;
  /** Every address it was sent to: To, Cc, and the delivery headers a server adds (Delivered-To, X-Original-To). */
  recipients: string[];
  subject: string;
  /** The plain text (made from the HTML when the mail has only HTML). */
  text: string;
  files: MailFile[];
}

/** Pictures under this size shown inside the text (a signature's logo, a social icon) are not files the person sent. */
const INLINE_DECORATION_BYTES = 16 * 1024;

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((object) => object.value)
    .map((entry) => entry.address?.toLowerCase())
    .filter((address): address is string => Boolean(address));

export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const headers = new Map<string, string[]>();
  for (const { key, line } of mail.headerLines) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    headers.set(key.toLowerCase(), [...(headers.get(key.toLowerCase()) ?? []), value]);
  }
  const delivered = ['delivered-to', 'x-original-to', 'envelope-to'].flatMap((name) =>
    (headers.get(name) ?? []).map((value) => value.replace(/^<|>$/g, '').toLowerCase()),
  );
  const messageId = mail.messageId?.trim() || null;
  return {
    key: messageId ?? `<${createHash('sha256').update(raw).digest('hex')}@no-message-id>`,
    messageId,
    headers,
    from: addresses(mail.from)[0] ?? '',
    recipients: [...addresses(mail.to), ...addresses(mail.cc), ...delivered],
    subject: (mail.subject ?? '').trim(),
    text: mail.text ?? '',
    files: mail.attachments
      .filter((file) => !(file.related && file.size < INLINE_DECORATION_BYTES))
      .map((file, index) => ({ fileName: file.filename ?? `attachment-${index + 1}`, content: file.content })),
  };
}
