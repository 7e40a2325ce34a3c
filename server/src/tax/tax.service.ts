import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';
import { audit } from '../audit/audit';
import { AppError, badInput } from '../common/errors';
import { t } from '../common/messages';
import type { Clock } from '../common/time';
import { findPage, type ListArgs } from '../graphql/pagination';
import { coretaxFiles, parseNumberRows, type CoretaxSeller } from './coretax';
import { taxPeriod } from './period';
import { TaxInvoice, TaxInvoiceKind, TaxInvoiceStatus } from './tax-invoice.entity';

export interface TaxInvoiceFilterArgs {
  period?: string | null;
  status?: TaxInvoiceStatus[] | null;
  kind?: TaxInvoiceKind | null;
  orderId?: string | null;
  q?: string | null;
}

export function listTaxInvoices(em: EntityManager, filter: TaxInvoiceFilterArgs | undefined, args: ListArgs) {
  const where: FilterQuery<TaxInvoice> = {};
  if (filter?.period) {
    where.period = taxPeriod(filter.period);
  }
  if (filter?.status?.length) where.status = { $in: filter.status };
  if (filter?.kind) where.kind = filter.kind;
  if (filter?.orderId) where.order = filter.orderId;
  if (filter?.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.$or = [{ reference: { $ilike: like } }, { buyerName: { $ilike: like } }, { coretaxNumber: { $ilike: like } }];
  }
  return findPage(em, TaxInvoice, where, args, { invoiceDate: 'invoiceDate', reference: 'reference', status: 'status', vat: 'vat', buyerName: 'buyerName', createdAt: 'createdAt' }, 'reference');
}

/** The seller's identity from configuration; exporting without it would make files Coretax refuses. */
export function sellerFrom(config: { COMPANY_NPWP?: string; COMPANY_NITKU?: string }): CoretaxSeller {
  const tin = (config.COMPANY_NPWP ?? '').replace(/[.\-\s]/g, '');
  if (!/^\d{16}$/.test(tin)) throw new AppError('CONFLICT', t('tax.sellerNpwpMissing'), { setting: 'COMPANY_NPWP' });
  return { tin, idtku: config.COMPANY_NITKU ?? `${tin}000000` };
}

/**
 * The month's tax invoices as Coretax import files (1,000 a file). Drafts become EXPORTED; invoices
 * exported before are written again (a lost file can be made anew) unless `onlyNew`; numbered and
 * cancelled ones never are. Returns the files for download.
 */
export async function exportCoretax(em: EntityManager, actor: AuthUser, clock: Clock, seller: CoretaxSeller, period: string, onlyNew: boolean) {
  taxPeriod(period);
  return em.transactional(async (tx) => {
    const statuses = onlyNew ? [TaxInvoiceStatus.DRAFT] : [TaxInvoiceStatus.DRAFT, TaxInvoiceStatus.EXPORTED];
    const invoices = await tx.find(TaxInvoice, { period, kind: TaxInvoiceKind.NORMAL, status: { $in: statuses } }, { orderBy: { invoiceDate: 'asc', reference: 'asc' } });
    const now = clock.now();
    for (const i of invoices) {
      if (i.status === TaxInvoiceStatus.DRAFT) i.status = TaxInvoiceStatus.EXPORTED;
      i.exportedAt = now;
    }
    const files = coretaxFiles(period, invoices, seller);
    // The audit log points at records by uuid; a period is not one, so the entry hangs on the actor.
    audit(tx, actor, 'tax.coretax.export', { entityType: 'User', entityId: actor.id }, { period, invoices: invoices.length, files: files.length });
    return files;
  });
}

export type ImportRowOutcome = 'NUMBERED' | 'UNCHANGED' | 'ERROR';

export interface ImportRowResult {
  line: number;
  reference: string | null;
  outcome: ImportRowOutcome;
  field: string | null;
  message: string | null;
}

/**
 * Writes the numbers Coretax assigned onto the invoices, row by row: each row is checked on its own
 * (17 digits, a known exported invoice, a number no other invoice holds, not a different number than
 * the one already recorded) and the good rows are written even when others fail. Importing the same
 * file again changes nothing (UNCHANGED).
 */
export async function importCoretaxNumbers(em: EntityManager, actor: AuthUser, clock: Clock, csv: string) {
  const { rows, problems } = parseNumberRows(csv);
  const results: ImportRowResult[] = problems.map((p) => ({ line: p.line, reference: null, outcome: 'ERROR', field: 'columns', message: t('tax.importColumns') }));
  await em.transactional(async (tx) => {
    const byRef = new Map((await tx.find(TaxInvoice, { reference: { $in: rows.map((r) => r.reference) } })).map((i) => [i.reference, i]));
    const byNumber = new Map((await tx.find(TaxInvoice, { coretaxNumber: { $in: rows.map((r) => r.number) } })).map((i) => [i.coretaxNumber!, i]));
    const seen = new Map<string, string>();
    for (const row of rows) {
      const fail = (field: string, key: Parameters<typeof t>[0]) => results.push({ line: row.line, reference: row.reference, outcome: 'ERROR', field, message: t(key, { reference: row.reference }) });
      const invoice = byRef.get(row.reference);
      if (!/^\d{17}$/.test(row.number)) fail('number', 'tax.numberFormat');
      else if (!invoice || invoice.kind !== TaxInvoiceKind.NORMAL) fail('reference', 'tax.unknownReference');
      else if (invoice.coretaxNumber === row.number) results.push({ line: row.line, reference: row.reference, outcome: 'UNCHANGED', field: null, message: null });
      else if (invoice.coretaxNumber) fail('number', 'tax.numberDiffers');
      else if (invoice.status !== TaxInvoiceStatus.EXPORTED) fail('reference', 'tax.notExported');
      else if ((byNumber.get(row.number) && byNumber.get(row.number) !== invoice) || (seen.has(row.number) && seen.get(row.number) !== row.reference)) fail('number', 'tax.numberTaken');
      else {
        invoice.coretaxNumber = row.number;
        invoice.status = TaxInvoiceStatus.NUMBERED;
        invoice.numberedAt = clock.now();
        byNumber.set(row.number, invoice);
        results.push({ line: row.line, reference: row.reference, outcome: 'NUMBERED', field: null, message: null });
      }
      seen.set(row.number, row.reference);
    }
    audit(tx, actor, 'tax.coretax.import', { entityType: 'User', entityId: actor.id }, {
      numbered: results.filter((r) => r.outcome === 'NUMBERED').length,
      errors: results.filter((r) => r.outcome === 'ERROR').length,
    });
  });
  return results.sort((a, b) => a.line - b.line);
}
