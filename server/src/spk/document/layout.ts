import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { FontName, Fonts } from './fonts';

/** A4 in PDF points (1 pt = 1/72 inch); pdf-lib's origin is the bottom-left corner. */
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
/** 2 cm side margins, the usual for Indonesian legal documents on A4. */
export const MARGIN_X = 56.69;
export const BODY_TOP = PAGE_HEIGHT - 48;
/** The footer (QR code, page number, document code) owns everything below this line. */
export const BODY_BOTTOM = 112;

export const COLORS = {
  text: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.4, 0.4, 0.43),
  rule: rgb(0.55, 0.55, 0.58),
  light: rgb(0.75, 0.75, 0.78),
  fill: rgb(0.92, 0.93, 0.95),
  white: rgb(1, 1, 1),
};

export type Align = 'left' | 'center' | 'right';

export interface TextStyle {
  font?: FontName;
  size?: number;
  color?: RGB;
}

export const BODY_SIZE = 9;
/** Line advance as a multiple of the font size: DejaVu Sans' ascent + descent is about 1.16 em. */
const LEADING = 1.45;

export const lineHeight = (size: number) => size * LEADING;
/** Distance from the top of a line box down to its baseline. */
export const baselineOffset = (size: number) => size * 1.1;

// fontkit lays out the whole string on every measurement; a contract measures the same words many
// times (wrap, then measure again to keep blocks together), so widths are cached per font at 1000 pt.
const widthCache = new WeakMap<PDFFont, Map<string, number>>();

/** Width of `text` at `size`; widths scale linearly with the size. */
export function textWidth(font: PDFFont, text: string, size: number): number {
  let widths = widthCache.get(font);
  if (!widths) widthCache.set(font, (widths = new Map<string, number>()));
  let w = widths.get(text);
  if (w === undefined) {
    w = font.widthOfTextAtSize(text, 1000);
    widths.set(text, w);
  }
  return (w * size) / 1000;
}

/**
 * Greedy word wrap on measured widths. Explicit newlines start new lines; a word wider than the line
 * (a long e-mail address or URL) is cut by characters rather than left to run off the page.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const space = textWidth(font, ' ', size);
  const lines: string[] = [];
  for (const paragraph of text.replace(/\t/g, ' ').split(/\r?\n/)) {
    const words = glueAmounts(paragraph.split(/ +/).filter((w) => w.length > 0));
    let line = '';
    let lineWidth = 0;
    for (let word of words) {
      let w = textWidth(font, word, size);
      if (line && lineWidth + space + w <= width) {
        line += ` ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line) lines.push(line);
      while (w > width) {
        let cut = word.length - 1;
        while (cut > 1 && textWidth(font, word.slice(0, cut), size) > width) cut--;
        // Prefer to cut after a separator (an address reads better split as "example." / "co.id").
        const separator = Math.max(...['.', '@', '/', '-', '_'].map((c) => word.lastIndexOf(c, cut - 2)));
        if (separator >= cut / 2) cut = separator + 1;
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
        w = textWidth(font, word, size);
      }
      line = word;
      lineWidth = w;
    }
    lines.push(line);
  }
  return lines;
}

/** Keeps "Rp" on the same line as its amount: "Rp" alone at a line end reads badly and breaks searches. */
function glueAmounts(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /^-?Rp$/.test(prev) && /^[\d(]/.test(word)) out[out.length - 1] = `${prev} ${word}`;
    else out.push(word);
  }
  return out;
}

export function drawLine(page: PDFPage, text: string, x: number, baseline: number, width: number, font: PDFFont, size: number, color: RGB, align: Align = 'left') {
  const w = textWidth(font, text, size);
  const dx = align === 'center' ? (width - w) / 2 : align === 'right' ? width - w : 0;
  page.drawText(text, { x: x + dx, y: baseline, size, font, color });
}

/**
 * A cursor running down the pages: content is placed from the top, and a new page is started
 * whenever the next piece would cross BODY_BOTTOM. Page furniture that needs the final page count
 * (footer, QR) is drawn after the flow is complete.
 */
export class Flow {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  /** Top of the free space on the current page. */
  y = BODY_TOP;
  readonly left = MARGIN_X;
  readonly width = PAGE_WIDTH - 2 * MARGIN_X;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    /** Draws the running header of continuation pages and returns the y where the body starts. */
    private readonly continuationHeader: (page: PDFPage, fonts: Fonts) => number,
  ) {
    this.addPage(false);
  }

  private addPage(continuation: boolean) {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = continuation ? this.continuationHeader(this.page, this.fonts) : BODY_TOP;
  }

  newPage() {
    this.addPage(true);
  }

  get remaining() {
    return this.y - BODY_BOTTOM;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number) {
    if (height > this.remaining) this.newPage();
  }

  space(height: number) {
    this.y -= height;
  }

  font(style: TextStyle): PDFFont {
    return this.fonts[style.font ?? 'regular'];
  }

  /** Lines of `text` as they would be wrapped in `width`. */
  wrap(text: string, style: TextStyle = {}, width = this.width): string[] {
    return wrapText(text, this.font(style), style.size ?? BODY_SIZE, width);
  }

  /** Height of `text` wrapped in `width`. */
  measure(text: string, style: TextStyle = {}, width = this.width): number {
    return this.wrap(text, style, width).length * lineHeight(style.size ?? BODY_SIZE);
  }

  /** A wrapped paragraph; breaks between lines when it reaches the bottom of a page. */
  text(text: string, style: TextStyle & { align?: Align; indent?: number; after?: number } = {}) {
    const size = style.size ?? BODY_SIZE;
    const indent = style.indent ?? 0;
    const width = this.width - indent;
    const font = this.font(style);
    for (const line of this.wrap(text, style, width)) {
      this.ensure(lineHeight(size));
      drawLine(this.page, line, this.left + indent, this.y - baselineOffset(size), width, font, size, style.color ?? COLORS.text, style.align);
      this.y -= lineHeight(size);
    }
    this.y -= style.after ?? 0;
  }

  /**
   * A paragraph with a hanging label, as in "(1) Text ..." or "a. Text ...": the label sits in the
   * gutter and every wrapped line of the text starts at the same indent.
   */
  labeled(label: string, text: string, opts: TextStyle & { indent: number; labelWidth: number; after?: number }) {
    const size = opts.size ?? BODY_SIZE;
    const font = this.font(opts);
    const textX = this.left + opts.indent + opts.labelWidth;
    const width = this.width - opts.indent - opts.labelWidth;
    const lines = this.wrap(text, opts, width);
    // A label must not be stranded at a page bottom without its first two lines.
    this.ensure(Math.min(lines.length, 2) * lineHeight(size));
    lines.forEach((line, i) => {
      this.ensure(lineHeight(size));
      const baseline = this.y - baselineOffset(size);
      if (i === 0) this.page.drawText(label, { x: this.left + opts.indent, y: baseline, size, font: this.fonts.regular, color: COLORS.text });
      this.page.drawText(line, { x: textX, y: baseline, size, font, color: opts.color ?? COLORS.text });
      this.y -= lineHeight(size);
    });
    this.y -= opts.after ?? 0;
  }

  /**
   * "Label : value" rows, the usual way an Indonesian agreement identifies its parties. A row is
   * kept whole on one page.
   */
  fields(rows: [string, string][], opts: { indent?: number; labelWidth: number; size?: number; valueFont?: FontName; marker?: string; after?: number }) {
    const size = opts.size ?? BODY_SIZE;
    const valueFont = this.fonts[opts.valueFont ?? 'regular'];
    const indent = opts.indent ?? 0;
    const colonX = this.left + indent + opts.labelWidth;
    const valueX = colonX + 8;
    const valueWidth = this.left + this.width - valueX;
    for (const [index, [label, value]] of rows.entries()) {
      const labelLines = this.wrap(label, { size }, opts.labelWidth - 4);
      const valueLines = this.wrap(value, { size, font: opts.valueFont }, valueWidth);
      const height = Math.max(labelLines.length, valueLines.length) * lineHeight(size);
      this.ensure(height);
      const top = this.y;
      // A marker ("1.", "2.") numbers a whole block of rows, as the parties are numbered.
      if (opts.marker && index === 0) drawLine(this.page, opts.marker, this.left, top - baselineOffset(size), indent, this.fonts.regular, size, COLORS.text);
      labelLines.forEach((l, i) => drawLine(this.page, l, this.left + indent, top - baselineOffset(size) - i * lineHeight(size), opts.labelWidth, this.fonts.regular, size, COLORS.text));
      drawLine(this.page, ':', colonX, top - baselineOffset(size), 8, this.fonts.regular, size, COLORS.text);
      valueLines.forEach((l, i) =>
        drawLine(this.page, l, valueX, top - baselineOffset(size) - i * lineHeight(size), valueWidth, valueFont, size, COLORS.text),
      );
      this.y -= height;
    }
    this.y -= opts.after ?? 0;
  }

  rule(opts: { thickness?: number; color?: RGB; after?: number } = {}) {
    this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.left + this.width, y: this.y }, thickness: opts.thickness ?? 0.6, color: opts.color ?? COLORS.rule });
    this.y -= opts.after ?? 0;
  }
}
