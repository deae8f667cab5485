import { Injectable, Logger } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per notification, so a receiving system can tell a retry from a new message. */
  messageId: string;
}

/**
 * Sends email over SMTP when SMTP_URL is configured. Without it (the embedded default),
 * emails are written to the log and live on in the in-app list.
 */
@Injectable()
export class Mailer {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;

  constructor(private readonly config: AppConfig) {
    // Time-outs well inside the outbox lease, so a hung server cannot outlive a claim.
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport({ url: config.SMTP_URL, connectionTimeout: 15_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never)
      : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  async send(email: OutgoingEmail): Promise<'sent' | 'logged'> {
    if (!this.transport) {
      this.logger.log({ msg: 'email (no SMTP_URL configured)', to: email.to, subject: email.subject, text: email.text });
      return 'logged';
    }
    await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
    });
    return 'sent';
  }

  close(): void {
    this.transport?.close();
  }
}
