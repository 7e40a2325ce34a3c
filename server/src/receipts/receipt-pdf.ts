import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatDateID } from '../common/time';
import { formatRupiah } from '../money/rupiah';
import { terbilangRupiah } from '../money/terbilang';
import type { StampBox } from '../spk/stamp-duty';

/** What a kwitansi shows; built from the payment, its allocations and the configuration (receipts.ts). */
export interface ReceiptDocument {
  number: string;
  /** YYYY-MM-DD in Asia/Jakarta: the day the payment settled. */
  date: string;
  company: { name: string; address: string; phone: string; email: string; npwp: string | null; city: string; primaryColor: string };
  payer: { name: string; address: string | null };
  orderNumber: string;
  amount: bigint;
  /** What the money paid, from the payment's allocations: "Angsuran ke-2", "Denda keterlambatan angsuran ke-2". */
  lines: { label: string; amount: bigint }[];
  method: string;
  reference: string;
  /** The VAT inside the installments paid (vat.ts, prices including VAT); null when the order has none. */
  vat: { taxBase: bigint; otherTaxBase: bigint; vat: bigint } | null;
  signer: { name: string; title: string };
  /** Leave room for the e-Meterai (amounts above RECEIPT_STAMP_THRESHOLD). */
  stamp: boolean;
}

export interface RenderedReceipt {
  bytes: Uint8Array;
  /** Where the e-Meterai goes, beside the signature (as on a paper kwitansi). */
  stampBox: StampBox;
  /** Where the company's visible electronic signature goes, right of the e-Meterai. */
  signatureBox: StampBox;
}

const METHOD_LABEL: Record<string, string> = {
  BANK_TRANSFER: 'Transfer bank / Bank transfer',
  GATEWAY: 'Pembayaran online / Online payment',
  QRIS: 'QRIS',
  VIRTUAL_ACCOUNT: 'Virtual account',
};

function hexColor(hex: string) {
  const n = Number.parseInt(hex.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

/** Words of `text` in lines no wider than `width` (the amount in words can be long). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    const next = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(next, size) > width) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

/** Standard fonts encode WinAnsi only: anything else (a customer's name in another script) becomes "?". */
const ansi = (s: string) => s.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

/** One A5-landscape page: letterhead, the receipt's facts, what it paid, the signature (and the e-Meterai's place). */
export async function renderReceiptPdf(doc: ReceiptDocument): Promise<RenderedReceipt> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Kwitansi ${doc.number}`);
  pdf.setAuthor(doc.company.name);
  pdf.setCreationDate(new Date(`${doc.date}T00:00:00+07:00`));
  pdf.setModificationDate(new Date(`${doc.date}T00:00:00+07:00`));
  const page: PDFPage = pdf.addPage([595.28, 419.53]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const brand = hexColor(doc.company.primaryColor);
  const grey = rgb(0.3, 0.3, 0.3);
  const left = 36;
  const right = page.getWidth() - 36;
  let y = page.getHeight() - 40;
  const text = (s: string, x: number, at: number, size = 9, font = regular, color = rgb(0, 0, 0)) => page.drawText(ansi(s), { x, y: at, size, font, color });
  const rightText = (s: string, at: number, size = 9, font = regular) => text(s, right - font.widthOfTextAtSize(ansi(s), size), at, size, font);

  text(doc.company.name, left, y, 14, bold, brand);
  rightText('KWITANSI / RECEIPT', y, 14, bold);
  y -= 13;
  text(doc.company.address, left, y, 8, regular, grey);
  rightText(`No. ${doc.number}`, y, 10, bold);
  y -= 11;
  text([doc.company.phone, doc.company.email, doc.company.npwp ? `NPWP ${doc.company.npwp}` : null].filter(Boolean).join('  |  '), left, y, 8, regular, grey);
  y -= 8;
  page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: 1.2, color: brand });
  y -= 20;

  const labelX = left;
  const valueX = left + 150;
  const field = (label: string, value: string, font = regular) => {
    text(label, labelX, y, 9, regular, grey);
    for (const l of wrap(ansi(value), font, 10, right - valueX)) {
      text(l, valueX, y, 10, font);
      y -= 13;
    }
    y -= 2;
  };
  field('Telah terima dari / Received from', [doc.payer.name, doc.payer.address].filter(Boolean).join(', '), bold);
  field('Uang sejumlah / The sum of', `${terbilangRupiah(doc.amount)}`.replace(/^./, (c) => c.toUpperCase()), bold);
  field('Untuk pembayaran / For', `Pesanan ${doc.orderNumber}: ${doc.lines.map((l) => `${l.label} ${formatRupiah(l.amount)}`).join('; ') || '-'}`);
  field('Metode / Method', `${METHOD_LABEL[doc.method] ?? doc.method}, ref. ${doc.reference}`);
  if (doc.vat) {
    field('Termasuk PPN / VAT included', `DPP ${formatRupiah(doc.vat.taxBase)}; DPP nilai lain ${formatRupiah(doc.vat.otherTaxBase)}; PPN ${formatRupiah(doc.vat.vat)}`);
  }

  // The amount in figures, boxed as on a paper kwitansi.
  const boxY = 70;
  const amountText = formatRupiah(doc.amount);
  page.drawRectangle({ x: left, y: boxY, width: bold.widthOfTextAtSize(amountText, 16) + 24, height: 30, borderColor: brand, borderWidth: 1.2 });
  text(amountText, left + 12, boxY + 10, 16, bold);

  // Signature block, bottom right: city and date, the e-Meterai's place, the signer.
  const sigX = right - 170;
  text(`${doc.company.city}, ${formatDateID(doc.date)}`, sigX, 150, 9);
  text(doc.company.name, sigX, 138, 9, bold);
  const stampBox: StampBox = { page: 0, x: sigX, y: 66, width: 64, height: 64 };
  if (doc.stamp) text('e-Meterai', sigX + 14, 96, 7, regular, grey);
  text(doc.signer.name, sigX, 52, 10, bold);
  page.drawLine({ start: { x: sigX, y: 49 }, end: { x: right, y: 49 }, thickness: 0.5 });
  text(doc.signer.title, sigX, 38, 9);
  text('Kwitansi ini dibuat secara elektronik. / This receipt was made electronically.', left, 22, 7, regular, grey);
  const signatureBox: StampBox = { page: 0, x: sigX + 68, y: 58, width: right - sigX - 68, height: 74 };
  return { bytes: await pdf.save({ useObjectStreams: false }), stampBox, signatureBox };
}
