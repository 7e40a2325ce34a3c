import jsQR from 'jsqr';
import { renderPageRaw } from './engine';

/** The QR code on each page (null where none), decoded in the thread that rendered the page. */
export async function readQrCodes(bytes: Uint8Array, pages: (number | 'last')[], dpi = 150): Promise<(string | null)[]> {
  const found: (string | null)[] = [];
  for (const page of pages) {
    const raw = await renderPageRaw(bytes, page, { dpi });
    if (!raw) {
      found.push(null);
      continue;
    }
    // jsQR wants RGBA.
    const rgba = new Uint8ClampedArray(raw.width * raw.height * 4);
    for (let i = 0, j = 0; i < raw.samples.length; i += 3, j += 4) {
      rgba[j] = raw.samples[i]!;
      rgba[j + 1] = raw.samples[i + 1]!;
      rgba[j + 2] = raw.samples[i + 2]!;
      rgba[j + 3] = 255;
    }
    found.push(jsQR(rgba, raw.width, raw.height)?.data ?? null);
  }
  return found;
}
