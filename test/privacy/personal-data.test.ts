import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../server/src/accounts/user.entity';
import { developmentCipher } from '../../server/src/privacy/field-cipher';
import { checkoutOrder } from '../support/orders';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { TravelClock } from '../support/clock';

const NIK = '3171010101900002';
const ADDRESS = 'Jl. Kenanga No. 7, Menteng, Jakarta Pusat 10310';
const PROFILE = `mutation($i: ProfileInput!) { updateMyProfile(input: $i) { nik address } }`;
const REQUEST = `mutation($i: PrivacyRequestInput!) { requestPersonalData(input: $i) { id kind status dueAt createdAt overdue } }`;
const QUEUE = `query($f: PrivacyRequestFilter) { privacyRequests(filter: $f) { total items { id kind status overdue dueAt customer { id } } } }`;

const clock = new TravelClock('2026-11-20T03:00:00.000Z');
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t?.close());

const raw = async (sql: string, params: unknown[] = []): Promise<any[]> => t.app.orm.em.fork().getConnection().execute(sql, params);

async function customerWithData(): Promise<TestUser> {
  const u = await t.createUser('CUSTOMER');
  await t.ok(PROFILE, { i: { nik: NIK, address: ADDRESS, company: 'CV Maju' } }, u.token);
  return u;
}

describe('NIK and address encrypted at rest (UU PDP)', () => {
  it('stores ciphertext with its key id and a keyed hash; the API reads plain text', async () => {
    const u = await customerWithData();
    const [row] = await raw(`select nik, nik_hash, address from users where id = ?`, [u.id]);
    expect(row.nik).toMatch(/^v1\.dev\./);
    expect(row.nik).not.toContain(NIK);
    expect(row.address).toMatch(/^v1\.dev\./);
    expect(row.address).not.toContain('Kenanga');
    expect(row.nik_hash).toBe(developmentCipher().hash(NIK, 'users.nik'));
    expect((await t.ok(`{ me { nik address } }`, {}, u.token)).me).toEqual({ nik: NIK, address: ADDRESS });

    // Reading and flushing again does not rewrite the row (a fresh IV would otherwise look like a change).
    const em = t.app.orm.em.fork();
    const user = await em.findOneOrFail(User, u.id);
    user.note = user.note ?? null;
    await em.flush();
    const [again] = await raw(`select nik, address from users where id = ?`, [u.id]);
    expect(again).toEqual({ nik: row.nik, address: row.address });

    // Staff find the customer by the whole NIK, through the hash.
    const support = await t.createUser('SUPPORT');
    const found = await t.ok(`query($q: String) { users(filter: { q: $q }) { items { id } } }`, { q: NIK }, support.token);
    expect(found.users.items.map((x: { id: string }) => x.id)).toContain(u.id);

    // Changing the NIK moves the hash; clearing it clears the hash.
    await t.ok(PROFILE, { i: { nik: '3171010101900003' } }, u.token);
    expect((await raw(`select nik_hash from users where id = ?`, [u.id]))[0].nik_hash).toBe(developmentCipher().hash('3171010101900003', 'users.nik'));
    await t.ok(PROFILE, { i: { nik: null } }, u.token);
    expect((await raw(`select nik, nik_hash from users where id = ?`, [u.id]))[0]).toEqual({ nik: null, nik_hash: null });
  });
});

describe('download of one\'s own data', () => {
  it('JSON and PDF for the signed-in customer only, audited', async () => {
    const u = await customerWithData();
    const anonymous = await fetch(`${t.url}/privacy/my-data.json`);
    expect(anonymous.status).toBe(401);

    const res = await fetch(`${t.url}/privacy/my-data.json`, { headers: { authorization: `Bearer ${u.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="data-pribadi-\d{4}-\d{2}-\d{2}\.json"/);
    const data = await res.json();
    expect(data.profile).toMatchObject({ username: u.username, nik: NIK, address: ADDRESS, company: 'CV Maju' });
    expect(data.sessions.length).toBeGreaterThan(0);

    const pdf = await fetch(`${t.url}/privacy/my-data.pdf`, { headers: { authorization: `Bearer ${u.token}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect((await PDFDocument.load(bytes)).getTitle()).toBe('Data pribadi / Personal data');

    const audits = await raw(`select data from audit_log where action = 'privacy.export' and actor_id = ? order by at`, [u.id]);
    expect(audits.map((a: { data: { format: string } }) => a.data.format)).toEqual(['json', 'pdf']);
  });
});

describe('correction and erasure requests', () => {
  it('a customer asks; the request is due in 3 x 24 hours; one open request per kind; staff see the queue', async () => {
    const u = await customerWithData();
    const req = (await t.ok(REQUEST, { i: { kind: 'CORRECTION', details: 'Alamat salah: seharusnya No. 9' } }, u.token)).requestPersonalData;
    expect(req.status).toBe('OPEN');
    expect(new Date(req.dueAt).getTime() - new Date(req.createdAt).getTime()).toBe(72 * 3_600_000);
    const twice = await t.gql(REQUEST, { i: { kind: 'CORRECTION' } }, u.token);
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const finance = await t.createUser('FINANCE');
    expect((await t.gql(QUEUE, {}, finance.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(REQUEST, { i: { kind: 'ERASURE' } }, finance.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const support = await t.createUser('SUPPORT');
    const queue = (await t.ok(QUEUE, { f: { status: 'OPEN' } }, support.token)).privacyRequests;
    expect(queue.items.find((r: { id: string }) => r.id === req.id)).toMatchObject({ overdue: false, customer: { id: u.id } });

    clock.set(new Date(clock.now().getTime() + 73 * 3_600_000).toISOString());
    // Three days on, the earlier access tokens have expired: sign in afresh.
    const login = async (who: TestUser) =>
      (await t.ok(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: who.username, password: who.password } })).login.accessToken as string;
    support.token = await login(support);
    u.token = await login(u);
    const late = (await t.ok(QUEUE, { f: { overdue: true } }, support.token)).privacyRequests;
    expect(late.items.map((r: { id: string }) => r.id)).toContain(req.id);

    const blank = await t.gql(`mutation($id: ID!) { completePrivacyCorrection(id: $id, input: { text: "  " }) { id } }`, { id: req.id }, support.token);
    expect(blank.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const done = await t.ok(`mutation($id: ID!) { completePrivacyCorrection(id: $id, input: { text: "Alamat diperbaiki" }) { status resolution handledAt overdue } }`, { id: req.id }, support.token);
    expect(done.completePrivacyCorrection).toMatchObject({ status: 'COMPLETED', resolution: 'Alamat diperbaiki', overdue: false });
    const again = await t.gql(`mutation($id: ID!) { rejectPrivacyRequest(id: $id, input: { text: "x" }) { id } }`, { id: req.id }, support.token);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const mine = (await t.ok(`{ myPrivacyRequests { id status resolution } }`, {}, u.token)).myPrivacyRequests;
    expect(mine).toEqual([{ id: req.id, status: 'COMPLETED', resolution: 'Alamat diperbaiki' }]);
    const audits = await raw(`select action from audit_log where entity_id = ? order by at`, [req.id]);
    expect(audits.map((a: { action: string }) => a.action)).toEqual(['privacy.correction_requested', 'privacy.correction_completed']);
  });

  it('erasure waits for running contracts, then anonymises the person and keeps the books, saying why', async () => {
    const u = await customerWithData();
    const order = await checkoutOrder(t, u);
    const req = (await t.ok(REQUEST, { i: { kind: 'ERASURE', details: 'Saya tidak lagi memakai layanan' } }, u.token)).requestPersonalData;
    const admin = await t.adminToken();
    const support = await t.createUser('SUPPORT');
    const ERASE = `mutation($id: ID!) { carryOutErasure(id: $id) { status kept { what why } resolution } }`;
    expect((await t.gql(ERASE, { id: req.id }, support.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const running = await t.gql(ERASE, { id: req.id }, admin);
    expect(running.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await raw(`select full_name from users where id = ?`, [u.id]))[0].full_name).toMatch(/^Test CUSTOMER/);

    await t.ok(`mutation($id: ID!) { cancelOrder(id: $id, reason: "Dibatalkan pelanggan") { id } }`, { id: order.id }, admin);
    const done = (await t.ok(ERASE, { id: req.id }, admin)).carryOutErasure;
    expect(done.status).toBe('COMPLETED');
    expect(done.kept.length).toBeGreaterThanOrEqual(3);
    expect(done.kept[0].why).toMatch(/UU KUP/);

    const [user] = await raw(`select username, email, full_name, phone, nik, nik_hash, address, company, active, erased_at from users where id = ?`, [u.id]);
    expect(user).toMatchObject({ nik: null, nik_hash: null, address: null, company: null, active: false, phone: '+620000000000' });
    expect(user.email).toMatch(/@erased\.invalid$/);
    expect(user.full_name).not.toMatch(/Test CUSTOMER/);
    expect(user.erased_at).not.toBeNull();
    const [kept] = await raw(`select number, total_price, customer_name, customer_email from orders where id = ?`, [order.id]);
    expect(kept).toMatchObject({ number: order.number, total_price: order.totalPrice, customer_name: user.full_name, customer_email: user.email });
    const profileAudit = await raw(`select data from audit_log where entity_type = 'User' and entity_id = ? and action = 'user.update_profile'`, [u.id]);
    for (const a of profileAudit) expect(Object.keys(a.data)).not.toEqual(expect.arrayContaining(['address']));
    const erasedAudit = await raw(`select actor_id from audit_log where entity_id = ? and action = 'privacy.erasure_completed'`, [req.id]);
    expect(erasedAudit).toHaveLength(1);

    // The person cannot sign in any more, and the old session is over.
    expect((await t.gql(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: u.username, password: u.password } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(`{ me { id } }`, {}, u.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
