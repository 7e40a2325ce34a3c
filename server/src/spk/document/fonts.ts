import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * DejaVu Sans (free licence, Bitstream Vera derivative), the upstream TTF release as packaged by
 * dejavu-fonts-ttf. The 14 standard PDF fonts are not embedded and only cover WinAnsi, so a name
 * with an unusual letter could print differently (or not at all) from reader to reader; an
 * embedded, subset font prints the same everywhere and keeps the file small. DejaVu also covers far
 * more of Unicode than any name on a KTP needs.
 * (Noto Sans as built for Google Fonts was tried first: @pdf-lib/fontkit 1.1.1 subsets it into
 * missing glyphs; DejaVu subsets correctly.)
 */
const FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  italic: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
} as const;

const POSTSCRIPT_NAMES: Record<FontName, string> = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold', italic: 'DejaVuSans-Oblique' };

export type FontName = keyof typeof FILES;
export type Fonts = Record<FontName, PDFFont>;

// The files are read once per process: 600-750 KB each, and every render needs them.
const cache = new Map<FontName, Uint8Array>();

function fontBytes(name: FontName): Uint8Array {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = fs.readFileSync(require.resolve(FILES[name]));
    cache.set(name, bytes);
  }
  return bytes;
}

/**
 * ISO 32000-1 9.6.4: a subset font's name starts with six capital letters and '+'. pdf-lib would
 * append a number instead, which readers (and pdffonts) do not recognise as a subset. Derived from
 * the name, so it is the same on every render.
 */
function subsetName(name: FontName, salt: string): string {
  const digest = createHash('sha256').update(`${salt}|${POSTSCRIPT_NAMES[name]}`).digest();
  const tag = Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
  return `${tag}+${POSTSCRIPT_NAMES[name]}`;
}

/**
 * Embeds the fonts given as subsets (only the glyphs used end up in the file). `salt` varies the
 * subset tag when a second subset of the same font goes into a file that already has one.
 */
export async function embedFonts<K extends FontName>(doc: PDFDocument, names: readonly K[], salt = ''): Promise<Pick<Fonts, K>> {
  doc.registerFontkit(fontkit);
  const out: Partial<Pick<Fonts, K>> = {};
  for (const name of names) out[name] = await doc.embedFont(fontBytes(name), { subset: true, customName: subsetName(name, salt) });
  // Every name asked for was embedded by the loop above.
  return out as Pick<Fonts, K>;
}
