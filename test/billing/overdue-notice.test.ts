import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCounter } from '../../server/src/db/orm';
import { startTestApp, type TestApp } from '../support/app';
import { checkoutOrder } from '../support/orders';

const counter = new QueryCounter();
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ queryCounter: counter });
});
afterAll(() => t?.close());

/** Every field of a Notification. */
const NOTIFICATION = 'id type title body link data readAt createdAt updatedAt';

describe('the overdue notice', () => {
  it('answers the notification it wrote without reading it back, every field as the customer’s list shows it', async () => {
    const customer = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, customer);
    const support = await t.createUser('SUPPORT');
    counter.reset();
    const sent = (await t.ok(`mutation($id: ID!) { sendOverdueNotice(orderId: $id) { notification { ${NOTIFICATION} } } }`, { id: order.id }, support.token)).sendOverdueNotice;
    expect(counter.statements.filter((s) => /^select\b[\s\S]*from "notifications"/i.test(s))).toEqual([]);
    const listed = (await t.ok(`{ myNotifications(perPage: 1) { items { ${NOTIFICATION} } } }`, {}, customer.token)).myNotifications.items[0];
    expect(listed.type).toBe('OVERDUE_NOTICE');
    expect(sent.notification).toEqual(listed);
  });
});
