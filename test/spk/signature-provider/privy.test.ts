import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../../../server/src/spk/document/sign';
import {
  createSandboxCa,
  issueSignerIdentity,
  PrivySignatureProvider,
  SignatureProviderError,
  type ProviderSigningRequest,
  type SandboxCa,
} from '../../../server/src/spk/signature-provider';
import { pollProviderSignings } from '../../../server/src/spk/provider-signing';
import { startTestApp, type TestApp, type TestUser } from '../../support/app';
import { adminSignedSpk as adminSignedSpkFor, TEST_NIK as NIK } from '../../support/spk';
import { checkSignatures } from '../../support/pdf-reader';
import { makeAgreementPdf } from '../stamp-duty/pdf-tools';
import { PRIVY_PATH, startFakePrivy } from './fake-privy';

const CREDS = { username: 'angsur-merchant', password: 'pw-7d1f0c3a', merchantKey: 'mk-91ab44e0' };
const CALLBACK_TOKEN = 'cb-token-5c0e2f7d9a1b';

let fake: Awaited<ReturnType<typeof startFakePrivy>>;
let privyCa: SandboxCa;
beforeAll(async () => {
  fake = await startFakePrivy(CREDS);
  privyCa = await createSandboxCa(new Date(), 'PrivyID Test CA');
});
afterAll(() => fake?.close());

const adapter = (over: Partial<ConstructorParameters<typeof PrivySignatureProvider>[0]> = {}) =>
  new PrivySignatureProvider({
    baseUrl: fake.baseUrl,
    ...CREDS,
    ownerPrivyId: 'ANG001',
    enterpriseToken: 'ent-token-1',
    callbackToken: CALLBACK_TOKEN,
    caCertificatesPem: [privyCa.certPem],
    ...over,
  });

const expectProviderError = async (p: Promise<unknown>, kind: string, status?: number) => {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(SignatureProviderError);
  expect(err).toMatchObject({ kind, ...(status ? { status } : {}) });
};

/** The signer at Privy: a certificate under Privy's CA for the customer's name and NIK. */
async function signAtPrivy(pdf: Uint8Array, nik = NIK) {
  const identity = await issueSignerIdentity(privyCa, { fullName: 'Budi Santoso', nik, email: 'budi@example.co.id', organization: null }, new Date());
  return signPdf(pdf, identity, { reason: 'Setuju', location: 'Jakarta', name: 'Budi Santoso', signingTime: new Date(), visible: { box: { page: 0, x: 330, y: 90, width: 200, height: 110 }, lines: ['Budi Santoso', 'PrivyID'] } });
}

describe('Privy adapter against a server that follows the published protocol', () => {
  let request: ProviderSigningRequest;
  beforeAll(async () => {
    request = {
      documentId: 'spk-1:v3',
      title: 'SPK SPK/2026/12/000001',
      fileName: 'SPK-ABCDEFGHJK.pdf',
      pdf: await makeAgreementPdf(),
      signer: { fullName: 'Budi Santoso', nik: NIK, email: 'budi@example.co.id', phone: '+6281234567890', organization: null, providerAccountId: 'BUDI1234' },
      box: { page: 0, x: 330, y: 90, width: 200, height: 110 },
      reason: 'Persetujuan',
      location: 'Jakarta',
      callbackUrl: 'http://127.0.0.1:1/hooks/psre/privy',
    };
  });

  it('uploads with Basic auth and Merchant-Key, polls, and downloads the signed PDF once Completed', async () => {
    const before = fake.seen.length;
    const session = await adapter().startSigning(request);
    expect(session).toMatchObject({ provider: 'privy', status: 'AWAITING_SIGNER', sandboxOtp: null });
    expect(session.signingUrl).toMatch(/^https:\/\/sign-sandbox\.privy\.id\/doc\//);
    const sent = fake.seen.slice(before);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${PRIVY_PATH}/document/upload`]);
    const doc = fake.documents.get(session.reference)!;
    expect(doc).toMatchObject({ title: request.title, docType: 'Serial', owner: { privyId: 'ANG001', enterpriseToken: 'ent-token-1' }, recipients: [{ privyId: 'BUDI1234', type: 'Signer' }], fileName: request.fileName });
    expect(doc.pdf.equals(Buffer.from(request.pdf))).toBe(true);

    expect(await adapter().status(session.reference)).toMatchObject({ status: 'AWAITING_SIGNER', signedPdf: null });
    const signed = await signAtPrivy(request.pdf);
    fake.complete(session.reference, signed);
    const done = await adapter().status(session.reference);
    expect(done.status).toBe('SIGNED');
    expect(Buffer.from(done.signedPdf!).equals(signed)).toBe(true);
  });

  it('refuses without the signer PrivyID before calling, and reports refusals, unknown documents, bad credentials and outages', async () => {
    const before = fake.seen.length;
    await expectProviderError(adapter().startSigning({ ...request, signer: { ...request.signer, providerAccountId: null } }), 'ACCOUNT_REQUIRED');
    expect(fake.seen.length).toBe(before);
    await expectProviderError(adapter().status('no-such-doc-token'), 'UNKNOWN_DOCUMENT', 404);
    await expectProviderError(adapter({ password: 'wrong' }).startSigning(request), 'PROVIDER_ERROR', 401);
    fake.failNext(1);
    await expectProviderError(adapter().startSigning(request), 'PROVIDER_ERROR', 500);
    const session = await adapter().startSigning(request);
    fake.reject(session.reference);
    expect(await adapter().status(session.reference)).toMatchObject({ status: 'FAILED' });
    await expect(adapter({ baseUrl: 'http://127.0.0.1:1/v3/merchant' }).status('x')).rejects.toMatchObject({ kind: 'PROVIDER_ERROR', status: undefined });
  });

  it('accepts a callback only with the registered token and reads its docToken', () => {
    const body = Buffer.from(JSON.stringify({ docToken: 'abc123', documentStatus: 'Completed', recipients: [] }));
    expect(adapter().parseCallback({ headers: {}, query: { token: CALLBACK_TOKEN }, rawBody: body })).toEqual({ reference: 'abc123', status: 'SIGNED' });
    expect(() => adapter().parseCallback({ headers: {}, query: { token: 'cb-token-5c0e2f7d9a1c' }, rawBody: body })).toThrow(expect.objectContaining({ kind: 'BAD_CALLBACK_SIGNATURE' }));
    expect(() => adapter().parseCallback({ headers: {}, query: {}, rawBody: body })).toThrow(expect.objectContaining({ kind: 'BAD_CALLBACK_SIGNATURE' }));
    expect(() => adapter().parseCallback({ headers: {}, query: { token: CALLBACK_TOKEN }, rawBody: Buffer.from('not json') })).toThrow(expect.objectContaining({ kind: 'BAD_CALLBACK' }));
  });
});

describe('SPK signed through Privy (the app on the fake Privy server)', { timeout: 240_000 }, () => {
  let t: TestApp;
  let support: TestUser;
  const SPK = `id status currentVersion stampSerial downloadUrl signatureProvider providerSigning { state reference signingUrl failureReason callbacks } versions { kind downloadUrl verification }`;
  const START = `mutation($id: ID!, $i: StartProviderSigningInput) { startProviderSigning(spkId: $id, input: $i) { state reference signingUrl } }`;
  const GET = `query($id: ID!) { spk(id: $id) { ${SPK} } }`;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        SIGNATURE_PROVIDER: 'privy',
        PRIVY_BASE_URL: fake.baseUrl,
        PRIVY_USERNAME: CREDS.username,
        PRIVY_PASSWORD: CREDS.password,
        PRIVY_MERCHANT_KEY: CREDS.merchantKey,
        PRIVY_OWNER_PRIVY_ID: 'ANG001',
        PRIVY_ENTERPRISE_TOKEN: 'ent-token-1',
        PRIVY_CALLBACK_TOKEN: CALLBACK_TOKEN,
        PRIVY_CA_CERTS_BASE64: Buffer.from(privyCa.certPem).toString('base64'),
      },
    });
    support = await t.createUser('SUPPORT');
  });
  afterAll(() => t?.close());

  const adminSignedSpk = () => adminSignedSpkFor(t, support, SPK);
  const hook = (token: string) => `${t.url}/hooks/psre/privy?token=${token}`;

  it('starts at Privy, takes the signed copy through a verified callback once, and ignores forged, repeated and unknown ones', async () => {
    const { c, spk } = await adminSignedSpk();
    expect(spk.signatureProvider).toBe('privy');
    expect((await t.gql(START, { id: spk.id }, c.token)).errors?.[0]?.extensions).toMatchObject({ code: 'PSRE_ACCOUNT_REQUIRED', field: 'providerAccountId' });
    const started = (await t.ok(START, { id: spk.id, i: { providerAccountId: 'BUDI1234' } }, c.token)).startProviderSigning;
    expect(started.state).toBe('AWAITING_SIGNER');
    expect(started.signingUrl).toContain(started.reference);
    const sentPdf = fake.documents.get(started.reference)!.pdf;

    // Not signed yet: a (genuine) callback or a poll changes nothing.
    const early = await fake.callback(hook(CALLBACK_TOKEN), { docToken: started.reference, documentStatus: 'In Progress' });
    expect(await early.json()).toMatchObject({ outcome: 'PENDING' });

    fake.complete(started.reference, await signAtPrivy(sentPdf));
    // A callback without the registered token is refused and changes nothing.
    expect((await fake.callback(hook('cb-token-forged-000000'), { docToken: started.reference, documentStatus: 'Completed' })).status).toBe(401);
    expect((await t.ok(GET, { id: spk.id }, support.token)).spk.status).toBe('ADMIN_SIGNED');
    // Privy is down when the callback comes: 502 (Privy retries), nothing changes.
    fake.failNext(1);
    expect((await fake.callback(hook(CALLBACK_TOKEN), { docToken: started.reference, documentStatus: 'Completed' })).status).toBe(502);
    expect((await t.ok(GET, { id: spk.id }, support.token)).spk.status).toBe('ADMIN_SIGNED');

    const ok = await fake.callback(hook(CALLBACK_TOKEN), { docToken: started.reference, documentStatus: 'Completed' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ outcome: 'SIGNED' });
    const repeat = await fake.callback(hook(CALLBACK_TOKEN), { docToken: started.reference, documentStatus: 'Completed' });
    expect(await repeat.json()).toMatchObject({ outcome: 'ALREADY_DONE' });
    expect((await fake.callback(hook(CALLBACK_TOKEN), { docToken: 'unknowndoctoken', documentStatus: 'Completed' })).status).toBe(404);

    const after = (await t.ok(GET, { id: spk.id }, support.token)).spk;
    expect(after).toMatchObject({ status: 'CUSTOMER_SIGNED', currentVersion: spk.currentVersion + 1, providerSigning: { state: 'SIGNED' } });
    expect(after.providerSigning.callbacks).toBe(4);
    const report = after.versions.at(-1).verification;
    expect(report).toMatchObject({ verdict: 'DIGITALLY_SIGNED', certifiedBy: 'privy' });
    expect(report.customerSignatures[0]).toMatchObject({ certified: true, nikMatches: true, issuer: 'PrivyID Test CA' });
    const final = new Uint8Array(await (await fetch(`${t.url}${after.versions.at(-1).downloadUrl}`, { headers: { authorization: `Bearer ${support.token}` } })).arrayBuffer());
    expect((await checkSignatures(final)).map((s) => s.valid)).toEqual([true, true]);
    expect((await t.ok(`mutation($id: ID!) { confirmSpk(id: $id) { status } }`, { id: spk.id }, support.token)).confirmSpk.status).toBe('CONFIRMED');
  });

  it('without a callback the polling job brings the result; a certificate naming another NIK is not accepted', async () => {
    const { c, spk } = await adminSignedSpk();
    const started = (await t.ok(START, { id: spk.id, i: { providerAccountId: 'BUDI1234' } }, c.token)).startProviderSigning;
    fake.complete(started.reference, await signAtPrivy(fake.documents.get(started.reference)!.pdf, '3171019999990001'));
    expect(await pollProviderSignings(t.app.services)).toBe(1);
    const failed = (await t.ok(GET, { id: spk.id }, c.token)).spk;
    expect(failed).toMatchObject({ status: 'ADMIN_SIGNED', providerSigning: { state: 'FAILED' } });
    expect(failed.providerSigning.failureReason).toContain('NIK');

    const again = (await t.ok(START, { id: spk.id, i: { providerAccountId: 'BUDI1234' } }, c.token)).startProviderSigning;
    expect(again.reference).not.toBe(started.reference);
    fake.complete(again.reference, await signAtPrivy(fake.documents.get(again.reference)!.pdf));
    expect(await pollProviderSignings(t.app.services)).toBe(1);
    expect((await t.ok(GET, { id: spk.id }, c.token)).spk).toMatchObject({ status: 'CUSTOMER_SIGNED', providerSigning: { state: 'SIGNED' } });
    expect(await pollProviderSignings(t.app.services)).toBe(0);
  });
});
