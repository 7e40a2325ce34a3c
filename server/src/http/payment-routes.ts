import { createHmac } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { requireUser } from '../accounts/access';
import { brandingFromConfig } from '../branding/branding';
import { appLinks } from '../common/app-links';
import type { AppServices } from '../app/services';
import { PaymentMethod } from '../payments/enums';
import { sandboxPayPage, sandboxVaPage, WebhookAuthError, WebhookFormatError, type WebhookRequest } from '../payments/gateways';
import { paymentSettleDeps } from '../payments/channels';
import { handleVirtualAccountPayment } from '../payments/virtual-accounts';
import { safeEqual } from '../payments/gateways/shared';
import { webhookCredit, type StatementCredit } from '../payments/statements/parsers';
import { importStatement } from '../payments/statements/reconciliation';
import { StatementSource } from '../payments/statements/statement-line.entity';
import { VirtualAccount, VirtualAccountStatus } from '../payments/virtual-account.entity';
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

  /** Authenticates and parses with the adapter: 401 for a bad token or signature, 400 for a malformed body. */
  const parsed = <T>(req: Request, res: Response, parse: (r: WebhookRequest) => T): T | undefined => {
    try {
      return parse({ headers: req.headers, rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) });
    } catch (err) {
      if (err instanceof WebhookAuthError) return void res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: err.message } });
      if (err instanceof WebhookFormatError) return void res.status(400).json({ error: { code: 'BAD_REQUEST', message: err.message } });
      throw err;
    }
  };

  // Money into an order's fixed virtual account (Xendit "FVA paid" callback, or the sandbox bank).
  router.post(`${WEBHOOK_PATH}/:provider/virtual-account`, rawBody(WEBHOOK_MAX_BYTES), async (req, res) => {
    if (req.params.provider !== services.gateway.name) return void res.status(404).json({ error: { code: 'NOT_FOUND' } });
    const payment = parsed(req, res, (r) => services.gateway.parseVirtualAccountPayment(r));
    if (!payment) return;
    try {
      const outcome = await handleVirtualAccountPayment(orm.em.fork(), paymentSettleDeps(services), payment);
      services.logger.info({ provider: payment.provider, account: payment.accountNumber, paymentId: payment.paymentId, outcome }, 'virtual account payment');
      res.json({ status: 'ok', outcome });
    } catch (err) {
      sendError(res, err, services);
    }
  });

  router.post(`${WEBHOOK_PATH}/:provider`, rawBody(WEBHOOK_MAX_BYTES), async (req, res) => {
    if (req.params.provider !== services.gateway.name) return void res.status(404).json({ error: { code: 'NOT_FOUND' } });
    const notification = parsed(req, res, (r) => services.gateway.parseWebhook(r));
    if (!notification) return;
    try {
      const outcome = await handleGatewayNotification(orm.em.fork(), paymentSettleDeps(services), notification);
      services.logger.info({ provider: notification.provider, reference: notification.reference, eventKey: notification.eventKey, outcome }, 'payment webhook');
      res.json({ status: 'ok', outcome });
    } catch (err) {
      // The provider retries on 5xx, which is what we want for a transient failure.
      sendError(res, err, services);
    }
  });

  /**
   * A statement service (bank API aggregator, or the bank's own push) posting credits as they are
   * booked: `{"lines":[{"id","date","amount","description","payerName"}]}`, signed with
   * `x-statement-signature: hex(HMAC-SHA256(STATEMENT_WEBHOOK_SECRET, raw body))`. Lines go through the
   * same import as a file; the service's line id is the idempotency key.
   */
  router.post('/webhooks/statements', rawBody(WEBHOOK_MAX_BYTES), async (req, res) => {
    const secret = services.config.STATEMENT_WEBHOOK_SECRET;
    if (!secret) return void res.status(404).json({ error: { code: 'NOT_FOUND' } });
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const signature = typeof req.headers['x-statement-signature'] === 'string' ? req.headers['x-statement-signature'].toLowerCase() : '';
    if (!safeEqual(signature, createHmac('sha256', secret).update(raw).digest('hex'))) {
      return void res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'statement signature does not match' } });
    }
    let lines: unknown;
    try {
      lines = (JSON.parse(raw.toString('utf8')) as { lines?: unknown }).lines;
    } catch {
      lines = undefined;
    }
    const credits = Array.isArray(lines) ? lines.map((l) => (typeof l === 'object' && l ? webhookCredit(l as never) : null)) : [];
    if (!Array.isArray(lines) || credits.some((c) => !c)) {
      return void res.status(400).json({ error: { code: 'BAD_REQUEST', message: 'lines must be [{id, date, amount, description}] with positive whole amounts' } });
    }
    try {
      const result = await importStatement(orm.em.fork(), { ...paymentSettleDeps(services), matchWindowDays: services.config.STATEMENT_MATCH_WINDOW_DAYS }, null, StatementSource.WEBHOOK, credits as StatementCredit[]);
      res.json({ status: 'ok', ...result });
    } catch (err) {
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
        brand: brandingFromConfig(services.config),
        lookup: async (reference) => {
          // Only the sandbox gateway's own payments: never a bank transfer, which FINANCE settles.
          const payment = await orm.em.fork().findOne(Payment, { reference, method: { $in: [PaymentMethod.GATEWAY, PaymentMethod.QRIS] }, provider: 'sandbox' }, { populate: ['order'] });
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
    let vaPage: Router | undefined;
    router.use((req, res, next) => {
      vaPage ??= sandboxVaPage({
        secret: services.sandboxPaymentSecret,
        webhookPath: `${WEBHOOK_PATH}/sandbox/virtual-account`,
        selfBaseUrl: services.config.publicUrl,
        lookup: async (number) => {
          const va = await orm.em.fork().findOne(VirtualAccount, { provider: 'sandbox', number, status: VirtualAccountStatus.ACTIVE });
          return va ? { name: va.name, bankCode: va.bankCode } : null;
        },
      });
      vaPage(req, res, next);
    });
  }
  return router;
}
