import { hostname } from 'node:os';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { can, SATISFACTION_LINK_DAYS } from '@portal/shared';
import { deriveAccountToken } from '../auth/token-hash';
import { AppConfig } from '../config/app-config';
import { replyAddress, signReplyToken } from '../inbound-mail/reply-address';
import { BatchPoller } from '../jobs/batch-poller';
import { Mailer, PORTAL_MESSAGE_ID_DOMAIN, requestThreadId } from './mailer';
import { type ClaimedNotificationRow, NotificationsRepository } from './notifications.repository';
import { signSatisfactionLink } from '../satisfaction/satisfaction-link';
import { SCORE_LINK_KINDS } from './satisfaction-templates';
import { DIGEST_KIND } from './digest/digest-kind';
import { renderDigestEmail } from './digest/digest-email';
import { DigestRepository } from './digest/digest.repository';
import { type NotificationKind, renderEmail } from './templates';

const BATCH_SIZE = 10;
const MAX_ATTEMPTS = 8;

type ClaimedNotification = ClaimedNotificationRow;
/** A claimed notification that is not a digest: it has a template of its own. */
type ClaimedSingle = ClaimedNotification & { kind: NotificationKind };

/**
 * Delivers the email outbox. Every API process runs one; a row is claimed with
 * FOR UPDATE SKIP LOCKED and a lease, so two workers never take the same email. A worker
 * that dies mid-delivery leaves its rows claimed until the lease runs out; then another
 * (or the restarted one) takes them over. Failures are retried with exponential backoff.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly workerId = `${hostname()}:${process.pid}`;
  private readonly poller = new BatchPoller(
    () => this.deliverBatch(),
    (error) => this.logger.warn({ msg: 'outbox pass failed', err: String(error) }),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
    private readonly repository: NotificationsRepository,
    private readonly digests: DigestRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.WORKERS_ENABLED) return;
    this.poller.start(this.config.OUTBOX_POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.poller.stop();
    this.mailer.close();
  }

  private async deliverBatch(): Promise<number> {
    const claimed = await this.repository.claimDue(this.dataSource, BATCH_SIZE, this.config.OUTBOX_LEASE_SECONDS);
    for (const notification of claimed) {
      if (this.poller.stopped) break;
      await this.deliver(notification);
    }
    return claimed.length;
  }

  /** Where the email's button leads; account links carry their token, derived only now (and kept out of logs). */
  private linkFor(notification: ClaimedSingle, base: string): { link: string; secret?: string } {
    const tokenId = notification.params.tokenId;
    const page =
      notification.kind === 'account.invitation'
        ? 'accept-invitation'
        : notification.kind === 'account.password-reset'
          ? 'reset-password'
          : null;
    if (page && tokenId) {
      const token = deriveAccountToken(this.config.JWT_SECRET!, tokenId);
      // The language travels in the link, so the page opens in the language of the email.
      return { link: `${base}/${page}?token=${token}&lang=${notification.language}`, secret: token };
    }
    return { link: this.requestLink(notification, base, notification.request_id) };
  }

  /** A request's page for the recipient: who files requests follows them in "my requests"; staff in the inbox. */
  private requestLink(recipient: Pick<ClaimedNotification, 'role'>, base: string, requestId: string | null): string {
    const section = can(recipient.role, 'requests.file') ? 'requests' : 'inbox';
    return requestId ? `${base}/${section}/${requestId}` : base;
  }

  /**
   * The resolution email and its reminder, to the member who filed: one signed link per score
   * (api/src/satisfaction), valid until the request closes, SATISFACTION_LINK_DAYS at most.
   */
  private scoreLinksFor(notification: ClaimedSingle, base: string): { links: string[]; secret?: string } {
    if (!SCORE_LINK_KINDS.includes(notification.kind) || !notification.request_id) return { links: [] };
    if (!can(notification.role, 'requests.file')) return { links: [] };
    const token = signSatisfactionLink(this.config.satisfactionLinkSecret, {
      requestId: notification.request_id,
      memberId: notification.recipient_id,
      expiresAt: new Date(Date.now() + SATISFACTION_LINK_DAYS * 86_400_000),
    });
    const links = [1, 2, 3, 4, 5].map(
      (score) => `${base}/rate?token=${token}&score=${score}&lang=${notification.language}`,
    );
    return { links, secret: token };
  }

  /** The email of a claimed notification: a daily digest with what it carries, or the notification's own. */
  private async emailFor(notification: ClaimedNotification, base: string) {
    if (notification.kind === DIGEST_KIND) {
      const items = await this.digests.items(this.dataSource, notification.id);
      const email = renderDigestEmail(
        notification.language,
        notification.params.timeZone ?? 'UTC',
        items.map((i) => ({ kind: i.kind, requestId: i.request_id, params: i.params, createdAt: i.created_at })),
        (requestId) => this.requestLink(notification, base, requestId),
      );
      return { email, secrets: [], replyTo: undefined };
    }
    const { link, secret } = this.linkFor({ ...notification, kind: notification.kind }, base);
    const scores = this.scoreLinksFor({ ...notification, kind: notification.kind }, base);
    const replyTo = this.replyAddressFor({ ...notification, kind: notification.kind });
    const email = renderEmail(
      notification.kind,
      notification.language,
      notification.params,
      link,
      scores.links,
      replyTo === undefined ? null : can(notification.role, 'requests.file') ? 'filer' : 'worker',
    );
    return { email, secrets: [secret, scores.secret].filter((s) => s !== undefined), replyTo };
  }

  /**
   * The signed address a reply to this email reaches its request by (api/src/inbound-mail):
   * for an email about one request, when the portal reads a mailbox — to a member, any; to
   * staff, only a member's reply (answering "assigned to you" should not talk to the member).
   * Internal notes are never emailed, so no reply address can lead to one.
   */
  private replyAddressFor(notification: ClaimedSingle): string | undefined {
    if (!this.config.inboundMail || !notification.request_id || notification.kind.startsWith('account.')) return;
    if (!can(notification.role, 'requests.file') && notification.kind !== 'request.reply') return;
    const token = signReplyToken(this.config.mailReplySecret, notification.id);
    return replyAddress(this.config.MAIL_REPLY_ADDRESS!, token);
  }

  private async deliver(notification: ClaimedNotification): Promise<void> {
    const base = (this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`).replace(/\/$/, '');
    try {
      const { email, secrets, replyTo } = await this.emailFor(notification, base);
      const outcome = await this.mailer.send({
        to: notification.email,
        ...email,
        messageId: `<${notification.id}@${PORTAL_MESSAGE_ID_DOMAIN}>`,
        secrets,
        replyTo,
        references: notification.request_id ? requestThreadId(notification.request_id) : undefined,
      });
      await this.repository.markSent(this.dataSource, notification.id, outcome);
    } catch (error) {
      const attempts = notification.email_attempts;
      const failed = attempts >= MAX_ATTEMPTS;
      // 10 s, 20 s, 40 s … up to about 21 minutes between attempts.
      const delaySeconds = 10 * 2 ** Math.min(attempts - 1, 7);
      await this.repository.markAttemptFailed(
        this.dataSource,
        notification.id,
        failed ? 'failed' : 'pending',
        delaySeconds,
        String(error).slice(0, 500),
      );
      this.logger.warn({
        msg: 'email delivery failed',
        notification: notification.id,
        attempts,
        worker: this.workerId,
        err: String(error),
      });
    }
  }
}
