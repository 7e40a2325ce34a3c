import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { accessRecord } from '../accounts/access';
import type { AuthUser } from '../accounts/auth-user';
import { Role } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import { audit } from '../audit/audit';
import { AppError } from '../common/errors';
import { storedText, t } from '../common/messages';
import type { AppServices } from '../app/services';
import { checkLimits, verifySignedUpload } from '../pdf';
import { OPEN_PROVIDER_SIGNING, ProviderSigningState, SpkProviderSigning } from './provider-signing.entity';
import { SignatureProviderError, type CallbackRequest } from './signature-provider';
import { SpkAction, spkMachine } from './spk-status';
import { Spk, SpkVersion, SpkVersionKind } from './spk.entity';
import { emitSpk, storeVersion, transition, uploadExpectations } from './spk.service';

/**
 * The customer's certified electronic signature (PSrE) on the SPK, beside the print-sign-scan upload.
 *
 * Order of operations: the e-Meterai is stamped first and our certifying signature (DocMDP, form filling
 * and signing only) covers it; the customer then signs through the provider, whose signature is an
 * incremental update after ours and covers the whole file. Peruri's e-Meterai refuses a document that
 * already carries a signature (and a stamp affixed later would change the page our signature covers),
 * so the stamp cannot come last; see README "SPK".
 *
 * What comes back from the provider goes through the same check as an upload (verification.ts) and must
 * come out DIGITALLY_SIGNED with a certificate chaining to the provider's CA and naming the customer's
 * NIK; then the SPK moves exactly as after a verified upload (UPLOAD_SIGNED, a CUSTOMER_SIGNED version,
 * `spk.customerSigned` via PROVIDER) and staff confirm it.
 */
type Services = Pick<AppServices, 'spk' | 'logger' | 'orm' | 'clock' | 'config'>;

const lock = { lockMode: LockMode.PESSIMISTIC_WRITE } as const;

/** The configured provider; with SIGNATURE_PROVIDER=none the electronic route is off (customers upload). */
function providerOf(app: Services) {
  if (!app.spk.signatures) throw new AppError('PSRE_ERROR', t('psre.notConfigured'));
  return app.spk.signatures;
}

function providerError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof SignatureProviderError) {
    if (err.kind === 'ACCOUNT_REQUIRED') return new AppError('PSRE_ACCOUNT_REQUIRED', t('psre.accountRequired'), { field: 'providerAccountId' });
    if (err.kind === 'OTP_INVALID') return new AppError('PSRE_OTP_INVALID', t('psre.otpInvalid'), { field: 'otp' });
    if (err.kind === 'OTP_LOCKED') return new AppError('PSRE_OTP_LOCKED', t('psre.otpLocked'), { field: 'otp' });
  }
  return new AppError('PSRE_ERROR', t('psre.providerFailed', { reason: (err as Error).message }));
}

const latestAdminSigned = (em: EntityManager, spk: Spk) => em.findOneOrFail(SpkVersion, { spk, kind: SpkVersionKind.ADMIN_SIGNED }, { orderBy: { version: 'desc' } });

/** The customer's latest attempt, for the SPK page of both sides. */
export function latestProviderSigning(em: EntityManager, spkId: string) {
  return em.findOne(SpkProviderSigning, { spk: spkId }, { orderBy: { createdAt: 'desc', id: 'desc' } });
}

/** Where to put the signature when the SPK was signed before its box was recorded: the last page's lower right. */
const FALLBACK_BOX = { x: 330, y: 90, width: 200, height: 110 };

/**
 * The customer hands the admin-signed SPK to the provider. An open attempt on the same admin-signed
 * version is returned as it is (pressing twice does not start twice); one on an older version is closed.
 *
 * No transaction is open during the provider's HTTP call (issue 14 item 6): a short transaction records
 * the intent (an attempt STARTING), the call runs with none open, and a second short transaction records
 * the answer on that attempt. Pressing again while a call is under way, or after a process died during
 * one, finds the STARTING attempt and calls again for it; the first answer recorded stands (a concurrent
 * press returns it), so one press or several make one attempt. A call that fails closes its attempt
 * (FAILED, with the reason); the next press starts a new one.
 */
export async function startProviderSigning(em: EntityManager, app: Services, user: AuthUser | null, spkId: string, providerAccountId: string | null) {
  const provider = providerOf(app);
  const intent = await em.fork().transactional(async (tx) => {
    const spk = accessRecord(user, await tx.findOne(Spk, spkId, lock), { owner: (s) => s.customer.id, notFound: 'spk.notFound', ownerOnly: true });
    spkMachine.apply(spk.status, SpkAction.UPLOAD_SIGNED);
    const admin = await latestAdminSigned(tx, spk);
    const open = await tx.findOne(SpkProviderSigning, { spk, state: { $in: [ProviderSigningState.STARTING, ...OPEN_PROVIDER_SIGNING] } }, { orderBy: { createdAt: 'desc' } });
    if (open && open.adminSignedVersion === admin.version && open.provider === provider.name) return open;
    if (open) {
      open.state = ProviderSigningState.FAILED;
      open.failureReason = storedText('psre.supersededByNewRequest');
    }
    return tx.create(SpkProviderSigning, { spk, provider: provider.name, state: ProviderSigningState.STARTING, adminSignedVersion: admin.version });
  });
  if (intent.state !== ProviderSigningState.STARTING) return intent;

  const read = em.fork();
  const spk = await read.findOneOrFail(Spk, spkId);
  const customer = await read.findOneOrFail(User, spk.customer.id);
  const admin = await read.findOneOrFail(SpkVersion, { spk, kind: SpkVersionKind.ADMIN_SIGNED, version: intent.adminSignedVersion }, { populate: ['file.data'] });
  const adminPdf = admin.file.$.data;
  const pages = spk.customerSignatureBox ? null : await lastPageIndex(adminPdf);
  let session;
  try {
    session = await provider.startSigning({
      documentId: `${spk.id}:v${admin.version}`,
      title: `SPK ${spk.number}`,
      fileName: `${spk.documentCode}.pdf`,
      pdf: adminPdf,
      signer: {
        fullName: customer.fullName,
        nik: customer.nik ?? '',
        email: customer.email,
        phone: customer.phone,
        organization: customer.company,
        providerAccountId: providerAccountId?.trim() || null,
      },
      box: spk.customerSignatureBox ?? { page: pages!, ...FALLBACK_BOX },
      reason: `Persetujuan ${spk.number}`,
      location: app.config.COMPANY_CITY,
      callbackUrl: `${app.config.publicUrl}/hooks/psre/${provider.name}`,
    });
  } catch (err) {
    const refused = providerError(err);
    await read.nativeUpdate(SpkProviderSigning, { id: intent.id, state: ProviderSigningState.STARTING }, { state: ProviderSigningState.FAILED, failureReason: refused.message.slice(0, 2000) });
    throw refused;
  }

  const recorded = await em.transactional(async (tx) => {
    const spkNow = await tx.findOneOrFail(Spk, spkId, lock);
    const attempt = await tx.findOneOrFail(SpkProviderSigning, intent.id, lock);
    // A concurrent press recorded its answer first: that attempt stands (this session stays unused).
    if (attempt.state !== ProviderSigningState.STARTING) return OPEN_PROVIDER_SIGNING.includes(attempt.state) ? attempt : { changed: spkNow.status };
    if (!spkMachine.can(spkNow.status, SpkAction.UPLOAD_SIGNED) || (await latestAdminSigned(tx, spkNow)).version !== attempt.adminSignedVersion) {
      attempt.state = ProviderSigningState.FAILED;
      attempt.failureReason = storedText('psre.spkChangedMeanwhile');
      return { changed: spkNow.status };
    }
    attempt.reference = session.reference;
    attempt.state = session.status === 'OTP_REQUIRED' ? ProviderSigningState.OTP_REQUIRED : ProviderSigningState.AWAITING_SIGNER;
    attempt.signingUrl = session.signingUrl;
    attempt.sandboxOtp = session.sandboxOtp;
    audit(tx, user!, 'spk.provider_signing_start', { entityType: 'Spk', entityId: spkId }, { provider: provider.name, reference: session.reference });
    return attempt;
  });
  if ('changed' in recorded) throw new AppError('CONFLICT', t('spk.changedWhileRendering'), { currentState: recorded.changed, reason: 'CHANGED_WHILE_RENDERING' });
  return recorded;
}

/** An open attempt's provider reference: recorded together with the open state, so it is always there. */
function referenceOf(attempt: SpkProviderSigning): string {
  if (attempt.reference === null) throw new Error(`provider signing ${attempt.id} is ${attempt.state} without a reference`);
  return attempt.reference;
}

async function lastPageIndex(pdf: Uint8Array): Promise<number> {
  return (await checkLimits(pdf)).pageCount - 1;
}

/** The customer types the OTP the provider sent them (providers that let us collect it: the sandbox). */
export async function confirmProviderOtp(em: EntityManager, app: Services, user: AuthUser | null, spkId: string, otp: string) {
  const provider = providerOf(app);
  const spk = accessRecord(user, await em.findOne(Spk, spkId), { owner: (s) => s.customer.id, notFound: 'spk.notFound', ownerOnly: true });
  const session = await em.findOne(SpkProviderSigning, { spk, state: ProviderSigningState.OTP_REQUIRED, provider: provider.name }, { orderBy: { createdAt: 'desc' } });
  if (!session || !provider.confirmOtp) throw new AppError('CONFLICT', t('psre.noOtpPending'), { currentState: spk.status });
  try {
    await provider.confirmOtp(referenceOf(session), otp);
  } catch (err) {
    if (err instanceof SignatureProviderError && err.kind === 'OTP_LOCKED') await closeAttempt(em, session.id, storedText('psre.otpLocked'));
    throw providerError(err);
  }
  // Signed at the provider: from here the result is fetched like any other (and the polling job retries).
  await em.nativeUpdate(SpkProviderSigning, { id: session.id, state: ProviderSigningState.OTP_REQUIRED }, { state: ProviderSigningState.AWAITING_SIGNER, sandboxOtp: null });
  const outcome = await completeProviderSigning(app, referenceOf(session), 'OTP');
  if (outcome.outcome === 'FAILED') throw new AppError('PSRE_NOT_CERTIFIED', t('psre.notCertified', { reason: outcome.reason ?? '-' }));
  if (outcome.outcome === 'PROVIDER_ERROR') throw new AppError('PSRE_ERROR', t('psre.providerFailed', { reason: outcome.reason ?? '-' }));
  return reloaded(em, spkId);
}

/** Asks the provider now (the customer back from the provider's page, or staff checking). */
export async function refreshProviderSigning(em: EntityManager, app: Services, user: AuthUser | null, spkId: string) {
  const spk = accessRecord(user, await em.findOne(Spk, spkId), { owner: (s) => s.customer.id, notFound: 'spk.notFound' });
  const session = await latestProviderSigning(em, spk.id);
  if (session && OPEN_PROVIDER_SIGNING.includes(session.state) && session.provider === app.spk.signatures?.name) {
    await completeProviderSigning(app, referenceOf(session), 'POLL');
  }
  return reloaded(em, spkId);
}

/** The completion ran on its own entity manager: the request's one forgets what it read before, so the answer is current. */
function reloaded(em: EntityManager, spkId: string) {
  em.clear();
  return em.findOneOrFail(Spk, spkId);
}

async function closeAttempt(em: EntityManager, id: string, reason: string) {
  await em.fork().nativeUpdate(SpkProviderSigning, { id, state: { $in: OPEN_PROVIDER_SIGNING } }, { state: ProviderSigningState.FAILED, failureReason: reason.slice(0, 2000) });
}

export type CompletionOutcome = { outcome: 'UNKNOWN' | 'ALREADY_DONE' | 'PENDING' | 'SIGNED' | 'FAILED' | 'PROVIDER_ERROR'; reason?: string };

/**
 * Fetches the provider's result for one attempt and applies it once. Every path ends here: the OTP, the
 * callback (after its signature was checked) and the polling job. A repeated or late call finds the
 * attempt closed and changes nothing.
 */
export async function completeProviderSigning(app: Services, reference: string, source: 'OTP' | 'CALLBACK' | 'POLL'): Promise<CompletionOutcome> {
  const provider = app.spk.signatures;
  if (!provider) return { outcome: 'UNKNOWN' };
  const em = app.orm.em.fork();
  const session = await em.findOne(SpkProviderSigning, { provider: provider.name, reference });
  if (!session) return { outcome: 'UNKNOWN' };
  if (!OPEN_PROVIDER_SIGNING.includes(session.state)) return { outcome: 'ALREADY_DONE' };

  let result;
  try {
    result = await provider.status(reference);
  } catch (err) {
    app.logger.warn({ err, provider: provider.name, reference, source }, 'signature provider status failed');
    if (err instanceof SignatureProviderError && err.kind === 'UNKNOWN_DOCUMENT') {
      await closeAttempt(em, session.id, storedText('psre.unknownDocument'));
      return { outcome: 'FAILED', reason: err.message };
    }
    return { outcome: 'PROVIDER_ERROR', reason: (err as Error).message };
  }
  if (result.status === 'FAILED') {
    await closeAttempt(em, session.id, result.failureReason ?? storedText('psre.refusedByProvider'));
    return { outcome: 'FAILED', reason: result.failureReason ?? undefined };
  }
  if (result.status !== 'SIGNED' || !result.signedPdf) {
    await em.nativeUpdate(SpkProviderSigning, { id: session.id }, { lastCheckedAt: app.clock.now() });
    return { outcome: 'PENDING' };
  }

  // Checked with no transaction open (a PDF worker job), like an upload; the transaction re-checks.
  const spkBefore = await em.findOneOrFail(Spk, session.spk.id);
  const admin = await em.findOneOrFail(SpkVersion, { spk: spkBefore, kind: SpkVersionKind.ADMIN_SIGNED, version: session.adminSignedVersion }, { populate: ['file.data'] });
  let report;
  try {
    report = await verifySignedUpload(result.signedPdf, admin.file.$.data, await uploadExpectations(em, app.spk, spkBefore));
  } catch (err) {
    await closeAttempt(em, session.id, storedText('psre.providerFileUnreadable', { reason: (err as Error).message }));
    return { outcome: 'FAILED', reason: (err as Error).message };
  }
  const refusal =
    report.verdict !== 'DIGITALLY_SIGNED'
      ? storedText('psre.checkVerdict', { verdict: report.verdict, changes: report.changesAfterSigning.length ? `: ${report.changesAfterSigning.map((c) => c.detail).join('; ')}` : '' })
      : report.certifiedBy !== provider.name
        ? storedText(report.notes.includes('CERTIFICATE_NIK_MISMATCH') ? 'psre.notCertifiedByNik' : 'psre.notCertifiedBy', { provider: provider.name })
        : null;

  return em.transactional(async (tx) => {
    const spk = await tx.findOneOrFail(Spk, session.spk.id, lock);
    const current = await tx.findOneOrFail(SpkProviderSigning, session.id, lock);
    if (!OPEN_PROVIDER_SIGNING.includes(current.state)) return { outcome: 'ALREADY_DONE' as const };
    const fail = (reason: string) => {
      current.state = ProviderSigningState.FAILED;
      current.failureReason = reason;
      return { outcome: 'FAILED' as const, reason };
    };
    if (refusal) return fail(refusal);
    if ((await latestAdminSigned(tx, spk)).version !== current.adminSignedVersion) return fail(storedText('psre.resignedMeanwhile'));
    if (!spkMachine.can(spk.status, SpkAction.UPLOAD_SIGNED)) return fail(storedText('psre.spkInStatus', { status: spk.status }));

    // The customer's own act, through the provider: the history names the customer.
    const customer: AuthUser = { id: spk.customer.id, role: Role.CUSTOMER };
    transition(tx, spk, customer, SpkAction.UPLOAD_SIGNED, `PSrE ${provider.name}`);
    spk.rejectionReason = null;
    const version = storeVersion(tx, spk, customer, SpkVersionKind.CUSTOMER_SIGNED, result.signedPdf!, {
      note: `Ditandatangani secara elektronik melalui PSrE ${provider.name} (${reference})`,
      verification: report as unknown as Record<string, unknown>,
    });
    current.state = ProviderSigningState.SIGNED;
    current.signedVersion = version.version;
    current.completedAt = app.clock.now();
    current.sandboxOtp = null;
    await emitSpk(tx, app.spk, 'spk.customerSigned', spk, customer, { via: 'PROVIDER' });
    return { outcome: 'SIGNED' as const };
  });
}

/**
 * A callback from the provider: its signature (or token) is checked by the adapter, then it is only a
 * reason to fetch the result. Counted on the attempt, so staff see repeated deliveries.
 */
export async function handleProviderCallback(app: Services, providerName: string, req: CallbackRequest): Promise<CompletionOutcome> {
  const provider = app.spk.signatures;
  if (!provider || providerName !== provider.name) return { outcome: 'UNKNOWN' };
  const { reference } = provider.parseCallback(req);
  await app.orm.em.fork().getConnection().execute('update spk_provider_signings set callbacks = callbacks + 1 where provider = ? and reference = ?', [provider.name, reference]);
  return completeProviderSigning(app, reference, 'CALLBACK');
}

/** The polling job: attempts waiting at the provider, not asked for a minute. Returns how many it settled. */
export async function pollProviderSignings(app: Services): Promise<number> {
  const provider = app.spk.signatures;
  if (!provider) return 0;
  const em = app.orm.em.fork();
  const before = new Date(app.clock.now().getTime() - 60_000);
  const due = await em.find(
    SpkProviderSigning,
    { provider: provider.name, state: ProviderSigningState.AWAITING_SIGNER, $or: [{ lastCheckedAt: null }, { lastCheckedAt: { $lte: before } }] },
    { limit: 50, orderBy: { lastCheckedAt: 'asc' } },
  );
  let settled = 0;
  for (const s of due) {
    const { outcome } = await completeProviderSigning(app, referenceOf(s), 'POLL');
    if (outcome === 'SIGNED' || outcome === 'FAILED') settled++;
  }
  return settled;
}
