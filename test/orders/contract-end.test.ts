import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { checkoutOrder, confirmSpkForTest, payOffThroughSandbox, payThroughSandbox } from '../support/orders';

/**
 * The end of the contract: when the last installment is paid the customer reads what happens next
 * (the product's terms) and may ask to renew, upgrade or cancel; staff get it as a task, and the
 * request closes when they mark the task done. Nobody else may ask on the customer's order.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const REQUEST = `mutation($o: ID!, $i: ContractRequestInput!) { requestContractChange(orderId: $o, input: $i) { id kind status note } }`;
const ORDER = `query($id: ID!) { order(id: $id) { status contractEndTerms contractRequests { kind status note } } }`;

describe('the end of the contract', () => {
  it('refuses a request before the last installment is paid, then takes one, makes a staff task, and closes it when staff are done', async () => {
    const customer = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, customer, 'dedicated-xeon-e2388g', 12);
    await confirmSpkForTest(t, order.id);
    await payThroughSandbox(t, customer, order.id);

    const early = await t.gql(REQUEST, { o: order.id, i: { kind: 'RENEWAL' } }, customer.token);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CONTRACT_NOT_ENDED' });

    await payOffThroughSandbox(t, customer, order.id);
    const ended = (await t.ok(ORDER, { id: order.id }, customer.token)).order;
    expect(ended.status).toBe('COMPLETED');
    expect(ended.contractEndTerms).toEqual([expect.stringContaining('menjadi milik Anda')]);

    // Someone else's order: NOT_FOUND, nothing recorded.
    const other = await t.createUser('CUSTOMER');
    expect((await t.gql(REQUEST, { o: order.id, i: { kind: 'CANCELLATION' } }, other.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Staff do not ask on the customer's behalf here.
    const support = await t.createUser('SUPPORT');
    expect((await t.gql(REQUEST, { o: order.id, i: { kind: 'RENEWAL' } }, support.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const made = (await t.ok(REQUEST, { o: order.id, i: { kind: 'UPGRADE', note: '  Tambah RAM ke 128 GB  ' } }, customer.token)).requestContractChange;
    expect(made).toMatchObject({ kind: 'UPGRADE', status: 'OPEN', note: 'Tambah RAM ke 128 GB' });
    expect((await t.gql(REQUEST, { o: order.id, i: { kind: 'UPGRADE' } }, customer.token)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REQUEST_OPEN' });

    const tasks = (await t.ok(`{ staffTasks(status: OPEN, perPage: 100) { items { id action instructions service { id } order { id number } } } }`, {}, support.token)).staffTasks.items;
    const task = tasks.find((x: { order: { id: string } | null }) => x.order?.id === order.id);
    expect(task).toMatchObject({ action: 'contract', service: null, order: { number: order.number } });
    expect(task.instructions).toContain('ingin meningkatkan paket');
    expect(task.instructions).toContain('Tambah RAM ke 128 GB');

    await t.ok(`mutation($id: ID!) { completeStaffTask(id: $id, note: "Ditawarkan paket 128 GB") { status } }`, { id: task.id }, support.token);
    const after = (await t.ok(ORDER, { id: order.id }, customer.token)).order;
    expect(after.contractRequests).toEqual([{ kind: 'UPGRADE', status: 'DONE', note: 'Tambah RAM ke 128 GB' }]);
    // Handled: the same kind may be asked again.
    expect((await t.ok(REQUEST, { o: order.id, i: { kind: 'UPGRADE' } }, customer.token)).requestContractChange.status).toBe('OPEN');
  });
});
