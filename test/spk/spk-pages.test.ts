import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder } from '../support/orders';

/** GET /files/spk/:id/versions/:version/pages/:page.png: the signature-page images of the staff's side-by-side view. */

let t: TestApp;
let support: TestUser;
let customer: TestUser;
let spk: { id: string; versions: { version: number; sha256: string }[] };

beforeAll(async () => {
  t = await startTestApp();
  support = await t.createUser('SUPPORT');
  customer = await t.createUser('CUSTOMER');
  await t.ok(`mutation($i: ProfileInput!) { updateMyProfile(input: $i) { id } }`, { i: { nik: '3171014501900001', address: 'Jl. Kebon Sirih No. 10, Jakarta Pusat' } }, customer.token);
  const order = await checkoutOrder(t, customer);
  spk = (await t.ok(`mutation($o: ID!) { createSpk(orderId: $o) { id versions { version sha256 } } }`, { o: order.id }, support.token)).createSpk;
});
afterAll(() => t?.close());

const page = (p: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/files/spk/${spk.id}/versions/1/pages/${p}.png`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

describe('SPK page images', () => {
  it('renders a page as PNG for staff and the owning customer, with the page count', async () => {
    const res = await page('1', support.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const pageCount = Number(res.headers.get('x-page-count'));
    expect(pageCount).toBeGreaterThanOrEqual(2);
    const image = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    // A4 portrait at 110 dpi.
    expect(image.width).toBeGreaterThan(850);
    expect(image.height).toBeGreaterThan(image.width);

    const last = await page('last', customer.token);
    expect(last.status).toBe(200);
    expect(last.headers.get('x-page-number')).toBe(String(pageCount));
  });

  it('answers 304 to a revalidation of the same version and page', async () => {
    const first = await page('1', support.token);
    const etag = first.headers.get('etag')!;
    expect(etag).toContain(spk.versions[0]!.sha256.slice(0, 32));
    expect((await page('1', support.token, { 'if-none-match': etag })).status).toBe(304);
  });

  it('refuses pages that do not exist and callers who may not see the SPK', async () => {
    for (const bad of ['0', '-1', '1.5', 'abc', '99999', '150']) {
      const res = await page(bad, support.token);
      expect(res.status, bad).toBe(404);
      expect((await res.json()).error.code).toBe('NOT_FOUND');
    }
    expect((await fetch(`${t.url}/files/spk/${spk.id}/versions/9/pages/1.png`, { headers: { authorization: `Bearer ${support.token}` } })).status).toBe(404);
    const stranger = await t.createUser('CUSTOMER');
    const res = await page('1', stranger.token);
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toBe('SPK tidak ditemukan.');
    expect((await page('1')).status).toBe(401);
  });
});
