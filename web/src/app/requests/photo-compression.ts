/**
 * Photos made smaller on the phone before they are sent: a 4 MB camera picture costs minutes
 * and money on a rural connection, and nobody needs its full resolution to read it. Loaded
 * only when a photo is chosen (dynamic import), so it is not part of the first page's code.
 */

import { isCompressible, PHOTO_BUDGET_BYTES } from './attachment-rules';

/** The long side of a compressed photo: still sharp on a screen, a fraction of the weight. */
export const PHOTO_MAX_SIDE = 1600;

/** Tried in turn until the photo fits the budget; then the picture is made smaller still. */
const QUALITIES = [0.82, 0.7, 0.55, 0.4] as const;
const SHRINK_STEP = 0.75;

/**
 * The photo as a JPEG of at most PHOTO_MAX_SIDE pixels on its long side and within the
 * budget, turned upright from its EXIF orientation (the pixels are rotated, so the
 * orientation no longer depends on the viewer). Null when the browser cannot decode it or
 * the result would not be smaller: the original is then sent.
 */
export async function compressPhoto(file: File): Promise<File | null> {
  if (!isCompressible(file)) return null;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  try {
    let scale = Math.min(1, PHOTO_MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    // Bounded: each round makes the picture smaller; a few rounds fit any photo.
    for (let round = 0; round < 6; round += 1) {
      const width = Math.max(1, Math.round(bitmap.width * scale));
      const height = Math.max(1, Math.round(bitmap.height * scale));
      for (const quality of QUALITIES) {
        const blob = await encodeJpeg(bitmap, width, height, quality);
        if (!blob) return null;
        if (blob.size <= PHOTO_BUDGET_BYTES) {
          return blob.size < file.size ? new File([blob], jpegName(file.name), { type: 'image/jpeg' }) : null;
        }
      }
      scale *= SHRINK_STEP;
    }
    return null;
  } finally {
    bitmap.close();
  }
}

async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return null;
    paint(context, bitmap, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  paint(context, bitmap, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

function paint(
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  bitmap: ImageBitmap,
  width: number,
  height: number,
): void {
  // JPEG has no transparency: a transparent PNG gets a white background, not a black one.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
}

/** The server checks that the name's extension matches the content: a PNG sent as JPEG is renamed. */
export function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]+$/, '');
  return `${base || 'photo'}.jpg`;
}
