import { ATTACHMENT_LIMITS } from '@portal/shared';

/**
 * The file types the API accepts (ATTACHMENT_LIMITS.types), by file name extension. Only a
 * first check, to spare a slow upload: the server decides from the content.
 */
export const ACCEPTED_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'webp', 'docx', 'xlsx', 'odt', 'txt', 'csv'] as const;

/** For the file input's `accept`, so phones offer the right files first. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.map((extension) => `.${extension}`).join(',');

export const MAX_FILES = ATTACHMENT_LIMITS.maxPerMessage;
export const MAX_FILE_BYTES = ATTACHMENT_LIMITS.maxBytes;

export type FileProblem = 'type' | 'size' | 'empty' | 'count';

/** Why a chosen file cannot be sent, or null when it can. */
export function fileProblem(file: { readonly name: string; readonly size: number }): FileProblem | null {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extension)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_FILE_BYTES) return 'size';
  return null;
}
