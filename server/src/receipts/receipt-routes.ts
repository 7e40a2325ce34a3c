import { Router } from 'express';
import { accessRecord } from '../accounts/access';
import type { AppServices } from '../app/services';
import { AppError } from '../common/errors';
import { t } from '../common/messages';
import { httpUser, sendError } from '../http/auth';
import { Receipt, ReceiptStatus } from './receipt.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The kwitansi of a settled payment as PDF: staff any, the customer only their own (another
 * customer's, like a payment without a receipt, is NOT_FOUND). A receipt still being made is CONFLICT.
 */
export function receiptRoutes(services: AppServices): Router {
  const router = Router();
  router.get('/receipts/:paymentId.pdf', async (req, res) => {
    const em = services.orm.em.fork();
    try {
      const user = await httpUser(req, em, services);
      const id = String(req.params.paymentId);
      const found = UUID.test(id) ? await em.findOne(Receipt, { payment: id }, { populate: ['payment.order'] }) : null;
      const receipt = accessRecord(user, found, { owner: (r) => r.payment.$.order.$.customer.id, notFound: 'receipt.notFound' });
      if (receipt.status !== ReceiptStatus.READY || !receipt.file) throw new AppError('CONFLICT', t('receipt.pending'), { reason: 'RECEIPT_PENDING' });
      const file = (await em.populate(receipt, ['file.data'])).file!.$;
      res.set({
        'content-type': 'application/pdf',
        'content-disposition': `${req.query.download ? 'attachment' : 'inline'}; filename="${file.fileName}"`,
        'cache-control': 'private, no-store',
        'x-content-sha256': file.sha256,
      });
      res.send(file.data);
    } catch (err) {
      sendError(res, err, services);
    }
  });
  return router;
}
