import { deflateSync } from 'node:zlib';

/**
 * Hand-made PDFs that cost a reader far more than their size: the upload attacks of issue 11 item 3.
 * Written byte by byte (with a correct cross-reference table) so that what they contain is exactly
 * what the test says, whatever a PDF library would normalise.
 */
export function buildPdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

/** One page of `width` x `height` points with a line of text: 3600 x 3600 pt is the 337-byte file. */
export function hugePagePdf(width = 3600, height = 3600): Buffer {
  const content = Buffer.from('BT /F1 48 Tf 100 100 Td (SPK) Tj ET', 'latin1');
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [3 0 R] /Count 1 >>`,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
    stream('', content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** `pages` distinct, empty A4 pages (MediaBox inherited) in a two-level page tree: ~8 MB for 100,000. */
export function manyPagesPdf(pages = 100_000): Buffer {
  const perNode = 1000;
  const nodes = Math.ceil(pages / perNode);
  const firstPage = 3 + nodes;
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>'];
  objects.push(`<< /Type /Pages /MediaBox [0 0 595 842] /Kids [${Array.from({ length: nodes }, (_, i) => `${3 + i} 0 R`).join(' ')}] /Count ${pages} >>`);
  for (let n = 0; n < nodes; n++) {
    const count = Math.min(perNode, pages - n * perNode);
    objects.push(`<< /Type /Pages /Parent 2 0 R /Kids [${Array.from({ length: count }, (_, k) => `${firstPage + n * perNode + k} 0 R`).join(' ')}] /Count ${count} >>`);
  }
  for (let p = 0; p < pages; p++) objects.push(`<</Type/Page/Parent ${3 + Math.floor(p / perNode)} 0 R>>`);
  return buildPdf(objects);
}

/**
 * An A4 page whose content stream is ~`inflatedMb` MB of text-drawing operators deflated to a
 * small fraction of that: a reader extracting text or rendering interprets every operator.
 */
export function flateBombPdf(inflatedMb = 120): Buffer {
  const op = Buffer.from('BT /F1 9 Tf 72 700 Td (SPK-AAAAAAAAAA bom) Tj ET 0 0 m 595 842 l S\n', 'latin1');
  const content = Buffer.alloc(inflatedMb * 1024 * 1024);
  for (let at = 0; at < content.length; at += op.length) op.copy(content, at);
  const deflated = deflateSync(content, { level: 9 });
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    stream('/Filter /FlateDecode', deflated),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** Starts like a PDF and is not one. */
export function malformedPdf(): Buffer {
  return Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n%% the rest of this file is missing\n', 'latin1');
}
