import { signSandboxEvent } from '../../server/src/payments/gateways';
import { todayJakarta } from '../../server/src/common/time';
import { refreshStatuses } from '../../server/src/installments/statuses';
import { Order } from '../../server/src/orders/order.entity';
import type { TestApp, TestUser } from './app';

export const ADD = `mutation($i: AddToCartInput!) { addToCart(input: $i) { id } }`;
export const CHECKOUT = `mutation { checkout { id number totalPrice installments { id number amount dueDate } } }`;

/** Checks out one product on the plan with `tenor` months for `customer`; returns the order. */
export async function checkoutOrder(t: TestApp, customer: TestUser, slug = 'vps-nvme-4', tenor = 12, quantity = 1) {
  const product = (await t.ok(`query($s: String) { product(slug: $s) { id plans { id tenorMonths } } }`, { s: slug })).product;
  const plan = product.plans.find((p: { tenorMonths: number }) => p.tenorMonths === tenor);
  await t.ok(ADD, { i: { productId: product.id, planId: plan.id, quantity } }, customer.token);
  const [order] = (await t.ok(CHECKOUT, {}, customer.token)).checkout;
  return order as { id: string; number: string; totalPrice: string; installments: { id: string; number: number; amount: string; dueDate: string }[] };
}

/**
 * Stands in for the SPK flow until it exists: moves the order through START_SPK and CONFIRM_SPK the
 * way the SPK module will, so payments can be exercised.
 */
export async function confirmSpkForTest(t: TestApp, orderId: string) {
  const em = t.app.orm.em.fork();
  await em.transactional(async (tx) => {
    const conn = tx.getConnection();
    const ctx = tx.getTransactionContext();
    const moved = await conn.execute(`update orders set status = 'AWAITING_DOWN_PAYMENT', spk_confirmed_at = now() where id = ? and status in ('AWAITING_SPK', 'SPK_IN_PROGRESS') returning id`, [orderId], 'all', ctx);
    if (!moved.length) return;
    // As confirmSpk does: a down payment dated earlier falls due today, and statuses follow the rule.
    const today = todayJakarta(t.app.services.clock);
    await conn.execute(`update installments set due_date = ? where order_id = ? and number = 0 and due_date < ?`, [today, orderId, today], 'run', ctx);
    await refreshStatuses(tx, await tx.findOneOrFail(Order, orderId, { refresh: true }), t.app.services.clock);
  });
}

/** Money invariants, straight from the tables. */
export async function moneyInvariants(t: TestApp, orderId?: string) {
  const only = orderId ? `and o.id = '${orderId.replace(/[^0-9a-f-]/g, '')}'` : '';
  const onlyI = orderId ? `and i.order_id = '${orderId.replace(/[^0-9a-f-]/g, '')}'` : '';
  const conn = t.app.orm.em.fork().getConnection();
  const perOrder = await conn.execute<{ order_id: string; settled: string; allocated: string; installments_paid: string }[]>(`
    select o.id as order_id,
      coalesce((select sum(p.amount) from payments p where p.order_id = o.id and p.status = 'SETTLED'), 0)::text as settled,
      coalesce((select sum(a.principal + a.late_fee) from payment_allocations a join payments p on p.id = a.payment_id
                where p.order_id = o.id and a.reversed_at is null), 0)::text as allocated,
      coalesce((select sum(i.paid_amount + i.late_fee_paid) from installments i where i.order_id = o.id), 0)::text as installments_paid
    from orders o where true ${only}`);
  const perInstallment = await conn.execute<{ n: number }[]>(`
    select count(*)::int as n from installments i
    where true ${onlyI} and (i.paid_amount <> coalesce((select sum(a.principal) from payment_allocations a where a.installment_id = i.id and a.reversed_at is null), 0)
       or i.late_fee_paid <> coalesce((select sum(a.late_fee) from payment_allocations a where a.installment_id = i.id and a.reversed_at is null), 0)
       or i.paid_amount > i.amount or (i.status = 'PAID') <> (i.paid_amount = i.amount and i.late_fee_paid = i.late_fee and i.status <> 'RESTRUCTURED'))`);
  return { perOrder, brokenInstallments: perInstallment[0]!.n };
}

/** Pays `amount` (default: what is due now) online, settled through the sandbox gateway's signed webhook. */
export async function payThroughSandbox(t: TestApp, customer: TestUser, orderId: string, amount?: string) {
  await settleThroughSandbox(t, customer, { orderId, method: 'GATEWAY', ...(amount ? { amount } : {}) });
}

/** Pays everything still open (pelunasan) online: the order ends COMPLETED. */
export async function payOffThroughSandbox(t: TestApp, customer: TestUser, orderId: string) {
  await settleThroughSandbox(t, customer, { orderId, method: 'GATEWAY', payoff: true });
}

async function settleThroughSandbox(t: TestApp, customer: TestUser, input: Record<string, unknown>) {
  const p = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { reference amount } }`, { i: input }, customer.token)).createPayment;
  const { rawBody, headers } = signSandboxEvent(t.app.services.sandboxPaymentSecret, { reference: p.reference, providerReference: null, status: 'SETTLED', amount: BigInt(p.amount), eventId: `e-${p.reference}` });
  const res = await fetch(`${t.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) });
  if ((await res.json()).outcome !== 'settled') throw new Error(`payment ${p.reference} was not settled`);
}
