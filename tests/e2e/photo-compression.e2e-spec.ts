import { createHash } from 'node:crypto';

import type { Browser, Page } from 'playwright-core';
import { startTestPortal, type TestPortal } from '../support/api-harness';
import { launchChromium } from '../support/browser';
import { expectAccessible } from './support/axe';
import { MEMBER_REQUEST_PAGE, PHONE, signIn } from './support/pages';

/** What a compressed photo may weigh at most (issue 18: a 4 MB JPEG leaves at ≤ 600 KB). */
const BUDGET_BYTES = 600_000;
const SENT_PAGE = /\/requests\/[0-9a-f-]{36}\/sent$/;

/**
 * A 4000 × 3000 camera-like JPEG of about 4 MB, made by the browser itself (gradients with
 * grain, which JPEG cannot squeeze the way it squeezes a flat colour): no binary fixture.
 */
async function cameraPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const width = 4000;
    const height = 3000;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(width, height);
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const i = (y * width + x) * 4;
        const grain = (random() - 0.5) * 28;
        image.data[i] = 90 + (120 * x) / width + grain;
        image.data[i + 1] = 140 + 60 * Math.sin(y / 90) + grain;
        image.data[i + 2] = 60 + (80 * y) / height + grain;
        image.data[i + 3] = 255;
      }
    }
    context.putImageData(image, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

/** Width and height from a JPEG's start-of-frame segment; throws when the bytes are not a JPEG. */
function jpegSize(bytes: Buffer): { width: number; height: number } {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('not a JPEG');
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) throw new Error(`no marker at ${offset}`);
    const marker = bytes[offset + 1];
    const length = bytes.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  throw new Error('no start-of-frame segment');
}

describe('photos are made smaller on the phone before they are sent (issue 18)', () => {
  let portal: TestPortal;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    [portal, { browser, close: closeBrowser }] = await Promise.all([startTestPortal(), launchChromium()]);
  });
  afterAll(async () => {
    await closeBrowser?.();
    await portal?.stop();
  });

  async function fileRequestWithPhoto(
    language: 'es' | 'en',
    sendOriginal: boolean,
  ): Promise<{ original: Buffer; stored: { size_bytes: number; sha256: string; file_name: string; id: string } }> {
    const { context, page } = await signIn(browser, portal, 'ana@valle-alto.example', { viewport: PHONE, language });
    const original = await cameraPhoto(page);
    expect(original.length).toBeGreaterThan(3_500_000);
    expect(jpegSize(original)).toEqual({ width: 4000, height: 3000 });

    const subject = `Foto de la parcela ${language} ${sendOriginal ? 'original' : 'reducida'} ${Date.now()}`;
    await page.goto(`${portal.url}/requests/new`);
    await page.getByTestId('area-option-standards-compliance').check();
    await page.getByTestId('request-subject').fill(subject);
    await page.getByTestId('request-description').fill('La etiqueta del lote, para revisar.');
    await page
      .getByTestId('request-files')
      .setInputFiles([{ name: 'parcela.jpg', mimeType: 'image/jpeg', buffer: original }]);
    // The sizes before and after are shown, with the choice to send the original.
    const sentSize = page.getByTestId('chosen-file-sent-size');
    await sentSize.waitFor();
    await expect(page.getByTestId('chosen-file-size').textContent()).resolves.toMatch(/MB.*kB/s);
    await expectAccessible(page, `photo-compression-${language}-chosen`);
    if (sendOriginal) {
      await page.getByTestId('send-original').check();
      await sentSize.waitFor({ state: 'detached' });
    }

    await page.getByTestId('request-submit').click();
    await page.waitForURL(SENT_PAGE);
    const { rows } = await portal.db.query(
      `SELECT a.id, a.file_name, a.size_bytes, a.sha256 FROM attachments a JOIN requests r ON r.id = a.request_id
        WHERE r.subject = $1`,
      [subject],
    );
    expect(rows).toHaveLength(1);
    await page.getByTestId('confirmation-open').click();
    await page.waitForURL(MEMBER_REQUEST_PAGE);
    await expect(page.getByTestId('attachment-link').textContent()).resolves.toContain('parcela');
    await context.close();
    return { original, stored: rows[0] };
  }

  it.each(['es', 'en'] as const)(
    'a 4 MB camera JPEG leaves at ≤ 600 KB, upright and 1600 px wide (%s)',
    async (language) => {
      const { original, stored } = await fileRequestWithPhoto(language, false);
      expect(stored.size_bytes).toBeLessThanOrEqual(BUDGET_BYTES);
      expect(stored.size_bytes).toBeLessThan(original.length / 5);
      const member = await portal.login('ana@valle-alto.example');
      const download = await fetch(`${portal.url}/api/v1/attachments/${stored.id}`, {
        headers: { authorization: `Bearer ${member.accessToken}` },
      });
      expect(download.status).toBe(200);
      const bytes = Buffer.from(await download.arrayBuffer());
      expect(bytes.length).toBe(stored.size_bytes);
      expect(jpegSize(bytes)).toEqual({ width: 1600, height: 1200 });
    },
  );

  it('sends the original untouched when the member asks for it', async () => {
    const { original, stored } = await fileRequestWithPhoto('es', true);
    expect(stored.size_bytes).toBe(original.length);
    expect(stored.sha256).toBe(createHash('sha256').update(original).digest('hex'));
    expect(stored.file_name).toBe('parcela.jpg');
  });
});
