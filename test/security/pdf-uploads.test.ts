import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPage, PDF_LIMITS, PdfRejectedError } from '../../server/src/pdf';
import { PdfPool } from '../../server/src/pdf/pool';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { flateBombPdf, hugePagePdf, malformedPdf, manyPagesPdf } from '../support/hostile-pdfs';
import { checkoutOrder, confirmSpkForTest } from '../support/orders';

/**
 * Issue 11 item 3: uploaded PDFs are someone else's file. They are read in a worker pool with limits,
 * outside any database transaction, and the server keeps answering while they are. Runs on the
 * embedded database, where a transaction held during a slow read would stop every other request.
 */

let t: TestApp;
let customer: TestUser;
let spkId: string;
let paymentId: string;

const SPK = `id status currentVersion`;
const act = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { ${SPK} } }`;

async function count(table: string): Promise<number> {
  return (await t.app.orm.em.fork().getConnection().execute(`select count(*)::int as n from ${table}`))[0].n as number;
}

const uploadSpk = (bytes: Buffer, token = customer.token) =>
  fetch(`${t.url}/files/spk/${spkId}/signed`, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(bytes) });
const uploadProof = (bytes: Buffer) =>
  fetch(`${t.url}/files/payments/${paymentId}/proof`, { method: 'PUT', headers: { authorization: `Bearer ${customer.token}` }, body: new Uint8Array(bytes) });

async function errorOf(res: Response) {
  return { status: res.status, ...((await res.json()) as { error: Record<string, unknown> }).error };
}

beforeAll(async () => {
  t = await startTestApp({ embedded: true });
  const support = await t.createUser('SUPPORT');
  customer = await t.createUser('CUSTOMER');
  await t.ok(`mutation($i: ProfileInput!) { updateMyProfile(input: $i) { id } }`, { i: { nik: '3171014501900001', address: 'Jl. Kebon Sirih No. 10, Jakarta Pusat' } }, customer.token);
  // An SPK waiting for the customer's signed copy.
  const order = await checkoutOrder(t, customer);
  spkId = (await t.ok(`mutation($o: ID!) { createSpk(orderId: $o) { id } }`, { o: order.id }, support.token)).createSpk.id;
  await t.ok(act('submitSpkForReview'), { id: spkId }, support.token);
  await t.ok(act('approveSpk'), { id: spkId }, customer.token);
  expect((await t.ok(act('signSpk'), { id: spkId }, support.token)).signSpk.status).toBe('ADMIN_SIGNED');
  // A bank transfer waiting for its proof, on another order.
  const other = await checkoutOrder(t, customer);
  await confirmSpkForTest(t, other.id);
  paymentId = (await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id } }`, { i: { orderId: other.id, method: 'BANK_TRANSFER' } }, customer.token)).createPayment.id;
}, 180_000);
afterAll(() => t?.close());

describe('hostile PDF uploads', () => {
  it('a 100,000-page PDF is BAD_USER_INPUT (PDF_TOO_MANY_PAGES), and nothing is stored', async () => {
    const before = await count('spk_versions');
    expect(await errorOf(await uploadSpk(manyPagesPdf(100_000)))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', field: 'file', reason: 'PDF_TOO_MANY_PAGES', maxPages: PDF_LIMITS.maxPages });
    expect(await count('spk_versions')).toBe(before);
  });

  it('a Flate bomb is refused (PDF_TOO_COMPLEX) before anything interprets it, as signed SPK and as transfer proof', async () => {
    const bomb = flateBombPdf(120);
    expect(bomb.length).toBeLessThan(600 * 1024);
    const before = await count('spk_versions');
    expect(await errorOf(await uploadSpk(bomb))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', reason: 'PDF_TOO_COMPLEX' });
    expect(await errorOf(await uploadProof(bomb))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', field: 'proof', reason: 'PDF_TOO_COMPLEX' });
    expect(await count('spk_versions')).toBe(before);
    expect(await count('stored_files where purpose = \'payment-proof\'')).toBe(0);
  });

  it('a malformed PDF is refused as a transfer proof (PDF_CORRUPT)', async () => {
    expect(await errorOf(await uploadProof(malformedPdf()))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', field: 'proof', reason: 'PDF_CORRUPT' });
    const payment = (await t.ok(`query($id: ID!) { payment(id: $id) { proofUrl } }`, { id: paymentId }, customer.token)).payment;
    expect(payment.proofUrl).toBeNull();
  });

  it('a page beyond the PDF size limit is refused (PDF_PAGE_TOO_LARGE); a 3600 x 3600 pt page is rendered at a bounded resolution', async () => {
    expect(await errorOf(await uploadProof(hugePagePdf(20_000, 20_000)))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', reason: 'PDF_PAGE_TOO_LARGE' });
    // The 337-byte file: not our document (no code, no QR), refused as such, and its page is
    // read at a resolution whose pixels stay under the limit instead of 7,500 x 7,500.
    const huge = hugePagePdf(3600, 3600);
    expect(await errorOf(await uploadSpk(huge))).toMatchObject({ status: 400, code: 'SPK_NOT_AUTHENTIC' });
    const rendered = await renderPage(huge, 1, { dpi: 150 });
    expect(rendered!.width * rendered!.height).toBeLessThanOrEqual(PDF_LIMITS.maxRenderPixels);
    expect(rendered!.dpi).toBeLessThan(150);
  });

  it('reads an upload outside the database transaction: another request on the embedded database answers before the upload does', async () => {
    // Well under the content limit: accepted by the checks, then seconds of text extraction.
    const slow = flateBombPdf(4);
    const order: string[] = [];
    const upload = uploadSpk(slow).then(async (res) => {
      order.push('upload');
      return res;
    });
    // Give the upload time to reach the worker; the query needs the database, not the worker.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const query = t.ok(`{ me { id } }`, {}, customer.token).then((r) => {
      order.push('query');
      return r;
    });
    const [res, me] = await Promise.all([upload, query]);
    expect(me.me.id).toBe(customer.id);
    expect(res.status).toBe(400); // not our document
    expect(order).toEqual(['query', 'upload']);
  }, 120_000);

  it('/healthz and a query answer while hostile uploads are being read', async () => {
    const uploads = Promise.all([uploadSpk(flateBombPdf(4)), uploadSpk(manyPagesPdf(20_000)), uploadSpk(hugePagePdf()), uploadProof(flateBombPdf(120)), uploadProof(malformedPdf())]);
    let settled = false;
    void uploads.then(() => (settled = true));
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    expect(settled).toBe(false);
    expect((await t.ok(`{ me { id } }`, {}, customer.token)).me.id).toBe(customer.id);
    expect((await uploads).map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
    expect((await t.ok(`query($id: ID!) { spk(id: $id) { status } }`, { id: spkId }, customer.token)).spk.status).toBe('ADMIN_SIGNED');
  }, 120_000);
});

describe('the PDF worker pool', () => {
  it('kills a job past its wall-clock budget, keeps the event loop free meanwhile, and serves the next job with a new worker', async () => {
    const pool = new PdfPool({ size: 1 });
    try {
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 10);
      const spin = pool.run('spin', [], { timeoutMs: 1500 });
      await expect(spin).rejects.toMatchObject({ name: 'PdfRejectedError', reason: 'PDF_TOO_COMPLEX' });
      clearInterval(ticker);
      expect(ticks).toBeGreaterThan(5);
      expect(await pool.run('checkLimits', [hugePagePdf(595, 842)], { timeoutMs: 30_000 })).toEqual({ pageCount: 1, pageSizes: [[595, 842]] });
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('refuses a document that needs more memory than the worker may grow to', async () => {
    const pool = new PdfPool({ size: 1, maxWasmBytes: 96 * 1024 * 1024 });
    try {
      const err = await pool.run('extractText', [flateBombPdf(120)], { timeoutMs: 60_000 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PdfRejectedError);
      expect(err).toMatchObject({ reason: 'PDF_TOO_COMPLEX' });
      expect(await pool.run('checkLimits', [hugePagePdf(595, 842)], { timeoutMs: 30_000 })).toMatchObject({ pageCount: 1 });
    } finally {
      await pool.close();
    }
  }, 120_000);
});
