import { HttpEventType } from '@angular/common/http';
import type { AttachmentView } from '@portal/shared';

import type { RequestsApi } from './requests-api';

export type UploadState = 'waiting' | 'uploading' | 'done' | 'failed';

/** One file on its way to the server, for the progress list. */
export interface UploadItem {
  readonly name: string;
  readonly size: number;
  readonly state: UploadState;
  /** 0–100. */
  readonly percent: number;
  /** Readable reason when it failed. */
  readonly error: string | null;
}

export function waitingUpload(file: { readonly name: string; readonly size: number }): UploadItem {
  return { name: file.name, size: file.size, state: 'waiting', percent: 0, error: null };
}

/** Uploads one file, reporting progress; resolves with the stored attachment. */
export function uploadWithProgress(
  api: RequestsApi,
  requestId: string,
  file: Blob,
  fileName: string,
  onProgress: (percent: number) => void,
  messageId?: string,
): Promise<AttachmentView> {
  return new Promise((resolve, reject) => {
    let stored: AttachmentView | null = null;
    api.upload(requestId, file, fileName, messageId).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          const total = event.total ?? file.size;
          // The last few percent wait for the server's answer.
          onProgress(total > 0 ? Math.min(99, Math.round((event.loaded / total) * 100)) : 0);
        } else if (event.type === HttpEventType.Response && event.body) {
          stored = event.body;
        }
      },
      error: (error: unknown) => reject(error),
      complete: () => {
        onProgress(100);
        if (stored) resolve(stored);
        else reject(new Error('The upload ended without an answer.'));
      },
    });
  });
}
