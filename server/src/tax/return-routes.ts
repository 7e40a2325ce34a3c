import { Router } from 'express';
import { requirePermission } from '../accounts/access';
import { badInput } from '../common/errors';
import type { AppServices } from '../app/services';
import { httpUser, sendError } from '../http/auth';
import { csvRow } from '../http/csv';
import { TaxInvoice, TaxInvoiceKind } from './tax-invoice.entity';

/**
 * RETURN records (nota pembatalan for refunded services) of a month, for FINANCE to enter in Coretax.
 * Coretax publishes no seller-side XML import for them: its return import ("Retur Faktur Pajak
 * Masukan", DJP converter v1.5) is the buyer's document (PMK 81/2024 art. 288), and the seller cancels
 * or corrects its own invoice in the Coretax portal. So this is a CSV with what that screen asks for:
 * the original invoice's Coretax number and date, the buyer, and the returned DPP, DPP nilai lain and PPN.
 */
export function taxReturnRoutes(services: AppServices): Router {
  const router = Router();
  router.get('/exports/tax-returns.csv', async (req, res) => {
    const em = services.orm.em.fork();
    try {
      requirePermission(await httpUser(req, em, services), 'tax.manage');
      const period = req.query.period;
      if (typeof period !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw badInput('period', 'tax.period');
      const returns = await em.find(TaxInvoice, { kind: TaxInvoiceKind.RETURN, period }, { populate: ['original', 'order'], orderBy: { reference: 'asc' } });
      res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="retur-${period}.csv"` });
      res.send('\ufeff' + csvRow(['reference', 'date', 'original_reference', 'original_coretax_number', 'original_date', 'order_number', 'buyer_tin', 'buyer_idtku', 'buyer_name', 'tax_base', 'other_tax_base', 'vat_rate_bps', 'vat', 'description'])
        + returns.map((r) => csvRow([r.reference, r.invoiceDate, r.original?.$.reference, r.original?.$.coretaxNumber, r.original?.$.invoiceDate, r.order.$.number, r.buyerTin, r.buyerIdtku, r.buyerName, r.taxBase, r.otherTaxBase, r.vatRateBps, r.vat, r.description])).join(''));
    } catch (err) {
      sendError(res, err, services);
    }
  });
  return router;
}
