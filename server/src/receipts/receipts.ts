import { LockMode } from '@mikro-orm/core';
import type { EntityManager, Loaded } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { User } from '../accounts/user.entity';
import { brandingFromConfig } from '../branding/branding';
import { todayJakarta, type Clock } from '../common/time';
import type { Config } from '../config/config';
import { nextCounterValue } from '../db/counter.entity';
import type { DomainEvents } from '../events/domain-events';
import { StoredFile } from '../files/stored-file.entity';
import { sum } from '../money/rupiah';
import { stampDutyCovered } from '../installments/rules';
import { Order } from '../orders/order.entity';
import { Payment, PaymentAllocation } from '../payments/payment.entity';
import { spkSigner } from '../spk/signing-identity';
import type { SigningIdentity } from '../spk/document/sign';
import type { StampDutyProvider } from '../spk/stamp-duty';
import { pdfWorkError } from '../spk/document-work';
import { signSpkPdf } from '../pdf';
import { vatOf } from '../tax/vat';
import { Receipt, ReceiptStatus } from './receipt.entity';
import { renderReceiptPdf, type ReceiptDocument } from './receipt-pdf';

export interface ReceiptDeps {
  clock: Clock;
  config: Config;
  events: DomainEvents;
  stampDuty: StampDutyProvider;
  /** The company's signing certificate, the one the SPK is signed with. */
  signingIdentity(): Promise<SigningIdentity>;
}

/** How long one job run may hold a receipt while it renders and stamps it; a crashed run's claim runs out. */
const RENDER_LEASE_MS = 10 * 60_000;
/** Receipts one job run makes (each is a page and, above the threshold, a stamp provider round trip). */
const BATCH = 20;

const jakartaDate = (at: Date) => todayJakarta({ now: () => at });

/**
 * Numbers the payment's receipt, in the payment's transaction: KW/<year>/<n> from the year's counter,
 * so a rolled-back settlement gives its number back and the numbers have no gaps. Only the row is
 * written here; the PDF is the receipts job's work (a settlement never waits for a document).
 */
export async function numberReceipt(em: EntityManager, config: Pick<Config, 'RECEIPT_STAMP_THRESHOLD'>, paymentId: string, at: Date) {
  const existing = await em.findOne(Receipt, { payment: paymentId });
  if (existing) return existing;
  const payment = await em.findOneOrFail(Payment, paymentId);
  const year = jakartaDate(at).slice(0, 4);
  const n = await nextCounterValue(em, `receipt:${year}`);
  const receipt = em.create(Receipt, { payment, number: `KW/${year}/${n}`, amount: payment.amount, stampRequired: payment.amount > config.RECEIPT_STAMP_THRESHOLD });
  em.persist(receipt);
  return receipt;
}

export function registerReceiptHandlers(events: DomainEvents, deps: { config: Pick<Config, 'RECEIPT_STAMP_THRESHOLD'> }) {
  events.on('payment.settled', 'receipts: number the kwitansi', async (tx, p, meta) => {
    await numberReceipt(tx, deps.config, p.paymentId, meta.at);
  });
}

const installmentLabel = (n: number) => (n === 0 ? 'Uang muka / Down payment' : `Angsuran ke-${n} / Installment ${n}`);

/**
 * What each allocation paid of its line's customer-borne e-Meterai: the line's allocations in the order
 * they were made (refunded ones left out) show what was paid before this one (installments/rules.ts).
 */
async function stampDutyPaidBy(em: EntityManager, allocations: Loaded<PaymentAllocation, 'installment'>[]): Promise<bigint[]> {
  const stamped = allocations.filter((a) => a.installment.$.stampDuty > 0n).map((a) => a.installment.id);
  const all = stamped.length ? await em.find(PaymentAllocation, { installment: { $in: stamped }, reversedAt: null }, { orderBy: { createdAt: 'asc', id: 'asc' } }) : [];
  return allocations.map((a) => {
    const line = a.installment.$;
    if (line.stampDuty === 0n) return 0n;
    const mine = all.findIndex((x) => x.id === a.id);
    const before = sum(all.slice(0, mine < 0 ? all.length : mine).filter((x) => x.installment.id === line.id).map((x) => x.principal));
    return stampDutyCovered(line, before + a.principal) - stampDutyCovered(line, before);
  });
}

/** Everything the PDF shows, read with no transaction open. */
export async function receiptDocument(em: EntityManager, config: Config, receipt: Receipt): Promise<{ doc: ReceiptDocument; customerId: string; orderId: string }> {
  const payment = await em.findOneOrFail(Payment, receipt.payment.id);
  const order = await em.findOneOrFail(Order, payment.order.id);
  const customer = await em.findOneOrFail(User, order.customer.id);
  const allocations = await em.find(PaymentAllocation, { payment }, { populate: ['installment'] });
  allocations.sort((a, b) => a.installment.$.number - b.installment.$.number);
  const stampParts = await stampDutyPaidBy(em, allocations);
  const lines = allocations.flatMap((a, k) => {
    const n = a.installment.$.number;
    const stamp = stampParts[k]!;
    const out: { label: string; amount: bigint }[] = [];
    if (a.principal - stamp > 0n) out.push({ label: installmentLabel(n), amount: a.principal - stamp });
    if (stamp > 0n) out.push({ label: `Bea meterai ${installmentLabel(n).toLowerCase()} / stamp duty`, amount: stamp });
    if (a.lateFee > 0n) out.push({ label: `Denda ${installmentLabel(n).toLowerCase()} / late fee`, amount: a.lateFee });
    return out;
  });
  // The installments' amounts are what the customer pays, VAT included: vat.ts's rule for a price with
  // VAT, on what this payment paid of them (late fees and stamp duty carry no VAT here).
  const principal = sum(allocations.map((a) => a.principal)) - sum(stampParts);
  const vat = order.vatTerms && order.vatTerms.rateBps > 0 && principal > 0n ? vatOf(principal, { ...order.vatTerms, pricesIncludeVat: true }) : null;
  const brand = brandingFromConfig(config);
  const signer = spkSigner(config, null);
  return {
    customerId: customer.id,
    orderId: order.id,
    doc: {
      number: receipt.number,
      date: jakartaDate(payment.settledAt ?? receipt.createdAt),
      company: {
        name: config.COMPANY_NAME,
        address: config.COMPANY_ADDRESS,
        phone: config.COMPANY_PHONE,
        email: config.COMPANY_EMAIL,
        npwp: config.COMPANY_NPWP ?? null,
        city: config.COMPANY_CITY,
        primaryColor: brand.primaryColor,
      },
      payer: { name: customer.company ? `${customer.company} (u.p. ${customer.fullName})` : customer.fullName, address: (customer.company ? customer.companyAddress : null) ?? customer.address },
      orderNumber: order.number,
      amount: receipt.amount,
      lines,
      method: payment.method,
      reference: payment.providerReference ? `${payment.reference} / ${payment.providerReference}` : payment.reference,
      vat: vat ? { taxBase: vat.taxBase, otherTaxBase: vat.otherTaxBase, vat: vat.vat } : null,
      signer,
      stamp: receipt.stampRequired,
    },
  };
}

/**
 * Claims a pending receipt as the outbox claims deliveries: SKIP LOCKED (a second claimer at the same
 * moment skips it) plus a committed lease, so two processes never render or stamp the same receipt.
 */
async function claim(em: EntityManager, clock: Clock, id: string): Promise<Receipt | null> {
  return em.fork().transactional(async (tx) => {
    const now = clock.now();
    const [r] = await tx.find(
      Receipt,
      { id, status: ReceiptStatus.PENDING, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] },
      { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    if (!r) return null;
    r.leaseUntil = new Date(now.getTime() + RENDER_LEASE_MS);
    r.attempts += 1;
    return r;
  });
}

/** Renders (and above the threshold stamps) one claimed receipt, then stores it in a short transaction. */
async function makeReceipt(em: EntityManager, deps: ReceiptDeps, receipt: Receipt): Promise<void> {
  const { doc, customerId, orderId } = await receiptDocument(em.fork(), deps.config, receipt);
  const rendered = await renderReceiptPdf(doc);
  let bytes = rendered.bytes;
  let stamp: { serial: string | null; provider: string; amount: bigint } | null = null;
  if (receipt.stampRequired) {
    const result = await deps.stampDuty.stamp({
      documentId: receipt.id,
      fileName: `${receipt.number.replace(/\//g, '-')}.pdf`,
      pdf: bytes,
      box: rendered.stampBox,
      documentNumber: receipt.number,
      documentDate: doc.date,
    });
    // Not finished yet (Mekari answers IN_PROGRESS): the lease runs out and a later run asks again
    // about the same document (the providers de-duplicate on our id).
    if (result.status !== 'STAMPED' || !result.stampedPdf) throw new Error(`e-Meterai ${result.status}${result.failureReason ? `: ${result.failureReason}` : ''}`);
    bytes = result.stampedPdf;
    stamp = { serial: result.serialNumber, provider: result.provider, amount: result.dutyAmount };
  }
  // The company's certified signature, as on the SPK (in the PDF worker pool), after the e-Meterai so it covers it.
  const signed = await signSpkPdf(bytes, await deps.signingIdentity(), {
    reason: `Kwitansi ${receipt.number}`,
    location: deps.config.COMPANY_CITY,
    name: `${doc.signer.name} (${deps.config.COMPANY_NAME})`,
    contactInfo: deps.config.COMPANY_EMAIL,
    signingTime: deps.clock.now(),
    certify: true,
    visible: { box: rendered.signatureBox, lines: [doc.signer.name, doc.signer.title, deps.config.COMPANY_NAME] },
  }).catch((err: unknown) => {
    throw pdfWorkError(err);
  });
  bytes = new Uint8Array(signed);
  await em.fork().transactional(async (tx) => {
    const r = await tx.findOneOrFail(Receipt, receipt.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (r.status !== ReceiptStatus.PENDING) return;
    const file = tx.create(StoredFile, {
      owner: customerId,
      purpose: 'receipt',
      contentType: 'application/pdf',
      fileName: `${r.number.replace(/\//g, '-')}.pdf`,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      data: Buffer.from(bytes),
    });
    r.file = tx.getReference(StoredFile, file.id, { wrapped: true });
    r.status = ReceiptStatus.READY;
    r.leaseUntil = null;
    r.lastError = null;
    r.stampSerial = stamp?.serial ?? null;
    if (stamp) {
      await deps.events.emit(
        tx,
        'stampDuty.used',
        { documentKind: 'RECEIPT', documentId: r.id, documentNumber: r.number, serial: stamp.serial, provider: stamp.provider, amount: stamp.amount, orderId, customerId },
        { at: deps.clock.now() },
      );
    }
  });
}

/**
 * The receipts job: makes the PDFs of numbered receipts. No transaction is open while a document is
 * rendered or stamped; a failure is kept on the row and retried once its lease has run out.
 * Answers how many receipts this run made.
 */
export async function renderDueReceipts(em: EntityManager, deps: ReceiptDeps): Promise<number> {
  const now = deps.clock.now();
  const due = await em
    .fork()
    .find(Receipt, { status: ReceiptStatus.PENDING, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] }, { limit: BATCH, orderBy: { createdAt: 'asc' }, fields: ['id'] });
  let made = 0;
  for (const { id } of due) {
    const receipt = await claim(em, deps.clock, id);
    if (!receipt) continue;
    try {
      await makeReceipt(em, deps, receipt);
      made++;
    } catch (err) {
      await em.fork().nativeUpdate(Receipt, { id }, { lastError: String((err as Error).message).slice(0, 2000) });
    }
  }
  return made;
}
