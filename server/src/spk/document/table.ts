import type { RGB } from 'pdf-lib';
import { COLORS, baselineOffset, drawLine, lineHeight, textWidth, type Align, type Flow } from './layout';

export interface Column {
  header: string;
  /** Share of the table width; the shares are normalised, so they need not add up to 1. */
  share: number;
  align?: Align;
  /** Never wrap the cells (amounts): the column is at least as wide as its widest cell. */
  nowrap?: boolean;
}

export interface Row {
  cells: string[];
  bold?: boolean;
  fill?: RGB;
}

const PAD_X = 4;
const PAD_Y = 3;

/**
 * Widths from the shares, except that a nowrap column gets the width of its widest cell (an amount
 * split over two lines could be misread) and the other columns share what is left.
 */
function columnWidths(flow: Flow, columns: Column[], rows: Row[], size: number): number[] {
  const need = columns.map((c, i) =>
    c.nowrap ? Math.max(...rows.map((r) => textWidth(r.bold ? flow.fonts.bold : flow.fonts.regular, r.cells[i] ?? '', size))) + 2 * PAD_X + 1 : 0,
  );
  const fixed = new Set<number>();
  for (;;) {
    const fixedWidth = [...fixed].reduce((s, i) => s + need[i]!, 0);
    const shares = columns.reduce((s, c, i) => s + (fixed.has(i) ? 0 : c.share), 0);
    const widths = columns.map((c, i) => (fixed.has(i) ? need[i]! : (c.share / shares) * (flow.width - fixedWidth)));
    // Fixing one column narrows the others, so repeat until no nowrap column is too narrow.
    const tooNarrow = columns.findIndex((c, i) => c.nowrap && !fixed.has(i) && widths[i]! < need[i]!);
    if (tooNarrow < 0) return widths;
    fixed.add(tooNarrow);
  }
}

/**
 * A ruled table that flows over pages: a row is never split, and when a row does not fit, the table
 * continues on a new page under a repeated header row, so every page of a long installment schedule
 * can be read on its own.
 */
export function drawTable(flow: Flow, columns: Column[], rows: Row[], opts: { size?: number; after?: number } = {}) {
  const size = opts.size ?? 8.5;
  const lh = lineHeight(size);
  const widths = columnWidths(flow, columns, rows, size);
  const xs = widths.map((_, i) => flow.left + widths.slice(0, i).reduce((s, w) => s + w, 0));

  const layout = (row: Row, bold: boolean) => {
    const lines = row.cells.map((cell, i) => flow.wrap(cell, { size, font: bold ? 'bold' : 'regular' }, widths[i]! - 2 * PAD_X));
    return { lines, height: Math.max(...lines.map((l) => l.length)) * lh + 2 * PAD_Y };
  };

  const drawRow = (row: Row, bold: boolean, fill: RGB | undefined) => {
    const { lines, height } = layout(row, bold);
    const top = flow.y;
    const page = flow.page;
    if (fill) page.drawRectangle({ x: flow.left, y: top - height, width: flow.width, height, color: fill });
    lines.forEach((cellLines, i) => {
      cellLines.forEach((line, j) => {
        const baseline = top - PAD_Y - baselineOffset(size) - j * lh;
        drawLine(page, line, xs[i]! + PAD_X, baseline, widths[i]! - 2 * PAD_X, bold ? flow.fonts.bold : flow.fonts.regular, size, COLORS.text, columns[i]!.align);
      });
    });
    // Cell borders: one rectangle per cell keeps the grid closed on every page, including the last row.
    widths.forEach((w, i) => page.drawRectangle({ x: xs[i]!, y: top - height, width: w, height, borderColor: COLORS.light, borderWidth: 0.5 }));
    flow.y -= height;
  };

  const header: Row = { cells: columns.map((c) => c.header) };
  const headerHeight = layout(header, true).height;
  const drawHeader = () => drawRow(header, true, COLORS.fill);

  // The header must not stand alone at the bottom of a page.
  flow.ensure(headerHeight + (rows[0] ? layout(rows[0], !!rows[0].bold).height : 0));
  drawHeader();
  for (const row of rows) {
    const { height } = layout(row, !!row.bold);
    if (height > flow.remaining) {
      flow.newPage();
      drawHeader();
    }
    drawRow(row, !!row.bold, row.fill);
  }
  flow.y -= opts.after ?? 0;
}
