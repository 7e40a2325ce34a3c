/**
 * Coretax e-Faktur import format (DJP, "TaxInvoiceBulk" XML template for Faktur Pajak Keluaran, with
 * the Excel converter at pajak.go.id/reformdjp/coretax): one <TaxInvoice> per installment, a single
 * service line each. Elements appear in the template's order; Coretax takes up to 1,000 invoices per
 * file, so a month with more is written as several files.
 */
export const CORETAX_MAX_PER_FILE = 1_000;

export interface CoretaxSeller {
  /** NPWP of the seller, 16 digits. */
  tin: string;
  /** NITKU of the seller's place of business, 22 digits. */
  idtku: string;
}

export interface CoretaxInvoice {
  reference: string;
  invoiceDate: string;
  trxCode: string;
  buyerTin: string;
  buyerIdtku: string | null;
  buyerName: string;
  buyerAddress: string;
  buyerEmail: string | null;
  description: string;
  taxBase: bigint;
  otherTaxBase: bigint;
  vatRateBps: number;
  vat: bigint;
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 has no place for control characters (a pasted address can carry them).
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ' ');

const el = (name: string, value: string | null, indent: string) => (value === null || value === '' ? `${indent}<${name}/>` : `${indent}<${name}>${escapeXml(value)}</${name}>`);

/** Basis points as the percentage Coretax writes (1200 → "12", 1150 → "11.5"). */
const percent = (bps: number) => (bps % 100 === 0 ? String(bps / 100) : (bps / 100).toFixed(2).replace(/0$/, ''));

/** Coretax's service code for "other services" and its unit code for "lainnya" (others). */
const SERVICE_CODE = '000000';
const UNIT_OTHERS = 'UM.0033';

function invoiceXml(i: CoretaxInvoice, seller: CoretaxSeller): string {
  const a = '      ';
  const g = '          ';
  return [
    '    <TaxInvoice>',
    el('TaxInvoiceDate', i.invoiceDate, a),
    el('TaxInvoiceOpt', 'Normal', a),
    el('TrxCode', i.trxCode, a),
    el('AddInfo', null, a),
    el('CustomDoc', null, a),
    el('CustomDocMonthYear', null, a),
    el('RefDesc', i.reference, a),
    el('FacilityStamp', null, a),
    el('SellerIDTKU', seller.idtku, a),
    el('BuyerTin', i.buyerTin, a),
    el('BuyerDocument', 'TIN', a),
    el('BuyerCountry', 'IDN', a),
    el('BuyerDocumentNumber', null, a),
    el('BuyerName', i.buyerName, a),
    // Sic: the template spells it "Adress".
    el('BuyerAdress', i.buyerAddress, a),
    el('BuyerEmail', i.buyerEmail, a),
    el('BuyerIDTKU', i.buyerIdtku ?? `${i.buyerTin}000000`, a),
    '      <ListOfGoodService>',
    '        <GoodService>',
    el('Opt', 'B', g), // B = jasa (services); hosting is a service
    el('Code', SERVICE_CODE, g),
    el('Name', i.description, g),
    el('Unit', UNIT_OTHERS, g),
    el('Price', i.taxBase.toString(), g),
    el('Qty', '1', g),
    el('TotalDiscount', '0', g),
    el('TaxBase', i.taxBase.toString(), g),
    el('OtherTaxBase', i.otherTaxBase.toString(), g),
    el('VATRate', percent(i.vatRateBps), g),
    el('VAT', i.vat.toString(), g),
    el('STLGRate', '0', g),
    el('STLG', '0', g),
    '        </GoodService>',
    '      </ListOfGoodService>',
    '    </TaxInvoice>',
  ].join('\n');
}

export function coretaxXml(invoices: CoretaxInvoice[], seller: CoretaxSeller): string {
  if (invoices.length > CORETAX_MAX_PER_FILE) throw new RangeError(`at most ${CORETAX_MAX_PER_FILE} invoices per file`);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<TaxInvoiceBulk xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="TaxInvoice.xsd">',
    el('TIN', seller.tin, '  '),
    '  <ListOfTaxInvoice>',
    ...invoices.map((i) => invoiceXml(i, seller)),
    '  </ListOfTaxInvoice>',
    '</TaxInvoiceBulk>',
    '',
  ].join('\n');
}

/** One file per 1,000 invoices, named by period and part: coretax-2026-12-1.xml, -2.xml… */
export function coretaxFiles(period: string, invoices: CoretaxInvoice[], seller: CoretaxSeller) {
  const files: { fileName: string; count: number; xml: string }[] = [];
  for (let start = 0; start < invoices.length; start += CORETAX_MAX_PER_FILE) {
    const part = invoices.slice(start, start + CORETAX_MAX_PER_FILE);
    files.push({ fileName: `coretax-${period}-${files.length + 1}.xml`, count: part.length, xml: coretaxXml(part, seller) });
  }
  return files;
}

export interface NumberRow {
  /** 1-based line in the file (the header, when present, is line 1). */
  line: number;
  reference: string;
  number: string;
}

/**
 * Reads the numbers Coretax assigned, as exported from Coretax's list of output invoices and saved as
 * CSV: one row per invoice with our reference (RefDesc) and the 17-digit Nomor Faktur Pajak, separated
 * by a comma, semicolon or tab, in either order; a header row is allowed. Digits may be written with
 * the usual separators (dots, dashes, spaces).
 */
export function parseNumberRows(text: string): { rows: NumberRow[]; problems: { line: number; problem: 'columns' }[] } {
  const rows: NumberRow[] = [];
  const problems: { line: number; problem: 'columns' }[] = [];
  text.split(/\r?\n/).forEach((raw, idx) => {
    const line = idx + 1;
    if (!raw.trim()) return;
    const cells = raw.split(/[,;\t]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
    const ref = cells.find((c) => /^(FP|RT)-\d{6}-\d{6}$/i.test(c));
    const num = cells.find((c) => c !== ref && /^[\d.\-\s]+$/.test(c) && /\d/.test(c));
    if (!ref && !num && line === 1) return; // a header row
    if (!ref || num === undefined || cells.filter(Boolean).length < 2) {
      problems.push({ line, problem: 'columns' });
      return;
    }
    rows.push({ line, reference: ref.toUpperCase(), number: num.replace(/[.\-\s]/g, '') });
  });
  return { rows, problems };
}
