import type { PDFPage } from 'pdf-lib';
import { BODY_BOTTOM, COLORS, baselineOffset, drawLine, lineHeight, textWidth, type Flow } from './layout';
import type { Box, SpkDocumentData } from './types';

/** 4 cm: a printed meterai is about 4 x 2.5 cm; the e-Meterai image is square, so 4 x 4 cm is left for it. */
export const STAMP_SIDE = (40 / 25.4) * 72;
const GUTTER = 24;
const GAP = 6;
const SIZE = 9;

export interface SignatureBoxes {
  providerSignatureBox: Box;
  customerSignatureBox: Box;
  stampBox: Box;
}

function dashedBox(page: PDFPage, x: number, y: number, width: number, height: number) {
  page.drawRectangle({ x, y, width, height, borderColor: COLORS.rule, borderWidth: 0.6, borderDashArray: [3, 2] });
}

/**
 * The two signature columns, side by side and kept together on one page (the last one, as the block
 * closes the document). PIHAK KEDUA's column holds the e-Meterai box next to the signature box,
 * because the stamp is affixed where the party bearing the duty signs.
 */
export function drawSignatureBlock(flow: Flow, d: SpkDocumentData, lead: { closing: string; dateLine: string }): SignatureBoxes {
  const colWidth = (flow.width - GUTTER) / 2;
  const leftX = flow.left;
  const rightX = flow.left + colWidth + GUTTER;
  const lh = lineHeight(SIZE);

  const providerHead = ['PIHAK PERTAMA', ...flow.wrap(d.provider.companyName, { font: 'bold', size: SIZE }, colWidth)];
  const customerHead = ['PIHAK KEDUA', ...(d.customer.company ? flow.wrap(d.customer.company, { font: 'bold', size: SIZE }, colWidth) : [])];
  const providerFoot = [flow.wrap(d.provider.representativeName, { font: 'bold', size: SIZE }, colWidth), flow.wrap(d.provider.representativeTitle, { size: SIZE }, colWidth)];
  const customerRole = d.customer.company ? [d.customer.companyTitle ?? '-', ...flow.wrap(`untuk dan atas nama ${d.customer.company}`, { size: SIZE }, colWidth)] : ['Pelanggan'];
  const customerFoot = [flow.wrap(d.customer.fullName, { font: 'bold', size: SIZE }, colWidth), customerRole];
  const headLines = Math.max(providerHead.length, customerHead.length);
  const footLines = Math.max(providerFoot.flat().length, customerFoot.flat().length);
  const leadHeight = flow.measure(lead.closing, { size: SIZE }) + 10 + lh * 2;
  const height = leadHeight + headLines * lh + 8 + STAMP_SIDE + 8 + footLines * lh;

  // The closing sentence and the place and date travel with the signatures, never alone.
  flow.ensure(height);
  // The block closes the document: what is left of the page goes to the signature boxes (room for a
  // wet-ink signature and a company seal), up to twice the stamp's height.
  const boxHeight = STAMP_SIDE + Math.max(0, Math.min(STAMP_SIDE, flow.y - BODY_BOTTOM - height - 12));
  flow.text(lead.closing, { size: SIZE, after: 10 });
  flow.text(lead.dateLine, { size: SIZE, after: lh });
  const page = flow.page;
  const pageIndex = flow.pages.length - 1;

  const top = flow.y;
  const drawHead = (lines: string[], x: number) =>
    lines.forEach((line, i) => drawLine(page, line, x, top - baselineOffset(SIZE) - i * lh, colWidth, flow.fonts.bold, SIZE, COLORS.text, 'center'));
  drawHead(providerHead, leftX);
  drawHead(customerHead, rightX);

  const boxTop = top - headLines * lh - 8;
  const boxY = boxTop - boxHeight;
  const providerSignatureBox: Box = { page: pageIndex, x: leftX + (colWidth - 200) / 2, y: boxY, width: 200, height: boxHeight };
  // The stamp stays 4 x 4 cm, level with the bottom of the signature boxes.
  const stampBox: Box = { page: pageIndex, x: rightX, y: boxY, width: STAMP_SIDE, height: STAMP_SIDE };
  const customerSignatureBox: Box = { page: pageIndex, x: rightX + STAMP_SIDE + GAP, y: boxY, width: colWidth - STAMP_SIDE - GAP, height: boxHeight };
  for (const b of [providerSignatureBox, customerSignatureBox]) dashedBox(page, b.x, b.y, b.width, b.height);

  // The e-Meterai box is marked so that nobody signs or writes into it.
  dashedBox(page, stampBox.x, stampBox.y, stampBox.width, stampBox.height);
  if (d.stampPlaceholder ?? true) {
    const mid = stampBox.y + stampBox.height / 2;
    drawLine(page, 'Tempat e-Meterai', stampBox.x, mid + 2, stampBox.width, flow.fonts.bold, 8.5, COLORS.muted, 'center');
    drawLine(page, 'Rp 10.000', stampBox.x, mid - 10, stampBox.width, flow.fonts.regular, 7.5, COLORS.muted, 'center');
  }

  const footTop = boxY - 8;
  const drawFoot = (blocks: string[][], x: number) => {
    let line = 0;
    blocks.forEach((lines, b) => {
      const font = b === 0 ? flow.fonts.bold : flow.fonts.regular;
      for (const text of lines) {
        const baseline = footTop - baselineOffset(SIZE) - line * lh;
        drawLine(page, text, x, baseline, colWidth, font, SIZE, COLORS.text, 'center');
        if (b === 0) {
          // The name is underlined, the customary way of marking who signs above it.
          const w = textWidth(font, text, SIZE);
          page.drawLine({ start: { x: x + (colWidth - w) / 2, y: baseline - 2 }, end: { x: x + (colWidth + w) / 2, y: baseline - 2 }, thickness: 0.6, color: COLORS.text });
        }
        line++;
      }
    });
  };
  drawFoot(providerFoot, leftX);
  drawFoot(customerFoot, rightX);
  flow.y = footTop - footLines * lh;
  return { providerSignatureBox, customerSignatureBox, stampBox };
}
