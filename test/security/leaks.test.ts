import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSandboxEvent } from '../../server/src/payments/gateways';
import { startTestApp, type TestApp } from '../support/app';
import { checkoutOrder, confirmSpkForTest } from '../support/orders';

/** Issue 11 items 5 and 10: the sandbox pay page and small leaks of other people's data. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const CREATE = `mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id reference status method } }`;
const STATUS = `query($id: ID!) { order(id: $id) { payments { id status } } }`;

describe('sandbox pay page', () => {
  it('never settles a bank transfer: not through the page, not through a sandbox-signed event', async () => {
    const customer = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, customer);
    await confirmSpkForTest(t, order.id);
    const transfer = (await t.ok(CREATE, { i: { orderId: order.id, method: 'BANK_TRANSFER' } }, customer.token)).createPayment;

    const page = await fetch(`${t.url}/payments/sandbox/${transfer.reference}`);
    expect(page.status).toBe(404);
    const pay = await fetch(`${t.url}/payments/sandbox/${transfer.reference}/pay`, { method: 'POST', redirect: 'manual' });
    expect(pay.status).toBe(404);

    // The webhook path behind the page refuses it too (recorded as an anomaly, applied to nothing).
    const { rawBody, headers } = signSandboxEvent(t.app.services.sandboxPaymentSecret, {
      reference: transfer.reference,
      providerReference: null,
      status: 'SETTLED',
      amount: BigInt((await t.ok(`query($id: ID!) { order(id: $id) { payments { amount } } }`, { id: order.id }, customer.token)).order.payments[0].amount),
      eventId: `forged-${transfer.reference}`,
    });
    const hook = await fetch(`${t.url}/webhooks/payments/sandbox`, { method: 'POST', headers, body: new Uint8Array(rawBody) });
    expect((await hook.json()).outcome).toBe('unknown');

    const payments = (await t.ok(STATUS, { id: order.id }, await t.adminToken())).order.payments;
    expect(payments).toEqual([{ id: transfer.id, status: 'PENDING' }]);

    // A sandbox gateway payment still works through the page.
    const online = (await t.ok(CREATE, { i: { orderId: order.id, method: 'GATEWAY' } }, customer.token)).createPayment;
    expect((await fetch(`${t.url}/payments/sandbox/${online.reference}`)).status).toBe(200);
    await fetch(`${t.url}/payments/sandbox/${online.reference}/pay`, { method: 'POST', redirect: 'manual' });
    const after = (await t.ok(STATUS, { id: order.id }, await t.adminToken())).order.payments;
    expect(after).toContainEqual({ id: online.id, status: 'SETTLED' });
    expect(after).toContainEqual({ id: transfer.id, status: 'PENDING' });
  });
});

describe('small leaks', () => {
  it('createPayment answers the same for another customer’s order and for an id that does not exist', async () => {
    const owner = await t.createUser('CUSTOMER');
    const other = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, owner);
    const theirs = await t.gql(CREATE, { i: { orderId: order.id, method: 'BANK_TRANSFER' } }, other.token);
    const missing = await t.gql(CREATE, { i: { orderId: '00000000-0000-4000-8000-000000000000', method: 'BANK_TRANSFER' } }, other.token);
    expect(theirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(theirs.errors?.[0]).toEqual(missing.errors?.[0]);
  });

  it('a customer sees the name of the staff member handling the order, not their email, phone or last login', async () => {
    const customer = await t.createUser('CUSTOMER');
    const support = await t.createUser('SUPPORT');
    const order = await checkoutOrder(t, customer);
    await t.ok(`mutation($id: ID!, $to: ID!) { assignOrder(id: $id, assigneeId: $to) { id } }`, { id: order.id, to: support.id }, await t.adminToken());

    const seen = await t.ok(`query($id: ID!) { order(id: $id) { assignedTo { id fullName } } }`, { id: order.id }, customer.token);
    expect(seen.order.assignedTo).toEqual({ id: support.id, fullName: expect.stringContaining('Test SUPPORT') });
    for (const field of ['email', 'phone', 'lastLoginAt', 'username']) {
      const res = await t.gql(`query($id: ID!) { order(id: $id) { assignedTo { ${field} } } }`, { id: order.id }, customer.token);
      expect(res.data ?? null, field).toBeNull();
      expect(res.errors?.[0]?.extensions?.code, field).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });
});
