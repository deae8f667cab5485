import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_LIMITS, type AttachmentView, isStaff } from '@portal/shared';
import type { AuthUser } from '../auth/auth-user';
import type { Db } from '../common/typed-sql';
import { ConflictException, NotFoundException, ValidationException } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { authorizeCaseAction } from '../requests/case-permissions';
import { RequestForbiddenException } from '../requests/requests.exceptions';
import { AttachmentsRepository } from './attachments.repository';
import { FileNameRefusedException, FileTooLargeException, FileTypeRefusedException } from './attachments.exceptions';
import {
  type AcceptedContentType,
  detectContentType,
  extensionOf,
  nameForContentType,
  sanitizeFileName,
} from './file-type';

export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

/** The name to store and the type of an upload; 415 when the content or its name is refused. */
function acceptedFile(file: UploadedFile): { name: string; contentType: AcceptedContentType } {
  const sanitized = sanitizeFileName(file.fileName);
  const contentType = detectContentType(file.content, sanitized);
  if (!contentType) throw new FileTypeRefusedException();
  const name = nameForContentType(sanitized, contentType);
  if (!name)
    throw new FileNameRefusedException(extensionOf(sanitized), contentType, ATTACHMENT_EXTENSIONS[contentType]);
  return { name, contentType };
}

@Injectable()
export class AttachmentsService implements OnModuleInit {
  private readonly directory: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
    private readonly repository: AttachmentsRepository,
  ) {
    this.directory = resolve(config.attachmentsDir);
  }

  async onModuleInit(): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o750 });
  }

  /**
   * Stores a file once everything is known and checked, in one transaction: the caller may
   * attach to this request and message (see `checkCanAttach`), the content is of an accepted
   * type and its name agrees with it. Only then is the file written, under a random name
   * outside the web root, and recorded; if the record fails, the file is removed again.
   */
  async store(
    caller: AuthUser,
    requestId: string,
    messageId: string | null,
    file: UploadedFile,
  ): Promise<AttachmentView> {
    const written: string[] = [];
    try {
      return await this.dataSource.transaction((db) =>
        this.storeWithin(db, caller, requestId, messageId, file, written),
      );
    } catch (error) {
      await this.removeWritten(written);
      throw error;
    }
  }

  /**
   * The checks and the record of `store`, inside the caller's transaction (a file that came by
   * email is recorded with its message). The file is written before the COMMIT: its path is
   * pushed to `written`, which the caller hands to `removeWritten` if the transaction fails.
   * 413 over the size limit, which the upload route checks while it reads the file.
   */
  async storeWithin(
    db: Db,
    caller: AuthUser,
    requestId: string,
    messageId: string | null,
    file: UploadedFile,
    written: string[],
  ): Promise<AttachmentView> {
    if (file.content.length > ATTACHMENT_LIMITS.maxBytes) throw new FileTooLargeException(ATTACHMENT_LIMITS.maxBytes);
    await this.checkCanAttach(db, caller, requestId, messageId);
    const { name, contentType } = acceptedFile(file);
    const storageKey = randomUUID();
    const path = join(this.directory, storageKey);
    await writeFile(path, file.content, { mode: 0o640, flag: 'wx' });
    written.push(path);
    const row = await this.repository.insert(db, {
      requestId,
      messageId,
      uploadedBy: caller.id,
      fileName: name,
      contentType,
      sizeBytes: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      storageKey,
    });
    return {
      id: row.id,
      name,
      size: file.content.length,
      contentType,
      messageId,
      createdAt: row.created_at.toISOString(),
    };
  }

  /** Nothing recorded (the transaction rolled back, or its commit failed): nothing kept. */
  async removeWritten(written: readonly string[]): Promise<void> {
    for (const path of written) await rm(path, { force: true });
  }

  /**
   * The caller may attach here: a visible request that is not closed, on which it may write
   * (a file on the request itself is a reply; on a message, the case-permission action of
   * that message); for a message, one of this request written by the caller (an internal
   * note counts as absent for a member), with fewer than 5 files. The message row stays
   * locked until the file is recorded, so two uploads at once cannot both take its fifth place.
   */
  private async checkCanAttach(db: Db, caller: AuthUser, requestId: string, messageId: string | null): Promise<void> {
    const request = await this.repository.lockVisibleRequest(db, caller, requestId);
    if (!request) throw new NotFoundException('request');
    if (messageId === null) authorizeCaseAction(caller, request, 'reply');
    if (request.status === 'closed' || request.status === 'withdrawn') {
      throw new ConflictException('requests.closed', `The request is ${request.status}: it takes no more files.`);
    }
    if (messageId === null) return;
    const message = await this.repository.lockMessage(db, messageId, requestId);
    if (!message || (message.internal && !isStaff(caller.role))) {
      throw new ValidationException({ messageId: ['no message of this request has this id'] });
    }
    authorizeCaseAction(caller, request, message.internal ? 'internal-note' : 'reply');
    if (message.author_id !== caller.id)
      throw new RequestForbiddenException('You can attach files only to your own messages.');
    if ((await this.repository.filesOfMessage(db, messageId)) >= ATTACHMENT_LIMITS.maxPerMessage) {
      throw new ConflictException(
        'attachments.too-many',
        `A message carries at most ${ATTACHMENT_LIMITS.maxPerMessage} files.`,
      );
    }
  }

  /** A file the caller may see: of a visible request, and not of an internal note unless staff. */
  async open(
    caller: AuthUser,
    id: string,
  ): Promise<{ name: string; contentType: string; size: number; stream: ReadStream }> {
    const row = await this.repository.findVisible(this.dataSource, caller, id);
    if (!row || (row.internal && !isStaff(caller.role))) throw new NotFoundException('attachment');
    return {
      name: row.file_name,
      contentType: row.content_type,
      size: row.size_bytes,
      stream: createReadStream(join(this.directory, row.storage_key)),
    };
  }
}
