import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Clock } from '../common/time';
import { Order } from '../orders/order.entity';
import { AnomalyKind, PaymentKind, PaymentMethod } from './enums';
import { GatewayError, type PaymentGateway, type VirtualAccountPayment } from './gateways/gateway';
import { Payment } from './payment.entity';
import { claimEvent, newPaymentReference, settleLocked, type SettleDeps, type WebhookOutcome } from './payments.service';
import { VirtualAccount, VirtualAccountStatus } from './virtual-account.entity';
import { PaymentAnomaly } from './webhook-event.entity';

/** Names a bank shows as the VA holder: letters, digits and spaces only (Xendit refuses the rest). */
function accountName(customerName: string): string {
  const clean = customerName.normalize('NFKD').replace(/[^A-Za-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  return (clean || 'Pelanggan').slice(0, 50);
}

/**
 * The `spk.confirmed` handler: writes the order's virtual account as PENDING in the confirmation's own
 * transaction (the outbox entry). The gateway is called afterwards by provisionVirtualAccounts, never
 * with a transaction open. Confirming twice (or an event redelivered) leaves the one row there is.
 */
export async function requestVirtualAccount(em: EntityManager, deps: { gateway: () => PaymentGateway; bankCode: string }, orderId: string) {
  if (await em.count(VirtualAccount, { order: orderId })) return;
  const order = await em.findOneOrFail(Order, orderId);
  em.persist(em.create(VirtualAccount, { order, provider: deps.gateway().name, bankCode: deps.bankCode, name: accountName(order.customerName) }));
  await em.flush();
}

const LEASE_MS = 2 * 60_000;
const MAX_BACKOFF_MS = 6 * 3_600_000;

export interface ProvisionDeps {
  clock: Clock;
  gateway: PaymentGateway;
  logger?: Pick<Logger, 'warn'>;
}

/**
 * Creates the pending (and retries the failed, with backoff) virtual accounts at the gateway. Each row
 * is claimed by pushing its next attempt past a lease in one UPDATE, so two workers never call the
 * gateway for the same order at once; the call itself runs outside any transaction.
 */
export async function provisionVirtualAccounts(em: EntityManager, deps: ProvisionDeps): Promise<number> {
  const conn = em.getConnection();
  const now = deps.clock.now();
  const due = await conn.execute<{ id: string }[]>(
    `select id from virtual_accounts where status in ('PENDING', 'FAILED') and provider = ? and (next_attempt_at is null or next_attempt_at <= ?)
      order by created_at limit 20`,
    [deps.gateway.name, now],
  );
  let created = 0;
  for (const { id } of due) {
    const claimed = await conn.execute<{ id: string }[]>(
      `update virtual_accounts set next_attempt_at = ?, attempts = attempts + 1, updated_at = now()
        where id = ? and status <> 'ACTIVE' and (next_attempt_at is null or next_attempt_at <= ?) returning id`,
      [new Date(now.getTime() + LEASE_MS), id, now],
    );
    if (!claimed.length) continue;
    const work = em.fork();
    const va = await work.findOneOrFail(VirtualAccount, id, { populate: ['order'] });
    try {
      const result = await deps.gateway.createVirtualAccount({ externalId: va.order.$.number, name: va.name, bankCode: va.bankCode });
      va.number = result.number;
      va.providerId = result.providerId;
      va.bankCode = result.bankCode;
      va.status = VirtualAccountStatus.ACTIVE;
      va.lastError = null;
      va.nextAttemptAt = null;
      created++;
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      va.status = VirtualAccountStatus.FAILED;
      va.lastError = err.message.slice(0, 1000);
      va.nextAttemptAt = new Date(now.getTime() + Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.min(va.attempts, 12)));
      deps.logger?.warn({ orderId: va.order.id, attempts: va.attempts, err: err.message }, 'virtual account not created');
    }
    await work.flush();
  }
  return created;
}

/**
 * Money into an order's virtual account, from the provider's authenticated callback: recorded as a
 * VIRTUAL_ACCOUNT payment of exactly what arrived and applied by the allocation rule (partial or full;
 * more than is open becomes an OVERPAYMENT anomaly). Exactly once per provider payment id, whatever
 * the number of deliveries or their concurrency: the event key is claimed first, and settlement locks
 * the order.
 */
export async function handleVirtualAccountPayment(em: EntityManager, deps: SettleDeps, n: VirtualAccountPayment): Promise<WebhookOutcome> {
  return em.transactional(async (tx) => {
    const event = await claimEvent(tx, n.provider, `va:${n.paymentId}`, n.raw);
    if (!event) return 'duplicate';
    const finish = (outcome: WebhookOutcome) => {
      event.outcome = outcome;
      return outcome;
    };
    const va = await tx.findOne(VirtualAccount, {
      provider: n.provider,
      ...(n.accountProviderId ? { $or: [{ providerId: n.accountProviderId }, { number: n.accountNumber }] } : { number: n.accountNumber }),
    });
    if (!va || va.status !== VirtualAccountStatus.ACTIVE) {
      tx.create(PaymentAnomaly, { kind: AnomalyKind.UNKNOWN_REFERENCE, payment: null, provider: n.provider, reference: n.accountNumber.slice(0, 100), expected: null, received: n.amount, details: n.raw });
      return finish('unknown');
    }
    // Locked before the payment row is written: that insert's foreign key share-locks the order, and two
    // payments at once that each hold a share lock and then want the order lock would deadlock.
    const order = await tx.findOneOrFail(Order, va.order.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const payment = tx.create(Payment, {
      order,
      reference: newPaymentReference(deps.clock),
      amount: n.amount,
      method: PaymentMethod.VIRTUAL_ACCOUNT,
      kind: PaymentKind.INSTALLMENTS,
      provider: n.provider,
      providerReference: n.paymentId.slice(0, 100),
      virtualAccount: va,
      // The customer paid: the payment is theirs, as if they had started it.
      createdBy: order.customer.id,
    });
    event.payment = payment as never;
    await tx.flush();
    return finish(await settleLocked(tx, deps, payment, null, n.paidAt ?? deps.clock.now(), n.provider));
  });
}
