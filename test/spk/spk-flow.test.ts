import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncrementalEditor } from '../../server/src/spk/document/incremental';
import { generateDevIdentity, readPdfSignatures, signPdf } from '../../server/src/spk/document/sign';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { checkoutOrder } from '../support/orders';
import { checkSignatures, pageTexts } from '../support/pdf-reader';
import { STAFF_WAITING_STATUSES as STAFF_WAITING } from '../../admin/src/spk/queue';

const SPK = `id number documentCode status currentVersion approvedAt stampSerial stampDuty downloadUrl verifyUrl allowedActions
  versions { version kind sha256 downloadUrl verification } history { action fromStatus toStatus reason actorRole actor { fullName } }`;
const CREATE = `mutation($o: ID!) { createSpk(orderId: $o) { ${SPK} } }`;
const act = (name: string, args = '') => `mutation($id: ID!${args ? `, ${args.split(':')[0]!.trim()}: ${args.split(':')[1]!.trim()}` : ''}) { ${name}(id: $id${args ? `, ${args.split(':')[0]!.replace('$', '').trim()}: ${args.split(':')[0]!.trim()}` : ''}) { ${SPK} } }`;

let t: TestApp;
let support: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  support = await t.createUser('SUPPORT');
});
afterAll(() => t?.close());

/** A customer whose profile has what an SPK needs. */
async function completeCustomer() {
  const c = await t.createUser('CUSTOMER');
  await t.ok(`mutation($i: ProfileInput!) { updateMyProfile(input: $i) { id } }`, { i: { nik: '3171014501900001', address: 'Jl. Kebon Sirih No. 10, Jakarta Pusat' } }, c.token);
  return c;
}

async function download(url: string, token: string) {
  return fetch(`${t.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
}

const upload = (id: string, bytes: Uint8Array, token: string) =>
  fetch(`${t.url}/files/spk/${id}/signed`, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(bytes) });

describe('SPK from draft to confirmation', () => {
  it('runs the whole flow: draft, review, revision, approval, e-Meterai + signature, customer signature, confirmation', async () => {
    const c = await completeCustomer();
    const order = await checkoutOrder(t, c, 'vps-nvme-4', 12);

    // Before anything: the gate.
    const early = await t.gql(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { id } }`, { i: { orderId: order.id, method: 'GATEWAY' } }, c.token);
    expect(early.errors?.[0]).toMatchObject({ message: 'SPK belum diconfirm admin', extensions: { code: 'SPK_NOT_CONFIRMED' } });
    expect((await t.ok(`query($id: ID!) { order(id: $id) { spkNotice } }`, { id: order.id }, c.token)).order.spkNotice).toBe('SPK belum diconfirm admin');

    // A customer cannot draft their own SPK.
    expect((await t.gql(CREATE, { o: order.id }, c.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    let spk = (await t.ok(CREATE, { o: order.id }, support.token)).createSpk;
    expect(spk.number).toMatch(/^SPK\/\d{4}\/\d{2}\/\d{6}$/);
    expect(spk).toMatchObject({ status: 'DRAFT', currentVersion: 1 });
    expect((await t.ok(`query($id: ID!) { order(id: $id) { status } }`, { id: order.id }, c.token)).order.status).toBe('SPK_IN_PROGRESS');

    const draft = await download(spk.downloadUrl, c.token);
    expect(draft.status).toBe(200);
    const draftText = (await pageTexts(new Uint8Array(await draft.arrayBuffer()))).join('\f');
    expect(draftText).toContain(spk.number);
    expect(draftText).toContain('3171014501900001');
    expect(draftText).toContain('Rp 6.910.000');
    expect(draftText).toContain('enam juta sembilan ratus sepuluh ribu rupiah');
    const stranger = await t.createUser('CUSTOMER');
    expect((await download(spk.downloadUrl, stranger.token)).status).toBe(404);

    spk = (await t.ok(act('submitSpkForReview'), { id: spk.id }, support.token)).submitSpkForReview;
    expect(spk.allowedActions).toEqual(expect.arrayContaining(['CANCEL']));
    // Signing before the customer approved is refused.
    expect((await t.gql(act('signSpk'), { id: spk.id }, support.token)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_APPROVED' });

    spk = (await t.ok(act('requestSpkRevision', '$input: SpkReasonInput!'), { id: spk.id, input: { reason: 'Mohon nama perusahaan dicantumkan' } }, c.token)).requestSpkRevision;
    expect(spk.status).toBe('REVISION_REQUESTED');
    await t.ok(`mutation($i: ProfileInput!) { updateMyProfile(input: $i) { id } }`, { i: { company: 'PT Maju Bersama' } }, c.token);
    spk = (await t.ok(act('reviseSpk'), { id: spk.id }, support.token)).reviseSpk;
    expect(spk).toMatchObject({ status: 'DRAFT', currentVersion: 2 });
    spk = (await t.ok(act('submitSpkForReview'), { id: spk.id }, support.token)).submitSpkForReview;
    spk = (await t.ok(act('approveSpk'), { id: spk.id }, c.token)).approveSpk;
    expect(spk.approvedAt).toBeTruthy();

    spk = (await t.ok(act('signSpk'), { id: spk.id }, support.token)).signSpk;
    expect(spk).toMatchObject({ status: 'ADMIN_SIGNED', currentVersion: 3, stampDuty: '10000' });
    expect(spk.stampSerial).toMatch(/^[A-Z0-9]{22}$/);
    // The e-Meterai is in the stamp-duty ledger, once.
    const ledger = await t.app.orm.em.fork().getConnection().execute(`select serial, document_kind, document_number, amount::text from stamp_duty_ledger where document_id = ?`, [spk.id]);
    expect(ledger).toEqual([{ serial: spk.stampSerial, document_kind: 'SPK', document_number: spk.number, amount: '10000' }]);
    const signedBytes = new Uint8Array(await (await download(spk.downloadUrl, c.token)).arrayBuffer());
    expect(await checkSignatures(signedBytes)).toMatchObject([{ valid: true, wholeDocument: true, subFilter: 'adbe.pkcs7.detached' }]);
    const signedText = (await pageTexts(signedBytes)).join('\f');
    expect(signedText).toContain('PT Maju Bersama');
    expect(signedText).toContain(spk.stampSerial);

    // The customer signs digitally on top of our file (an incremental update keeps our bytes).
    const customerIdentity = await generateDevIdentity({ commonName: 'Budi Pelanggan', organization: 'PT Maju Bersama' });
    const countersigned = await signPdf(signedBytes, customerIdentity, {
      reason: 'Setuju',
      location: 'Jakarta',
      name: 'Budi Pelanggan',
      signingTime: new Date(),
      visible: { box: { page: 0, x: 40, y: 40, width: 160, height: 50 }, lines: ['Budi Pelanggan'] },
    });
    // Wrong state, someone else's SPK, not a PDF: refused, nothing stored.
    const versionsBefore = (await t.app.orm.em.fork().getConnection().execute(`select count(*)::int as n from spk_versions`))[0].n;
    expect((await upload(spk.id, countersigned, stranger.token)).status).toBe(404);
    const notPdf = await upload(spk.id, Buffer.from('just text pretending to be a signed contract'), c.token);
    expect(notPdf.status).toBe(400);
    expect((await notPdf.json()).error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TYPE_NOT_ALLOWED' });
    const foreign = await PDFDocument.create();
    foreign.addPage().drawText('Perjanjian PT Lain, kode dokumen SPK-ZZZZZZZZZZ', { x: 50, y: 700, size: 12, font: await foreign.embedFont(StandardFonts.Helvetica) });
    const foreignRes = await upload(spk.id, await foreign.save(), c.token);
    expect(foreignRes.status).toBe(400);
    expect((await foreignRes.json()).error.code).toBe('SPK_NOT_AUTHENTIC');
    expect((await t.app.orm.em.fork().getConnection().execute(`select count(*)::int as n from spk_versions`))[0].n).toBe(versionsBefore);

    const up = await upload(spk.id, countersigned, c.token);
    expect(up.status).toBe(201);
    const uploaded = await up.json();
    expect(uploaded).toMatchObject({ status: 'CUSTOMER_SIGNED', version: 4 });
    expect(uploaded.verification).toMatchObject({ documentCodeInText: true, derivation: 'INCREMENTAL_UPDATE', adminSignatureIntact: true, verdict: 'DIGITALLY_SIGNED' });
    expect(uploaded.verification.customerSignatures[0]).toMatchObject({ signer: 'Budi Pelanggan', digestValid: true });
    expect((await upload(spk.id, countersigned, c.token)).status).toBe(409);

    spk = (await t.ok(act('confirmSpk'), { id: spk.id }, support.token)).confirmSpk;
    expect(spk.status).toBe('CONFIRMED');
    const after = (await t.ok(`query($id: ID!) { order(id: $id) { status spkNotice spk { status } } }`, { id: order.id }, c.token)).order;
    expect(after).toEqual({ status: 'AWAITING_DOWN_PAYMENT', spkNotice: null, spk: { status: 'CONFIRMED' } });
    const pay = await t.ok(`mutation($i: CreatePaymentInput!) { createPayment(input: $i) { status } }`, { i: { orderId: order.id, method: 'GATEWAY' } }, c.token);
    expect(pay.createPayment.status).toBe('PENDING');

    expect(spk.history.map((h: { action: string }) => h.action)).toEqual([
      'CREATE', 'SUBMIT_FOR_REVIEW', 'REQUEST_REVISION', 'REVISE', 'SUBMIT_FOR_REVIEW', 'APPROVE', 'SIGN', 'UPLOAD_SIGNED', 'CONFIRM',
    ]);
    expect(spk.history[2]).toMatchObject({ fromStatus: 'UNDER_REVIEW', toStatus: 'REVISION_REQUESTED', reason: 'Mohon nama perusahaan dicantumkan', actorRole: 'CUSTOMER' });
    expect(spk.versions.map((v: { kind: string }) => v.kind)).toEqual(['DRAFT', 'DRAFT', 'ADMIN_SIGNED', 'CUSTOMER_SIGNED']);
    expect(new Set(spk.versions.map((v: { sha256: string }) => v.sha256)).size).toBe(4);

    // The public page: no login, nothing private.
    const page = await fetch(`${t.url}/verify/${spk.documentCode}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(spk.number);
    expect(html).toContain('CONFIRMED');
    expect(html).toContain('3171 **** **** 0001');
    expect(html).not.toContain('3171014501900001');
    expect(html).toContain(spk.versions[3].sha256);
    expect((await fetch(`${t.url}/verify/SPK-AAAAAAAAAA`)).status).toBe(404);
  }, 180_000);
});

/** An SPK signed by staff, waiting for the customer's signed copy. */
async function adminSignedSpk() {
  const c = await completeCustomer();
  const order = await checkoutOrder(t, c, 'vps-nvme-4', 12);
  let spk = (await t.ok(CREATE, { o: order.id }, support.token)).createSpk;
  spk = (await t.ok(act('submitSpkForReview'), { id: spk.id }, support.token)).submitSpkForReview;
  spk = (await t.ok(act('approveSpk'), { id: spk.id }, c.token)).approveSpk;
  spk = (await t.ok(act('signSpk'), { id: spk.id }, support.token)).signSpk;
  const bytes = new Uint8Array(await (await download(spk.downloadUrl, c.token)).arrayBuffer());
  return { c, order, spk, bytes };
}

describe('a signed copy changed after our signature', () => {
  it('is stored as MODIFIED_AFTER_SIGNING, naming the change, and confirmSpk refuses it', async () => {
    const { c, spk, bytes } = await adminSignedSpk();
    // The issue's forgery: a white box over page 2 and a new total, then a valid customer signature on top.
    const editor = await IncrementalEditor.open(bytes);
    const page = editor.doc.getPage(1);
    page.drawRectangle({ x: 50, y: 300, width: 495, height: 300, color: rgb(1, 1, 1) });
    page.drawText('Total harga: Rp 1.000', { x: 60, y: 500, size: 12, font: await editor.doc.embedFont(StandardFonts.Helvetica) });
    const forged = await signPdf(await editor.save(), await generateDevIdentity({ commonName: 'Budi Pelanggan', organization: 'Pelanggan' }), {
      reason: 'Setuju',
      location: 'Jakarta',
      name: 'Budi Pelanggan',
      signingTime: new Date(),
      visible: { box: { page: 0, x: 40, y: 40, width: 160, height: 50 }, lines: ['Budi Pelanggan'] },
    });
    const up = await upload(spk.id, forged, c.token);
    expect(up.status).toBe(201);
    const { verification } = await up.json();
    expect(verification).toMatchObject({ derivation: 'INCREMENTAL_UPDATE', adminSignatureIntact: true, verdict: 'MODIFIED_AFTER_SIGNING' });
    expect(verification.changesAfterSigning).toContainEqual(expect.objectContaining({ kind: 'PAGE_CONTENT', page: 2 }));

    const refused = await t.gql(act('confirmSpk'), { id: spk.id }, support.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'SPK_MODIFIED_AFTER_SIGNING' });
    expect(refused.errors?.[0]?.message).toContain('isi halaman 2 berubah');
    const after = (await t.ok(`query($id: ID!) { spk(id: $id) { status allowedActions } }`, { id: spk.id }, support.token)).spk;
    expect(after.status).toBe('CUSTOMER_SIGNED');
    expect(after.allowedActions).not.toContain('CONFIRM');
    expect(after.allowedActions).toContain('REJECT_SIGNATURE');
  }, 60_000);
});

describe('after the customer approves', () => {
  const Q = 'id status waitingFor allowedActions';
  const step = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { ${Q} } }`;

  it("is the staff's move: the customer sees nothing to do, staff may sign, and the dashboard lists it", async () => {
    const c = await completeCustomer();
    const order = await checkoutOrder(t, c);
    const created = (await t.ok(`mutation($o: ID!) { createSpk(orderId: $o) { ${Q} } }`, { o: order.id }, support.token)).createSpk;
    expect(created).toMatchObject({ status: 'DRAFT', waitingFor: 'STAFF' });
    const review = (await t.ok(step('submitSpkForReview'), { id: created.id }, support.token)).submitSpkForReview;
    expect(review.waitingFor).toBe('CUSTOMER');
    const asCustomer = (await t.ok(`query($id: ID!) { spk(id: $id) { ${Q} } }`, { id: created.id }, c.token)).spk;
    expect(asCustomer.allowedActions.sort()).toEqual(['APPROVE', 'REQUEST_REVISION']);

    const approved = (await t.ok(step('approveSpk'), { id: created.id }, c.token)).approveSpk;
    expect(approved).toMatchObject({ status: 'APPROVED', waitingFor: 'STAFF', allowedActions: [] });
    // Approving twice, or asking for changes after approving, is a conflict.
    expect((await t.gql(step('approveSpk'), { id: created.id }, c.token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await t.gql(`mutation($id: ID!) { requestSpkRevision(id: $id, input: { reason: "x" }) { id } }`, { id: created.id }, c.token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const asStaff = (await t.ok(`query($id: ID!) { spk(id: $id) { ${Q} } }`, { id: created.id }, support.token)).spk;
    expect(asStaff.allowedActions).toEqual(expect.arrayContaining(['SIGN', 'REVISE', 'CANCEL']));
    const staffTab = (await t.ok(`query($s: [SpkStatus!]) { spks(filter: { status: $s }, perPage: 200) { items { id } } }`, { s: STAFF_WAITING }, support.token)).spks.items;
    expect(staffTab.map((s: { id: string }) => s.id)).toContain(created.id);
    const admin = await t.createUser('ADMIN');
    const queue = (await t.ok(`{ dashboard { spksAwaitingStaff(limit: 50) { items { spkId status } } } }`, {}, admin.token)).dashboard.spksAwaitingStaff.items;
    expect(queue).toContainEqual({ spkId: created.id, status: 'APPROVED' });

    const signed = (await t.ok(step('signSpk'), { id: created.id }, support.token)).signSpk;
    expect(signed).toMatchObject({ status: 'ADMIN_SIGNED', waitingFor: 'CUSTOMER' });
    // SUPPORT is no authorised signer: the configured representative is named and signs, not the staff account.
    const url = (await t.ok(`query($id: ID!) { spk(id: $id) { downloadUrl } }`, { id: created.id }, c.token)).spk.downloadUrl;
    const pdf = new Uint8Array(await (await download(url, c.token)).arrayBuffer());
    const text = (await pageTexts(pdf)).join('\f');
    expect(text).toContain(t.app.services.config.COMPANY_REPRESENTATIVE_NAME);
    expect(text).not.toContain('Tempat e-Meterai');
    expect(readPdfSignatures(pdf)[0]?.signerCommonName).toBeTruthy();
    expect(Buffer.from(pdf).toString('latin1')).toContain(`/Name (${t.app.services.config.COMPANY_REPRESENTATIVE_NAME} (${t.app.services.config.COMPANY_NAME}))`);
  }, 60_000);
});

describe('SPK preconditions and the state machine', () => {
  it('refuses an incomplete profile, naming what is missing', async () => {
    const c = await t.createUser('CUSTOMER');
    const order = await checkoutOrder(t, c);
    const res = await t.gql(CREATE, { o: order.id }, support.token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'PROFILE_INCOMPLETE', missing: ['nik', 'address'] });
    expect((await t.ok(`query($id: ID!) { order(id: $id) { status } }`, { id: order.id }, c.token)).order.status).toBe('AWAITING_SPK');
  });

  it('refuses a new SPK while the customer is in arrears on another order', async () => {
    const c = await completeCustomer();
    const first = await checkoutOrder(t, c);
    // The first order is confirmed and its down payment (due at checkout) is past due once a day passes.
    await t.app.orm.em.fork().getConnection().execute(`update orders set status = 'AWAITING_DOWN_PAYMENT', spk_confirmed_at = now() where id = ?`, [first.id]);
    await t.app.orm.em.fork().getConnection().execute(`update installments set due_date = due_date - 3 where order_id = ? and number = 0`, [first.id]);
    const second = await checkoutOrder(t, c, 'colocation-1u', 6);
    const res = await t.gql(CREATE, { o: second.id }, support.token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CUSTOMER_IN_ARREARS', orders: [first.number] });
  });

  it('numbers are gap-free and each illegal move is a CONFLICT naming both states', async () => {
    const a = await completeCustomer();
    const o1 = await checkoutOrder(t, a);
    const o2 = await checkoutOrder(t, a, 'colocation-1u', 6);
    const s1 = (await t.ok(CREATE, { o: o1.id }, support.token)).createSpk;
    const s2 = (await t.ok(CREATE, { o: o2.id }, support.token)).createSpk;
    const seq = (n: string) => Number(n.split('/').at(-1));
    expect(seq(s2.number)).toBe(seq(s1.number) + 1);
    const res = await t.gql(act('confirmSpk'), { id: s1.id }, support.token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentState: 'DRAFT', requestedState: 'CONFIRMED' });
    // Cancelling hands the order back for a new SPK.
    await t.ok(act('cancelSpk', '$input: SpkReasonInput!'), { id: s1.id, input: { reason: 'Data salah' } }, support.token);
    expect((await t.ok(`query($id: ID!) { order(id: $id) { status spk { id } } }`, { id: o1.id }, a.token)).order).toEqual({ status: 'AWAITING_SPK', spk: null });
    const again = (await t.ok(CREATE, { o: o1.id }, support.token)).createSpk;
    expect(again.status).toBe('DRAFT');
  });
});
