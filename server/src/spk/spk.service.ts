import { accessRecord, requirePermission, requireUser } from '../accounts/access';
import { createHash, randomInt } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
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
import { currentCounterValue, nextCounterValue } from '../db/counter.entity';
import { StoredFile } from '../files/stored-file.entity';
import { Installment, InstallmentStatus } from '../installments/installment.entity';
import { OrderItem } from '../orders/order-item.entity';
import { OrderAction, orderMachine } from '../orders/order-status';
import { Order } from '../orders/order.entity';
import { verifySignedUpload } from '../pdf';
import type { RenderedSpk, SpkDocumentData } from './document';
import { makeSignedSpk, renderSpkDocument } from './document-work';
import type { SigningIdentity } from './document/sign';
import { assertNoArrears, assertProfileComplete } from './preconditions';
import { CUSTOMER_ACTIONS, SpkAction, SpkStatus, spkMachine } from './spk-status';
import { Spk, SpkEvent, SpkVersion, SpkVersionKind } from './spk.entity';
import type { StampDutyProvider } from './stamp-duty';
import type { SignatureProvider } from './signature-provider';
import type { NotificationBus } from '../notifications/bus';
import { notify } from '../notifications/notifications.service';
import type { NotificationParams } from '../notifications/channels/templates';
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

/** Who may take the action, and whether the machine allows it now; the state it leads to. */
function allowedTransition(spk: Spk, actor: AuthUser, action: SpkAction): SpkStatus {
  const customerAction = CUSTOMER_ACTIONS.has(action);
  if (customerAction) accessRecord(actor, spk, { owner: (s) => s.customer.id, notFound: 'spk.notFound', ownerOnly: true });
  else requirePermission(actor, 'spk.manage');
  return spkMachine.apply(spk.status, action);
}

/** Moves the SPK through the machine, checks who may, and writes the history row; one path for every action. */
export function transition(em: EntityManager, spk: Spk, actor: AuthUser, action: SpkAction, reason: string | null = null) {
  const from = spk.status;
  spk.status = allowedTransition(spk, actor, action);
  em.create(SpkEvent, { spk, actor: em.getReference(User, actor.id), actorRole: actor.role, action, fromStatus: from, toStatus: spk.status, reason });
  audit(em, actor, spkAuditAction(action), { entityType: 'Spk', entityId: spk.id }, { from, to: spk.status, reason });
}

/** What the document is made from: the SPK's own fields (also those of one not stored yet, see createSpk). */
type SpkFacts = Pick<Spk, 'number' | 'documentCode' | 'currentVersion' | 'addendumRound'> & { order: { id: string }; customer: { id: string } };

async function documentData(em: EntityManager, spk: SpkFacts, deps: SpkDeps): Promise<SpkDocumentData> {
  const order = await em.findOneOrFail(Order, spk.order.id);
  const customer = await em.findOneOrFail(User, spk.customer.id);
  const items = await em.find(OrderItem, { order }, { orderBy: { position: 'asc' } });
  // Not the closed-line rule: the SPK lists a restructured line with what was paid on it; one that had
  // nothing paid is history only.
  const lines = await em.find(Installment, { order, status: { $ne: InstallmentStatus.CANCELLED } }, { orderBy: { number: 'asc' } });
  const installments = lines.filter((i) => !(i.status === InstallmentStatus.RESTRUCTURED && i.amount === 0n));
  const restructurings = await em.find(Restructuring, { order }, { orderBy: { round: 'asc' } });
  const restructuring = spk.addendumRound ? restructurings.find((r) => r.round === spk.addendumRound) ?? null : null;
  const lateFeesCarried = restructurings.reduce((s, r) => s + r.lateFeesCarried, 0n);
  const vatAmount = installments.reduce((s, i) => s + i.vat, 0n);
  // Customer-borne e-Meterai already charged on the schedule (tax/stamp-ledger.ts): part of the total.
  const stampDuty = lines.reduce((s, i) => s + i.stampDuty, 0n);
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
        : restructurings.length ? order.totalPrice - sum((i) => i.cashPrice) - sum((i) => i.setupFee) - BigInt(terms.adminFee) * BigInt(items.length) - lines.reduce((s, i) => s + i.margin, 0n) - lateFeesCarried - stampDuty
        : vatAmount,
      lateFeesCarried,
      stampDuty,
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

/** Each SPK notice names the customer and the SPK; `params` adds the rest, typed by the notice. */
async function notifyCustomer<T extends 'SPK_READY_FOR_REVIEW' | 'SPK_SIGNED_BY_ADMIN' | 'SPK_SIGNATURE_REJECTED' | 'SPK_CONFIRMED'>(
  tx: EntityManager,
  deps: SpkDeps,
  spk: Spk,
  type: T,
  params: (named: { customerName: string; spkNumber: string }) => NotificationParams[T],
) {
  const customer = await tx.findOneOrFail(User, spk.customer.id);
  await notify(tx, deps, customer, type, params({ customerName: customer.fullName, spkNumber: spk.number }), { link: appLinks.customerOrder(spk.order.id) });
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
    return await createSpkRendered(em, deps, actor, orderId);
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

/** How often createSpk renders again because another SPK took the number or the order changed meanwhile. */
const CREATE_ATTEMPTS = 5;

/** Thrown inside the storing transaction to roll it back (and its number with it) and try again. */
class RenderedFromStaleData extends Error {}

const spkNumber = (month: string, seq: number) => `SPK/${month.replace('-', '/')}/${String(seq).padStart(6, '0')}`;

/**
 * Runs `once` (render outside a transaction, store in a short one) again while its storing transaction
 * finds the data changed since the render; after CREATE_ATTEMPTS, CONFLICT CHANGED_WHILE_RENDERING.
 */
export async function whileRenderedFromStaleData<T>(once: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once();
    } catch (err) {
      if (!(err instanceof RenderedFromStaleData)) throw err;
      if (attempt >= CREATE_ATTEMPTS) throw new AppError('CONFLICT', t('spk.changedWhileRendering'), { reason: 'CHANGED_WHILE_RENDERING' });
    }
  }
}

function createSpkRendered(em: EntityManager, deps: SpkDeps, actor: AuthUser, orderId: string): Promise<Spk> {
  return whileRenderedFromStaleData(() => createSpkOnce(em, deps, actor, orderId));
}

/** A new SPK's facts before it is stored: the number the month's counter will give next, a fresh code. */
async function newSpkFacts(em: EntityManager, deps: SpkDeps, order: { id: string; customer: { id: string } }, addendumRound: number | null): Promise<SpkFacts> {
  const month = todayJakarta(deps.clock).slice(0, 7);
  return {
    number: spkNumber(month, (await currentCounterValue(em, `spk:${month}`)) + 1),
    documentCode: newDocumentCode(),
    currentVersion: 0,
    addendumRound,
    order: { id: order.id },
    customer: { id: order.customer.id },
  };
}

/** Takes the month's next SPK number in `tx`; another than the one the document shows means it is stale. */
async function takePlannedNumber(tx: EntityManager, deps: SpkDeps, facts: SpkFacts) {
  const month = todayJakarta(deps.clock).slice(0, 7);
  if (spkNumber(month, await nextCounterValue(tx, `spk:${month}`)) !== facts.number) throw new RenderedFromStaleData();
}

/**
 * The draft is rendered in the PDF pool with no transaction open, from the order as read and the
 * number the month's counter will give next. The short transaction that then takes the number checks
 * everything again and stores the SPK only if it got that number and the order reads the same;
 * otherwise it rolls back (giving the number back: numbers stay gap-free) and the caller renders again.
 */
async function createSpkOnce(em: EntityManager, deps: SpkDeps, actor: AuthUser, orderId: string): Promise<Spk> {
  const read = em.fork();
  const seen = await read.findOne(Order, orderId);
  if (!seen) throw notFound('order.notFound');
  assertProfileComplete(await read.findOneOrFail(User, seen.customer.id));
  await assertNoArrears(read, seen.customer.id, seen.id, deps.clock);
  orderMachine.apply(seen.status, OrderAction.START_SPK);
  const facts = await newSpkFacts(read, deps, seen, null);
  const data = await documentData(read, facts, deps);
  const rendered = await renderSpkDocument(data);
  return em.transactional(async (tx) => {
    const order = await tx.findOne(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!order) throw notFound('order.notFound');
    const customer = await tx.findOneOrFail(User, order.customer.id);
    assertProfileComplete(customer);
    await assertNoArrears(tx, customer.id, order.id, deps.clock);
    const fromOrder = order.status;
    order.status = orderMachine.apply(order.status, OrderAction.START_SPK);
    await takePlannedNumber(tx, deps, facts);
    if (!isDeepStrictEqual(await documentData(tx, facts, deps), data)) throw new RenderedFromStaleData();
    const spk = tx.create(Spk, {
      order,
      customer,
      number: facts.number,
      documentCode: facts.documentCode,
      createdBy: tx.getReference(User, actor.id),
    });
    tx.create(SpkEvent, { spk, actor: tx.getReference(User, actor.id), actorRole: actor.role, action: 'CREATE', fromStatus: null, toStatus: SpkStatus.DRAFT });
    storeVersion(tx, spk, actor, SpkVersionKind.DRAFT, rendered.bytes);
    audit(tx, actor, 'spk.create', { entityType: 'Spk', entityId: spk.id }, { orderId: order.id, number: spk.number, orderStatus: { from: fromOrder, to: order.status } });
    await emitSpk(tx, deps, 'spk.created', spk, actor, {});
    return spk;
  });
}

/** An addendum's document, made before the transaction that stores it (restructuring/). */
export interface MadeAddendum {
  facts: SpkFacts;
  data: SpkDocumentData;
  rendered: RenderedSpk;
}

/**
 * An addendum for a restructured order (restructuring/): a new SPK for the same order, numbered and
 * coded like any SPK, drafted from the order's new schedule, that then goes through the same flow
 * (review, customer approval, admin signature with e-Meterai, customer's signed upload, confirmation).
 * The order is not moved and no arrears check applies (the arrears are what the addendum settles).
 *
 * Made in steps so that no transaction waits for the PDF: `planAddendum` works out the document's data
 * inside the restructuring's dry run (a transaction rolled back: `tx` holds the order as the
 * restructuring will leave it), `makeAddendum` renders it after that transaction ended, and
 * `createAddendum` stores it in the real restructuring's transaction.
 */
export async function planAddendum(tx: EntityManager, deps: SpkDeps, order: Order, round: number): Promise<Omit<MadeAddendum, 'rendered'>> {
  assertProfileComplete(await tx.findOneOrFail(User, order.customer.id));
  const facts = await newSpkFacts(tx, deps, order, round);
  return { facts, data: await documentData(tx, facts, deps) };
}

/** Renders a planned addendum (PDF worker pool); call it with no transaction open. */
export async function makeAddendum(planned: Omit<MadeAddendum, 'rendered'>): Promise<MadeAddendum> {
  return { ...planned, rendered: await renderSpkDocument(planned.data) };
}

/**
 * Stores the addendum rendered before this transaction, only if it gets the planned number and the
 * order (restructured in `tx`) reads exactly as the document shows; otherwise the transaction rolls back
 * (RenderedFromStaleData: `whileRenderedFromStaleData` works it out and renders again).
 */
export async function createAddendum(tx: EntityManager, deps: SpkDeps, actor: AuthUser, order: Order, round: number, made: MadeAddendum): Promise<Spk> {
  const customer = await tx.findOneOrFail(User, order.customer.id);
  assertProfileComplete(customer);
  if (made.facts.addendumRound !== round || made.facts.order.id !== order.id) throw new RenderedFromStaleData();
  await takePlannedNumber(tx, deps, made.facts);
  if (!isDeepStrictEqual(await documentData(tx, made.facts, deps), made.data)) throw new RenderedFromStaleData();
  const spk = tx.create(Spk, {
    order,
    customer,
    number: made.facts.number,
    documentCode: made.facts.documentCode,
    addendumRound: round,
    createdBy: tx.getReference(User, actor.id),
  });
  tx.create(SpkEvent, { spk, actor: tx.getReference(User, actor.id), actorRole: actor.role, action: 'CREATE', fromStatus: null, toStatus: SpkStatus.DRAFT, reason: `Adendum ke-${round}` });
  storeVersion(tx, spk, actor, SpkVersionKind.DRAFT, made.rendered.bytes);
  audit(tx, actor, 'spk.create_addendum', { entityType: 'Spk', entityId: spk.id }, { orderId: order.id, number: spk.number, round });
  await emitSpk(tx, deps, 'spk.created', spk, actor, {});
  return spk;
}

/**
 * The customer's copy must be what we signed: an upload changed after our signature (verdict
 * MODIFIED_AFTER_SIGNING) can only be rejected, never confirmed.
 */
async function latestUploadReport(em: EntityManager, spk: { id: string }) {
  // By id: `spk` may be a plain row (db/plain-rows.ts) on read paths.
  const latest = await em.findOne(SpkVersion, { spk: spk.id, kind: SpkVersionKind.CUSTOMER_SIGNED }, { orderBy: { version: 'desc' } });
  return latest?.verification as { verdict?: string; changesAfterSigning?: { detail: string }[] } | null | undefined;
}

export async function latestUploadModified(em: EntityManager, spk: { id: string }): Promise<boolean> {
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
        await notifyCustomer(tx, deps, spk, 'SPK_READY_FOR_REVIEW', (named) => ({
          ...named,
          downloadUrl: consoleLink(deps, spk),
          adminWaLink: waMeLink(staff.phone, `Halo ${staff.fullName}, saya ingin menanyakan draf ${spk.number}.`),
        }));
        break;
      }
      case SpkAction.REJECT_SIGNATURE:
        spk.rejectionReason = reason;
        await notifyCustomer(tx, deps, spk, 'SPK_SIGNATURE_REJECTED', (named) => ({ ...named, reason: reason ?? '-' }));
        break;
      case SpkAction.CONFIRM:
        spk.confirmedAt = now;
        spk.confirmedBy = tx.getReference(User, actor.id, { wrapped: true });
        // An addendum binds a schedule already in force (restructuring/): the order does not move.
        if (spk.addendumRound) {
          await notifyCustomer(tx, deps, spk, 'SPK_CONFIRMED', (named) => ({ ...named, orderNumber: order.number }));
          break;
        }
        order.status = orderMachine.apply(order.status, OrderAction.CONFIRM_SPK);
        order.spkConfirmedAt = now;
        await notifyCustomer(tx, deps, spk, 'SPK_CONFIRMED', (named) => ({ ...named, orderNumber: order.number }));
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

/**
 * A document made outside the transaction is stored only if what it shows is still what the SPK and its
 * order say: same state, same version, same approval, and the same document data read again now.
 */
function assertUnchanged(before: Spk, now: Spk, made: SpkDocumentData, current: SpkDocumentData) {
  const same =
    now.status === before.status &&
    now.currentVersion === before.currentVersion &&
    now.approvedAt?.getTime() === before.approvedAt?.getTime() &&
    isDeepStrictEqual(made, current);
  if (!same) throw new AppError('CONFLICT', t('spk.changedWhileRendering'), { currentState: now.status, reason: 'CHANGED_WHILE_RENDERING' });
}

/** The admin edits (the customer's profile or the order) and regenerates: a new draft version. */
export async function reviseSpk(em: EntityManager, deps: SpkDeps, user: AuthUser | null, id: string, note: string | null) {
  const actor = requireUser(user);
  // Read and render with no transaction open (see signSpk).
  const read = em.fork();
  const before = await getSpk(read, user, id);
  allowedTransition(before, actor, SpkAction.REVISE);
  assertProfileComplete(await read.findOneOrFail(User, before.customer.id));
  const data = await documentData(read, before, deps);
  const rendered = await renderSpkDocument(data);
  return em.transactional(async (tx) => {
    const spk = await getSpk(tx, user, id, true);
    assertUnchanged(before, spk, data, await documentData(tx, spk, deps));
    transition(tx, spk, actor, SpkAction.REVISE, note);
    spk.approvedAt = null;
    storeVersion(tx, spk, actor, SpkVersionKind.DRAFT, rendered.bytes, { note });
    return spk;
  });
}

/**
 * The admin signs the approved draft: the e-Meterai is stamped first, so the provider's signature
 * covers it, then the PAdES signature is added. The signed copy is a new version.
 *
 * Rendering, stamping and signing take a document's time (and the stamp provider's round trip): they
 * run in the PDF worker pool from data read with no transaction open, so neither the event loop nor a
 * database connection (on the embedded database: every other request) waits for them. The short
 * transaction that stores the result checks that nothing the document shows changed meanwhile.
 */
export async function signSpk(em: EntityManager, deps: SpkDeps, user: AuthUser | null, id: string) {
  const actor = requireUser(user);
  const read = em.fork();
  const before = await getSpk(read, user, id);
  if (!before.approvedAt) {
    throw new AppError('CONFLICT', t('spk.notApproved'), { currentState: before.status, reason: 'NOT_APPROVED' });
  }
  allowedTransition(before, actor, SpkAction.SIGN);
  const admin = await read.findOneOrFail(User, actor.id);
  const signer = spkSigner(deps.config, admin.username);
  const signedData = async (em2: EntityManager, spk: Spk) => {
    const data = await documentData(em2, spk, deps);
    data.provider.representativeName = signer.name;
    data.provider.representativeTitle = signer.title;
    data.stampPlaceholder = false;
    return data;
  };
  const data = await signedData(read, before);
  const { rendered, stamp, signed } = await makeSignedSpk(data, {
    documentId: before.id,
    documentCode: before.documentCode,
    stampDuty: deps.stampDuty,
    identity: await deps.signingIdentity(),
    signature: {
      reason: `Persetujuan ${before.number}`,
      location: deps.config.COMPANY_CITY,
      name: `${signer.name} (${deps.config.COMPANY_NAME})`,
      contactInfo: deps.config.COMPANY_EMAIL,
      signingTime: deps.clock.now(),
      lines: [signer.name, signer.title, deps.config.COMPANY_NAME],
    },
  });
  return em.transactional(async (tx) => {
    const spk = await getSpk(tx, user, id, true);
    assertUnchanged(before, spk, data, await signedData(tx, spk));
    transition(tx, spk, actor, SpkAction.SIGN);
    spk.stampSerial = stamp.serialNumber;
    spk.stampProvider = stamp.provider;
    spk.stampDuty = stamp.dutyAmount;
    await deps.events.emit(
      tx,
      'stampDuty.used',
      { documentKind: 'SPK', documentId: spk.id, documentNumber: spk.number, serial: stamp.serialNumber, provider: stamp.provider, amount: stamp.dutyAmount, orderId: spk.order.id, customerId: spk.customer.id },
      { actor, at: deps.clock.now() },
    );
    spk.customerSignatureBox = rendered.customerSignatureBox;
    storeVersion(tx, spk, actor, SpkVersionKind.ADMIN_SIGNED, signed);
    await notifyCustomer(tx, deps, spk, 'SPK_SIGNED_BY_ADMIN', (named) => ({ ...named, downloadUrl: consoleLink(deps, spk) }));
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
