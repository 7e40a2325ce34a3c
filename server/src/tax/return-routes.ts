import { Router, type Request } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requirePermission } from '../accounts/access';
import { badInput } from '../common/errors';
import type { AppServices } from '../app/services';
import { httpUser, sendError } from '../http/auth';
import { csvRow } from '../http/csv';
import { taxPeriod } from './period';
import { stampDutyReport } from './stamp-ledger';
import { TaxInvoice, TaxInvoiceKind } from './tax-invoice.entity';

/** A FINANCE CSV of one month (`?period=YYYY-MM`): the body comes from `rows`, the file is named `<name>-<period>.csv`. */
function monthCsv(router: Router, services: AppServices, path: string, name: string, rows: (em: EntityManager, period: string) => Promise<unknown[][]>) {
  router.get(path, async (req: Request, res) => {
    const em = services.orm.em.fork();
    try {
      requirePermission(await httpUser(req, em, services), 'tax.manage');
      const period = taxPeriod(req.query.period);
      const body = (await rows(em, period)).map(csvRow).join('');
      res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}-${period}.csv"` });
      res.send('\ufeff' + body);
    } catch (err) {
      sendError(res, err, services);
    }
  });
}

/**
 * RETURN records (nota pembatalan for refunded services) of a month, for FINANCE to enter in Coretax.
 * Coretax publishes no seller-side XML import for them: its return import ("Retur Faktur Pajak
 * Masukan", DJP converter v1.5) is the buyer's document (PMK 81/2024 art. 288), and the seller cancels
 * or corrects its own invoice in the Coretax portal. So this is a CSV with what that screen asks for:
 * the original invoice's Coretax number and date, the buyer, and the returned DPP, DPP nilai lain and PPN.
 *
 * And the month's stamp-duty report (stamp-ledger.ts): one row per document kind and bearer, the total,
 * then the quota's opening, purchased, used and closing counts (what the accountant files for Bea Meterai).
 */
export function taxReturnRoutes(services: AppServices): Router {
  const router = Router();
  monthCsv(router, services, '/exports/tax-returns.csv', 'retur', async (em, period) => {
    const returns = await em.find(TaxInvoice, { kind: TaxInvoiceKind.RETURN, period }, { populate: ['original', 'order'], orderBy: { reference: 'asc' } });
    return [
      ['reference', 'date', 'original_reference', 'original_coretax_number', 'original_date', 'order_number', 'buyer_tin', 'buyer_idtku', 'buyer_name', 'tax_base', 'other_tax_base', 'vat_rate_bps', 'vat', 'description'],
      ...returns.map((r) => [r.reference, r.invoiceDate, r.original?.$.reference, r.original?.$.coretaxNumber, r.original?.$.invoiceDate, r.order.$.number, r.buyerTin, r.buyerIdtku, r.buyerName, r.taxBase, r.otherTaxBase, r.vatRateBps, r.vat, r.description]),
    ];
  });
  monthCsv(router, services, '/exports/stamp-duty.csv', 'bea-meterai', async (em, period) => {
    const r = await stampDutyReport(em, services.config, period);
    return [
      ['month', 'item', 'document_kind', 'borne_by', 'stamps', 'amount'],
      ...r.lines.map((l) => [r.month, 'used', l.documentKind, l.borneBy, l.stamps, l.amount]),
      [r.month, 'used_total', null, null, r.stamps, r.amount],
      [r.month, 'quota_opening', null, null, r.quotaOpening, null],
      [r.month, 'quota_purchased', null, null, r.quotaPurchased, r.purchaseCost],
      [r.month, 'quota_used', null, null, r.quotaUsed, null],
      [r.month, 'quota_closing', null, null, r.quotaClosing, null],
    ];
  });
  return router;
}
