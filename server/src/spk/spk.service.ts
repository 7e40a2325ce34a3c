import { accessRecord, requirePermission, requireUser } from '../accounts/access';
import { createHash, randomInt } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';
import { User } from '../accounts/user.entity';
import { audit } from '../audit/audit';
import { AppError, forbidden, notFound } from '../common/errors';
import { t } from '../common/messages';
import { checkPdf, pdfUploadError } from '../common/uploads';
import { todayJakarta, type Clock } from '../common/time';
import type { Config } from '../config/config';
import { nextCounterValue } from '../db/counter.entity';
import { StoredFile } from '../files/stored-file.entity';
import { Installment, InstallmentStatus } from '../installments/installment.entity';
import { OrderItem } from '../orders/order-item.entity';
import { OrderAction, orderMachine } from '../orders/order-status';
import { Order } from '../orders/order.entity';
import { renderSpk, signSpkPdf, verifySignedUpload } from '../pdf';
import type { SpkDocumentData } from './document';
import type { SigningIdentity } from './document/sign';
import { assertNoArrears, assertProfileComplete } from './preconditions';
import { CUSTOMER_ACTIONS, SpkAction, SpkStatus, spkMachine } from './spk-status';
import { Spk, SpkEvent, SpkVersion, SpkVersionKind } from './spk.entity';
import type { StampDutyProvider } from './stamp-duty';
import type { SignatureProvider } from './signature-provider';
import type { NotificationBus } from '../notifications/bus';
import { notify } from '../notifications/notifications.service';
import { waMeLink } from '../common/id-formats';
import { spkAuditAction } from '../audit/sentences';
import { spkSigner } from './signing-identity';
import { appLinks } from '../common/app-links';
import { Restructuring } from '../restructuring/restructuring.entity';
import type { DomainEventMap, DomainEventType, EventDeps } from '../events/domain-events';

export interface SpkDeps extends EventDeps {
  clock: Clock;
  bus: NotificationBus;
  config: Config;
  stampDuty: StampDutyProvider;
  /** The customer's certified electronic signature (PSrE); null when switched off (SIGNATURE_PROVIDER=none). */
  signatures: SignatureProvider | null;
  signingIdentity(): Promise<SigningIdentity>;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newDocumentCode = () => `SPK-${Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')}`;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The SPK if the caller may see it (its customer or staff); anyone else gets NOT_FOUND. */
export async function getSpk(em: EntityManager, user: AuthUser | null, id: string, lock = false): Promise<Spk> {
  const actor = requireUser(user);
  const spk = accessRecord(actor, await em.findOne(Spk, id, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}), { owner: (r) => r.customer.id, notFound: 'spk.notFound' });
  return spk;
}

/** Moves the SPK through the machine, checks who may, and writes the history row; one path for every action. */
export function transition(em: EntityManager, spk: Spk, actor: AuthUser, action: SpkAction, reason: string | null = null) {
  const customerAction = CUSTOMER_ACTIONS.has(action);
  if (customerAction) accessRecord(actor, spk, { owner: (s) => s.customer.id, notFound: 'spk.notFound', ownerOnly: true });
  else requirePermission(actor, 'spk.manage');
  const from = spk.status;
  spk.status = spkMachine.apply(spk.status, action);
  em.create(SpkEvent, { spk, actor: em.getReference(User, actor.id), actorRole: actor.role, action, fromStatus: from, toStatus: spk.status, reason });
  audit(em, actor, spkAuditAction(action), { entityType: 'Spk', entityId: spk.id }, { from, to: spk.status, reason });
}

async function documentData(em: EntityManager, spk: Spk, deps: SpkDeps): Promise<SpkDocumentData> {
  const order = await em.findOneOrFail(Order, spk.order.id);
  const customer = await em.findOneOrFail(User, spk.customer.id);
  const items = await em.find(OrderItem, { order }, { orderBy: { position: 'asc' } });
  const lines = await em.find(Installment, { order, status: { $ne: InstallmentStatus.CANCELLED } }, { orderBy: { number: 'asc' } });
  // A restructured line keeps only what was paid on it; one that had nothing paid is history only.
  const installments = lines.filter((i) => !(i.status === InstallmentStatus.RESTRUCTURED && i.amount === 0n));
  const restructurings = await em.find(Restructuring, { order }, { orderBy: { round: 'asc' } });
  const restructuring = spk.addendumRound ? restructurings.find((r) => r.round === spk.addendumRound) ?? null : null;
  const lateFeesCarried = restructurings.reduce((s, r) => s + r.lateFeesCarried, 0n);
  const vatAmount = installments.reduce((s, i) => s + i.vat, 0n);
  const terms = items[0]!.planTerms;
  const c = deps.config;
  const sum = (f: (i: OrderItem) => bigint) => items.reduce((s, i) => s + f(i), 0n);
  const down = installments.find((i) => i.number === 0);
  return {
    number: spk.number,
    documentCode: spk.documentCode,
    verifyUrl: `${c.publicUrl}/verify/${spk.documentCode}`,
    version: spk.currentVersion + 1,
    date: todayJakarta(deps.clock),
    city: c.COMPANY_CITY,
    provider: {
      companyName: c.COMPANY_NAME,
      address: c.COMPANY_ADDRESS,
      phone: c.COMPANY_PHONE,
      email: c.COMPANY_EMAIL,
      website: c.COMPANY_WEBSITE ?? null,
      npwp: c.COMPANY_NPWP ?? null,
      representativeName: c.COMPANY_REPRESENTATIVE_NAME,
      representativeTitle: c.COMPANY_REPRESENTATIVE_TITLE,
      // Midtrans has no open-amount virtual account (see payments/gateways/midtrans.ts).
      virtualAccountBank: c.PAYMENT_GATEWAY === 'midtrans' ? null : c.VIRTUAL_ACCOUNT_BANK,
    },
    customer: {
      fullName: customer.fullName,
      nik: customer.nik!,
      address: customer.address!,
      phone: customer.phone,
      email: customer.email,
      company: customer.company,
      companyTitle: customer.companyTitle,
      companyAddress: customer.companyAddress,
    },
    order: {
      number: order.number,
      startDate: order.startDate,
      planName: terms.planName,
      tenorMonths: terms.tenorMonths,
      cashPrice: sum((i) => i.cashPrice),
      setupFee: sum((i) => i.setupFee),
      adminFee: BigInt(terms.adminFee) * BigInt(items.length),
      downPayment: down ? down.principal : 0n,
      // Margins as sold, restructured lines included (their open margin moved into the new principal).
      marginAmount: lines.reduce((s, i) => s + i.margin, 0n),
      totalPrice: order.totalPrice,
      vatAmount,
      // On prices sold without PPN it is added on top. After a restructuring the PPN of what remained was
      // re-split (restructuring/), so the part added on top is what the total holds beyond the rest.
      vatAdded: !order.vatTerms || order.vatTerms.pricesIncludeVat ? 0n
        : restructurings.length ? order.totalPrice - sum((i) => i.cashPrice) - sum((i) => i.setupFee) - BigInt(terms.adminFee) * BigInt(items.length) - lines.reduce((s, i) => s + i.margin, 0n) - lateFeesCarried
        : vatAmount,
      lateFeesCarried,
      vatRatePercent: order.vatTerms ? `${order.vatTerms.rateBps / 100}% × DPP ${order.vatTerms.baseNumerator}/${order.vatTerms.baseDenominator}` : null,
      lateFee: {
        graceDays: terms.lateFeeGraceDays,
        type: terms.lateFeeType as 'FIXED_PER_DAY' | 'PERCENT_PER_DAY',
        value: BigInt(terms.lateFeeValue),
        cap: terms.lateFeeCap === null ? null : BigInt(terms.lateFeeCap),
      },
      autoSuspendAfterDays: terms.autoSuspendAfterDays,
    },
    items: items.map((i) => ({ position: i.position, productName: i.productName, category: i.category, specs: i.specs, cashPrice: i.cashPrice, setupFee: i.setupFee })),
    installments: installments.map((i) => ({ number: i.number, dueDate: i.dueDate, amount: i.amount, vat: i.vat })),
    addendum: restructuring ? { round: restructuring.round, reason: restructuring.reason } : null,
  };
}

export function storeVersion(em: EntityManager, spk: Spk, actor: AuthUser, kind: SpkVersionKind, bytes: Uint8Array, extra: { note?: string | null; verification?: Record<string, unknown> | null } = {}) {
  spk.currentVersion += 1;
  const hash = sha256(bytes);
  const file = em.create(StoredFile, {
    owner: spk.customer.id,
    purpose: 'spk',
    contentType: 'application/pdf',
    fileName: `${spk.number.replace(/\//g, '-')}-v${spk.currentVersion}.pdf`,
    size: bytes.length,
    sha256: hash,
    data: Buffer.from(bytes),
  });
  return em.create(SpkVersion, { spk, version: spk.currentVersion, kind, file, sha256: hash, createdBy: em.getReference(User, actor.id), note: extra.note ?? null, verification: extra.verification ?? null });
}

/** The customer's order page, where the SPK is read, approved, downloaded and uploaded signed. */
const consoleLink = (deps: SpkDeps, spk: Spk) => `${deps.config.publicUrl}${appLinks.customerOrder(spk.order.id)}`;

async function notifyCustomer(
  tx: EntityManager,
  deps: SpkDeps,
  spk: Spk,
  type: 'SPK_READY_FOR_REVIEW' | 'SPK_SIGNED_BY_ADMIN' | 'SPK_SIGNATURE_REJECTED' | 'SPK_CONFIRMED',
  params: Record<string, unknown>,
) {
  const customer = await tx.findOneOrFail(User, spk.customer.id);
  await notify(tx, deps, customer, type, { customerName: customer.fullName, spkNumber: spk.number, ...params } as never, { link: appLinks.customerOrder(spk.order.id) });
}

type SpkEventType = Extract<DomainEventType, `spk.${string}`>;

/** Tells the other domains the SPK moved; every SPK event carries the SPK's, order's and customer's ids. */
export function emitSpk<K extends SpkEventType>(tx: EntityManager, deps: SpkDeps, type: K, spk: Spk, actor: AuthUser, extra: Omit<DomainEventMap[K], 'spkId' | 'orderId' | 'customerId'>) {
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- for a generic K TypeScript cannot prove the ids plus Omit<…> make DomainEventMap[K]
  const payload = { spkId: spk.id, orderId: spk.order.id, customerId: spk.customer.id, ...extra } as DomainEventMap[K];
  return deps.events.emit(tx, type, payload, { actor, at: deps.clock.now() });
}

/** The admin drafts the SPK from the order's data; the order moves to SPK_IN_PROGRESS. */
export async function createSpk(em: EntityManager, deps: SpkDeps, user: AuthUser | null, orderId: string): Promise<Spk> {
  const actor = requirePermission(user, 'spk.manage');
  try {
    return await createSpkTx(em, deps, actor, orderId);
  } catch (err) {
    // Refused, and told (billing sends the customer the overdue notice), in a transaction of its own
    // (after the refused one ended: the embedded database has a single connection).
    if (err instanceof AppError && err.code === 'CUSTOMER_IN_ARREARS') {
      const numbers = (err.extensions.orders as string[]) ?? [];
      await em.fork().transactional(async (tx) => {
        const order = await tx.findOneOrFail(Order, orderId);
        await deps.events.emit(tx, 'spk.blockedByArrears', { orderId, customerId: order.customer.id, overdueOrderNumbers: numbers }, { actor, at: deps.clock.now() });
      });
    }
    throw err;
  }
}

function createSpkTx(em: EntityManager, deps: SpkDeps, actor: AuthUser, orderId: string): Promise<Spk> {
  return em.transactional(async (tx) => {
    const order = await tx.findOne(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!order) throw notFound('order.notFound');
    const customer = await tx.findOneOrFail(User, order.customer.id);
    assertProfileComplete(customer);
    await assertNoArrears(tx, customer.id, order.id, deps.clock);
    const fromOrder = order.status;
    order.status = orderMachine.apply(order.status, OrderAction.START_SPK);
    const month = todayJakarta(deps.clock).slice(0, 7);
    const seq = await nextCounterValue(tx, `spk:${month}`);
    const spk = tx.create(Spk, {
      order,
      customer,
      number: `SPK/${month.replace('-', '/')}/${String(seq).padStart(6, '0')}`,
      documentCode: newDocumentCode(),
      createdBy: tx.getReference(User, actor.id),
    });
    tx.create(SpkEvent, { spk, actor: tx.getReference(User, actor.id), actorRole: actor.role, action: 'CREATE', fromStatus: null, toStatus: SpkStatus.DRAFT });
    const rendered = await renderSpk(await documentData(tx, spk, deps));
    storeVersion(tx, spk, actor, SpkVersionKind.DRAFT, rendered.bytes);
    audit(tx, actor, 'spk.create', { entityType: 'Spk', entityId: spk.id }, { orderId: order.id, number: spk.number, orderStatus: { from: fromOrder, to: order.status } });
    await emitSpk(tx, deps, 'spk.created', spk, actor, {});
    return spk;
  });
}

/**
 * An addendum for a restructured order (restructuring/): a new SPK for the same order, numbered and
 * coded like any SPK, drafted from the order's new schedule, that then goes through the same flow
 * (review, customer approval, admin signature with e-Meterai, customer's signed upload, confirmation).
 * Runs in the restructuring's transaction; the order is not moved and no arrears check applies (the
 * arrears are what the addendum settles).
 */
export async function createAddendum(tx: EntityManager, deps: SpkDeps, actor: AuthUser, order: Order, round: number): Promise<Spk> {
  const customer = await tx.findOneOrFail(User, order.customer.id);
  assertProfileComplete(customer);
  const month = todayJakarta(deps.clock).slice(0, 7);
  const seq = await nextCounterValue(tx, `spk:${month}`);
  const spk = tx.create(Spk, {
    order,
    customer,
    number: `SPK/${month.replace('-', '/')}/${String(seq).padStart(6, '0')}`,
    documentCode: newDocumentCode(),
    addendumRound: round,
    createdBy: tx.getReference(User, actor.id),
  });
  tx.create(SpkEvent, { spk, actor: tx.getReference(User, actor.id), actorRole: actor.role, action: 'CREATE', fromStatus: null, toStatus: SpkStatus.DRAFT, reason: `Adendum ke-${round}` });
  await tx.flush();
  const rendered = await renderSpk(await documentData(tx, spk, deps));
  storeVersion(tx, spk, actor, SpkVersionKind.DRAFT, rendered.bytes);
  audit(tx, actor, 'spk.create_addendum', { entityType: 'Spk', entityId: spk.id }, { orderId: order.id, number: spk.number, round });
  await emitSpk(tx, deps, 'spk.created', spk, actor, {});
  return spk;
}

/**
 * The customer's copy must be what we signed: an upload changed after our signature (verdict
 * MODIFIED_AFTER_SIGNING) can only be rejected, never confirmed.
 */
async function latestUploadReport(em: EntityManager, spk: Spk) {
  const latest = await em.findOne(SpkVersion, { spk, kind: SpkVersionKind.CUSTOMER_SIGNED }, { orderBy: { version: 'desc' } });
  return latest?.verification as { verdict?: string; changesAfterSigning?: { detail: string }[] } | null | undefined;
}

export async function latestUploadModified(em: EntityManager, spk: Spk): Promise<boolean> {
  return (await latestUploadReport(em, spk))?.verdict === 'MODIFIED_AFTER_SIGNING';
}

async function assertUnmodified(tx: EntityManager, spk: Spk) {
  const report = await latestUploadReport(tx, spk);
  if (report?.verdict !== 'MODIFIED_AFTER_SIGNING') return;
  const changes = report.changesAfterSigning ?? [];
  throw new AppError('SPK_MODIFIED_AFTER_SIGNING', t('spk.modifiedAfterSigning', { changes: changes.map((c) => c.detail).join('; ') || '-' }), { changes });
}

/** Any action that is only a state change plus history (and the customer's comments or a reason). */
export async function simpleTransition(em: EntityManager, deps: SpkDeps, user: AuthUser | null, id: string, action: SpkAction, reason: string | null = null) {
  return em.transactional(async (tx) => {
    const spk = await getSpk(tx, user, id, true);
    const actor = requireUser(user);
    if (action === SpkAction.SIGN || action === SpkAction.UPLOAD_SIGNED || action === SpkAction.REVISE) throw new Error(`${action} has its own function`);
    if (action === SpkAction.CONFIRM) await assertUnmodified(tx, spk);
    transition(tx, spk, actor, action, reason);
    const now = deps.clock.now();
    const order = await tx.findOneOrFail(Order, spk.order.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    switch (action) {
      case SpkAction.APPROVE:
        spk.approvedAt = now;
        await emitSpk(tx, deps, 'spk.approved', spk, actor, {});
        break;
      case SpkAction.REQUEST_REVISION:
        spk.revisionComments = reason;
        spk.approvedAt = null;
        await emitSpk(tx, deps, 'spk.revisionRequested', spk, actor, { note: reason });
        break;
      case SpkAction.SUBMIT_FOR_REVIEW: {
        const staff = await tx.findOneOrFail(User, actor.id);
        await notifyCustomer(tx, deps, spk, 'SPK_READY_FOR_REVIEW', {
          downloadUrl: consoleLink(deps, spk),
          adminWaLink: waMeLink(staff.phone, `Halo ${staff.fullName}, saya ingin menanyakan draf ${spk.number}.`),
        });
        break;
      }
      case SpkAction.REJECT_SIGNATURE:
        spk.rejectionReason = reason;
        await notifyCustomer(tx, deps, spk, 'SPK_SIGNATURE_REJECTED', { reason: reason ?? '-' });
        break;
      case SpkAction.CONFIRM:
        spk.confirmedAt = now;
        spk.confirmedBy = tx.getReference(User, actor.id, { wrapped: true });
        // An addendum binds a schedule already in force (restructuring/): the order does not move.
        if (spk.addendumRound) {
          await notifyCustomer(tx, deps, spk, 'SPK_CONFIRMED', { orderNumber: order.number });
          break;
        }
        order.status = orderMachine.apply(order.status, OrderAction.CONFIRM_SPK);
        order.spkConfirmedAt = now;
        await notifyCustomer(tx, deps, spk, 'SPK_CONFIRMED', { orderNumber: order.number });
        await emitSpk(tx, deps, 'spk.confirmed', spk, actor, {});
        break;
      case SpkAction.CANCEL:
        if (!spk.addendumRound && orderMachine.can(order.status, OrderAction.RESET_SPK)) order.status = orderMachine.apply(order.status, OrderAction.RESET_SPK);
        break;
      default:
        break;
    }
    return spk;
  });
}

/** The admin edits (the customer's profile or the order) and regenerates: a new draft version. */
export async function reviseSpk(em: EntityManager, deps: SpkDeps, user: AuthUser | null, id: string, note: string | null) {
  return em.transactional(async (tx) => {
    const spk = await getSpk(tx, user, id, true);
    const actor = requireUser(user);
    transition(tx, spk, actor, SpkAction.REVISE, note);
    const customer = await tx.findOneOrFail(User, spk.customer.id);
    assertProfileComplete(customer);
    spk.approvedAt = null;
    const rendered = await renderSpk(await documentData(tx, spk, deps));
    storeVersion(tx, spk, actor, SpkVersionKind.DRAFT, rendered.bytes, { note });
    return spk;
  });
}

/**
 * The admin signs the approved draft: the e-Meterai is stamped first, so the provider's signature
 * covers it, then the PAdES signature is added. The signed copy is a new version.
 */
export async function signSpk(em: EntityManager, deps: SpkDeps, user: AuthUser | null, id: string) {
  return em.transactional(async (tx) => {
    const spk = await getSpk(tx, user, id, true);
    const actor = requireUser(user);
    if (!spk.approvedAt) {
      throw new AppError('CONFLICT', t('spk.notApproved'), { currentState: spk.status, reason: 'NOT_APPROVED' });
    }
    transition(tx, spk, actor, SpkAction.SIGN);
    const admin = await tx.findOneOrFail(User, actor.id);
    const signer = spkSigner(deps.config, admin.username);
    const data = await documentData(tx, spk, deps);
    data.version = spk.currentVersion + 1;
    data.provider.representativeName = signer.name;
    data.provider.representativeTitle = signer.title;
    data.stampPlaceholder = false;
    const rendered = await renderSpk(data);
    let stamp;
    try {
      stamp = await deps.stampDuty.stamp({ documentId: spk.id, fileName: `${spk.documentCode}.pdf`, pdf: rendered.bytes, box: rendered.stampBox, documentNumber: spk.number, documentDate: data.date });
    } catch (err) {
      throw new AppError('STAMP_DUTY_ERROR', t('spk.stampFailed', { reason: (err as Error).message }));
    }
    if (stamp.status !== 'STAMPED' || !stamp.stampedPdf) {
      throw new AppError('STAMP_DUTY_ERROR', t('spk.stampPending'), { stampStatus: stamp.status });
    }
    const signed = await signSpkPdf(stamp.stampedPdf, await deps.signingIdentity(), {
      reason: `Persetujuan ${spk.number}`,
      location: deps.config.COMPANY_CITY,
      name: `${signer.name} (${deps.config.COMPANY_NAME})`,
      contactInfo: deps.config.COMPANY_EMAIL,
      signingTime: deps.clock.now(),
      certify: true,
      visible: { box: rendered.providerSignatureBox, lines: [signer.name, signer.title, deps.config.COMPANY_NAME] },
    });
    spk.stampSerial = stamp.serialNumber;
    spk.stampProvider = stamp.provider;
    spk.stampDuty = stamp.dutyAmount;
    spk.customerSignatureBox = rendered.customerSignatureBox;
    storeVersion(tx, spk, actor, SpkVersionKind.ADMIN_SIGNED, signed);
    await notifyCustomer(tx, deps, spk, 'SPK_SIGNED_BY_ADMIN', { downloadUrl: consoleLink(deps, spk) });
    return spk;
  });
}

const SIGNED_UPLOAD_MAX = 10 * 1024 * 1024;

/**
 * What a customer's signed copy is checked against, whether uploaded or brought back by the signature
 * provider: our document code and e-Meterai, and the provider's CA for a certified signature.
 */
export async function uploadExpectations(em: EntityManager, deps: SpkDeps, spk: Spk) {
  const customer = await em.findOneOrFail(User, spk.customer.id);
  return {
    documentCode: spk.documentCode,
    verifyUrl: `${deps.config.publicUrl}/verify/${spk.documentCode}`,
    stampSerial: spk.stampSerial,
    now: deps.clock.now(),
    certifiedBy: deps.signatures ? { provider: deps.signatures.name, anchorsPem: await deps.signatures.trustAnchors() } : null,
    customerNik: customer.nik,
  };
}

/**
 * The customer sends back the signed copy. An upload without our document code (or with another
 * SPK's) is refused outright and nothing is stored; otherwise the verification report goes with the
 * new version for the admin to judge. The upload is someone else's file: it is checked and read in
 * the PDF worker pool with no transaction open (a slow file must not hold locks, or on the embedded
 * database every other request), and the transaction that stores it re-checks what it relied on.
 */
export async function uploadSignedSpk(em: EntityManager, deps: SpkDeps, user: AuthUser | null, id: string, bytes: Buffer) {
  const actor = requireUser(user);
  await checkPdf(bytes, { field: 'file', maxBytes: SIGNED_UPLOAD_MAX });
  const read = em.fork();
  const before = await getSpk(read, user, id);
  spkMachine.apply(before.status, SpkAction.UPLOAD_SIGNED);
  if (actor.id !== before.customer.id) throw forbidden();
  const adminSigned = await read.findOneOrFail(SpkVersion, { spk: before, kind: SpkVersionKind.ADMIN_SIGNED }, { orderBy: { version: 'desc' }, populate: ['file.data'] });
  const expectations = await uploadExpectations(read, deps, before);
  let report;
  try {
    report = await verifySignedUpload(bytes, adminSigned.file.$.data, expectations);
  } catch (err) {
    throw pdfUploadError(err, 'file');
  }
  if (report.verdict === 'NOT_AUTHENTIC') {
    throw new AppError('SPK_NOT_AUTHENTIC', t('spk.notAuthentic'), { field: 'file', report });
  }
  return em.transactional(async (tx) => {
    const spk = await getSpk(tx, user, id, true);
    // Checked against this admin-signed version: if the admin re-signed meanwhile, check again.
    const latest = await tx.findOneOrFail(SpkVersion, { spk, kind: SpkVersionKind.ADMIN_SIGNED }, { orderBy: { version: 'desc' } });
    if (latest.id !== adminSigned.id) throw new AppError('CONFLICT', t('spk.changedDuringUpload'), { currentState: spk.status });
    transition(tx, spk, actor, SpkAction.UPLOAD_SIGNED);
    spk.rejectionReason = null;
    storeVersion(tx, spk, actor, SpkVersionKind.CUSTOMER_SIGNED, bytes, { verification: report as unknown as Record<string, unknown> });
    await emitSpk(tx, deps, 'spk.customerSigned', spk, actor, { via: 'UPLOAD' });
    return spk;
  });
}
