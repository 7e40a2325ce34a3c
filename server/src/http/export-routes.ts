import { Router } from 'express';
import { requirePermission } from '../accounts/access';
import { badInput } from '../common/errors';
import { todayJakarta } from '../common/time';
import type { AppServices } from '../app/services';
import { summarize } from '../installments/summary';
import { Installment } from '../installments/installment.entity';
import { Order } from '../orders/order.entity';
import { Payment } from '../payments/payment.entity';
import { httpUser, sendError } from './auth';
import { csvRow } from './csv';

const BATCH = 500;
const dateParam = (value: unknown, field: string) => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw badInput(field, 'validation.date');
  return value;
};

/**
 * Staff CSV exports for spreadsheets and accounting, streamed in batches so a large book never sits
 * in memory at once. Amounts are whole rupiah; times are ISO 8601 (UTC), dates Asia/Jakarta.
 */
export function exportRoutes(services: AppServices): Router {
  const router = Router();

  router.get('/exports/orders.csv', async (req, res) => {
    const em = services.orm.em.fork();
    try {
      requirePermission(await httpUser(req, em, services), 'staff.console');
      const from = dateParam(req.query.from, 'from');
      const to = dateParam(req.query.to, 'to');
      const where = { ...(from || to ? { startDate: { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) } } : {}) };
      const today = todayJakarta(services.clock);
      res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="pesanan-${today}.csv"` });
      res.write('\ufeff' + csvRow(['number', 'status', 'customer_name', 'customer_phone', 'customer_email', 'start_date', 'total_price', 'paid', 'outstanding', 'arrears', 'installments_paid', 'installments_remaining', 'next_due_date', 'created_at']));
      for (let offset = 0; ; offset += BATCH) {
        const orders = await em.find(Order, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: BATCH, offset });
        if (!orders.length) break;
        const installments = await em.find(Installment, { order: { $in: orders.map((o) => o.id) } });
        for (const o of orders) {
          const s = summarize(installments.filter((i) => i.order.id === o.id), today);
          res.write(csvRow([o.number, o.status, o.customerName, o.customerPhone, o.customerEmail, o.startDate, o.totalPrice, s.paidAmount, s.outstandingAmount, s.arrearsAmount, s.paidCount, s.remainingCount, s.nextDue?.dueDate, o.createdAt]));
        }
        em.clear();
      }
      res.end();
    } catch (err) {
      if (res.headersSent) return void res.end();
      sendError(res, err, services);
    }
  });

  router.get('/exports/payments.csv', async (req, res) => {
    const em = services.orm.em.fork();
    try {
      requirePermission(await httpUser(req, em, services), 'staff.console');
      res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="pembayaran-${todayJakarta(services.clock)}.csv"` });
      res.write('\ufeff' + csvRow(['reference', 'order_number', 'status', 'method', 'kind', 'provider', 'provider_reference', 'amount', 'created_at', 'settled_at', 'verified_at', 'rejection_reason']));
      for (let offset = 0; ; offset += BATCH) {
        const payments = await em.find(Payment, {}, { populate: ['order'], orderBy: { createdAt: 'asc', id: 'asc' }, limit: BATCH, offset });
        if (!payments.length) break;
        for (const p of payments) {
          res.write(csvRow([p.reference, p.order.$.number, p.status, p.method, p.kind, p.provider, p.providerReference, p.amount, p.createdAt, p.settledAt, p.verifiedAt, p.rejectionReason]));
        }
        em.clear();
      }
      res.end();
    } catch (err) {
      if (res.headersSent) return void res.end();
      sendError(res, err, services);
    }
  });
  return router;
}
