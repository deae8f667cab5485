import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { belongsToOrganization, REDACTED_TEXT } from '@portal/shared';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ConflictException, NotFoundException } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { UserViewsRepository } from '../users/user-views.repository';
import { toPublicUserView } from '../users/users.service';
import { PersonalDataRepository } from './personal-data.repository';
import { type ZipItem, zipStream } from './zip-stream';

/** The name an erased person's account keeps (its requests still show who filed them, anonymously). */
export const ERASED_NAME = 'Former member';

export interface PersonalDataErasure {
  userId: string;
  erasedAt: string;
  messagesRedacted: number;
  requestsRedacted: number;
  attachmentsRemoved: number;
}

/**
 * A person's rights over its data (docs/domain.md, "Personal data"): everything the portal
 * holds about it as one ZIP, and its erasure by an admin, which keeps the requests for the
 * organization and the reports while removing the person's words, files and account.
 */
@Injectable()
export class PersonalDataService {
  private readonly logger = new Logger('PersonalData');
  private readonly directory: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
    private readonly repository: PersonalDataRepository,
    private readonly userViews: UserViewsRepository,
    private readonly audit: AuditService,
  ) {
    this.directory = resolve(config.attachmentsDir);
  }

  /**
   * The export, audited: profile, the requests it filed, its messages, its files (and a list
   * of them), its ratings, its notifications and its sign-ins. Read in one snapshot, so the
   * documents agree with each other; the files are streamed after.
   */
  async export(caller: AuthUser, userId: string): Promise<{ fileName: string; stream: Readable }> {
    const data = await this.dataSource.transaction('REPEATABLE READ', async (db) => {
      const user = await this.userViews.findById(userId, db);
      if (!user) throw new NotFoundException('user');
      return {
        user,
        requests: await this.repository.requestsCreatedBy(db, userId),
        messages: await this.repository.messagesBy(db, userId),
        files: await this.repository.filesUploadedBy(db, userId),
        notifications: await this.repository.notificationsOf(db, userId),
        signIns: await this.repository.signInsOf(db, userId),
      };
    });
    await this.audit.recordNow({
      actorId: caller.id,
      action: 'personal-data.exported',
      entityType: 'user',
      entityId: userId,
      changes: { requests: data.requests.length, messages: data.messages.length, files: data.files.length },
    });
    // A stored name has no path in it, but the archive's names must never climb out of files/.
    const fileName = (file: (typeof data.files)[number]) =>
      `files/${file.reference}/${file.id}-${file.file_name.replace(/[\\/]/g, '_')}`;
    const items: ZipItem[] = [
      { name: 'profile.json', json: { ...toPublicUserView(data.user), createdAt: data.user.createdAt } },
      {
        name: 'requests.json',
        json: data.requests.map(({ satisfaction_score, satisfaction_comment, satisfaction_reasons, ...r }) => ({
          reference: r.reference,
          subject: r.subject,
          description: r.description,
          status: r.status,
          priority: r.priority,
          area: r.area,
          organization: r.organization,
          createdAt: r.created_at,
          resolvedAt: r.resolved_at,
          closedAt: r.closed_at,
          rating:
            satisfaction_score === null
              ? null
              : { score: satisfaction_score, comment: satisfaction_comment, reasons: satisfaction_reasons },
        })),
      },
      {
        name: 'messages.json',
        json: data.messages.map((m) => ({
          request: m.reference,
          body: m.body,
          internal: m.internal,
          at: m.created_at,
        })),
      },
      {
        name: 'ratings.json',
        json: data.requests
          .filter((r) => r.satisfaction_score !== null)
          .map((r) => ({ request: r.reference, score: r.satisfaction_score, comment: r.satisfaction_comment })),
      },
      {
        name: 'attachments.json',
        json: data.files.map((f) => ({
          request: f.reference,
          name: f.file_name,
          contentType: f.content_type,
          size: f.size_bytes,
          sha256: f.sha256,
          at: f.created_at,
          file: fileName(f),
        })),
      },
      {
        name: 'notifications.json',
        // A notification may quote someone else's message: its excerpt stays out.
        json: data.notifications.map(({ params: { excerpt: _excerpt, ...params }, ...n }) => ({
          kind: n.kind,
          request: n.reference,
          params,
          at: n.created_at,
          readAt: n.read_at,
        })),
      },
      {
        name: 'sign-ins.json',
        json: data.signIns.map((s) => ({
          at: s.created_at,
          outcome: s.action === 'auth.signed-in' ? 'signed-in' : 'refused',
          ip: s.ip,
          userAgent: s.user_agent,
        })),
      },
      ...data.files.map((f) => ({
        name: fileName(f),
        stream: () => createReadStream(join(this.directory, f.storage_key)),
      })),
    ];
    return { fileName: `personal-data-${userId}.zip`, stream: zipStream(items) };
  }

  /**
   * Erases an organization's member, in one transaction: its words on requests replaced by
   * the redaction marker (and the requests' search text written anew without them), its
   * files removed, its account anonymized and closed; the requests, their statuses, times,
   * scores and everything the reports count stay as they were. The files go after COMMIT.
   */
  async erase(caller: AuthUser, userId: string): Promise<PersonalDataErasure> {
    const { erasure, storageKeys } = await this.dataSource.transaction(async (db) => {
      const user = await this.repository.lockUser(db, userId);
      if (!user) throw new NotFoundException('user');
      if (user.id === caller.id || !belongsToOrganization(user.role) || user.erased_at) {
        throw new ConflictException(
          'erasure.not-allowed',
          user.erased_at
            ? 'This person was already erased.'
            : 'Only a member of an organization can be erased, and never oneself; staff accounts are deactivated instead.',
        );
      }
      const touched = await this.repository.requestsWithTextOf(db, userId);
      const messagesRedacted = await this.repository.redactMessages(db, userId, REDACTED_TEXT, ERASED_NAME);
      const requestsRedacted = await this.repository.redactRequests(db, userId, REDACTED_TEXT);
      await this.repository.rebuildSearchText(db, touched);
      const keys = await this.repository.deleteFilesUploadedBy(db, userId);
      const erasedAt = await this.repository.anonymize(db, user, ERASED_NAME, `erased-${user.id}@erased.invalid`);
      const result: PersonalDataErasure = {
        userId,
        erasedAt: new Date(erasedAt).toISOString(),
        messagesRedacted,
        requestsRedacted,
        attachmentsRemoved: keys.length,
      };
      await this.audit.record(db, {
        actorId: caller.id,
        action: 'personal-data.erased',
        entityType: 'user',
        entityId: userId,
        changes: { organizationId: user.organization_id, ...result },
      });
      return { erasure: result, storageKeys: keys };
    });
    await this.removeFiles(storageKeys);
    return erasure;
  }

  /** Stored files whose rows are gone; one that cannot be removed is logged (its row is gone: nobody can reach it). */
  async removeFiles(storageKeys: string[]): Promise<void> {
    for (const key of storageKeys) {
      await rm(join(this.directory, key), { force: true }).catch((error: unknown) =>
        this.logger.error(`could not remove the stored file ${key}: ${String(error)}`),
      );
    }
  }
}
