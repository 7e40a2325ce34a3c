import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshStatuses } from '../../server/src/installments/statuses';
import { Order } from '../../server/src/orders/order.entity';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder, confirmSpkForTest, moneyInvariants, payThroughSandbox } from '../support/orders';

let t: TestApp;
let support: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  support = await t.createUser('SUPPORT');
});
afterAll(() => t?.close());

const RESTRUCTURE = `mutation($i: RestructureInput!) { restructureOrder(input: $i) { id round openAmount lateFeesCarried lateFeesWaived tenorMonths addendum { id status addendumRound } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { totalPrice status installments { number amount paidAmount lateFee lateFeePaid status vat } restructurings { round } } }`;
const conn = () => t.app.orm.em.fork().getConnection();

/** An order whose down payment is paid and whose first two monthly installments are past due, with late fees. */
async function orderInArrears() {
  const c = await t.createUser('CUSTOMER');
  await t.ok(`mutation($i: ProfileInput!) { updateMyProfile(input: $i) { id } }`, { i: { nik: '3174051507900001', address: 'Jl. Melati 2, Bandung' } }, c.token);
  const order = await checkoutOrder(t, c);
  await confirmSpkForTest(t, order.id);
  await payThroughSandbox(t, c, order.id);
  // Time passes (fixture): installments 1 and 2 fell due 40 and 10 days ago and carry late fees.
  await conn().execute(`update installments set due_date = current_date - 40, late_fee = 25000 where order_id = ? and number = 1`, [order.id]);
  await conn().execute(`update installments set due_date = current_date - 10, late_fee = 5000 where order_id = ? and number = 2`, [order.id]);
  const em = t.app.orm.em.fork();
  await em.transactional(async (tx) => refreshStatuses(tx, await tx.findOneOrFail(Order, order.id), t.app.services.clock));
  return { c, order };
}

describe('restructuring an order in arrears', () => {
  it('moves the open amount into a new schedule under an SPK addendum; old lines stay as RESTRUCTURED; the ledger holds', async () => {
    const { c, order } = await orderInArrears();
    const before = (await t.ok(ORDER, { id: order.id }, support.token)).order;
    const open = before.installments.filter((i: { status: string }) => i.status !== 'PAID');
    const openAmount = open.reduce((s: bigint, i: { amount: string; paidAmount: string }) => s + BigInt(i.amount) - BigInt(i.paidAmount), 0n);

    const r = (await t.ok(RESTRUCTURE, { i: { orderId: order.id, tenorMonths: 6, includeLateFees: true, reason: 'Kesulitan arus kas' } }, support.token)).restructureOrder;
    expect(r).toMatchObject({ round: 1, openAmount: openAmount.toString(), lateFeesCarried: '30000', lateFeesWaived: '0', tenorMonths: 6, addendum: { status: 'DRAFT', addendumRound: 1 } });

    const after = (await t.ok(ORDER, { id: order.id }, support.token)).order;
    const old = after.installments.filter((i: { number: number }) => i.number <= 12);
    const fresh = after.installments.filter((i: { number: number }) => i.number > 12);
    expect(old.filter((i: { status: string }) => i.status === 'RESTRUCTURED').map((i: { number: number }) => i.number)).toEqual(open.map((i: { number: number }) => i.number));
    for (const i of old) expect(i.amount).toBe(i.paidAmount);
    expect(fresh.map((i: { number: number }) => i.number)).toEqual([13, 14, 15, 16, 17, 18]);
    expect(fresh.reduce((s: bigint, i: { amount: string }) => s + BigInt(i.amount), 0n)).toBe(openAmount + 30_000n);
    expect(BigInt(after.totalPrice)).toBe(after.installments.reduce((s: bigint, i: { amount: string }) => s + BigInt(i.amount), 0n));
    // The VAT of what remains was re-split: still whole rupiah, and the contract's VAT moved, not grew.
    expect(fresh.every((i: { vat: string }) => BigInt(i.vat) > 0n)).toBe(true);
    expect(await moneyInvariants(t, order.id)).toMatchObject({ brokenInstallments: 0 });
    const inv = (await moneyInvariants(t, order.id)).perOrder[0]!;
    expect(inv.settled).toBe(inv.allocated);
    expect(inv.allocated).toBe(inv.installments_paid);

    // A payment after the restructuring lands on the new lines; the old ones do not move.
    await payThroughSandbox(t, c, order.id, fresh[0].amount);
    const paid = (await t.ok(ORDER, { id: order.id }, support.token)).order;
    expect(paid.installments.find((i: { number: number }) => i.number === 13)).toMatchObject({ status: 'PAID', paidAmount: fresh[0].amount });
    expect(paid.installments.filter((i: { number: number }) => i.number <= 12)).toEqual(old);
    const inv2 = (await moneyInvariants(t, order.id));
    expect(inv2.brokenInstallments).toBe(0);
    expect(inv2.perOrder[0]!.settled).toBe(inv2.perOrder[0]!.installments_paid);

    // A second restructuring while the addendum is unsigned is refused and changes nothing.
    const again = await t.gql(RESTRUCTURE, { i: { orderId: order.id, tenorMonths: 3, includeLateFees: false, reason: 'Lagi' } }, support.token);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await t.ok(ORDER, { id: order.id }, support.token)).order.restructurings).toEqual([{ round: 1 }]);
  });

  it('waives the late fees when so decided', async () => {
    const { order } = await orderInArrears();
    const r = (await t.ok(RESTRUCTURE, { i: { orderId: order.id, tenorMonths: 3, includeLateFees: false, reason: 'Keringanan denda' } }, support.token)).restructureOrder;
    expect(r).toMatchObject({ lateFeesCarried: '0', lateFeesWaived: '30000' });
    expect((await moneyInvariants(t, order.id)).brokenInstallments).toBe(0);
  });

  it('two restructurings at once make one', async () => {
    const { order } = await orderInArrears();
    const input = (n: number) => ({ i: { orderId: order.id, tenorMonths: n, includeLateFees: false, reason: `Bersamaan ${n}` } });
    const results = await Promise.all([t.gql(RESTRUCTURE, input(3), support.token), t.gql(RESTRUCTURE, input(4), support.token)]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.find((r) => r.errors)?.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await t.ok(ORDER, { id: order.id }, support.token)).order.restructurings).toEqual([{ round: 1 }]);
    expect((await moneyInvariants(t, order.id)).brokenInstallments).toBe(0);
  });

  it('refuses an order not in arrears, bad input with the field, and anyone but SUPPORT/ADMIN', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c);
    await confirmSpkForTest(t, order.id);
    expect((await t.gql(RESTRUCTURE, { i: { orderId: order.id, tenorMonths: 3, includeLateFees: false, reason: 'x' } }, support.token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await t.gql(RESTRUCTURE, { i: { orderId: order.id, tenorMonths: 0, includeLateFees: false, reason: 'x' } }, support.token)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tenorMonths' });
    expect((await t.gql(RESTRUCTURE, { i: { orderId: order.id, tenorMonths: 3, includeLateFees: false, reason: 'x' } }, c.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
