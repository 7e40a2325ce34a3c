import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { TravelClock } from '../support/clock';
import { confirmSpkForTest } from '../support/orders';

const ADD = `mutation($i: AddToCartInput!) { addToCart(input: $i) { id quantity } }`;
const CHECKOUT = `mutation($i: CheckoutInput) { checkout(input: $i) { id number status totalPrice startDate customerName customerPhone
  items { position productName category cashPrice totalPrice planTerms }
  installments { number dueDate amount status }
  summary { installmentsCount paidCount remainingCount arrearsAmount outstandingAmount nextDue { number dueDate amount } } } }`;

// 31 January 2026, 10:00 in Jakarta: the month-end clamp shows in the schedule.
const clock = new TravelClock('2026-01-31T03:00:00Z');
let t: TestApp;
let admin: string;
let catalog: Record<string, { id: string; plans: { id: string; tenorMonths: number }[] }>;

beforeAll(async () => {
  t = await startTestApp({ clock });
  admin = await t.adminToken();
  const res = await t.ok(`{ products(perPage: 50) { items { id slug plans { id tenorMonths } } } }`);
  catalog = Object.fromEntries(res.products.items.map((p: { slug: string }) => [p.slug, p]));
});
afterAll(() => t?.close());

const plan = (slug: string, tenor: number) => ({ productId: catalog[slug]!.id, planId: catalog[slug]!.plans.find((p) => p.tenorMonths === tenor)!.id });
const count = async (table: string) => (await t.app.orm.em.fork().getConnection().execute(`select count(*)::int as n from ${table}`))[0].n as number;

describe('cart and checkout', () => {
  let customer: TestUser;
  let orders: any[];

  beforeAll(async () => {
    customer = await t.createUser('CUSTOMER');
  });

  it('checks out two VPS on 12 months and a colocation on 6 months as two orders with exact schedules', async () => {
    await t.ok(ADD, { i: { ...plan('vps-nvme-4', 12), quantity: 1 } }, customer.token);
    const again = await t.ok(ADD, { i: { ...plan('vps-nvme-4', 12), quantity: 1 } }, customer.token);
    expect(again.addToCart.quantity).toBe(2);
    await t.ok(ADD, { i: plan('colocation-1u', 6) }, customer.token);

    orders = (await t.ok(CHECKOUT, { i: { customerName: 'PT Maju Jaya', customerPhone: '0812 1111 2222' } }, customer.token)).checkout;
    expect(orders).toHaveLength(2);
    const vps = orders.find((o) => o.items[0].category === 'VPS');
    expect(vps).toMatchObject({ status: 'AWAITING_SPK', startDate: '2026-01-31', customerName: 'PT Maju Jaya', customerPhone: '+6281211112222' });
    expect(vps.number).toMatch(/^ORD-202601-\d{6}$/);
    expect(vps.items.map((i: { position: number }) => i.position)).toEqual([1, 2]);
    // VPS NVMe 4: Rp 6.000.000, DP 10 %, margin 1,25 %/month x 12 on 5.400.000, admin fee 100.000 per unit.
    expect(vps.items[0]).toMatchObject({ cashPrice: '6000000', totalPrice: '6910000' });
    expect(vps.items[0].planTerms).toMatchObject({ tenorMonths: 12, marginBpsPerMonth: 125, adminFee: '100000' });
    expect(vps.totalPrice).toBe('13820000');
    expect(vps.installments).toHaveLength(13);
    expect(vps.installments[0]).toMatchObject({ number: 0, dueDate: '2026-01-31', amount: '1400000', status: 'PENDING' });
    expect(vps.installments[1]).toMatchObject({ number: 1, dueDate: '2026-02-28', amount: '1035000' });
    expect(vps.installments[2].dueDate).toBe('2026-03-31');
    const sum = vps.installments.reduce((a: bigint, i: { amount: string }) => a + BigInt(i.amount), 0n);
    expect(sum).toBe(BigInt(vps.totalPrice));
    expect(vps.summary).toMatchObject({ installmentsCount: 13, paidCount: 0, remainingCount: 13, arrearsAmount: '0', outstandingAmount: '13820000', nextDue: { number: 0, dueDate: '2026-01-31', amount: '1400000' } });

    expect((await t.ok(`{ myCart { id } }`, {}, customer.token)).myCart).toEqual([]);
  });

  it('later catalog edits never change a deal', async () => {
    const vps = catalog['vps-nvme-4']!;
    await t.ok(`mutation($id: ID!) { updateProduct(id: $id, input: { cashPrice: 9000000, name: "VPS NVMe 4 (baru)" }) { id } }`, { id: vps.id }, admin);
    const order = orders.find((o) => o.items[0].category === 'VPS');
    const again = await t.ok(`query($id: ID!) { order(id: $id) { totalPrice items { productName cashPrice } installments { amount } } }`, { id: order.id }, customer.token);
    expect(again.order.items[0]).toEqual({ productName: 'VPS NVMe 4', cashPrice: '6000000' });
    expect(again.order.totalPrice).toBe('13820000');
    await t.ok(`mutation($id: ID!) { updateProduct(id: $id, input: { cashPrice: 6000000, name: "VPS NVMe 4" }) { id } }`, { id: vps.id }, admin);
  });

  it('an empty cart is BAD_USER_INPUT and writes nothing', async () => {
    const before = await count('orders');
    const res = await t.gql(CHECKOUT, {}, customer.token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cart' });
    expect(await count('orders')).toBe(before);
  });

  it('an inactive plan stops the whole checkout: CONFLICT, no order, cart kept', async () => {
    const buyer = await t.createUser('CUSTOMER');
    await t.ok(ADD, { i: plan('vps-nvme-4', 6) }, buyer.token);
    await t.ok(ADD, { i: plan('dedicated-xeon-e2388g', 24) }, buyer.token);
    const dedicatedPlan = plan('dedicated-xeon-e2388g', 24).planId;
    await t.ok(`mutation($id: ID!) { updateInstallmentPlan(id: $id, input: { active: false }) { id } }`, { id: dedicatedPlan }, admin);
    const before = { orders: await count('orders'), installments: await count('installments'), counters: await count('counters') };
    const res = await t.gql(CHECKOUT, {}, buyer.token);
    expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(res.errors?.[0]?.message).toMatch(/Dedicated Xeon/);
    expect({ orders: await count('orders'), installments: await count('installments'), counters: await count('counters') }).toEqual(before);
    expect((await t.ok(`{ myCart { id } }`, {}, buyer.token)).myCart).toHaveLength(2);
    await t.ok(`mutation($id: ID!) { updateInstallmentPlan(id: $id, input: { active: true }) { id } }`, { id: dedicatedPlan }, admin);
  });

  it('the cart shows each line with its product and plan, and only to its owner', async () => {
    const buyer = await t.createUser('CUSTOMER');
    await t.ok(ADD, { i: { ...plan('vps-nvme-4', 12), quantity: 2 } }, buyer.token);
    const CART = `{ myCart { quantity product { name category cashPrice specs { cpu } } plan { name tenorMonths } } }`;
    const cart = (await t.ok(CART, {}, buyer.token)).myCart;
    expect(cart).toEqual([{ quantity: 2, product: { name: 'VPS NVMe 4', category: 'VPS', cashPrice: '6000000', specs: { cpu: '4 vCPU' } }, plan: { name: expect.any(String), tenorMonths: 12 } }]);
    const other = await t.createUser('CUSTOMER');
    expect((await t.ok(CART, {}, other.token)).myCart).toEqual([]);
  });

  it('bad cart input is refused with the field named', async () => {
    const res = await t.gql(ADD, { i: { ...plan('vps-nvme-4', 12), quantity: 0 } }, customer.token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity' });
    const wrong = await t.gql(ADD, { i: { productId: catalog['vps-nvme-4']!.id, planId: plan('colocation-1u', 6).planId } }, customer.token);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'planId' });
    const staff = await t.gql(ADD, { i: plan('vps-nvme-4', 12) }, admin);
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('order history and access', () => {
  it('a customer never sees another customer’s order; staff see all with filters', async () => {
    const alice = await t.createUser('CUSTOMER');
    const bob = await t.createUser('CUSTOMER');
    await t.ok(ADD, { i: plan('cloud-server-pro-8', 12) }, alice.token);
    const [order] = (await t.ok(CHECKOUT, {}, alice.token)).checkout;

    const peek = await t.gql(`query($id: ID!) { order(id: $id) { id } }`, { id: order.id }, bob.token);
    expect(peek.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.ok(`{ myOrders { total } }`, {}, bob.token)).myOrders.total).toBe(0);
    expect((await t.gql(`{ orders { total } }`, {}, bob.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const found = await t.ok(`query($q: String) { orders(filter: { q: $q, status: [AWAITING_SPK] }) { total items { number customer { username } } } }`, { q: order.number }, admin);
    expect(found.orders.items).toEqual([{ number: order.number, customer: { username: alice.username } }]);
  });

  it('shows arrears once installments pass their due date', async () => {
    const c = await t.createUser('CUSTOMER');
    await t.ok(ADD, { i: plan('vps-nvme-4', 6) }, c.token);
    const [order] = (await t.ok(CHECKOUT, {}, c.token)).checkout;
    const summary = `query($id: ID!) { order(id: $id) { summary { overdueCount arrearsAmount nextDue { number } } installments { number amount } } }`;
    // Until the SPK is confirmed nothing can be paid, so nothing is late.
    clock.set('2026-03-05T03:00:00Z');
    const unconfirmed = await t.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: c.username, password: c.password } });
    expect((await t.ok(summary, { id: order.id }, unconfirmed.login.accessToken)).order.summary.arrearsAmount).toBe('0');
    clock.set('2026-01-31T03:00:00Z');
    await confirmSpkForTest(t, order.id);
    clock.set('2026-03-05T03:00:00Z'); // installment 0 (31 Jan) and 1 (28 Feb) are past due
    try {
      // Access tokens live 15 minutes: after a month's travel, log in again.
      const login = `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`;
      const token = (await t.ok(login, { i: { login: c.username, password: c.password } })).login.accessToken;
      const adminNow = (await t.ok(login, { i: { login: 'admin', password: t.adminPassword } })).login.accessToken;
      const res = (await t.ok(summary, { id: order.id }, token)).order;
      const expected = BigInt(res.installments[0].amount) + BigInt(res.installments[1].amount);
      expect(res.summary).toEqual({ overdueCount: 2, arrearsAmount: expected.toString(), nextDue: { number: 0 } });
      const overdue = await t.ok(`{ orders(filter: { overdue: true }, perPage: 100) { items { id } } }`, {}, adminNow);
      expect(overdue.orders.items.map((o: { id: string }) => o.id)).toContain(order.id);
    } finally {
      clock.set('2026-01-31T03:00:00Z');
    }
    const none = await t.ok(`{ orders(filter: { overdue: true }, perPage: 100) { items { id } } }`, {}, admin);
    expect(none.orders.items.map((o: { id: string }) => o.id)).not.toContain(order.id);
  });

  it('cancelling follows the state machine: a second cancel is CONFLICT naming both states, and writes nothing', async () => {
    const c = await t.createUser('CUSTOMER');
    await t.ok(ADD, { i: plan('vps-nvme-4', 12) }, c.token);
    const [order] = (await t.ok(CHECKOUT, {}, c.token)).checkout;
    const cancel = `mutation($id: ID!, $r: String!) { cancelOrder(id: $id, reason: $r) { status cancelReason installments { status } allowedActions } }`;
    const done = (await t.ok(cancel, { id: order.id, r: 'Salah pilih paket' }, c.token)).cancelOrder;
    expect(done).toMatchObject({ status: 'CANCELLED', cancelReason: 'Salah pilih paket', allowedActions: [] });
    expect(done.installments.every((i: { status: string }) => i.status === 'CANCELLED')).toBe(true);
    const again = await t.gql(cancel, { id: order.id, r: 'lagi' }, admin);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentState: 'CANCELLED', requestedState: 'CANCELLED' });
    const stored = await t.ok(`query($id: ID!) { order(id: $id) { cancelReason } }`, { id: order.id }, admin);
    expect(stored.order.cancelReason).toBe('Salah pilih paket');
  });

  it('staff hand an order to another admin; the assignee finds it under their name', async () => {
    const c = await t.createUser('CUSTOMER');
    const support = await t.createUser('SUPPORT');
    const finance = await t.createUser('FINANCE');
    await t.ok(ADD, { i: plan('vps-nvme-4', 12) }, c.token);
    const [order] = (await t.ok(CHECKOUT, {}, c.token)).checkout;
    const assign = `mutation($id: ID!, $to: ID!) { assignOrder(id: $id, assigneeId: $to) { assignedTo { id } customer { email username phone note } } }`;
    const res = (await t.ok(assign, { id: order.id, to: support.id }, admin)).assignOrder;
    expect(res.assignedTo.id).toBe(support.id);
    expect(res.customer.username).toBe(c.username);
    const mine = await t.ok(`query($me: ID!) { orders(filter: { assignedTo: $me }) { items { id } } }`, { me: support.id }, support.token);
    expect(mine.orders.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect((await t.gql(assign, { id: order.id, to: c.id }, admin)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assigneeId' });
    expect((await t.gql(assign, { id: order.id, to: support.id }, finance.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
