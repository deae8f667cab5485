import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { type Db, type RowOf, sqlRow } from '../common/typed-sql';
import type { AttachmentEntity, RequestEntity, RequestMessageEntity } from '../requests/request.entities';
import { visibilityScope } from '../requests/request-scope';

/** A request someone attaches to, as the case permissions need it. */
export type AttachTargetRow = RowOf<RequestEntity, 'status' | 'assignee_id' | 'region_code' | 'organization_id'>;

/** A stored file, with whether its message is an internal note (null: a file on the request). */
export type StoredFileRow = RowOf<AttachmentEntity, 'file_name' | 'content_type' | 'size_bytes' | 'storage_key'> & {
  internal: boolean | null;
};

export interface NewAttachment {
  requestId: string;
  messageId: string | null;
  uploadedBy: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
}

/** The attachments' rows; every read of a request goes through the caller's visibility scope. */
@Injectable()
export class AttachmentsRepository {
  /** A request the caller may see, share-locked; undefined when absent or invisible. */
  lockVisibleRequest(db: Db, caller: AuthUser, requestId: string): Promise<AttachTargetRow | undefined> {
    const params: unknown[] = [requestId];
    const scope = visibilityScope(caller, params);
    return sqlRow<AttachTargetRow>(
      db,
      `SELECT r.status, r.assignee_id, r.region_code, r.organization_id FROM requests r WHERE r.id = $1 AND ${scope} FOR SHARE OF r`,
      params,
    );
  }

  /** A message of the request, locked until the file is recorded. */
  lockMessage(
    db: Db,
    messageId: string,
    requestId: string,
  ): Promise<RowOf<RequestMessageEntity, 'author_id' | 'internal'> | undefined> {
    return sqlRow<RowOf<RequestMessageEntity, 'author_id' | 'internal'>>(
      db,
      `SELECT m.author_id, m.internal FROM request_messages m WHERE m.id = $1 AND m.request_id = $2 FOR UPDATE`,
      [messageId, requestId],
    );
  }

  async filesOfMessage(db: Db, messageId: string): Promise<number> {
    const row = await sqlRow<{ files: number }>(
      db,
      `SELECT count(*)::int AS files FROM attachments WHERE message_id = $1`,
      [messageId],
    );
    return row!.files;
  }

  async insert(db: Db, file: NewAttachment): Promise<RowOf<AttachmentEntity, 'id' | 'created_at'>> {
    const row = await sqlRow<RowOf<AttachmentEntity, 'id' | 'created_at'>>(
      db,
      `INSERT INTO attachments (request_id, message_id, uploaded_by, file_name, content_type, size_bytes, sha256, storage_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, created_at`,
      [
        file.requestId,
        file.messageId,
        file.uploadedBy,
        file.fileName,
        file.contentType,
        file.sizeBytes,
        file.sha256,
        file.storageKey,
      ],
    );
    return row!;
  }

  /** A file of a request the caller may see; undefined when absent or invisible. */
  findVisible(db: Db, caller: AuthUser, id: string): Promise<StoredFileRow | undefined> {
    const params: unknown[] = [id];
    const scope = visibilityScope(caller, params);
    return sqlRow<StoredFileRow>(
      db,
      `SELECT f.file_name, f.content_type, f.size_bytes, f.storage_key, m.internal
       FROM attachments f JOIN requests r ON r.id = f.request_id LEFT JOIN request_messages m ON m.id = f.message_id
       WHERE f.id = $1 AND ${scope}`,
      params,
    );
  }
}
