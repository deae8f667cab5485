import { ATTACHMENT_EXTENSIONS, ATTACHMENT_LIMITS } from '@portal/shared';

/**
 * The file types the API accepts, by file name extension (the API's own list per type). Only
 * a first check, to spare a slow upload: the server decides from the content, and refuses a
 * name whose extension disagrees with it.
 */
export const ACCEPTED_EXTENSIONS: readonly string[] = [...new Set(Object.values(ATTACHMENT_EXTENSIONS).flat())];

/** For the file input's `accept`, so phones offer the right files first. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.map((extension) => `.${extension}`).join(',');

export const MAX_FILES = ATTACHMENT_LIMITS.maxPerMessage;
export const MAX_FILE_BYTES = ATTACHMENT_LIMITS.maxBytes;

export type FileProblem = 'type' | 'size' | 'empty' | 'count';

/** Why a chosen file cannot be sent, or null when it can. */
export function fileProblem(file: { readonly name: string; readonly size: number }): FileProblem | null {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (!ACCEPTED_EXTENSIONS.includes(extension)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_FILE_BYTES) return 'size';
  return null;
}

/** The most a compressed photo may weigh (bytes): what leaves the phone for a camera picture. */
export const PHOTO_BUDGET_BYTES = 600_000;

const COMPRESSIBLE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

/**
 * Only photos (JPEG, PNG, WebP) heavier than the budget are compressed on the phone (the code
 * that does it, photo-compression.ts, loads on demand); PDFs and other files go as they are.
 */
export function isCompressible(file: { readonly type: string; readonly size: number }): boolean {
  return COMPRESSIBLE_TYPES.includes(file.type) && file.size > PHOTO_BUDGET_BYTES;
}
