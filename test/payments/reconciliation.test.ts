import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayJakarta } from '../../server/src/common/time';
import { StatementSource } from '../../server/src/payments/statements/statement-line.entity';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder, confirmSpkForTest, moneyInvariants } from '../support/orders';
import { statementFile } from './statement-files';

/** Bank transfers that match themselves: unique amounts, statement import, the reconciliation list. */

const CREATE = `mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id reference amount uniqueCode transferAmount status } }`;
const IMPORT = `mutation($i: ImportStatementInput!) { importBankStatement(input: $i) { lines imported duplicates matched unmatched } }`;
const LINES = `query($s: StatementLineStatus) { statementLines(status: $s, perPage: 50) { items { id amount payerName status note
  payment { id reference } suggestions { paymentId reference expected difference reasons orderNumber } } } }`;
const PAYMENT = `query($id: ID!) { payment(id: $id) { status verifiedAt allocations { installmentNumber principal } } }`;

let t: TestApp;
let finance: TestUser;
const secret = 'statement-webhook-secret-for-tests';
beforeAll(async () => {
  t = await startTestApp({ env: { STATEMENT_WEBHOOK_SECRET: secret } });
  finance = await t.createUser('FINANCE');
});
afterAll(() => t?.close());

async function ledgerHolds() {
  const { perOrder, brokenInstallments } = await moneyInvariants(t);
  expect(brokenInstallments).toBe(0);
  for (const row of perOrder) {
    expect(row.settled).toBe(row.allocated);
    expect(row.allocated).toBe(row.installments_paid);
  }
}

/** A customer (named so the statement can name them) with a pending transfer of the down payment. */
async function pendingTransfer(name: string) {
  const c = await t.createUser('CUSTOMER');
  await t.app.orm.em.fork().getConnection().execute(`update users set full_name = ? where id = ?`, [name, c.id]).catch(() => undefined);
  const order = await checkoutOrder(t, c);
  await t.app.orm.em.fork().getConnection().execute(`update orders set customer_name = ? where id = ?`, [name, order.id]);
  await confirmSpkForTest(t, order.id);
  const p = (await t.ok(CREATE, { i: { orderId: order.id, method: 'BANK_TRANSFER' } }, c.token)).createPayment;
  return { c, order, p };
}

const importFile = (source: StatementSource, content: string, token = finance.token) => t.gql(IMPORT, { i: { source, content } }, token);

describe('unique transfer amounts', () => {
  it('a transfer asks for amount + a three-digit code; two pending transfers of one amount never share a total', async () => {
    const a = await pendingTransfer('Dewi Lestari');
    const b = await pendingTransfer('Eko Prasetyo');
    for (const { p } of [a, b]) {
      expect(BigInt(p.uniqueCode)).toBeGreaterThanOrEqual(1n);
      expect(BigInt(p.uniqueCode)).toBeLessThanOrEqual(999n);
      expect(p.transferAmount).toBe((BigInt(p.amount) + BigInt(p.uniqueCode)).toString());
    }
    expect(a.p.amount).toBe(b.p.amount);
    expect(a.p.transferAmount).not.toBe(b.p.transferAmount);
  });
});

describe('statement import', () => {
  const today = () => todayJakarta(t.app.services.clock);

  for (const source of [StatementSource.BCA, StatementSource.MANDIRI, StatementSource.BNI, StatementSource.BRI, StatementSource.MT940]) {
    it(`${source}: the credit of the exact amount settles its transfer as a verified proof would; re-importing settles nothing twice`, async () => {
      const { p } = await pendingTransfer('Budi Santoso');
      const file = statementFile(source, [{ date: today(), amount: BigInt(p.transferAmount), name: 'BUDI SANTOSO' }]);
      const first = (await importFile(source, file)).data!.importBankStatement;
      expect(first).toMatchObject({ lines: 1, imported: 1, duplicates: 0, matched: 1, unmatched: 0 });
      const settled = (await t.ok(PAYMENT, { id: p.id }, finance.token)).payment;
      expect(settled.status).toBe('SETTLED');
      expect(settled.verifiedAt).toBeTruthy();
      expect(settled.allocations).toEqual([{ installmentNumber: 0, principal: p.amount }]);
      await ledgerHolds();

      const again = (await importFile(source, file)).data!.importBankStatement;
      expect(again).toMatchObject({ lines: 1, imported: 0, duplicates: 1, matched: 0, unmatched: 0 });
      expect((await t.ok(PAYMENT, { id: p.id }, finance.token)).payment.allocations).toHaveLength(1);
      await ledgerHolds();
    });
  }

  it('the same statement imported twice at once settles once', async () => {
    const { p } = await pendingTransfer('Rina Wati');
    const file = statementFile(StatementSource.BCA, [{ date: today(), amount: BigInt(p.transferAmount), name: 'RINA WATI' }]);
    const results = await Promise.all([importFile(StatementSource.BCA, file), importFile(StatementSource.BCA, file)]);
    const summaries = results.map((r) => r.data!.importBankStatement);
    expect(summaries.reduce((s, r) => s + r.matched, 0)).toBe(1);
    expect(summaries.reduce((s, r) => s + r.duplicates, 0)).toBe(1);
    expect((await t.ok(PAYMENT, { id: p.id }, finance.token)).payment.allocations).toHaveLength(1);
    await ledgerHolds();
  });

  it('a near miss lands in the reconciliation list with suggestions; FINANCE matches it, or dismisses what is no payment', async () => {
    const { p, order } = await pendingTransfer('Siti Aminah');
    // Sent without the code, and an unrelated credit.
    const file = statementFile(StatementSource.BNI, [
      { date: today(), amount: BigInt(p.amount), name: 'SITI AMINAH' },
      { date: today(), amount: 12_345n, name: 'PT LAIN' },
    ]);
    expect((await importFile(StatementSource.BNI, file)).data!.importBankStatement).toMatchObject({ imported: 2, matched: 0, unmatched: 2 });
    expect((await t.ok(PAYMENT, { id: p.id }, finance.token)).payment.status).toBe('PENDING');
    await ledgerHolds();

    const lines = (await t.ok(LINES, { s: 'UNMATCHED' }, finance.token)).statementLines.items;
    const miss = lines.find((l: { payerName: string }) => l.payerName === 'SITI AMINAH');
    expect(miss.suggestions[0]).toMatchObject({ paymentId: p.id, orderNumber: order.number, expected: p.transferAmount, difference: (-BigInt(p.uniqueCode)).toString() });
    expect(miss.suggestions[0].reasons).toEqual(expect.arrayContaining(['WITHOUT_CODE', 'SAME_NAME']));

    const MATCH = `mutation($id: ID!, $p: ID!) { matchStatementLine(id: $id, paymentId: $p) { status payment { id } } }`;
    const support = await t.createUser('SUPPORT');
    expect((await t.gql(MATCH, { id: miss.id, p: p.id }, support.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = lines.find((l: { payerName: string }) => l.payerName === 'PT LAIN');
    expect((await t.gql(MATCH, { id: other.id, p: p.id }, finance.token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await t.ok(MATCH, { id: miss.id, p: p.id }, finance.token)).matchStatementLine).toEqual({ status: 'MATCHED', payment: { id: p.id } });
    expect((await t.ok(PAYMENT, { id: p.id }, finance.token)).payment.status).toBe('SETTLED');
    expect((await t.gql(MATCH, { id: miss.id, p: p.id }, finance.token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await ledgerHolds();

    const DISMISS = `mutation($id: ID!, $i: DismissStatementLineInput!) { dismissStatementLine(id: $id, input: $i) { status note } }`;
    expect((await t.gql(DISMISS, { id: other.id, i: { note: '  ' } }, finance.token)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.ok(DISMISS, { id: other.id, i: { note: 'Setoran modal' } }, finance.token)).dismissStatementLine).toEqual({ status: 'DISMISSED', note: 'Setoran modal' });
    const open = (await t.ok(LINES, { s: 'UNMATCHED' }, finance.token)).statementLines.items.map((l: { id: string }) => l.id);
    expect(open).not.toContain(miss.id);
    expect(open).not.toContain(other.id);
  });

  it('a wrong file is STATEMENT_UNREADABLE and imports nothing; only FINANCE imports', async () => {
    const before = (await t.ok(LINES, { s: null }, finance.token)).statementLines.items.length;
    const res = await importFile(StatementSource.MANDIRI, 'just,some\ncsv,text');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'STATEMENT_UNREADABLE', field: 'content' });
    const customer = await t.createUser('CUSTOMER');
    expect((await importFile(StatementSource.BCA, 'x', customer.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(LINES, { s: null }, customer.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.ok(LINES, { s: null }, finance.token)).statementLines.items.length).toBe(before);
  });

  it('the statement-service webhook: signed lines settle through the same import, once per line id', async () => {
    const { p } = await pendingTransfer('Joko Widodo');
    const body = Buffer.from(JSON.stringify({ lines: [{ id: `svc-${p.id}`, date: today(), amount: p.transferAmount, description: 'TRANSFER DARI JOKO WIDODO' }] }));
    const post = (sig: string) => fetch(`${t.url}/webhooks/statements`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-statement-signature': sig }, body: new Uint8Array(body) });
    expect((await post('00'.repeat(32))).status).toBe(401);
    const sig = createHmac('sha256', secret).update(body).digest('hex');
    expect(await (await post(sig)).json()).toMatchObject({ matched: 1 });
    expect(await (await post(sig)).json()).toMatchObject({ duplicates: 1, matched: 0 });
    expect((await t.ok(PAYMENT, { id: p.id }, finance.token)).payment.status).toBe('SETTLED');
    await ledgerHolds();
  });
});
