/**
 * Issue 14 item 4: the read paths (`myOrders`, the staff `orders` list, an order's schedule, items,
 * payments and allocations, its SPK) answer from plain rows instead of entities. These tests prove the
 * plain rows are the entities' values field by field, that a list answers exactly what the one-order
 * query (an entity root) answers for the same selection, and that access is unchanged; and that a
 * plain row can never be taken for an entity: not by MikroORM (it refuses to persist or remove one),
 * not by type-graphql (no `@Root()` of a plain-read type is typed with the entity class), not by the
 * compiler (`Plain<Order>` is not an `Order`).
 */
import type { EntityClass, EntityManager } from '@mikro-orm/postgresql';
import { ReferenceKind, wrap } from '@mikro-orm/core';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '../../server/src/app/schema';
import { childRowsAhead, findPlain, findPlainWhereIn, isPlainRow, PLAIN_READS, type Plain } from '../../server/src/db/plain-rows';
import { Installment } from '../../server/src/installments/installment.entity';
import { OrderItem } from '../../server/src/orders/order-item.entity';
import { Order } from '../../server/src/orders/order.entity';
import { Payment, PaymentAllocation } from '../../server/src/payments/payment.entity';
import { Spk } from '../../server/src/spk/spk.entity';
import { Service } from '../../server/src/hosting/service.entity';
import { QueryCounter } from '../../server/src/db/orm';
import { User } from '../../server/src/accounts/user.entity';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { statementsSent } from '../support/statements';
import { completeCustomer } from '../support/console-steps';
import { checkoutOrder, confirmSpkForTest, payThroughSandbox } from '../support/orders';

// Everything the web app's order screens ask for, plus the reference-following fields.
const ORDER = `id number status totalPrice startDate createdAt updatedAt spkNotice spkConfirmedAt graceUntil cancelReason notes vatTerms
  customerName customerPhone customerEmail allowedActions lastOverdueNoticeAt
  customer { id fullName } assignedTo { id fullName }
  summary { installmentsCount paidCount remainingCount overdueCount paidAmount outstandingAmount arrearsAmount nextDue { number dueDate amount } }
  firstPayment { total }
  items { id position productName category specs planTerms cashPrice setupFee totalPrice createdAt }
  installments { id orderId number dueDate amount principal margin fees taxBase otherTaxBase vat status paidAmount lateFee lateFeePaid paidAt createdAt updatedAt order { id number } }
  payments { id orderId reference amount transferAmount method kind status provider createdAt settledAt verifiedAt expiresAt rejectionReason proofUrl proofUploadUrl allowedActions
    order { id } allocations { id installmentId installmentNumber principal lateFee reversedAt } }
  spk { id orderId number status currentVersion allowedActions waitingFor revisionComments rejectionReason confirmedAt downloadUrl order { id } customer { id } }
  services { id orderId orderItemId label hostname osTemplate driver hostingUrl createdAt }`;

const counter = new QueryCounter();
let t: TestApp;
let staff: TestUser;
let alice: TestUser;
let bob: TestUser;
const aliceOrders: string[] = [];
let bobOrder: string;

beforeAll(async () => {
  t = await startTestApp({ queryCounter: counter });
  staff = await t.createUser('SUPPORT');
  alice = await completeCustomer(t);
  bob = await t.createUser('CUSTOMER');
  // Alice: one order paid in part (payments, allocations, PAID and PENDING lines), one with a drafted
  // SPK and assigned to staff, one untouched.
  const paid = await checkoutOrder(t, alice, 'vps-nvme-4', 12, 2);
  await confirmSpkForTest(t, paid.id);
  await payThroughSandbox(t, alice, paid.id);
  await payThroughSandbox(t, alice, paid.id, '1000000');
  const [item] = (await t.ok(`query($id: ID!) { order(id: $id) { items { id } } }`, { id: paid.id }, alice.token)).order.items;
  await t.ok(`mutation($i: CreateServiceInput!) { createService(input: $i) { id } }`, { i: { orderItemId: item.id, label: 'plain-reads', osTemplate: 'ubuntu-24.04' } }, alice.token);
  const drafted = await checkoutOrder(t, alice, 'vps-nvme-4', 6);
  await t.ok(`mutation($o: ID!) { createSpk(orderId: $o) { id } }`, { o: drafted.id }, staff.token);
  await t.ok(`mutation($id: ID!, $to: ID!) { assignOrder(id: $id, assigneeId: $to) { id } }`, { id: drafted.id, to: staff.id }, staff.token);
  const plain = await checkoutOrder(t, alice, 'colocation-1u', 6);
  aliceOrders.push(paid.id, drafted.id, plain.id);
  bobOrder = (await checkoutOrder(t, bob, 'vps-nvme-4', 12)).id;
}, 240_000);
afterAll(() => t?.close());

/**
 * Every column property of `entity`: plain rows against the hydrated entities, value by value, read
 * both ways plain rows are read (through the query builder, and by the loaders' own statement).
 */
async function expectSameRows<T extends { id: string }>(entity: EntityClass<T>) {
  const em = t.app.orm.em.fork() as EntityManager;
  const byId: unknown = { id: 'asc' };
  const built = await findPlain(em, entity, {}, { orderBy: byId as never });
  const viaIn = (await findPlainWhereIn(em, entity, 'id', built.map((r) => (r as unknown as { id: string }).id), { id: 'asc' } as never)).rows;
  expect(viaIn.length).toBe(built.length);
  // And as a page reads a child list ahead: JSON per page row, read back (here each row is its own "child").
  const ahead = childRowsAhead(em, entity, 'id' as never, {});
  const table = em.getMetadata().get(entity.name).tableName;
  const answers = await em.getConnection().execute<{ v: string | null }[]>(`select (${ahead.sql}) as v from "${table}" p order by p.id`);
  const viaJson = answers.flatMap((a) => ahead.read(em, a.v).rows);
  expect(viaJson.length).toBe(built.length);
  for (const plain of [built, viaIn, viaJson]) await expectSameAsManaged(em, entity, plain);
}

async function expectSameAsManaged<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>, plain: Plain<T>[]) {
  const byId: unknown = { id: 'asc' };
  const managed = await em.fork().find(entity, {}, { orderBy: byId as never });
  expect(plain.length).toBe(managed.length);
  expect(plain.length).toBeGreaterThan(0);
  const meta = em.getMetadata().get(entity.name);
  const columns = meta.props.filter((p) => p.persist !== false && !p.lazy && p.fieldNames?.length === 1 && (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)));
  expect(columns.length).toBeGreaterThan(3);
  managed.forEach((m, n) => {
    const p = plain[n] as Record<string, unknown>;
    const e = m as unknown as Record<string, unknown>;
    for (const c of columns) {
      const want = e[c.name];
      const got = p[c.name];
      const where = `${entity.name}.${c.name} of ${m.id}`;
      if (c.kind !== ReferenceKind.SCALAR) expect(got === null ? null : (got as { id: string }).id, where).toBe(want == null ? null : (want as { id: string }).id);
      else if (want instanceof Date) expect(got instanceof Date && got.getTime(), where).toBe(want.getTime());
      else {
        expect(typeof got, where).toBe(typeof want);
        expect(got, where).toEqual(want);
      }
    }
  });
}

describe('plain-row reads', () => {
  it('read every column exactly as hydration does (bigint money, dates, timestamps, json, references), services included, read ahead as JSON too', async () => {
    for (const entity of [Order, OrderItem, Installment, Payment, PaymentAllocation, Spk, Service] as EntityClass<{ id: string }>[]) await expectSameRows(entity);
  });

  it('the staff list answers every order exactly as the one-order query (an entity root) does', async () => {
    const list = (await t.ok(`{ orders(perPage: 5, sortField: "number") { total items { ${ORDER} } } }`, {}, staff.token)).orders;
    expect(list.total).toBe(4);
    for (const order of list.items) {
      const one = (await t.ok(`query($id: ID!) { order(id: $id) { ${ORDER} } }`, { id: order.id }, staff.token)).order;
      expect(order).toEqual(one);
    }
    const paid = list.items.find((o: { id: string }) => o.id === aliceOrders[0]);
    expect(paid.payments.length).toBe(2);
    expect(paid.payments[0].allocations.length).toBeGreaterThan(0);
    expect(paid.payments[0].allocations[0].installmentNumber).toBe(0);
    expect(typeof paid.installments[0].amount).toBe('string');
    expect(paid.installments[0].status).toBe('PAID');
    const drafted = list.items.find((o: { id: string }) => o.id === aliceOrders[1]);
    expect(drafted.assignedTo).toEqual({ id: staff.id, fullName: expect.any(String) });
    expect(drafted.spk.status).toBe('DRAFT');
    expect(drafted.spk.allowedActions.length).toBeGreaterThan(0);
  });

  it('the staff list reads its summaries and last notices ahead, in the page’s own statement, as the one-order query answers them', async () => {
    // A notice to Alice about her paid order (as the billing pass and staff write them), so one order has
    // a last notice and the others none.
    const paidNumber = (await t.ok(`query($id: ID!) { order(id: $id) { number } }`, { id: aliceOrders[0] }, staff.token)).order.number as string;
    await t.app.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into notifications (id, recipient_id, type, title, body, data, created_at, updated_at) values (gen_random_uuid(), ?, 'OVERDUE_NOTICE', 'Tagihan', 'Tagihan', ?::jsonb, '2026-11-20T03:04:05.678901Z', now())`,
        [alice.id, JSON.stringify({ orderNumber: paidNumber })],
      );
    const LIST = `id number lastOverdueNoticeAt summary { installmentsCount paidCount remainingCount overdueCount paidAmount outstandingAmount arrearsAmount nextDue { number dueDate amount } }`;
    let list: { items: { id: string; lastOverdueNoticeAt: string | null }[] } = { items: [] };
    let sent = await statementsSent(async () => {
      list = (await t.ok(`{ orders(perPage: 5, sortField: "number") { total items { ${LIST} } } }`, {}, staff.token)).orders;
    });
    // One statement for the page with its summaries and notices; none after it for either.
    const reading = (table: string) => sent.filter((q) => new RegExp(`\\b(from|join) "?${table}"?\\s`).test(q));
    expect(reading('orders')).toHaveLength(1);
    expect(reading('notifications')).toEqual(reading('orders'));
    expect(reading('installments')).toEqual(reading('orders'));
    for (const order of list.items) {
      const one = (await t.ok(`query($id: ID!) { order(id: $id) { ${LIST} } }`, { id: order.id }, staff.token)).order;
      expect(order).toEqual(one);
    }
    expect(list.items.find((o) => o.id === aliceOrders[0])!.lastOverdueNoticeAt).toBe('2026-11-20T03:04:05.678Z');
    expect(list.items.filter((o) => o.lastOverdueNoticeAt === null)).toHaveLength(3);
    // A list that asks for the lines too summarises from them, as before: its page statement reads no schedule.
    sent = await statementsSent(() => t.ok(`{ orders(perPage: 5) { items { id summary { paidAmount } installments { id } } } }`, {}, staff.token));
    expect(reading('orders')[0]).not.toContain('row_to_json');
  });

  it('counts the matching orders with the page, and past the last page too', async () => {
    const page = async (n: number, filter = '') => (await t.ok(`{ orders(page: ${n}, perPage: 3${filter}) { total items { id } } }`, {}, staff.token)).orders;
    expect(await page(1)).toMatchObject({ total: 4, items: { length: 3 } });
    expect(await page(2)).toMatchObject({ total: 4, items: { length: 1 } });
    expect(await page(3)).toEqual({ total: 4, items: [] });
    expect(await page(1, `, filter: { customerId: "${bob.id}" }`)).toEqual({ total: 1, items: [{ id: bobOrder }] });
  });

  it('myOrders answers what the one-order query answers for the customer, and only their own orders', async () => {
    const mine = (await t.ok(`{ myOrders(perPage: 5, sortField: "number") { total items { ${ORDER} } } }`, {}, alice.token)).myOrders;
    expect(mine.items.map((o: { id: string }) => o.id).sort()).toEqual([...aliceOrders].sort());
    for (const order of mine.items) {
      const one = (await t.ok(`query($id: ID!) { order(id: $id) { ${ORDER} } }`, { id: order.id }, alice.token)).order;
      expect(order).toEqual(one);
    }
    // The customer's view differs from staff's where access says so (allowed actions).
    const drafted = mine.items.find((o: { id: string }) => o.id === aliceOrders[1]);
    const staffView = (await t.ok(`query($id: ID!) { order(id: $id) { spk { allowedActions } } }`, { id: aliceOrders[1] }, staff.token)).order;
    expect(drafted.spk.allowedActions).not.toEqual(staffView.spk.allowedActions);
  });

  it('a myOrders page reads its child lists ahead, in the page’s own statement (allocations included, with their installment numbers)', async () => {
    let mine: { items: { payments: { allocations: unknown[] }[] }[] } = { items: [] };
    const sent = await statementsSent(async () => {
      mine = (await t.ok(`{ myOrders(perPage: 5) { items { ${ORDER} } } }`, {}, alice.token)).myOrders;
    });
    expect(mine.items.some((o) => o.payments.some((p) => p.allocations.length > 0))).toBe(true);
    const reading = (table: string) => sent.filter((q) => new RegExp(`\\b(from|join) "?${table}"?\\s`).test(q));
    // One round trip for the page and every list its orders show: items, schedule, payments with
    // their allocations (and the allocations' installment numbers: no second read of the schedule),
    // the SPK and the services.
    const page = sent.filter((q) => q.includes('__total'));
    expect(page).toHaveLength(1);
    for (const table of ['order_items', 'installments', 'payments', 'payment_allocations', 'spks', 'services']) expect(reading(table), table).toEqual(page);
  });

  it('reads the same child lists in one statement when an order is not on a page (the one-order query)', async () => {
    const sqls: string[] = [];
    const knex = t.app.orm.em.getConnection().getKnex();
    const onQuery = (q: { sql: string }) => void sqls.push(q.sql);
    knex.on('query', onQuery);
    try {
      const one = (await t.ok(`query($id: ID!) { order(id: $id) { ${ORDER} } }`, { id: aliceOrders[0] }, alice.token)).order;
      expect(one.payments.some((p: { allocations: unknown[] }) => p.allocations.length > 0)).toBe(true);
    } finally {
      knex.off('query', onQuery);
    }
    // Items, schedule, payments with their allocations, the SPK and services are asked for in the same tick: one statement, one round trip.
    const lists = sqls.filter((q) => q.includes('from "order_items"'));
    expect(lists).toHaveLength(1);
    for (const table of ['installments', 'payments', 'payment_allocations', 'spks', 'services']) expect(lists[0], table).toContain(`from "${table}"`);
    expect(sqls.filter((q) => q.includes('from "payment_allocations"'))).toHaveLength(1);
    // Logged as MikroORM logs its own statements (debug logging, query counters).
    expect(counter.statements.some((q) => q.includes('from "order_items"') && q.includes('from "services"'))).toBe(true);
  });

  it('keeps access: a customer never sees another customer’s order, whatever the filter', async () => {
    const ids = async (query: string, token: string) => (await t.ok(query, {}, token)).myOrders.items.map((o: { id: string }) => o.id) as string[];
    expect(await ids(`{ myOrders(perPage: 50) { items { id } } }`, bob.token)).toEqual([bobOrder]);
    expect(await ids(`{ myOrders(perPage: 50, filter: { customerId: "${alice.id}" }) { items { id } } }`, bob.token)).toEqual([bobOrder]);
    expect(await ids(`{ myOrders(perPage: 50, filter: { ids: ["${aliceOrders[0]}"] }) { items { id } } }`, bob.token)).toEqual([]);
    const res = await t.gql(`{ orders(perPage: 50) { items { id } } }`, {}, bob.token);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await t.gql(`query($id: ID!) { order(id: $id) { id } }`, { id: aliceOrders[0] }, bob.token);
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('a plain row is never an entity', () => {
  it('is a frozen PlainRow that the entity manager refuses to persist, remove or wrap', async () => {
    const em = t.app.orm.em.fork() as EntityManager;
    const [row] = await findPlain(em, Order, { id: bobOrder });
    expect(row).toBeDefined();
    const plain = row!;
    expect(isPlainRow(plain)).toBe(true);
    expect(plain instanceof Order).toBe(false);
    expect(Object.isFrozen(plain)).toBe(true);
    expect(() => {
      (plain as unknown as { status: string }).status = 'CANCELLED';
    }).toThrow(TypeError);
    const before = await em.fork().count(Order, {});
    // persist/remove take any object at the type level; at runtime MikroORM refuses what is not an entity.
    expect(() => em.persist(plain)).toThrow();
    expect(() => em.remove(plain)).toThrow();
    expect(() => wrap(plain).toObject()).toThrow();
    await em.flush();
    expect(await em.fork().count(Order, {})).toBe(before);
    expect((await em.fork().findOneOrFail(Order, bobOrder)).status).toBe(plain.status);
  });

  it('is not assignable to the entity type (checked by the compiler)', async () => {
    const [plain] = await findPlain(t.app.orm.em.fork() as EntityManager, Order, { id: bobOrder });
    // @ts-expect-error a plain row is not an Order: services that take the entity cannot receive one
    const asEntity: Order = plain!;
    // @ts-expect-error nor can its references be loaded as entity references
    void plain!.customer.load;
    const readable: Plain<Order> = plain!;
    expect(readable.customer.id).toBe(bob.id);
    expect(asEntity).toBe(plain);
  });

  it('reaches field resolvers as it is: every @Root() of a plain-read type is typed Readable<T>, not the entity class', async () => {
    await getSchema();
    const storage = getMetadataStorage();
    const servedPlain = (type: unknown) => typeof type === 'function' && PLAIN_READS.has(type.name);
    // A resolver class without an object type (queries and mutations only) throws when asked for it.
    const objectTypeOf = (r: { getObjectType: () => unknown }) => {
      try {
        return r.getObjectType();
      } catch {
        return null;
      }
    };
    const resolvers = storage.resolverClasses.filter((r) => servedPlain(objectTypeOf(r)));
    expect(resolvers.length).toBeGreaterThan(8);
    const roots = storage.params.filter((p) => p.kind === 'root' && resolvers.some((r) => r.target === p.target));
    expect(roots.length).toBeGreaterThan(30);
    // type-graphql turns a root that is not an instance of a typed parameter's class into a new instance
    // of it (an unmanaged entity made from the row): a typed root is the defect this test exists for.
    const typed = roots.filter((p) => p.kind === 'root' && p.getType !== undefined).map((p) => `${p.target.name}.${p.methodName}`);
    expect(typed).toEqual([]);
    // Field resolvers declared on the entity class itself get the same conversion.
    const internal = storage.fieldResolvers.filter((f) => f.kind === 'internal' && servedPlain(f.target)).map((f) => `${f.target.name}.${f.methodName}`);
    expect(internal).toEqual([]);
  });
});
