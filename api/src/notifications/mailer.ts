import { Injectable, Logger } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

/**
 * The domain of the Message-IDs of the portal's emails (and of its requests' threads): a mail
 * that arrives with one is the portal's own coming back (a loop), never a person's reply.
 */
export const PORTAL_MESSAGE_ID_DOMAIN = 'portal.notifications';

/** The thread of a request's emails: each one refers to it, so mail programs show them together. */
export const requestThreadId = (requestId: string) => `<request.${requestId}@${PORTAL_MESSAGE_ID_DOMAIN}>`;

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per notification, so a receiving system can tell a retry from a new message. */
  messageId: string;
  /** What must never reach a log (an account link's token). */
  secrets?: string[];
  /** The signed address a reply reaches the request by (inbound mail on). */
  replyTo?: string;
  /** The request's thread: mail programs group the emails of one request. */
  references?: string;
}

/**
 * Sends email over SMTP when SMTP_URL is configured. Without it (the embedded default),
 * emails are written to the log, without their links' tokens, and live on in the in-app list.
 */
@Injectable()
export class Mailer {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;

  constructor(private readonly config: AppConfig) {
    // Time-outs well inside the outbox lease, so a hung server cannot outlive a claim.
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport({
          url: config.SMTP_URL,
          connectionTimeout: 15_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        } as never)
      : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  async send(email: OutgoingEmail): Promise<'sent' | 'logged'> {
    if (!this.transport) {
      // Whoever reads the log must not be able to take over an account: links lose their token.
      const text = (email.secrets ?? []).reduce(
        (logged, secret) => logged.split(secret).join('[token withheld]'),
        email.text,
      );
      this.logger.log({
        msg: 'email (no SMTP_URL configured; link tokens withheld)',
        to: email.to,
        subject: email.subject,
        text,
      });
      return 'logged';
    }
    await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      ...(email.replyTo ? { replyTo: email.replyTo } : {}),
      ...(email.references ? { inReplyTo: email.references, references: email.references } : {}),
      // RFC 3834: vacation responders do not answer it, and the portal's own mailbox knows it.
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    return 'sent';
  }

  close(): void {
    this.transport?.close();
  }
}
