import { Router } from 'express';
import { requireUser } from '../accounts/auth-user';
import type { AppServices } from '../graphql/context';
import { PaymentMethod } from '../payments/enums';
import { sandboxPayPage, WebhookAuthError, WebhookFormatError } from '../payments/gateways';
import { Payment } from '../payments/payment.entity';
import { handleGatewayNotification } from '../payments/payments.service';
import { PROOF_MAX_BYTES, transferProof, uploadTransferProof } from '../payments/payment-proof';
import { httpUser, sendError } from './auth';
import { rawBody, uploadBody } from './request-body';

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
      const outcome = await handleGatewayNotification(orm.em.fork(), { clock: services.clock, bus: services.notifications.bus, events: services.events }, notification);
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
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      res.status(201).json(await uploadTransferProof(em, { clock: services.clock, events: services.events }, user, String(req.params.id), bytes));
    } catch (err) {
      sendError(res, err, services);
    }
  });

  router.get('/files/payments/:id/proof', async (req, res) => {
    const em = orm.em.fork();
    try {
      const file = await transferProof(em, requireUser(await httpUser(req, em, services)), String(req.params.id));
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
        lookup: async (reference) => {
          // Only the sandbox gateway's own payments: never a bank transfer, which FINANCE settles.
          const payment = await orm.em.fork().findOne(Payment, { reference, method: PaymentMethod.GATEWAY, provider: 'sandbox' }, { populate: ['order'] });
          return payment
            ? { amount: payment.amount, description: `Pembayaran ${payment.order.$.number}`, status: payment.status, providerReference: payment.providerReference }
            : null;
        },
      });
      page(req, res, next);
    });
  }
  return router;
}
