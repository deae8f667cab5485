import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ATTACHMENT_LIMITS, type AttachmentView, isStaff } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import { ConflictException, NotFoundException, ValidationException } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { visibilityScope } from '../requests/request-scope';
import { RequestForbiddenException } from '../requests/requests.exceptions';
import { FileTypeRefusedException } from './attachments.exceptions';
import { detectContentType, sanitizeFileName } from './file-type';

export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

@Injectable()
export class AttachmentsService implements OnModuleInit {
  private readonly directory: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.directory = resolve(config.attachmentsDir);
  }

  async onModuleInit(): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o750 });
  }

  /**
   * Checks, before the upload is read, that the caller may attach to this request (and
   * message): a visible request that is not closed; a message of this request written by
   * the caller; no more than 5 files on one message.
   */
  async checkCanAttach(caller: AuthUser, requestId: string, messageId: string | null): Promise<void> {
    const params: unknown[] = [requestId];
    const scope = visibilityScope(caller, params);
    const [request] = await this.dataSource.query(`SELECT r.status FROM requests r WHERE r.id = $1 AND ${scope}`, params);
    if (!request) throw new NotFoundException('request');
    if (request.status === 'closed' || request.status === 'withdrawn') {
      throw new ConflictException('requests.closed', `The request is ${request.status}: it takes no more files.`);
    }
    if (messageId === null) return;
    const [message] = await this.dataSource.query(
      `SELECT m.author_id, (SELECT count(*)::int FROM attachments f WHERE f.message_id = m.id) AS files
       FROM request_messages m WHERE m.id = $1 AND m.request_id = $2`,
      [messageId, requestId],
    );
    if (!message) throw new ValidationException({ messageId: ['no message of this request has this id'] });
    if (message.author_id !== caller.id) throw new RequestForbiddenException('You can attach files only to your own messages.');
    if (message.files >= ATTACHMENT_LIMITS.maxPerMessage) {
      throw new ConflictException('attachments.too-many', `A message carries at most ${ATTACHMENT_LIMITS.maxPerMessage} files.`);
    }
  }

  /** Stores the file under a random name outside the web root, then records it. */
  async store(caller: AuthUser, requestId: string, messageId: string | null, file: UploadedFile): Promise<AttachmentView> {
    const name = sanitizeFileName(file.fileName);
    const contentType = detectContentType(file.content, name);
    if (!contentType) throw new FileTypeRefusedException();
    const storageKey = randomUUID();
    const path = join(this.directory, storageKey);
    await writeFile(path, file.content, { mode: 0o640, flag: 'wx' });
    try {
      const [row] = await this.dataSource.query(
        `INSERT INTO attachments (request_id, message_id, uploaded_by, file_name, content_type, size_bytes, sha256, storage_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, created_at`,
        [requestId, messageId, caller.id, name, contentType, file.content.length, createHash('sha256').update(file.content).digest('hex'), storageKey],
      );
      return { id: row.id, name, size: file.content.length, contentType, messageId, createdAt: row.created_at.toISOString() };
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }

  /** A file the caller may see: of a visible request, and not of an internal note unless staff. */
  async open(caller: AuthUser, id: string): Promise<{ name: string; contentType: string; size: number; stream: ReadStream }> {
    const params: unknown[] = [id];
    const scope = visibilityScope(caller, params);
    const [row] = await this.dataSource.query(
      `SELECT f.file_name, f.content_type, f.size_bytes, f.storage_key, m.internal
       FROM attachments f JOIN requests r ON r.id = f.request_id LEFT JOIN request_messages m ON m.id = f.message_id
       WHERE f.id = $1 AND ${scope}`,
      params,
    );
    if (!row || (row.internal && !isStaff(caller.role))) throw new NotFoundException('attachment');
    return { name: row.file_name, contentType: row.content_type, size: row.size_bytes, stream: createReadStream(join(this.directory, row.storage_key)) };
  }
}
