import { createHash } from 'node:crypto';
import { PDFDocument, type PDFObject } from 'pdf-lib';

/**
 * Incremental updates (ISO 32000-1, 7.5.6) with pdf-lib, which itself can only rewrite a whole file.
 *
 * Why: a PDF signature covers the exact bytes of the file at signing time. The document we sign has
 * already been through the e-Meterai provider, whose stamp is itself a signature by Peruri's
 * certificate; rewriting the file would break it. So the original bytes are kept untouched and the
 * changed and new objects are appended after them, with a cross-reference section whose /Prev
 * points at the previous one. The customer's signature later does the same on top of ours.
 *
 * How: every indirect object is serialised once after loading; after the edits, the objects whose
 * bytes differ (or that are new) are the update.
 */
export class IncrementalEditor {
  private readonly before = new Map<string, string>();
  private readonly prev: { startxref: number; kind: 'table' | 'stream'; size: number };

  private constructor(
    readonly original: Uint8Array,
    readonly doc: PDFDocument,
  ) {
    this.prev = previousSection(original);
    for (const [ref, obj] of doc.context.enumerateIndirectObjects()) this.before.set(ref.tag, fingerprint(obj));
    // New objects must not reuse numbers of the previous sections (free entries, or an xref stream
    // that pdf-lib does not register as an object).
    doc.context.largestObjectNumber = Math.max(doc.context.largestObjectNumber, this.prev.size - 1);
  }

  static async open(pdf: Uint8Array): Promise<IncrementalEditor> {
    // updateMetadata: false, or pdf-lib would rewrite the Info dictionary (producer, dates).
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    if (doc.isEncrypted) throw new RangeError('encrypted PDFs cannot be updated');
    return new IncrementalEditor(pdf, doc);
  }

  /** The original bytes followed by one update section holding every changed or new object. */
  async save(): Promise<Buffer> {
    await this.doc.flush(); // embeds the fonts and images used by the edits
    const changed = this.doc.context
      .enumerateIndirectObjects()
      .filter(([ref, obj]) => this.before.get(ref.tag) !== fingerprint(obj))
      .sort(([a], [b]) => a.objectNumber - b.objectNumber);

    const parts: Buffer[] = [Buffer.from(this.original)];
    let offset = this.original.length;
    // The update must start on a new line after the previous %%EOF.
    const last = this.original[this.original.length - 1];
    if (last !== 0x0a && last !== 0x0d) {
      parts.push(Buffer.from('\n'));
      offset += 1;
    }
    const entries: { num: number; gen: number; offset: number }[] = [];
    for (const [ref, obj] of changed) {
      const body = Buffer.concat([Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`), serialize(obj), Buffer.from('\nendobj\n')]);
      entries.push({ num: ref.objectNumber, gen: ref.generationNumber, offset });
      parts.push(body);
      offset += body.length;
    }
    parts.push(this.prev.kind === 'table' ? this.xrefTable(entries, offset) : this.xrefStream(entries, offset));
    return Buffer.concat(parts);
  }

  private trailerEntries(size: number): string {
    const t = this.doc.context.trailerInfo;
    const ref = (r: PDFObject | undefined) => (r ? ` ${r.toString()}` : '');
    return `/Size ${size} /Root${ref(t.Root)}${t.Info ? ` /Info${ref(t.Info)}` : ''}${t.ID ? ` /ID ${t.ID.toString()}` : ''} /Prev ${this.prev.startxref}`;
  }

  private xrefTable(entries: { num: number; gen: number; offset: number }[], xrefOffset: number): Buffer {
    const size = Math.max(this.prev.size, this.doc.context.largestObjectNumber + 1);
    let out = 'xref\n';
    for (const run of runs(entries)) {
      out += `${run[0]!.num} ${run.length}\n`;
      // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, 'n', two-byte EOL.
      for (const e of run) out += `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n \n`;
    }
    out += `trailer\n<< ${this.trailerEntries(size)} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
    return Buffer.from(out, 'latin1');
  }

  /** When the previous section is a cross-reference stream, the update uses one too. */
  private xrefStream(entries: { num: number; gen: number; offset: number }[], xrefOffset: number): Buffer {
    const num = this.doc.context.largestObjectNumber + 1;
    this.doc.context.largestObjectNumber = num;
    const all = [...entries, { num, gen: 0, offset: xrefOffset }];
    const size = Math.max(this.prev.size, num + 1);
    const data = Buffer.alloc(all.length * 7);
    const index: number[] = [];
    let i = 0;
    for (const run of runs(all)) {
      index.push(run[0]!.num, run.length);
      for (const e of run) {
        data.writeUInt8(1, i);
        data.writeUInt32BE(e.offset, i + 1);
        data.writeUInt16BE(e.gen, i + 5);
        i += 7;
      }
    }
    const dict = `<< /Type /XRef ${this.trailerEntries(size)} /Index [${index.join(' ')}] /W [1 4 2] /Length ${data.length} >>`;
    return Buffer.concat([Buffer.from(`${num} 0 obj\n${dict}\nstream\n`, 'latin1'), data, Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1')]);
  }
}

function serialize(obj: PDFObject): Buffer {
  const buf = Buffer.alloc(obj.sizeInBytes());
  obj.copyBytesInto(buf, 0);
  return buf;
}

function fingerprint(obj: PDFObject): string {
  return createHash('sha1').update(serialize(obj)).digest('hex');
}

/** Consecutive object numbers, as cross-reference subsections want them. */
function runs<T extends { num: number }>(entries: T[]): T[][] {
  const out: T[][] = [];
  for (const e of entries) {
    const run = out[out.length - 1];
    if (run && run[run.length - 1]!.num + 1 === e.num) run.push(e);
    else out.push([e]);
  }
  return out;
}

/** Where the last cross-reference section starts, what kind it is, and the trailer's /Size. */
function previousSection(pdf: Uint8Array): { startxref: number; kind: 'table' | 'stream'; size: number } {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length);
  const tail = buf.subarray(Math.max(0, buf.length - 2048)).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new RangeError('the PDF does not end with startxref and %%EOF');
  const startxref = Number(match[1]);
  const head = buf.subarray(startxref, startxref + 4).toString('latin1');
  if (head === 'xref') {
    const trailerAt = buf.indexOf('trailer', startxref, 'latin1');
    const trailer = buf.subarray(trailerAt, trailerAt + 4096).toString('latin1');
    const size = /\/Size\s+(\d+)/.exec(trailer);
    if (trailerAt < 0 || !size) throw new RangeError('the last cross-reference table has no trailer /Size');
    return { startxref, kind: 'table', size: Number(size[1]) };
  }
  const dict = buf.subarray(startxref, startxref + 4096).toString('latin1');
  const size = /\/Size\s+(\d+)/.exec(dict.slice(0, dict.indexOf('stream') >= 0 ? dict.indexOf('stream') : undefined));
  if (!/^\s*\d+\s+\d+\s+obj/.test(dict) || !size) throw new RangeError('startxref does not point at a cross-reference table or stream');
  return { startxref, kind: 'stream', size: Number(size[1]) };
}
