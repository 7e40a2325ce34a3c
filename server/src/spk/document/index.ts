import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { formatRupiah } from '../../money/rupiah';
import { CLOSING } from './clauses';
import { embedFonts } from './fonts';
import { drawFooters } from './footer';
import { formatTanggal, jakartaMidnight } from './format';
import { Flow } from './layout';
import * as sections from './sections';
import { drawSignatureBlock } from './signatures';
import type { RenderedSpk, SpkDocumentData } from './types';

export type { Box, RenderedSpk, SpkDocumentData } from './types';

const sum = (values: bigint[]) => values.reduce((s, v) => s + v, 0n);

/**
 * A contract whose figures do not add up must not be printed: these are the identities the order
 * module guarantees (schedule.ts), checked again here because the document is what the customer signs.
 */
function assertConsistent(d: SpkDocumentData) {
  const o = d.order;
  const problems: string[] = [];
  if (!/^[A-Z0-9-]+$/.test(d.documentCode)) problems.push(`documentCode ${d.documentCode} must be A-Z, 0-9 and '-'`);
  if (!Number.isInteger(d.version) || d.version < 1) problems.push(`version ${d.version} must be a positive integer`);
  if (d.items.length === 0) problems.push('the order has no items');
  if (d.installments.length === 0) problems.push('the schedule is empty');
  const scheduled = sum(d.installments.map((i) => i.amount));
  if (scheduled !== o.totalPrice) problems.push(`installments add up to ${formatRupiah(scheduled)}, not the total ${formatRupiah(o.totalPrice)}`);
  const composed = o.cashPrice + o.setupFee + o.adminFee + o.marginAmount + (o.vatAdded ?? 0n) + (o.lateFeesCarried ?? 0n) + (o.stampDuty ?? 0n);
  if (composed !== o.totalPrice) problems.push(`cash price + setup + admin + margin = ${formatRupiah(composed)}, not the total ${formatRupiah(o.totalPrice)}`);
  const itemsCash = sum(d.items.map((i) => i.cashPrice));
  if (itemsCash !== o.cashPrice) problems.push(`items' cash prices add up to ${formatRupiah(itemsCash)}, not ${formatRupiah(o.cashPrice)}`);
  const itemsSetup = sum(d.items.map((i) => i.setupFee));
  if (itemsSetup !== o.setupFee) problems.push(`items' setup fees add up to ${formatRupiah(itemsSetup)}, not ${formatRupiah(o.setupFee)}`);
  if (problems.length) throw new RangeError(`SPK ${d.number}: ${problems.join('; ')}`);
}

/**
 * Renders one version of an SPK as an A4 PDF in Bahasa Indonesia. Pure: no clock, no randomness
 * (pdf-lib's name suffixes come from a fixed-seed generator, dates come from `date`), so the same
 * data gives the same bytes and the SHA-256 identifies a version.
 */
export async function renderSpkPdf(data: SpkDocumentData): Promise<RenderedSpk> {
  assertConsistent(data);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const created = jakartaMidnight(data.date);
  doc.setTitle(`Surat Perjanjian Kerjasama ${data.number} (Versi ${data.version})`);
  doc.setSubject(`Kode dokumen ${data.documentCode}`);
  doc.setAuthor(data.provider.companyName);
  doc.setKeywords(['SPK', data.number, data.documentCode]);
  doc.setLanguage('id-ID');
  doc.setProducer('Angsur');
  doc.setCreator('Angsur');
  doc.setCreationDate(created);
  doc.setModificationDate(created);

  const fonts = await embedFonts(doc, ['regular', 'bold', 'italic'] as const);
  const flow = new Flow(doc, fonts, sections.continuationHeader(data));
  sections.letterhead(flow, data);
  sections.title(flow, data);
  sections.parties(flow, data);
  sections.objek(flow, data);
  sections.jangkaWaktu(flow, data);
  sections.harga(flow, data);
  sections.textClauses(flow, data);
  const boxes = drawSignatureBlock(flow, data, { closing: CLOSING, dateLine: `Dibuat di ${data.city}, pada tanggal ${formatTanggal(data.date)}` });
  await drawFooters(doc, flow.pages, fonts, data);

  // Classic cross-reference table, no object streams: the signature placeholder and later incremental
  // updates (the customer's signature) are easiest for every tool to handle that way.
  // updateFieldAppearances: false, or pdf-lib adds an empty AcroForm to a document that has no fields.
  const bytes = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return {
    bytes,
    pageCount: flow.pages.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...boxes,
  };
}
