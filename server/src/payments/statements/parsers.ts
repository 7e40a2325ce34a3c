import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { Parser as Mt940Parser } from 'mt940js';
import { StatementSource } from './statement-line.entity';

/**
 * Bank statements as exported by Indonesian internet banking, read into credits (money in). Debits,
 * pending lines and the balance trailer are skipped. Each layout is described where it is defined,
 * with the source it follows; layouts vary between a bank's products, so each parser finds its header
 * row by its column names rather than by position, and refuses a file without it (a wrong choice of
 * bank is a clear error, never a silent import of nothing).
 */

export interface StatementCredit {
  /** YYYY-MM-DD, the bank's booking date (WIB). */
  bookedOn: string;
  /** Whole rupiah; a credit with a fraction (interest) is floored and will simply not match. */
  amount: bigint;
  description: string;
  payerName: string | null;
  /** Idempotency: the same statement line always hashes the same, on every import. */
  lineHash: string;
}

export class StatementFormatError extends Error {
  override name = 'StatementFormatError';
}

/**
 * Rupiah from a statement cell: "1,500,000.00" (BCA, Mandiri MCM), "1.500.000,00" (Indonesian
 * locale exports), "1500000" or "1500000.00". The last separator followed by exactly two digits is the
 * decimal mark; every other separator groups thousands.
 */
export function parseStatementAmount(cell: string): bigint | null {
  const text = cell.replace(/^'/, '').replace(/\s|Rp|IDR/gi, '');
  const m = /^(-?)(\d{1,3}(?:([.,])\d{3}(?:\3\d{3})*)?|\d+)(?:([.,])(\d{1,2}))?$/.exec(text);
  // "1.500,000.00": one separator groups thousands, the other marks decimals, never both the same.
  if (!m || (m[3] && m[3] === m[4])) return null;
  return BigInt(m[1] + m[2]!.replace(/[.,]/g, ''));
}

/** "01/12/2026", "01/12/26", "01-12-2026", "2026-12-01", "01/12" (year from the statement period), with an optional time. */
export function parseStatementDate(cell: string, fallbackYear: number | null): string | null {
  const text = cell.replace(/^'/, '').trim().split(/\s+/)[0] ?? '';
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(text);
  if (!m) return null;
  const year = m[3] ? (m[3].length === 2 ? 2000 + +m[3] : +m[3]) : fallbackYear;
  return year === null ? null : valid(year, +m[2]!, +m[1]!);
}

function valid(y: number, mo: number, d: number): string | null {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toUpperCase();

/** Hashes lines; identical lines in one statement (two equal transfers on a day) get their occurrence number. */
function hasher(source: StatementSource, account: string) {
  const seen = new Map<string, number>();
  return (bookedOn: string, amount: bigint, description: string, extra = '') => {
    const key = `${source}|${account}|${bookedOn}|${amount}|${normalise(description)}|${extra}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return createHash('sha256').update(`${key}|${n}`).digest('hex');
  };
}

/**
 * The sender's name as the bank writes it in the description, when it does. BCA: "TRSF E-BANKING CR
 * 0112/FTSCY/WS95031 700123.00 BUDI SANTOSO" (name after the amount); others "... DARI BUDI SANTOSO".
 */
export function payerNameOf(description: string): string | null {
  const text = normalise(description);
  const afterAmount = /\d[\d,.]*\.\d{2} ([A-Z][A-Z .']{2,})$/.exec(text);
  if (afterAmount) return afterAmount[1]!.trim().slice(0, 120);
  const dari = /\b(?:DARI|FROM|AN\.?|A\/N) ([A-Z][A-Z .']{2,})$/.exec(text);
  return dari ? dari[1]!.trim().slice(0, 120) : null;
}

interface CsvLayout {
  source: StatementSource;
  /** Header cells that identify the layout (case-insensitive, trimmed). */
  header: string[];
  date: string;
  description: string[];
  /** Either a credit column, or an amount column with a debit/credit flag column. */
  credit?: string;
  amount?: string;
  flag?: { column: string; credit: RegExp };
  /** Column whose value makes the line unique beyond date, amount and text (a bank reference). */
  reference?: string;
}

/**
 * KlikBCA (Individu and Bisnis) "Mutasi Rekening" download: a preamble ("No. rekening : ...",
 * "Periode : dd/mm/yyyy - dd/mm/yyyy"), then `Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo`, the
 * unnamed column being CR/DB; dates 'dd/mm (the quote is BCA's, to stop spreadsheets reformatting),
 * "PEND" for lines not yet booked; a trailer of Saldo Awal / Mutasi Kredit / Mutasi Debet / Saldo Akhir.
 * Follows the layout as published parsers of the export read it (e.g. github.com/ThePrime-Sushimas/suryamas
 * "BCA Personal/Bisnis" CSV); not confirmed against a BCA specification, which BCA does not publish.
 */
const BCA: CsvLayout = {
  source: StatementSource.BCA,
  header: ['tanggal transaksi', 'keterangan', 'cabang', 'jumlah'],
  date: 'tanggal transaksi',
  description: ['keterangan'],
  amount: 'jumlah',
  flag: { column: '#5', credit: /^CR$/i },
};

/**
 * Mandiri Cash Management (MCM) "Account Statement" CSV: `Account No,Date,Val. Date,Transaction Code,
 * Description,Description,Reference No.,Debit,Credit`; dates dd/mm/yy, amounts 1,500,000.00.
 * Follows the MCM export as Indonesian accounting importers map it (github.com/astonsistem/simpra-prime-vue
 * docs/IMPORT_BANK_PILIHAN.md lists the Livin' variant: Tgl., Tgl. Val., Rincian Transaksi, No. Referensi,
 * Debit, Kredit, Saldo, which the second layout below reads). Unconfirmed against a Mandiri specification.
 */
const MANDIRI_MCM: CsvLayout = {
  source: StatementSource.MANDIRI,
  header: ['account no', 'date', 'description', 'debit', 'credit'],
  date: 'date',
  description: ['description', 'description#2'],
  credit: 'credit',
  reference: 'reference no.',
};
const MANDIRI_LIVIN: CsvLayout = {
  source: StatementSource.MANDIRI,
  header: ['tgl.', 'rincian transaksi', 'debit', 'kredit'],
  date: 'tgl.',
  description: ['rincian transaksi'],
  credit: 'kredit',
  reference: 'no. referensi',
};

/**
 * BNIDirect "Account Statement" CSV: `Post Date,Value Date,Branch,Journal No.,Description,Amount,Db/Cr,
 * Balance` with Db/Cr "C"/"D" and dates dd/mm/yyyy hh.mm.ss. Column names as BNIDirect shows them in
 * its statement inquiry; unconfirmed against a BNI specification (BNI publishes none for the export).
 */
const BNI: CsvLayout = {
  source: StatementSource.BNI,
  header: ['post date', 'description', 'amount', 'db/cr'],
  date: 'post date',
  description: ['description'],
  amount: 'amount',
  flag: { column: 'db/cr', credit: /^(C|CR|K)$/i },
  reference: 'journal no.',
};

/**
 * BRI internet banking (IBBIZ / CMS) "Mutasi Rekening" CSV: `Tanggal Transaksi,Uraian Transaksi,Teller,
 * Debet,Kredit,Saldo`, dates dd/mm/yy with time, amounts 1,500,000.00 or 1.500.000,00. The column
 * names follow BRI's own statement screen (and BRIAPI's account statement, whose fields are tanggalTran,
 * deskripsiTran, mutasiDebet, mutasiKredit); unconfirmed against a BRI specification of the export.
 */
const BRI: CsvLayout = {
  source: StatementSource.BRI,
  header: ['tanggal transaksi', 'uraian transaksi', 'debet', 'kredit'],
  date: 'tanggal transaksi',
  description: ['uraian transaksi'],
  credit: 'kredit',
  reference: 'teller',
};

const LAYOUTS: Record<Exclude<StatementSource, 'MT940' | 'WEBHOOK'>, CsvLayout[]> = {
  BCA: [BCA],
  MANDIRI: [MANDIRI_MCM, MANDIRI_LIVIN],
  BNI: [BNI],
  BRI: [BRI],
};

function readCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim()) ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parseCsv(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    throw new StatementFormatError(`not a readable CSV file (${(err as Error).message})`);
  }
}

/** Column names of a header row, repeated names numbered ("description#2"), unnamed ones by position ("#5"). */
function columns(header: string[]): Map<string, number> {
  const map = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = cell.trim().toLowerCase();
    if (!name) return void map.set(`#${i + 1}`, i);
    let key = name;
    for (let n = 2; map.has(key); n++) key = `${name}#${n}`;
    map.set(key, i);
  });
  return map;
}

function parseLayoutCsv(source: StatementSource, text: string): StatementCredit[] {
  const rows = readCsv(text);
  for (const layout of LAYOUTS[source as keyof typeof LAYOUTS]) {
    const headerIndex = rows.findIndex((r) => {
      const names = r.map((c) => c.trim().toLowerCase());
      return layout.header.every((h) => names.includes(h));
    });
    if (headerIndex < 0) continue;
    const preamble = rows.slice(0, headerIndex).map((r) => r.join(' '));
    const account = preamble.map((l) => /rek(?:ening)?\.?\s*:?\s*([\d-]{6,})/i.exec(l)?.[1]).find(Boolean) ?? '';
    const periodYear = preamble.map((l) => /periode.*?(\d{4})/i.exec(l)?.[1]).find(Boolean);
    const col = columns(rows[headerIndex]!);
    const cell = (row: string[], name: string) => (col.has(name) ? (row[col.get(name)!] ?? '') : '');
    const hash = hasher(source, account);
    const credits: StatementCredit[] = [];
    for (const row of rows.slice(headerIndex + 1)) {
      const bookedOn = parseStatementDate(cell(row, layout.date), periodYear ? +periodYear : null);
      // PEND, the balance trailer, page footers: not booked lines.
      if (!bookedOn) continue;
      let amount: bigint | null;
      if (layout.credit) {
        amount = parseStatementAmount(cell(row, layout.credit));
      } else {
        if (!layout.flag!.credit.test(cell(row, layout.flag!.column).trim())) continue;
        amount = parseStatementAmount(cell(row, layout.amount!));
      }
      if (amount === null || amount <= 0n) continue;
      const description = layout.description.map((d) => cell(row, d)).filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
      credits.push({ bookedOn, amount, description, payerName: payerNameOf(description), lineHash: hash(bookedOn, amount, description, layout.reference ? cell(row, layout.reference) : '') });
    }
    return credits;
  }
  throw new StatementFormatError(`no ${source} statement header (expected columns: ${LAYOUTS[source as keyof typeof LAYOUTS].map((l) => l.header.join(', ')).join(' or ')})`);
}

/** SWIFT MT940 (BCA, Mandiri, BNI and BRI all offer it for corporate accounts), read by mt940js. */
function parseMt940(text: string): StatementCredit[] {
  let statements;
  try {
    statements = new Mt940Parser().parse(text);
  } catch (err) {
    throw new StatementFormatError(`not a valid MT940 statement (${(err as Error).message})`);
  }
  if (!statements.length) throw new StatementFormatError('no MT940 statement in the file');
  const credits: StatementCredit[] = [];
  for (const s of statements) {
    const hash = hasher(StatementSource.MT940, s.accountIdentification ?? '');
    for (const tx of s.transactions) {
      if (tx.amount <= 0 || tx.isReversal) continue;
      const bookedOn = (tx.entryDate ?? tx.date).toISOString().slice(0, 10);
      const amount = BigInt(Math.floor(Math.round(tx.amount * 100) / 100));
      const description = [tx.details, tx.extraDetails].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
      credits.push({ bookedOn, amount, description, payerName: payerNameOf(description), lineHash: hash(bookedOn, amount, description, `${tx.reference ?? ''}|${tx.bankReference ?? ''}`) });
    }
  }
  return credits;
}

export function parseStatement(source: StatementSource, text: string): StatementCredit[] {
  if (source === StatementSource.WEBHOOK) throw new StatementFormatError('statement-service lines arrive through the webhook, not as a file');
  return source === StatementSource.MT940 ? parseMt940(text) : parseLayoutCsv(source, text);
}

/** A statement-service line (its own id is the idempotency key). */
export function webhookCredit(line: { id: string; date: string; amount: string | number; description: string; payerName?: string | null }): StatementCredit | null {
  const bookedOn = parseStatementDate(line.date, null);
  const amount = typeof line.amount === 'number' ? (Number.isSafeInteger(line.amount) ? BigInt(line.amount) : null) : parseStatementAmount(line.amount);
  if (!bookedOn || amount === null || amount <= 0n || !line.id) return null;
  return {
    bookedOn,
    amount,
    description: line.description.slice(0, 1000),
    payerName: line.payerName?.slice(0, 120) ?? payerNameOf(line.description),
    lineHash: createHash('sha256').update(`WEBHOOK|${line.id}`).digest('hex'),
  };
}
