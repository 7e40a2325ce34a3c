import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t as message } from '../../server/src/common/messages';
import { generateDevIdentity, signPdf } from '../../server/src/spk/document/sign';
import { createSandboxCa, issueSignerIdentity, SANDBOX_CA_NAME, SandboxSignatureProvider } from '../../server/src/spk/signature-provider';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { adminSignedSpk as adminSignedSpkFor, TEST_NIK as NIK } from '../support/spk';
import { checkSignatures, pageTexts } from '../support/pdf-reader';

const SIGNING = `providerSigning { provider reference state adminSignedVersion signingUrl sandboxOtp failureReason signedVersion completedAt callbacks }`;
const SPK = `id status currentVersion stampSerial downloadUrl allowedActions waitingFor signatureProvider ${SIGNING}
  versions { version kind downloadUrl note verification } history { action fromStatus toStatus reason actorRole }`;
const START = `mutation($id: ID!, $i: StartProviderSigningInput) { startProviderSigning(spkId: $id, input: $i) { state sandboxOtp reference provider } }`;
const OTP = `mutation($id: ID!, $otp: String!) { confirmProviderOtp(spkId: $id, input: { otp: $otp }) { ${SPK} } }`;
const GET = `query($id: ID!) { spk(id: $id) { ${SPK} } }`;

let t: TestApp;
let support: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  support = await t.createUser('SUPPORT');
});
afterAll(() => t?.close());

const adminSignedSpk = async () => {
  const made = await adminSignedSpkFor(t, support, SPK);
  expect(made.spk.status).toBe('ADMIN_SIGNED');
  return made;
};

const download = async (url: string, token: string) => new Uint8Array(await (await fetch(`${t.url}${url}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
const callback = (body: Buffer, headers: Record<string, string>) =>
  fetch(`${t.url}/hooks/psre/sandbox`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: new Uint8Array(body) });
const upload = (id: string, bytes: Uint8Array, token: string) => fetch(`${t.url}/files/spk/${id}/signed`, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(bytes) });

// Each case renders, stamps and signs real PDFs (three RSA keys): slow on a shared machine, not a timing check.
describe('certified electronic signature through the sandbox PSrE', { timeout: 240_000 }, () => {
  it('drives the SPK from approval to CONFIRMED with no upload: OTP, certified signature, callback, confirmation', async () => {
    const { c, spk } = await adminSignedSpk();
    expect(spk.signatureProvider).toBe('sandbox');
    expect(spk.providerSigning).toBeNull();
    const signed = [] as { via: string; spkId: string }[];
    const off = t.app.services.events.on('spk.customerSigned', 'test: record', (_em, p) => void signed.push(p));

    // Only the SPK's own customer may sign through the provider: another customer does not see it, staff may not sign for them.
    const stranger = await t.createUser('CUSTOMER');
    expect((await t.gql(START, { id: spk.id }, stranger.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(START, { id: spk.id }, support.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const started = (await t.ok(START, { id: spk.id }, c.token)).startProviderSigning;
    expect(started).toMatchObject({ state: 'OTP_REQUIRED', provider: 'sandbox' });
    expect(started.sandboxOtp).toMatch(/^\d{6}$/);
    // Pressing again resumes the open attempt instead of starting another.
    expect((await t.ok(START, { id: spk.id }, c.token)).startProviderSigning.reference).toBe(started.reference);
    // Staff see where it stands, never the OTP.
    const staffView = (await t.ok(GET, { id: spk.id }, support.token)).spk;
    expect(staffView.providerSigning).toMatchObject({ state: 'OTP_REQUIRED', reference: started.reference, sandboxOtp: null });

    // A wrong OTP changes nothing.
    const wrongOtp = String((Number(started.sandboxOtp) + 1) % 1_000_000).padStart(6, '0');
    expect((await t.gql(OTP, { id: spk.id, otp: wrongOtp }, c.token)).errors?.[0]?.extensions).toMatchObject({ code: 'PSRE_OTP_INVALID', field: 'otp' });
    expect((await t.ok(GET, { id: spk.id }, c.token)).spk).toMatchObject({ status: 'ADMIN_SIGNED', currentVersion: spk.currentVersion });
    // Nobody else can type it in.
    expect((await t.gql(OTP, { id: spk.id, otp: started.sandboxOtp }, stranger.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const after = (await t.ok(OTP, { id: spk.id, otp: started.sandboxOtp }, c.token)).confirmProviderOtp;
    expect(after).toMatchObject({ status: 'CUSTOMER_SIGNED', currentVersion: spk.currentVersion + 1, waitingFor: 'STAFF' });
    expect(after.providerSigning).toMatchObject({ state: 'SIGNED', signedVersion: spk.currentVersion + 1, sandboxOtp: null });
    const version = after.versions.at(-1);
    expect(version.kind).toBe('CUSTOMER_SIGNED');
    expect(version.note).toContain('PSrE sandbox');
    expect(version.verification).toMatchObject({ verdict: 'DIGITALLY_SIGNED', derivation: 'INCREMENTAL_UPDATE', adminSignatureIntact: true, certifiedBy: 'sandbox', changesAfterSigning: [], eMeteraiSerialFound: true });
    expect(version.verification.customerSignatures).toEqual([expect.objectContaining({ certified: true, nikMatches: true, issuer: SANDBOX_CA_NAME, digestValid: true, coversWholeDocument: true })]);
    expect(after.history.at(-1)).toMatchObject({ action: 'UPLOAD_SIGNED', fromStatus: 'ADMIN_SIGNED', toStatus: 'CUSTOMER_SIGNED', actorRole: 'CUSTOMER', reason: 'PSrE sandbox' });
    expect(signed).toEqual([expect.objectContaining({ spkId: spk.id, via: 'PROVIDER' })]);

    // An independent verifier (pkijs) agrees: our certified signature covers the stamped revision, the
    // customer's covers the whole file; the e-Meterai is still there.
    const final = await download(version.downloadUrl, support.token);
    const sigs = await checkSignatures(final);
    expect(sigs).toHaveLength(2);
    expect(sigs[0]).toMatchObject({ valid: true, wholeDocument: false });
    expect(sigs[1]).toMatchObject({ valid: true, wholeDocument: true });
    expect((await pageTexts(final)).join('\f')).toContain(spk.stampSerial);

    // The callback the sandbox sends: a repeat changes nothing, a forged one is refused, an unknown document is 404.
    const sandbox = t.app.services.spk.signatures as SandboxSignatureProvider;
    const again = sandbox.callbackFor(started.reference, 'SIGNED');
    const repeat = await callback(again.body, again.headers);
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toMatchObject({ outcome: 'ALREADY_DONE' });
    const forged = await callback(again.body, { 'x-sandbox-signature': `sha256=${'0'.repeat(64)}` });
    expect(forged.status).toBe(401);
    const unknown = sandbox.callbackFor('SBX-NOSUCHDOCUMENT', 'SIGNED');
    expect((await callback(unknown.body, unknown.headers)).status).toBe(404);
    expect((await callback(Buffer.from('{}'), {})).status).toBe(401);
    const still = (await t.ok(GET, { id: spk.id }, support.token)).spk;
    expect(still).toMatchObject({ status: 'CUSTOMER_SIGNED', currentVersion: spk.currentVersion + 1 });
    expect(still.providerSigning.callbacks).toBeGreaterThanOrEqual(1);

    // Signing again once signed is refused: the SPK is no longer waiting for the customer.
    expect((await t.gql(START, { id: spk.id }, c.token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const confirmed = (await t.ok(`mutation($id: ID!) { confirmSpk(id: $id) { status } }`, { id: spk.id }, support.token)).confirmSpk;
    expect(confirmed.status).toBe('CONFIRMED');
    off();
  });

  it('locks the attempt after too many wrong OTPs; a new attempt gets a new OTP', async () => {
    const { c, spk } = await adminSignedSpk();
    const first = (await t.ok(START, { id: spk.id }, c.token)).startProviderSigning;
    const wrong = String((Number(first.sandboxOtp) + 7) % 1_000_000).padStart(6, '0');
    expect((await t.gql(OTP, { id: spk.id, otp: wrong }, c.token)).errors?.[0]?.extensions?.code).toBe('PSRE_OTP_INVALID');
    expect((await t.gql(OTP, { id: spk.id, otp: wrong }, c.token)).errors?.[0]?.extensions?.code).toBe('PSRE_OTP_INVALID');
    expect((await t.gql(OTP, { id: spk.id, otp: wrong }, c.token)).errors?.[0]?.extensions?.code).toBe('PSRE_OTP_LOCKED');
    const locked = (await t.ok(GET, { id: spk.id }, c.token)).spk;
    expect(locked).toMatchObject({ status: 'ADMIN_SIGNED', providerSigning: { state: 'FAILED' } });
    expect((await t.gql(OTP, { id: spk.id, otp: first.sandboxOtp }, c.token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const second = (await t.ok(START, { id: spk.id }, c.token)).startProviderSigning;
    expect(second.reference).not.toBe(first.reference);
    expect((await t.ok(OTP, { id: spk.id, otp: second.sandboxOtp }, c.token)).confirmProviderOtp.status).toBe('CUSTOMER_SIGNED');
  });

  it('counts an uploaded signature as certified only when it chains to the configured provider CA', async () => {
    const { c, spk } = await adminSignedSpk();
    const adminSigned = await download(spk.downloadUrl, c.token);
    const box = { page: 0, x: 40, y: 40, width: 180, height: 60 };
    const sign = (identity: Awaited<ReturnType<typeof generateDevIdentity>>) =>
      signPdf(adminSigned, identity, { reason: 'Setuju', location: 'Jakarta', name: 'Budi', signingTime: new Date(), visible: { box, lines: ['Budi'] } });

    // Same name and NIK, but a CA that is not the configured provider's (another sandbox): not certified.
    const otherCa = await createSandboxCa();
    const foreign = await sign(await issueSignerIdentity(otherCa, { fullName: 'Budi', nik: NIK, email: 'budi@example.co.id', organization: null }, new Date()));
    const res = await upload(spk.id, foreign, c.token);
    expect(res.status).toBe(201);
    const report = (await res.json()).verification;
    expect(report).toMatchObject({ verdict: 'DIGITALLY_SIGNED', certifiedBy: null });
    expect(report.customerSignatures[0]).toMatchObject({ certified: false, issuer: SANDBOX_CA_NAME, nikMatches: true });
  });
});

/** Issue 14 item 6: handing the SPK to the provider holds no transaction or lock during the HTTP call. */
describe('starting a provider signing', { timeout: 240_000 }, () => {
  /** The app's provider, held before it answers until the test lets it go (or made to fail once). */
  function holdProvider(fail?: Error) {
    const provider = t.app.services.spk.signatures!;
    const start = provider.startSigning.bind(provider);
    let entered!: () => void;
    let release!: () => void;
    const gate = { entered: new Promise<void>((r) => (entered = r)), released: new Promise<void>((r) => (release = r)) };
    const held = { calls: 0, entered: gate.entered, release, restore: () => void (provider.startSigning = start) };
    provider.startSigning = async (req) => {
      held.calls++;
      entered();
      await gate.released;
      if (fail && held.calls === 1) throw fail;
      return start(req);
    };
    return held;
  }

  /** SQL from a connection of its own, giving up after 3 s of waiting for a lock. */
  async function sql(text: string, values: unknown[]) {
    const c = new pg.Client({ connectionString: t.databaseUrl! });
    await c.connect();
    try {
      await c.query(`set lock_timeout = '3s'`);
      return await c.query(text, values);
    } finally {
      await c.end();
    }
  }
  const attempts = async (spkId: string) => (await sql(`select state, reference from spk_provider_signings where spk_id = $1 order by created_at`, [spkId])).rows;

  it.runIf(!!process.env.TEST_DATABASE_URL)('a write to the same SPK and order completes while the provider is stalled; pressing again meanwhile makes one attempt', async () => {
    const { c, spk } = await adminSignedSpk();
    const held = holdProvider();
    try {
      const first = t.gql(START, { id: spk.id }, c.token);
      await held.entered;
      // Today's code held the SPK's row lock (and its transaction) around the provider's HTTP call.
      expect((await sql(`update spks set updated_at = updated_at where id = $1`, [spk.id])).rowCount).toBe(1);
      expect((await sql(`update orders set updated_at = updated_at where id = (select order_id from spks where id = $1)`, [spk.id])).rowCount).toBe(1);
      // The intent is recorded before the call.
      expect(await attempts(spk.id)).toEqual([{ state: 'STARTING', reference: null }]);
      const second = t.gql(START, { id: spk.id }, c.token);
      for (let i = 0; i < 200 && held.calls < 2; i++) await new Promise((r) => setTimeout(r, 25));
      held.release();
      const [a, b] = await Promise.all([first, second]);
      expect(a.errors).toBeUndefined();
      expect(b.errors).toBeUndefined();
      expect(a.data!.startProviderSigning).toMatchObject({ state: 'OTP_REQUIRED', provider: 'sandbox' });
      expect(b.data!.startProviderSigning.reference).toBe(a.data!.startProviderSigning.reference);
      expect(await attempts(spk.id)).toEqual([{ state: 'OTP_REQUIRED', reference: a.data!.startProviderSigning.reference }]);
    } finally {
      held.release();
      held.restore();
    }
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)('an SPK that changed during the call closes the attempt with the stored reason from the messages, in Indonesian whatever the request\'s language (storedText)', async () => {
    const { c, spk } = await adminSignedSpk();
    const held = holdProvider();
    try {
      const started = t.gql(START, { id: spk.id }, c.token, { 'accept-language': 'en' });
      await held.entered;
      // Staff took the SPK back meanwhile: the customer can no longer sign this version.
      await sql(`update spks set status = 'DRAFT' where id = $1`, [spk.id]);
      held.release();
      expect((await started).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CHANGED_WHILE_RENDERING' });
      const closed = (await sql(`select state, failure_reason from spk_provider_signings where spk_id = $1`, [spk.id])).rows;
      expect(closed).toEqual([{ state: 'FAILED', failure_reason: message('psre.spkChangedMeanwhile', {}, 'id') }]);
    } finally {
      held.release();
      held.restore();
    }
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)('a failed call closes its attempt with the reason; an attempt left behind by a process that died is retried by the next press', async () => {
    const { c, spk } = await adminSignedSpk();
    const held = holdProvider(new Error('connect ECONNREFUSED'));
    held.release();
    try {
      expect((await t.gql(START, { id: spk.id }, c.token)).errors?.[0]?.extensions?.code).toBe('PSRE_ERROR');
      expect((await t.ok(GET, { id: spk.id }, c.token)).spk.providerSigning).toMatchObject({ state: 'FAILED', reference: null });
      expect((await attempts(spk.id)).map((a) => a.state)).toEqual(['FAILED']);
    } finally {
      held.restore();
    }
    // What a process killed during the call leaves: the intent, no answer recorded.
    await sql(`insert into spk_provider_signings (id, created_at, updated_at, spk_id, provider, reference, state, admin_signed_version, callbacks)
      select gen_random_uuid(), now(), now(), id, 'sandbox', null, 'STARTING', current_version, 0 from spks where id = $1`, [spk.id]);
    const retried = (await t.ok(START, { id: spk.id }, c.token)).startProviderSigning;
    expect(retried).toMatchObject({ state: 'OTP_REQUIRED' });
    expect((await attempts(spk.id)).map((a) => a.state)).toEqual(['FAILED', 'OTP_REQUIRED']);
  });
});
