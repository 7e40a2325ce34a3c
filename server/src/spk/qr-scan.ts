import jsQR, { type QRCode } from 'jsqr';
import { PNG } from 'pngjs';

/** An SPK page carries our QR, the e-Meterai's, and perhaps a few more; a scan with more is not ours to read. */
const MAX_CODES = 8;
/** Blank a little beyond the finder patterns, so the quiet zone of the code found does not confuse the next search. */
const MARGIN = 0.15;

interface Image {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Paints the code's bounding box (plus a margin) white, so the next search finds another code. */
function mask(img: Image, code: QRCode) {
  const l = code.location;
  const xs = [l.topLeftCorner.x, l.topRightCorner.x, l.bottomLeftCorner.x, l.bottomRightCorner.x];
  const ys = [l.topLeftCorner.y, l.topRightCorner.y, l.bottomLeftCorner.y, l.bottomRightCorner.y];
  const w = Math.max(...xs) - Math.min(...xs);
  const h = Math.max(...ys) - Math.min(...ys);
  const x0 = Math.max(0, Math.floor(Math.min(...xs) - w * MARGIN));
  const x1 = Math.min(img.width, Math.ceil(Math.max(...xs) + w * MARGIN));
  const y0 = Math.max(0, Math.floor(Math.min(...ys) - h * MARGIN));
  const y1 = Math.min(img.height, Math.ceil(Math.max(...ys) + h * MARGIN));
  for (let y = y0; y < y1; y++) img.data.fill(255, (y * img.width + x0) * 4, (y * img.width + x1) * 4);
}

function crop(img: Image, x: number, y: number, width: number, height: number): Image {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) data.set(img.data.subarray(((y + row) * img.width + x) * 4, ((y + row) * img.width + x + width) * 4), row * width * 4);
  return { data, width, height };
}

/** Finds codes one at a time, masking each one found, until none is left. */
function scan(img: Image, found: Set<string>) {
  for (let i = 0; i < MAX_CODES && found.size < MAX_CODES; i++) {
    const code = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
    if (!code) return;
    if (code.data) found.add(code.data);
    mask(img, code);
  }
}

/**
 * Every QR code on a page image. jsQR returns one code per call, whichever it locks onto first (on
 * the signature page that is usually the e-Meterai's, larger than ours), so each code found is
 * masked and the page searched again; then overlapping tiles are searched too, because on a whole
 * page a small code next to a large one, or under scanner noise, can be missed. A search costs about
 * half a second of CPU on a 150 dpi A4 page, so `enough` stops it once the caller has what it needs.
 */
export function decodeAllQr(png: Buffer, enough: (codes: string[]) => boolean = () => false): string[] {
  const decoded = PNG.sync.read(png);
  const img: Image = { data: new Uint8ClampedArray(decoded.data), width: decoded.width, height: decoded.height };
  const found = new Set<string>();
  scan(img, found);
  if (enough([...found])) return [...found];
  // 2 x 2 and 3 x 3 tiles overlapping by a third of a tile: a code cut by one grid is whole in the other.
  for (const n of [2, 3]) {
    const tw = Math.ceil(img.width / n);
    const th = Math.ceil(img.height / n);
    for (let ty = 0; ty < n; ty++) {
      for (let tx = 0; tx < n; tx++) {
        const x = Math.max(0, Math.round(tx * tw - tw / 3));
        const y = Math.max(0, Math.round(ty * th - th / 3));
        scan(crop(img, x, y, Math.min(img.width - x, Math.round(tw * 1.66)), Math.min(img.height - y, Math.round(th * 1.66))), found);
        if (enough([...found])) return [...found];
      }
    }
  }
  return [...found];
}
