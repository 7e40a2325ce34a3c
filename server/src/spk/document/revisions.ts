import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFObjectStreamParser,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  PDFHexString,
  PDFXRefStreamParser,
  decodePDFRawStream,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';

/**
 * What a customer's incremental update changed in the revision we signed.
 *
 * Why: our signature covers the bytes of our revision only. Anything appended after it (ISO 32000-1,
 * 7.5.6) is outside it, so a white box over the total and a new figure keep our signature "valid".
 * After our (certifying, DocMDP P=2) signature only what signing needs may be added: a signature
 * field with its widget and appearance, the AcroForm's field list and SigFlags, the document's
 * metadata, and comments that print nothing. Everything else is named here, page by page.
 *
 * How: both revisions are loaded with pdf-lib and compared by meaning, not by object number: each
 * page's content (decoded streams), resources, fonts and properties, the annotations, the form fields
 * and their values, and the catalog. pdf-lib reads a file's objects in file order (a later body wins)
 * and ignores the cross-reference sections, while readers follow them; so the update's
 * cross-reference entries are checked too, and must point at the same bodies pdf-lib read. Works on
 * bytes only (no text extraction or rendering), so it does not depend on how pages are drawn.
 */

export type RevisionChangeKind =
  | 'UNREADABLE'
  | 'XREF'
  | 'CATALOG'
  | 'PAGE_ADDED'
  | 'PAGE_REMOVED'
  | 'PAGE_REPLACED'
  | 'PAGE_CONTENT'
  | 'PAGE_RESOURCES'
  | 'FONT'
  | 'PAGE_PROPERTIES'
  | 'ANNOTATION'
  | 'ANNOTATION_REMOVED'
  | 'FORM_FIELD'
  | 'FORM_VALUE'
  | 'FIELD_REMOVED'
  | 'SIGNATURE_APPEARANCE'
  /** Set by the verification, not by the comparison: a later signature by our own certificate. */
  | 'SIGNATURE'
  /** Set by the verification: not our bytes plus updates, yet carrying our (now broken) signature. */
  | 'REWRITTEN';

export interface RevisionChange {
  kind: RevisionChangeKind;
  /** 1-based page, when the change is on a page. */
  page?: number;
  detail: string;
}

export interface RevisionComparison {
  changes: RevisionChange[];
  /** Allowed additions, for the report: "signature field Tanda tangan 2 on page 5", comments. */
  additions: string[];
}

/** Keys that point back up the tree; following them would compare the whole document again. */
const BACK_LINKS = new Set(['/Parent', '/P']);
/** Re-encoding a stream (another compression) is not a change of what it says. */
const STREAM_ENCODING = new Set(['/Length', '/Filter', '/DecodeParms', '/DL']);
/** Comments: shown in a reader's comment pane, not printed as part of the page. */
const COMMENT_SUBTYPES = new Set(['/Text', '/Popup']);
/** A signature's appearance larger than this share of its page could hide what is under it. */
const MAX_SIGNATURE_AREA = 0.25;

function streamBytes(s: PDFStream): Uint8Array {
  if (s instanceof PDFRawStream) {
    try {
      return decodePDFRawStream(s).decode();
    } catch {
      return s.getContents(); // a filter pdf-lib cannot decode (images): compare the encoded bytes
    }
  }
  return s.getContents();
}

/**
 * A canonical text of an object and everything it reaches (except back links), independent of
 * object numbers, so an unchanged structure re-declared under new numbers compares equal. A
 * reference seen before is written as its order of first visit, which keeps cycles finite.
 */
function canonical(obj: PDFObject | undefined, ctx: PDFContext, seen = new Map<string, number>(), skip: Set<string> = BACK_LINKS): string {
  if (obj === undefined) return 'undefined';
  if (obj instanceof PDFRef) {
    const n = seen.get(obj.tag);
    if (n !== undefined) return `@${n}`;
    seen.set(obj.tag, seen.size);
    return canonical(ctx.lookup(obj), ctx, seen, skip);
  }
  if (obj instanceof PDFStream) {
    const hash = createHash('sha256').update(streamBytes(obj)).digest('hex');
    return `stream(${canonicalDict(obj.dict, ctx, seen, new Set([...skip, ...STREAM_ENCODING]))},${hash})`;
  }
  if (obj instanceof PDFDict) return canonicalDict(obj, ctx, seen, skip);
  if (obj instanceof PDFArray) return `[${obj.asArray().map((o) => canonical(o, ctx, seen, skip)).join(' ')}]`;
  if (obj instanceof PDFString || obj instanceof PDFHexString) return `(${obj.decodeText()})`;
  return obj.toString();
}

function canonicalDict(dict: PDFDict, ctx: PDFContext, seen: Map<string, number>, skip: Set<string>): string {
  const entries = dict
    .entries()
    .filter(([k]) => !skip.has(k.toString()))
    .sort(([a], [b]) => (a.toString() < b.toString() ? -1 : 1));
  return `<<${entries.map(([k, v]) => `${k.toString()} ${canonical(v, ctx, seen, skip)}`).join(' ')}>>`;
}

const same = (a: PDFObject | undefined, actx: PDFContext, b: PDFObject | undefined, bctx: PDFContext, skip?: Set<string>) =>
  canonical(a, actx, new Map(), skip) === canonical(b, bctx, new Map(), skip);

const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);
const nameOf = (o: PDFObject | undefined) => (o instanceof PDFName ? o.toString() : undefined);

/** A field's type, inherited from its parents (ISO 32000-1, 12.7.3.1). */
function fieldType(dict: PDFDict): string | undefined {
  for (let d: PDFDict | undefined = dict, depth = 0; d && depth < 32; d = d.lookupMaybe(PDFName.of('Parent'), PDFDict), depth++) {
    const ft = nameOf(d.get(PDFName.of('FT')));
    if (ft) return ft;
  }
  return undefined;
}

/** "Tanda tangan 2", with the parents' names: a.b.c. */
function fieldName(dict: PDFDict): string {
  const parts: string[] = [];
  for (let d: PDFDict | undefined = dict, depth = 0; d && depth < 32; d = d.lookupMaybe(PDFName.of('Parent'), PDFDict), depth++) {
    const t = text(d.lookup(PDFName.of('T')));
    if (t !== undefined) parts.unshift(t);
  }
  return parts.join('.') || '(tanpa nama)';
}

/**
 * Every terminal field of the form (fields with /Kids are walked, widgets are leaves), keyed by its
 * object (a removed field's name may be reused by a new one) or, for a direct one, by its full name.
 */
function formFields(doc: PDFDocument): Map<string, { name: string; dict: PDFDict }> {
  const out = new Map<string, { name: string; dict: PDFDict }>();
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const walk = (arr: PDFArray | undefined, depth: number) => {
    if (!arr || depth > 32) return;
    for (let i = 0; i < arr.size(); i++) {
      const f = arr.lookupMaybe(i, PDFDict);
      if (!f) continue;
      const kids = f.lookupMaybe(PDFName.of('Kids'), PDFArray);
      const kidsAreFields = kids?.asArray().some((_, k) => kids.lookupMaybe(k, PDFDict)?.has(PDFName.of('T')));
      const ref = arr.get(i);
      if (kids && kidsAreFields) walk(kids, depth + 1);
      else out.set(ref instanceof PDFRef ? ref.tag : `name:${fieldName(f)}`, { name: fieldName(f), dict: f });
    }
  };
  walk(acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray), 0);
  return out;
}

function annotations(page: PDFPage): { ref: PDFRef | null; dict: PDFDict }[] {
  const arr = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!arr) return [];
  return arr.asArray().flatMap((o, i) => {
    const dict = arr.lookupMaybe(i, PDFDict);
    return dict ? [{ ref: o instanceof PDFRef ? o : null, dict }] : [];
  });
}

function rectArea(dict: PDFDict): number {
  const r = dict.lookupMaybe(PDFName.of('Rect'), PDFArray);
  const n = r?.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : 0)) ?? [0, 0, 0, 0];
  return Math.abs((n[2]! - n[0]!) * (n[3]! - n[1]!));
}

function pageArea(page: PDFPage): number {
  const { width, height } = page.getSize();
  return width * height;
}

/** The page's own entries that are not compared elsewhere (content, resources, annotations). */
const PAGE_COMPARED_ELSEWHERE = new Set([...BACK_LINKS, '/Contents', '/Resources', '/Annots']);
/** What signing may change in the catalog: the form (checked field by field) and metadata. */
const CATALOG_ALLOWED = new Set(['/AcroForm', '/Metadata', '/DSS', '/Extensions']);
/** What signing may change in the AcroForm dictionary itself (fields are checked one by one). */
const ACROFORM_ALLOWED = new Set(['/Fields', '/SigFlags']);

function comparePages(before: PDFDocument, after: PDFDocument, changes: RevisionChange[], additions: string[]) {
  const b = before.getPages();
  const a = after.getPages();
  if (a.length > b.length) changes.push({ kind: 'PAGE_ADDED', detail: `${a.length - b.length} halaman ditambahkan (${b.length} -> ${a.length})` });
  if (a.length < b.length) changes.push({ kind: 'PAGE_REMOVED', detail: `${b.length - a.length} halaman dihapus (${b.length} -> ${a.length})` });
  const bctx = before.context;
  const actx = after.context;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const pb = b[i]!;
    const pa = a[i]!;
    const page = i + 1;
    if (pb.ref.tag !== pa.ref.tag) changes.push({ kind: 'PAGE_REPLACED', page, detail: `halaman ${page} diganti objek lain` });
    if (!same(pb.node.get(PDFName.of('Contents')), bctx, pa.node.get(PDFName.of('Contents')), actx)) {
      changes.push({ kind: 'PAGE_CONTENT', page, detail: `isi halaman ${page} berubah` });
    }
    const rb = pb.node.Resources();
    const ra = pa.node.Resources();
    const fonts = PDFName.of('Font');
    if (!same(rb?.get(fonts), bctx, ra?.get(fonts), actx)) changes.push({ kind: 'FONT', page, detail: `font halaman ${page} berubah` });
    if (!same(rb, bctx, ra, actx, new Set([...BACK_LINKS, '/Font']))) changes.push({ kind: 'PAGE_RESOURCES', page, detail: `resources halaman ${page} berubah` });
    const props = (p: PDFPage) =>
      `${canonicalDict(p.node, p.doc.context, new Map(), PAGE_COMPARED_ELSEWHERE)}|${p.getMediaBox().x},${p.getMediaBox().y},${p.getWidth()},${p.getHeight()}|${p.getRotation().angle}`;
    if (props(pb) !== props(pa)) changes.push({ kind: 'PAGE_PROPERTIES', page, detail: `properti halaman ${page} berubah (ukuran, rotasi, ...)` });
    compareAnnotations(pb, pa, page, changes, additions);
  }
}

function compareAnnotations(pb: PDFPage, pa: PDFPage, page: number, changes: RevisionChange[], additions: string[]) {
  const bctx = pb.doc.context;
  const actx = pa.doc.context;
  const before = annotations(pb);
  const after = annotations(pa);
  const afterByRef = new Map(after.flatMap((x) => (x.ref ? [[x.ref.tag, x] as const] : [])));
  const kept = new Set<PDFDict>();
  for (const old of before) {
    const now = old.ref ? afterByRef.get(old.ref.tag) : after.find((x) => same(x.dict, actx, old.dict, bctx));
    const label = `${nameOf(old.dict.get(PDFName.of('Subtype')))?.slice(1) ?? 'anotasi'} ${fieldType(old.dict) ? `"${fieldName(old.dict)}"` : ''}`.trim();
    if (!now) {
      changes.push({ kind: 'ANNOTATION_REMOVED', page, detail: `${label} di halaman ${page} dihapus` });
      continue;
    }
    kept.add(now.dict);
    if (!same(old.dict, bctx, now.dict, actx)) changes.push({ kind: 'ANNOTATION', page, detail: `${label} di halaman ${page} diubah` });
  }
  for (const added of after.filter((x) => !kept.has(x.dict))) {
    const subtype = nameOf(added.dict.get(PDFName.of('Subtype'))) ?? '/?';
    if (subtype === '/Widget' && fieldType(added.dict) === '/Sig') {
      const name = fieldName(added.dict);
      const share = rectArea(added.dict) / pageArea(pa);
      if (share > MAX_SIGNATURE_AREA) {
        changes.push({ kind: 'SIGNATURE_APPEARANCE', page, detail: `tampilan tanda tangan "${name}" menutupi ${Math.round(share * 100)}% halaman ${page}` });
      } else additions.push(`kolom tanda tangan "${name}" di halaman ${page}`);
      continue;
    }
    const contents = text(added.dict.lookup(PDFName.of('Contents')));
    const quoted = contents ? `: "${contents.slice(0, 80)}"` : '';
    if (COMMENT_SUBTYPES.has(subtype)) {
      additions.push(`komentar (${subtype.slice(1)}) di halaman ${page}${quoted}`);
      continue;
    }
    changes.push({ kind: 'ANNOTATION', page, detail: `anotasi ${subtype.slice(1)} ditambahkan di halaman ${page}${quoted}` });
  }
}

function compareForm(before: PDFDocument, after: PDFDocument, changes: RevisionChange[]) {
  const bctx = before.context;
  const actx = after.context;
  const fb = formFields(before);
  const fa = formFields(after);
  for (const [key, { name, dict: field }] of fb) {
    const now = fa.get(key)?.dict;
    if (!now) {
      changes.push({ kind: 'FIELD_REMOVED', detail: `kolom "${name}" dihapus dari formulir` });
      continue;
    }
    if (!same(field.get(PDFName.of('V')), bctx, now.get(PDFName.of('V')), actx)) {
      changes.push({ kind: 'FORM_VALUE', detail: `nilai kolom "${name}" berubah` });
    } else if (!same(field, bctx, now, actx)) changes.push({ kind: 'FORM_FIELD', detail: `kolom "${name}" diubah` });
  }
  for (const [key, { name, dict: field }] of fa) {
    if (!fb.has(key) && fieldType(field) !== '/Sig') changes.push({ kind: 'FORM_FIELD', detail: `kolom formulir "${name}" (${fieldType(field)?.slice(1) ?? '?'}) ditambahkan` });
  }
  const ab = before.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const aa = after.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const skip = new Set([...BACK_LINKS, ...ACROFORM_ALLOWED]);
  if ((ab || aa) && !same(ab, bctx, aa, actx, skip)) changes.push({ kind: 'FORM_FIELD', detail: 'pengaturan formulir (AcroForm) berubah' });
}

function compareCatalog(before: PDFDocument, after: PDFDocument, changes: RevisionChange[]) {
  const keys = new Set([...before.catalog.keys(), ...after.catalog.keys()].map((k) => k.toString()));
  for (const key of keys) {
    if (CATALOG_ALLOWED.has(key) || key === '/Pages') continue;
    if (!same(before.catalog.get(PDFName.of(key.slice(1))), before.context, after.catalog.get(PDFName.of(key.slice(1))), after.context)) {
      changes.push({ kind: 'CATALOG', detail: `katalog dokumen ${key} berubah` });
    }
  }
}

// ---- cross-reference sections of the update ----------------------------------------------------

interface XrefEntry {
  num: number;
  gen: number;
  kind: 'free' | 'offset' | 'compressed';
  /** byte offset (offset) or the object stream's number (compressed) */
  at: number;
  index: number;
}

const latin1 = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).subarray(from, to).toString('latin1');

/** The indirect object whose header starts at `offset` (after whitespace), parsed on its own. */
function objectAt(bytes: Uint8Array, offset: number, ctx: PDFContext): { num: number; gen: number; obj: PDFObject } | null {
  const head = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(latin1(bytes, offset, offset + 64));
  if (!head) return null;
  try {
    const parser = PDFObjectParser.forBytes(bytes.subarray(offset + head[0].length), ctx);
    return { num: Number(head[1]), gen: Number(head[2]), obj: parser.parseObject() };
  } catch {
    return null;
  }
}

/** The sections of the update, newest first, following /Prev down to the signed revision. */
function updateSections(bytes: Uint8Array, baseLength: number, changes: RevisionChange[]): { list: XrefEntry[][]; xrefStreams: Set<number> } | null {
  const tail = latin1(bytes, Math.max(0, bytes.length - 1024), bytes.length);
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!sx) {
    changes.push({ kind: 'XREF', detail: 'berkas tidak diakhiri startxref/%%EOF' });
    return null;
  }
  const sections: XrefEntry[][] = [];
  const xrefStreams = new Set<number>();
  let offset = Number(sx[1]);
  for (let guard = 0; offset >= baseLength; guard++) {
    if (guard > 64 || offset >= bytes.length) {
      changes.push({ kind: 'XREF', detail: 'rantai cross-reference tidak valid' });
      return null;
    }
    let entries: XrefEntry[];
    let trailer: string;
    if (latin1(bytes, offset, offset + 4) === 'xref') {
      const end = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf('trailer', offset, 'latin1');
      if (end < 0) {
        changes.push({ kind: 'XREF', detail: 'tabel cross-reference tanpa trailer' });
        return null;
      }
      entries = [];
      const lines = latin1(bytes, offset + 4, end).trim().split(/\r\n|\r|\n/);
      let num = 0;
      for (const line of lines) {
        const sub = /^(\d+)\s+(\d+)\s*$/.exec(line);
        const entry = /^(\d{10})\s(\d{5})\s([nf])/.exec(line);
        if (sub) num = Number(sub[1]);
        else if (entry) entries.push({ num: num++, gen: Number(entry[2]), kind: entry[3] === 'n' ? 'offset' : 'free', at: Number(entry[1]), index: 0 });
      }
      const tail = latin1(bytes, end, end + 4096);
      trailer = tail.slice(0, tail.indexOf('startxref') >= 0 ? tail.indexOf('startxref') : undefined);
    } else {
      const ctx = PDFContext.create();
      const parsed = objectAt(bytes, offset, ctx);
      if (!parsed || !(parsed.obj instanceof PDFRawStream) || parsed.obj.dict.get(PDFName.of('Type'))?.toString() !== '/XRef') {
        changes.push({ kind: 'XREF', detail: `startxref ${offset} tidak menunjuk ke cross-reference` });
        return null;
      }
      entries = PDFXRefStreamParser.forStream(parsed.obj)
        .parseIntoContext()
        .map((e) => ({ num: e.ref.objectNumber, gen: e.ref.generationNumber, kind: e.deleted ? 'free' : e.inObjectStream ? 'compressed' : 'offset', at: e.offset, index: e.ref.generationNumber }));
      // The stream itself is not an object anyone refers to; it describes the others.
      entries = entries.filter((e) => e.num !== parsed.num);
      xrefStreams.add(parsed.num);
      trailer = parsed.obj.dict.toString();
    }
    if (/\/XRefStm/.test(trailer)) {
      changes.push({ kind: 'XREF', detail: 'trailer hibrida (/XRefStm) tidak diterima setelah tanda tangan' });
    }
    sections.push(entries);
    const prev = /\/Prev\s+(\d+)/.exec(trailer);
    if (!prev) {
      changes.push({ kind: 'XREF', detail: 'pembaruan tidak merujuk revisi yang ditandatangani (/Prev hilang)' });
      return null;
    }
    offset = Number(prev[1]);
  }
  return { list: sections, xrefStreams };
}

/** Offsets of the bodies of each object in the signed revision, the last one per number. */
function bodyOffsets(bytes: Uint8Array, from: number, to: number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const s = latin1(bytes, from, to);
  for (const m of s.matchAll(/(?:^|[\r\n\s])(\d+)\s+(\d+)\s+obj\b/g)) {
    const at = from + m.index! + (m[0].length - m[0].trimStart().length);
    const list = out.get(Number(m[1])) ?? [];
    list.push(at);
    out.set(Number(m[1]), list);
  }
  return out;
}

/**
 * Checks that the update's cross-reference entries agree with the bodies pdf-lib read: every entry
 * points at a body of that object inside the update, or at the one it had in the signed revision;
 * no object of the signed revision is freed; no body is appended without an entry.
 */
async function checkXref(bytes: Uint8Array, baseLength: number, after: PDFDocument, changes: RevisionChange[]) {
  const sections = updateSections(bytes, baseLength, changes);
  if (!sections) return;
  const inBase = bodyOffsets(bytes, 0, baseLength);
  const inUpdate = bodyOffsets(bytes, baseLength, bytes.length);
  const declared = new Map<number, XrefEntry>();
  // Newest section first: the newest entry for a number is the one readers use.
  for (const section of sections.list) for (const e of section) if (!declared.has(e.num)) declared.set(e.num, e);

  const ctx = PDFContext.create();
  const streams = new Map<number, PDFContext | null>();
  for (const e of declared.values()) {
    if (e.num === 0 && e.kind === 'free') continue;
    if (e.kind === 'free') {
      if (inBase.has(e.num)) changes.push({ kind: 'XREF', detail: `objek ${e.num} dari revisi yang ditandatangani dihapus` });
      continue;
    }
    let theirs: PDFObject | undefined;
    if (e.kind === 'offset') {
      if (e.at < baseLength) {
        const last = inBase.get(e.num)?.at(-1);
        if (last !== e.at) changes.push({ kind: 'XREF', detail: `objek ${e.num} diarahkan ke byte ${e.at} di revisi yang ditandatangani` });
        continue;
      }
      const parsed = objectAt(bytes, e.at, ctx);
      if (!parsed || parsed.num !== e.num) {
        changes.push({ kind: 'XREF', detail: `entri objek ${e.num} menunjuk ke byte ${e.at}, bukan ke objek itu` });
        continue;
      }
      if (inUpdate.get(e.num)?.at(-1) !== e.at) changes.push({ kind: 'XREF', detail: `objek ${e.num} punya isi lain setelah yang dirujuk cross-reference` });
      theirs = parsed.obj;
    } else {
      // In an object stream: parse that stream on its own and take the object from it.
      if (!streams.has(e.at)) {
        const holder = declared.get(e.at);
        let sctx: PDFContext | null = null;
        if (holder?.kind === 'offset' && holder.at >= baseLength) {
          sctx = PDFContext.create();
          const parsed = objectAt(bytes, holder.at, sctx);
          if (parsed?.obj instanceof PDFRawStream) await PDFObjectStreamParser.forStream(parsed.obj).parseIntoContext().catch(() => (sctx = null));
          else sctx = null;
        }
        streams.set(e.at, sctx);
      }
      theirs = streams.get(e.at)?.lookup(PDFRef.of(e.num, 0));
      if (!theirs) {
        changes.push({ kind: 'XREF', detail: `objek ${e.num} merujuk object stream ${e.at} yang tidak ada di pembaruan` });
        continue;
      }
    }
    const ours = after.context.lookup(PDFRef.of(e.num, e.kind === 'compressed' ? 0 : e.gen));
    const serial = (o: PDFObject | undefined) => (o instanceof PDFStream ? `${o.dict.toString()}${Buffer.from(o.getContents()).toString('latin1')}` : String(o));
    if (serial(ours) !== serial(theirs)) changes.push({ kind: 'XREF', detail: `cross-reference objek ${e.num} menunjuk isi yang berbeda dari yang terbaca` });
  }
  // Every body in the update must be one a section declares (an older section for a body a newer
  // update replaced); a body without an entry is read by pdf-lib and by no reader.
  const everDeclared = new Set(sections.list.flat().filter((e) => e.kind === 'offset').map((e) => `${e.num}@${e.at}`));
  for (const [num, offsets] of inUpdate) {
    if (sections.xrefStreams.has(num)) continue;
    if (offsets.some((at) => !everDeclared.has(`${num}@${at}`))) {
      changes.push({ kind: 'XREF', detail: `objek ${num} ditulis di pembaruan tanpa entri cross-reference yang sesuai` });
    }
  }
}

/**
 * Compares the revision we signed (`signed`, exactly the bytes up to the end of our revision) with
 * the final revision of `upload`, which must start with those bytes.
 */
export async function compareWithSignedRevision(signed: Uint8Array, upload: Uint8Array): Promise<RevisionComparison> {
  const changes: RevisionChange[] = [];
  const additions: string[] = [];
  if (upload.length < signed.length || !Buffer.from(upload.subarray(0, signed.length)).equals(Buffer.from(signed))) {
    throw new RangeError('the upload does not start with the signed revision');
  }
  if (upload.length === signed.length) return { changes, additions };
  let before: PDFDocument;
  let after: PDFDocument;
  try {
    before = await PDFDocument.load(signed, { updateMetadata: false });
    after = await PDFDocument.load(upload, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (err) {
    return { changes: [{ kind: 'UNREADABLE', detail: `pembaruan tidak dapat dibaca: ${(err as Error).message}` }], additions };
  }
  await checkXref(upload, signed.length, after, changes);
  try {
    compareCatalog(before, after, changes);
    comparePages(before, after, changes, additions);
    compareForm(before, after, changes);
  } catch (err) {
    changes.push({ kind: 'UNREADABLE', detail: `struktur dokumen tidak dapat dibandingkan: ${(err as Error).message}` });
  }
  return { changes, additions };
}
