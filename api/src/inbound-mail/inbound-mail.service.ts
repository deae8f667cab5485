import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  ATTACHMENT_LIMITS,
  can,
  type InboundMailOutcome,
  type InboundMailRefusal,
  type InboundMailView,
  type Language,
  LIMITS,
  type Page,
  type ThematicArea,
} from '@portal/shared';
import { AttachmentsService } from '../attachments/attachments.service';
import type { AuthUser } from '../auth/auth-user';
import { AppException } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { Mailer, PORTAL_MESSAGE_ID_DOMAIN } from '../notifications/mailer';
import { RequestsService } from '../requests/requests.service';
import { type InboundMailRecord, InboundMailRepository, type SenderRow } from './inbound-mail.repository';
import { refusalBeforeLookup } from './mail-checks';
import { type MailFile, type ParsedMail, parseMail } from './parsed-mail';
import { readReplyToken, replyTagIn } from './reply-address';
import { replyText } from './reply-text';
import { REFUSAL_REASONS, refusedMailAnswer, unknownSenderAnswer } from './refusal-answers';

/** What became of a mail: the poller files it in the processed or the refused folder. */
export type HandledAs = InboundMailOutcome | 'duplicate';

/** What a mail's work leaves on its record. */
interface Settled {
  requestId: string;
  messageId: string | null;
  refusedFiles: { name: string; reason: string }[];
}

/** The text of a message that came with files only (a photo sent from a phone). */
const FILES_ONLY: Record<Language, string> = {
  es: '(archivos enviados por correo)',
  en: '(files sent by email)',
  pt: '(arquivos enviados por e-mail)',
  fr: '(fichiers envoyés par e-mail)',
};

/** "Re:", "RV:", "Fwd:", "Enc:", "TR:"… that mail programs put in front of a subject. */
const SUBJECT_PREFIX = /^\s*((re|rv|fw|fwd|enc|tr|res|aw)\s*:\s*)+/i;

const callerOf = (sender: SenderRow): AuthUser => ({
  id: sender.id,
  role: sender.role,
  language: sender.language,
  organizationId: sender.organization_id,
  regionCode: sender.region_code,
  contact: sender.contact,
});

/** The address inside "Name <address>" (or the text itself). */
const addressIn = (text: string) => (/<([^>]+)>/.exec(text)?.[1] ?? text).trim().toLowerCase();

/**
 * Turns the mails of the portal's mailbox into replies and requests (issue 22). A reply
 * address names the request (reply-address.ts); the reply goes through the portal's own
 * reply (RequestsService: the same permissions, lifecycle and notifications), its files
 * through the upload checks (AttachmentsService). Each mail is claimed by its Message-ID in
 * the transaction that writes what it does, so it happens once whichever process reads it
 * and however often; a mail whose transaction fails for the database stays in the mailbox
 * (the error goes to the poller) and is read again.
 */
@Injectable()
export class InboundMailService {
  private readonly logger = new Logger('InboundMail');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly repository: InboundMailRepository,
    private readonly requests: RequestsService,
    private readonly attachments: AttachmentsService,
    private readonly mailer: Mailer,
  ) {}

  /** The portal's own addresses: mail from them is a loop. */
  private get ownAddresses(): string[] {
    return [
      this.config.MAIL_REPLY_ADDRESS!.toLowerCase(),
      addressIn(this.config.MAIL_FROM),
      ...this.config.mailAreaAddresses.values(),
    ];
  }

  /** Does what the mail says, once. Throws when the database fails: the caller leaves the mail for the next poll. */
  async handle(raw: Buffer): Promise<HandledAs> {
    const mail = await parseMail(raw);
    const early = refusalBeforeLookup(mail, this.ownAddresses, PORTAL_MESSAGE_ID_DOMAIN);
    if (early) return this.refuse(mail, early, null);
    const sender = await this.repository.sender(this.dataSource, mail.from);
    const tag = replyTagIn(this.config.MAIL_REPLY_ADDRESS!, mail.recipients);
    if (tag !== undefined) {
      const notificationId = readReplyToken(this.config.mailReplySecret, tag);
      const target = notificationId ? await this.repository.notification(this.dataSource, notificationId) : undefined;
      if (!target?.request_id) return this.refuse(mail, 'forged-reply-address', sender ?? null);
      if (!sender) return this.refuse(mail, 'unknown-sender', null);
      return this.reply(mail, sender, target.request_id);
    }
    if (!sender) return this.refuse(mail, 'unknown-sender', null);
    if (!can(sender.role, 'requests.file')) return this.refuse(mail, 'staff-new-mail', sender);
    return this.file(mail, sender);
  }

  /** A refusal for a mail that was too big to read: recorded by what its envelope says. */
  refuseTooLarge(envelope: { messageId: string | null; from: string; subject: string }): Promise<HandledAs> {
    return this.refuse(
      {
        key: envelope.messageId ?? `<too-large.${randomUUID()}@no-message-id>`,
        from: envelope.from.toLowerCase(),
        subject: envelope.subject,
      },
      'too-large',
      null,
    );
  }

  /** A public reply on the request, from the sender, with the files it carried. */
  private reply(mail: ParsedMail, sender: SenderRow, requestId: string): Promise<HandledAs> {
    const text = replyText(mail.text);
    if (!text && mail.files.length === 0) return this.refuse(mail, 'empty', sender);
    const body = (text || FILES_ONLY[sender.language]).slice(0, LIMITS.descriptionMax);
    return this.once(mail, sender, 'reply', async (db, caller, written) => {
      const message = await this.requests.replyByEmail(db, caller, requestId, body);
      const refusedFiles = await this.attach(db, caller, requestId, message.id, mail.files, written);
      return { requestId, messageId: message.id, refusedFiles };
    });
  }

  /** A new request of the member's organization: the area of the address it was sent to, or routed for sorting. */
  private file(mail: ParsedMail, sender: SenderRow): Promise<HandledAs> {
    const description = (replyText(mail.text) || mail.text.trim()).slice(0, LIMITS.descriptionMax);
    if (!description && mail.files.length === 0) return this.refuse(mail, 'empty', sender);
    const area = [...this.config.mailAreaAddresses].find(([, address]) => mail.recipients.includes(address))?.[0];
    const body = {
      area: (area ?? this.config.MAIL_TRIAGE_AREA) as ThematicArea,
      subject: subjectOf(mail.subject, description, sender.language),
      description: description || FILES_ONLY[sender.language],
    };
    return this.once(mail, sender, 'request', async (db, caller, written) => {
      const request = await this.requests.fileByEmail(db, caller, body, area === undefined);
      const refusedFiles = await this.attach(db, caller, request.id, null, mail.files, written);
      return { requestId: request.id, messageId: null, refusedFiles };
    });
  }

  /**
   * The mail's work and its claim in one transaction. Taken already: a duplicate, nothing done.
   * Refused by the portal's rules (the request is closed, not the sender's…): recorded as refused.
   */
  private async once(
    mail: ParsedMail,
    sender: SenderRow,
    outcome: 'reply' | 'request',
    work: (db: EntityManager, caller: AuthUser, written: string[]) => Promise<Settled>,
  ): Promise<HandledAs> {
    const written: string[] = [];
    try {
      const done = await this.dataSource.transaction(async (db) => {
        const id = await this.repository.claim(db, record(mail, outcome, null, sender.id));
        if (!id) return false;
        await this.repository.settle(db, id, await work(db, callerOf(sender), written));
        return true;
      });
      this.logger.log({ msg: 'inbound mail', outcome: done ? outcome : 'duplicate', sender: sender.id });
      return done ? outcome : 'duplicate';
    } catch (error) {
      await this.attachments.removeWritten(written);
      if (!(error instanceof AppException)) throw error;
      const refusal: InboundMailRefusal =
        error.code === 'requests.closed'
          ? 'request-closed'
          : outcome === 'request' && error.status === 403
            ? 'inactive-organization'
            : 'not-allowed';
      return this.refuse(mail, refusal, sender);
    }
  }

  /** The files, through the upload checks; those refused are listed (with why), the mail is not refused for them. */
  private async attach(
    db: EntityManager,
    caller: AuthUser,
    requestId: string,
    messageId: string | null,
    files: MailFile[],
    written: string[],
  ): Promise<Settled['refusedFiles']> {
    const refused: Settled['refusedFiles'] = [];
    for (const [index, file] of files.entries()) {
      if (index >= ATTACHMENT_LIMITS.maxPerMessage) {
        refused.push({
          name: file.fileName,
          reason: `A message carries at most ${ATTACHMENT_LIMITS.maxPerMessage} files.`,
        });
        continue;
      }
      try {
        await this.attachments.storeWithin(db, caller, requestId, messageId, file, written);
      } catch (error) {
        if (!(error instanceof AppException)) throw error;
        refused.push({ name: file.fileName, reason: error.detail });
      }
    }
    return refused;
  }

  /**
   * Records the refusal (once). A person gets one answer, at most once a day per address: an
   * unknown sender the polite one in the four languages; a known person whose mail the
   * portal's rules refused (a closed request…) why, in its language. Nothing automatic, looping
   * or forged is ever answered.
   */
  private async refuse(
    mail: Pick<ParsedMail, 'key' | 'from' | 'subject'>,
    refusal: InboundMailRefusal,
    sender: SenderRow | null,
  ): Promise<HandledAs> {
    const answerable = refusal === 'unknown-sender' || (sender !== null && refusal in REFUSAL_REASONS);
    const answer = await this.dataSource.transaction(async (db) => {
      const id = await this.repository.claim(db, record(mail, 'refused', refusal, sender?.id ?? null));
      if (!id) return null;
      return answerable && mail.from !== '' && (await this.repository.claimAnswer(db, mail.from));
    });
    if (answer === null) return 'duplicate';
    this.logger.log({ msg: 'inbound mail refused', refusal });
    if (answer) await this.answer(mail, refusal, sender);
    return 'refused';
  }

  /** Sent after the commit, once; lost if the server refuses it (the mail stays listed for admins either way). */
  private async answer(
    mail: Pick<ParsedMail, 'from' | 'subject'>,
    refusal: InboundMailRefusal,
    sender: SenderRow | null,
  ): Promise<void> {
    const portal = (this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`).replace(/\/$/, '');
    const email =
      sender && refusal !== 'unknown-sender'
        ? refusedMailAnswer(sender.language, refusal as keyof typeof REFUSAL_REASONS, mail.subject, portal)
        : unknownSenderAnswer();
    try {
      await this.mailer.send({
        to: mail.from,
        ...email,
        messageId: `<answer.${randomUUID()}@${PORTAL_MESSAGE_ID_DOMAIN}>`,
      });
    } catch (error) {
      this.logger.warn({ msg: 'answer to a refused mail not sent', err: String(error) });
    }
  }

  /** GET /inbound-mail: what became of each mail, the refused first. */
  async list(query: { outcome?: InboundMailOutcome; page: number; pageSize: number }): Promise<Page<InboundMailView>> {
    const total = await this.repository.count(this.dataSource, query.outcome);
    const rows = await this.repository.list(this.dataSource, query.outcome, query);
    return {
      items: rows.map((row) => ({
        id: row.id,
        receivedAt: row.received_at.toISOString(),
        from: row.from_address,
        subject: row.subject,
        outcome: row.outcome,
        refusal: row.refusal,
        request: row.request_id && row.reference ? { id: row.request_id, reference: row.reference } : null,
        sender: row.sender_id && row.sender_name ? { id: row.sender_id, name: row.sender_name } : null,
        refusedFiles: row.refused_files,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}

function record(
  mail: Pick<ParsedMail, 'key' | 'from' | 'subject'>,
  outcome: InboundMailOutcome,
  refusal: InboundMailRefusal | null,
  senderId: string | null,
): InboundMailRecord {
  return {
    messageKey: mail.key.slice(0, 1000),
    fromAddress: mail.from.slice(0, 320),
    subject: mail.subject.slice(0, 500),
    outcome,
    refusal,
    senderId,
  };
}

/** A request's subject from the mail's: without "Re:"/"Fwd:", else the text's first line, within the limits. */
function subjectOf(subject: string, description: string, language: Language): string {
  const cleaned = subject.replace(SUBJECT_PREFIX, '').trim();
  const chosen = cleaned.length >= LIMITS.subjectMin ? cleaned : (description.split('\n')[0] ?? '').trim();
  if (chosen.length >= LIMITS.subjectMin) return chosen.slice(0, LIMITS.subjectMax);
  return { es: 'Solicitud por correo', en: 'Request by email', pt: 'Solicitação por e-mail', fr: 'Demande par e-mail' }[
    language
  ];
}
