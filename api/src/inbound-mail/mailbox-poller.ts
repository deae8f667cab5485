import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import { AppConfig } from '../config/app-config';
import { type HandledAs, InboundMailService } from './inbound-mail.service';

/** Larger mails are not downloaded: five files of 10 MB, base64-encoded, and the text fit under it. */
const MAX_MAIL_BYTES = 75 * 1024 * 1024;

/**
 * Reads the portal's mailbox (IMAP, imapflow) every IMAP_POLL_MS, when one is configured.
 * Each mail in the inbox is handed to InboundMailService and then moved to the processed
 * folder (or the refused one); a mail whose handling failed — the database down — is left in
 * the inbox and read again at the next poll. Every API process may poll: the service does a
 * mail's work once whoever reads it, and a move that another process made first is no error.
 */
@Injectable()
export class MailboxPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mailbox');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly inbound: InboundMailService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.WORKERS_ENABLED || !this.config.inboundMail) return;
    this.timer = setInterval(() => void this.poll(), this.config.IMAP_POLL_MS);
    void this.poll();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass over the inbox. Never two at once in a process. */
  poll(): Promise<void> {
    if (this.running || this.stopped) return this.running ?? Promise.resolve();
    this.running = this.readInbox()
      .catch((error) => this.logger.warn({ msg: 'mailbox not read', err: String(error) }))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async readInbox(): Promise<void> {
    const client = new ImapFlow({
      host: this.config.IMAP_HOST!,
      port: this.config.IMAP_PORT,
      secure: this.config.IMAP_SECURE,
      auth: { user: this.config.IMAP_USER!, pass: this.config.IMAP_PASSWORD! },
      logger: false,
      connectionTimeout: 15_000,
      greetingTimeout: 10_000,
      socketTimeout: 120_000,
    });
    // A dropped connection is reported here as well as to the pending command: not a crash.
    client.on('error', (error: unknown) => this.logger.warn({ msg: 'mailbox connection', err: String(error) }));
    await client.connect();
    try {
      await this.ensureFolders(client);
      const lock = await client.getMailboxLock(this.config.IMAP_INBOX);
      try {
        const uids = (await client.search({ all: true }, { uid: true })) || [];
        for (const uid of uids) {
          if (this.stopped) break;
          await this.readMail(client, uid);
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  private async ensureFolders(client: ImapFlow): Promise<void> {
    const existing = new Set((await client.list()).map((box) => box.path));
    for (const folder of [this.config.IMAP_PROCESSED_FOLDER, this.config.IMAP_REFUSED_FOLDER]) {
      if (!existing.has(folder)) await client.mailboxCreate(folder);
    }
  }

  /** One mail: handled, then moved out of the inbox; left there when its handling failed. */
  private async readMail(client: ImapFlow, uid: number): Promise<void> {
    const range = String(uid);
    let handled: HandledAs;
    try {
      const meta = await client.fetchOne(range, { envelope: true, size: true }, { uid: true });
      if (!meta) return;
      if ((meta.size ?? 0) > MAX_MAIL_BYTES) {
        handled = await this.inbound.refuseTooLarge({
          messageId: meta.envelope?.messageId ?? null,
          from: meta.envelope?.from?.[0]?.address ?? '',
          subject: meta.envelope?.subject ?? '',
        });
      } else {
        const full = await client.fetchOne(range, { source: true }, { uid: true });
        if (!full || !full.source) return;
        handled = await this.inbound.handle(full.source);
      }
    } catch (error) {
      this.logger.warn({ msg: 'mail left in the mailbox for the next poll', uid, err: String(error) });
      return;
    }
    const folder = handled === 'refused' ? this.config.IMAP_REFUSED_FOLDER : this.config.IMAP_PROCESSED_FOLDER;
    // Moved by another process meanwhile: nothing to move, and nothing lost (it was handled once).
    await client.messageMove(range, folder, { uid: true });
  }
}
