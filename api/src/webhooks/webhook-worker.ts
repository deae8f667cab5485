import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { hostname } from 'node:os';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { BatchPoller } from '../jobs/batch-poller';
import { NotificationsService } from '../notifications/notifications.service';
import { SecretBox } from '../security/secret-box';
import { signWebhook } from './webhook-signature';
import { isSpecialAddress } from './webhook-target';
import { type ClaimedDeliveryRow, WebhooksRepository } from './webhooks.repository';

const BATCH_SIZE = 10;
const MAX_DELAY_SECONDS = 6 * 3600;

interface Answer {
  statusCode: number | null;
  error: string | null;
}

/**
 * Sends the webhook outbox. Every API process runs one (like the email outbox): due
 * deliveries are claimed with FOR UPDATE SKIP LOCKED and a lease, so two workers never send
 * the same delivery; a 2xx answer delivers it, anything else (or no answer within
 * WEBHOOK_TIMEOUT_MS) is retried with exponential backoff up to WEBHOOK_MAX_ATTEMPTS; after
 * WEBHOOK_DISABLE_AFTER_FAILURES failed attempts in a row the endpoint is disabled and the
 * admins are told by email. Redirects are not followed.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly workerId = `${hostname()}:${process.pid}`;
  private readonly box: SecretBox;
  private readonly poller = new BatchPoller(
    () => this.deliverBatch(),
    (error) => this.logger.warn({ msg: 'webhook pass failed', err: String(error) }),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly repository: WebhooksRepository,
    private readonly notifications: NotificationsService,
  ) {
    this.box = new SecretBox(config.secretsEncryptionKey);
  }

  onApplicationBootstrap(): void {
    if (!this.config.WORKERS_ENABLED) return;
    this.poller.start(this.config.OUTBOX_POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /** A lease longer than a delivery can take, so no other worker takes a row still in flight. */
  private get leaseSeconds(): number {
    return Math.max(this.config.OUTBOX_LEASE_SECONDS, Math.ceil(this.config.WEBHOOK_TIMEOUT_MS / 1000) + 30);
  }

  private async deliverBatch(): Promise<number> {
    const claimed = await this.repository.claimDue(this.dataSource, BATCH_SIZE, this.leaseSeconds);
    await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
    return claimed.length;
  }

  private async deliver(delivery: ClaimedDeliveryRow): Promise<void> {
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    let answer: Answer;
    try {
      const secret = this.box.open(delivery.secret_encrypted);
      answer = await this.post(delivery.url, body, {
        'webhook-id': delivery.message_id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secret, delivery.message_id, timestamp, body),
      });
    } catch (error) {
      answer = { statusCode: null, error: String(error) };
    }
    if (answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300) {
      await this.repository.markDelivered(this.dataSource, delivery, answer.statusCode);
      return;
    }
    const error = (answer.error ?? `HTTP ${answer.statusCode}`).slice(0, 500);
    const giveUp = delivery.attempts >= this.config.WEBHOOK_MAX_ATTEMPTS;
    const delaySeconds = Math.min(
      this.config.WEBHOOK_RETRY_BASE_SECONDS * 2 ** (delivery.attempts - 1),
      MAX_DELAY_SECONDS,
    );
    await this.dataSource.transaction(async (db) => {
      const disabledNow = await this.repository.markFailed(db, delivery, {
        statusCode: answer.statusCode,
        error,
        giveUp,
        delaySeconds,
        disableAfter: this.config.WEBHOOK_DISABLE_AFTER_FAILURES,
      });
      if (!disabledNow) return;
      const managers = await this.repository.managers(db);
      await this.notifications.enqueue(
        db,
        managers.map((manager) => ({
          recipientId: manager.id,
          kind: 'account.webhook-disabled' as const,
          requestId: null,
          eventKey: `webhook-disabled:${delivery.endpoint_id}:${delivery.id}:${delivery.attempts}`,
          params: { url: delivery.url, failures: this.config.WEBHOOK_DISABLE_AFTER_FAILURES },
        })),
      );
    });
    this.logger.warn({
      msg: 'webhook delivery failed',
      delivery: delivery.id,
      attempts: delivery.attempts,
      worker: this.workerId,
      err: error,
    });
  }

  /** One POST, connecting only to an address the SSRF guard allows (checked on the address connected to). */
  private post(url: string, body: string, headers: Record<string, string>): Promise<Answer> {
    const target = new URL(url);
    const allowPrivate = this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS;
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (!allowPrivate && isIP(host) && isSpecialAddress(host))
      return Promise.resolve({ statusCode: null, error: 'refused: a loopback, private or link-local address' });
    const guardedLookup: LookupFunction = (name, options, callback) => {
      dnsLookup(name, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, '', 0);
        const allowed = allowPrivate ? addresses : addresses.filter((a) => !isSpecialAddress(a.address));
        if (allowed.length === 0)
          return callback(new Error('refused: the host resolves to a loopback, private or link-local address'), '', 0);
        if (options.all) return callback(null, allowed);
        callback(null, allowed[0].address, allowed[0].family);
      });
    };
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const request = send(
        target,
        {
          method: 'POST',
          lookup: guardedLookup,
          timeout: this.config.WEBHOOK_TIMEOUT_MS,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'portal-webhooks/1',
          },
        },
        (response) => {
          // The answer's body is not kept; read it so the socket is freed.
          response.resume();
          response.on('end', () => resolve({ statusCode: response.statusCode ?? null, error: null }));
          response.on('error', (error) => resolve({ statusCode: response.statusCode ?? null, error: String(error) }));
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${this.config.WEBHOOK_TIMEOUT_MS} ms`)));
      request.on('error', (error) => resolve({ statusCode: null, error: String(error) }));
      request.end(body);
    });
  }
}
