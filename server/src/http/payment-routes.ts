import { createHash } from 'node:crypto';
import { Router } from 'express';
import { requireUser } from '../accounts/auth-user';
import { isStaff } from '../accounts/roles';
import { audit } from '../audit/audit';
import { brandingFromConfig } from '../branding/branding';
import { appLinks } from '../common/app-links';
import { AppError, notFound } from '../common/errors';
import { t } from '../common/messages';
import { checkPdf, checkUpload } from '../common/uploads';
import { StoredFile } from '../files/stored-file.entity';
import type { AppServices } from '../graphql/context';
import { PaymentMethod, PaymentStatus } from '../payments/enums';
import { sandboxPayPage, WebhookAuthError, WebhookFormatError } from '../payments/gateways';
import { Payment } from '../payments/payment.entity';
import { handleGatewayNotification } from '../payments/payments.service';
import { httpUser, sendError } from './auth';
import { rawBody, uploadBody } from './request-body';

const PROOF_MAX_BYTES = 5 * 1024 * 1024;
const WEBHOOK_MAX_BYTES = 1024 * 1024;
const WEBHOOK_PATH = '/webhooks/payments';

/**
 * Payment routes outside GraphQL: gateway webhooks (raw bytes, for signature checks), transfer proof
 * upload and download (binary), and the sandbox gateway's own pay page.
 */
export function paymentRoutes(services: AppServices): Router {
  const router = Router();
  const { orm } = services;

  router.post(`${WEBHOOK_PATH}/:provider`, rawBody(WEBHOOK_MAX_BYTES), async (req, res) => {
    if (req.params.provider !== services.gateway.name) return void res.status(404).json({ error: { code: 'NOT_FOUND' } });
    let notification;
    try {
      notification = services.gateway.parseWebhook({ headers: req.headers, rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) });
    } catch (err) {
      if (err instanceof WebhookAuthError) return void res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: err.message } });
      if (err instanceof WebhookFormatError) return void res.status(400).json({ error: { code: 'BAD_REQUEST', message: err.message } });
      throw err;
    }
    try {
      const outcome = await handleGatewayNotification(orm.em.fork(), { clock: services.clock, bus: services.notifications.bus }, notification);
      services.logger.info({ provider: notification.provider, reference: notification.reference, eventKey: notification.eventKey, outcome }, 'payment webhook');
      res.json({ status: 'ok', outcome });
    } catch (err) {
      // The provider retries on 5xx, which is what we want for a transient failure.
      sendError(res, err, services);
    }
  });

  router.put('/files/payments/:id/proof', uploadBody(services, PROOF_MAX_BYTES), async (req, res) => {
    const em = orm.em.fork();
    try {
      const user = requireUser(await httpUser(req, em, services));
      const payment = await em.findOne(Payment, req.params.id, { populate: ['order'] });
      if (!payment || (!isStaff(user.role) && payment.order.$.customer.id !== user.id)) throw notFound('payment.notFound');
      if (payment.method !== PaymentMethod.BANK_TRANSFER) throw new AppError('BAD_USER_INPUT', t('payment.notTransfer'), { field: 'proof' });
      if (payment.status !== PaymentStatus.PENDING) {
        throw new AppError('CONFLICT', t('payment.orderClosed', { status: payment.status }), { currentState: payment.status });
      }
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const contentType = checkUpload(bytes, { field: 'proof', maxBytes: PROOF_MAX_BYTES, allowed: ['image/jpeg', 'image/png', 'application/pdf'] });
      // FINANCE opens the proof: a PDF must be one that opens, read in the worker pool (no transaction is open here).
      if (contentType === 'application/pdf') await checkPdf(bytes, { field: 'proof', maxBytes: PROOF_MAX_BYTES });
      const file = em.create(StoredFile, {
        owner: payment.order.$.customer.id,
        purpose: 'payment-proof',
        contentType,
        fileName: `bukti-${payment.reference}.${contentType === 'application/pdf' ? 'pdf' : contentType === 'image/png' ? 'png' : 'jpg'}`,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        data: bytes,
      });
      payment.proof = file as never;
      audit(em, user, 'payment.upload_proof', { entityType: 'Payment', entityId: payment.id }, { size: bytes.length, contentType, sha256: file.sha256 });
      await em.flush();
      res.status(201).json({ paymentId: payment.id, contentType, size: bytes.length, sha256: file.sha256 });
    } catch (err) {
      sendError(res, err, services);
    }
  });

  router.get('/files/payments/:id/proof', async (req, res) => {
    const em = orm.em.fork();
    try {
      const user = requireUser(await httpUser(req, em, services));
      const payment = await em.findOne(Payment, req.params.id, { populate: ['order'] });
      // Anyone but the order's customer and staff learns nothing, not even that the payment exists.
      if (!payment?.proof || (!isStaff(user.role) && payment.order.$.customer.id !== user.id)) throw notFound('payment.notFound');
      const file = await em.findOneOrFail(StoredFile, payment.proof.id, { populate: ['data'] });
      res.set({
        'content-type': file.contentType,
        'content-disposition': `inline; filename="${file.fileName}"`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      });
      res.send(file.data);
    } catch (err) {
      sendError(res, err, services);
    }
  });

  if (services.gateway.name === 'sandbox') {
    // Built on first use: the signed event must go to where this server really listens (known only
    // after listen), never to whatever Host header a client sent.
    let page: Router | undefined;
    router.use((req, res, next) => {
      page ??= sandboxPayPage({
        secret: services.sandboxPaymentSecret,
        webhookPath: `${WEBHOOK_PATH}/sandbox`,
        selfBaseUrl: services.config.publicUrl,
        brand: brandingFromConfig(services.config),
        lookup: async (reference) => {
          // Only the sandbox gateway's own payments: never a bank transfer, which FINANCE settles.
          const payment = await orm.em.fork().findOne(Payment, { reference, method: PaymentMethod.GATEWAY, provider: 'sandbox' }, { populate: ['order'] });
          return payment
            ? {
                amount: payment.amount,
                description: `Pembayaran ${payment.order.$.number}`,
                status: payment.status,
                providerReference: payment.providerReference,
                returnUrl: `${services.config.publicUrl}${appLinks.customerOrder(payment.order.id)}`,
              }
            : null;
        },
      });
      page(req, res, next);
    });
  }
  return router;
}
