import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../accounts/user.entity';
import { audit } from '../audit/audit';
import { ZONE } from '../common/time';
import { nextCounterValue } from '../db/counter.entity';
import type { DomainEvents, EventMeta } from '../events/domain-events';
import { Installment } from '../installments/installment.entity';
import { isClosedLine } from '../installments/rules';
import { OrderItem } from '../orders/order-item.entity';
import { Order } from '../orders/order.entity';
import { PaymentAllocation } from '../payments/payment.entity';
import { TaxInvoice, TaxInvoiceKind, TaxInvoiceStatus } from './tax-invoice.entity';
import type { VatTerms } from './vat';

export interface TaxDeps {
  /** PAID: an installment's invoice is made when it is paid in full; INVOICED: when it is invoiced (falls due). */
  taxPoint: 'PAID' | 'INVOICED';
  /** Coretax transaction code for DPP nilai lain (default 04); a plain tax base (factor 1/1) is always 01. */
  trxCode: string;
}

export function createTaxDeps(config: { TAX_POINT: 'PAID' | 'INVOICED'; TAX_TRX_CODE: string }): TaxDeps {
  return { taxPoint: config.TAX_POINT, trxCode: config.TAX_TRX_CODE };
}

const jakartaDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/** 01 where the tax base is the plain price; the configured code (04) for DPP nilai lain. */
export const trxCodeFor = (terms: VatTerms, deps: TaxDeps) => (terms.baseNumerator === terms.baseDenominator ? '01' : deps.trxCode);

/** The buyer as a tax invoice names them: a company (with NITKU) by its name and address, a person by theirs. */
export function buyerOf(customer: User) {
  const company = customer.nitku !== null;
  return {
    buyerTin: customer.npwp!,
    // An individual's place of business is their NIK/NPWP with 000000, as Coretax expects.
    buyerIdtku: customer.nitku ?? `${customer.npwp}000000`,
    buyerName: (company ? customer.company : null) ?? customer.fullName,
    buyerAddress: (company ? customer.companyAddress : null) ?? customer.address ?? '-',
    buyerEmail: customer.email,
  };
}

async function nextReference(tx: EntityManager, period: string, prefix: 'FP' | 'RT') {
  const seq = await nextCounterValue(tx, `tax:${prefix}:${period}`);
  return `${prefix}-${period.replace('-', '')}-${String(seq).padStart(6, '0')}`;
}

/**
 * Makes the installment's tax invoice at the tax point, once: an installment has at most one live
 * invoice (the partial unique index enforces it too), a customer without an NPWP gets receipts only, and
 * an order sold without VAT has nothing to invoice. Returns the invoice, or null when none is due.
 */
export async function ensureTaxInvoice(tx: EntityManager, deps: TaxDeps, installmentId: string, meta: EventMeta): Promise<TaxInvoice | null> {
  const installment = await tx.findOneOrFail(Installment, installmentId);
  const order = await tx.findOneOrFail(Order, installment.order.id);
  if (!order.vatTerms || installment.vat === 0n) return null;
  const live = await tx.findOne(TaxInvoice, { installment, kind: TaxInvoiceKind.NORMAL, status: { $ne: TaxInvoiceStatus.CANCELLED } });
  if (live) return live;
  const customer = await tx.findOneOrFail(User, order.customer.id);
  if (!customer.npwp) return null;
  const item = await tx.findOneOrFail(OrderItem, { order }, { orderBy: { position: 'asc' } });
  const invoiceDate = jakartaDate(meta.at);
  const period = invoiceDate.slice(0, 7);
  const what = installment.number === 0 ? 'Uang muka' : `Cicilan ${installment.number}/${item.planTerms.tenorMonths}`;
  const invoice = tx.create(TaxInvoice, {
    reference: await nextReference(tx, period, 'FP'),
    kind: TaxInvoiceKind.NORMAL,
    order,
    installment,
    customer,
    invoiceDate,
    period,
    trxCode: trxCodeFor(order.vatTerms, deps),
    ...buyerOf(customer),
    description: `${what} ${order.number}: ${item.productName}`.slice(0, 200),
    taxBase: installment.taxBase,
    otherTaxBase: installment.otherTaxBase,
    vatRateBps: order.vatTerms.rateBps,
    vat: installment.vat,
  });
  audit(tx, null, 'tax.invoice.create', { entityType: 'TaxInvoice', entityId: invoice.id }, { reference: invoice.reference, installmentId, vat: invoice.vat, causedBy: meta.actorId });
  return invoice;
}

/** Under TAX_POINT=PAID: every installment of the order now paid in full gets its invoice. */
async function onSettled(tx: EntityManager, deps: TaxDeps, orderId: string, meta: EventMeta) {
  if (deps.taxPoint !== 'PAID') return;
  const installments = await tx.find(Installment, { order: orderId, vat: { $gt: 0n } }, { orderBy: { number: 'asc' } });
  for (const i of installments) {
    if (!isClosedLine(i.status) && i.paidAmount === i.amount) await ensureTaxInvoice(tx, deps, i.id, meta);
  }
}

/**
 * A refund under the rules (PMK 03/2022 as amended; for services the document is the nota pembatalan,
 * recorded here as a RETURN): an invoice that never left us (DRAFT) is simply cancelled; one already in
 * a Coretax file or numbered gets a RETURN record for the refunded share of its tax base and PPN,
 * referring to it. One RETURN per refunded payment and invoice.
 */
export async function onRefunded(tx: EntityManager, deps: TaxDeps, paymentId: string, meta: EventMeta) {
  const allocations = await tx.find(PaymentAllocation, { payment: paymentId, principal: { $gt: 0n } }, { populate: ['installment'] });
  for (const a of allocations) {
    const installment = a.installment.$;
    const invoice = await tx.findOne(TaxInvoice, { installment, kind: TaxInvoiceKind.NORMAL, status: { $ne: TaxInvoiceStatus.CANCELLED } });
    if (!invoice) continue;
    if (invoice.status === TaxInvoiceStatus.DRAFT) {
      invoice.status = TaxInvoiceStatus.CANCELLED;
      audit(tx, null, 'tax.invoice.cancel', { entityType: 'TaxInvoice', entityId: invoice.id }, { paymentId });
      continue;
    }
    if (await tx.count(TaxInvoice, { original: invoice, paymentId })) continue;
    // The refunded share of the installment, rounded down so returns never exceed the invoice.
    const share = (v: bigint) => (v * a.principal) / installment.amount;
    const period = jakartaDate(meta.at).slice(0, 7);
    const ret = tx.create(TaxInvoice, {
      reference: await nextReference(tx, period, 'RT'),
      kind: TaxInvoiceKind.RETURN,
      original: invoice,
      paymentId,
      order: invoice.order,
      installment,
      customer: invoice.customer,
      invoiceDate: jakartaDate(meta.at),
      period,
      trxCode: invoice.trxCode,
      buyerTin: invoice.buyerTin,
      buyerIdtku: invoice.buyerIdtku,
      buyerName: invoice.buyerName,
      buyerAddress: invoice.buyerAddress,
      buyerEmail: invoice.buyerEmail,
      description: `Retur ${invoice.reference}: ${invoice.description}`.slice(0, 200),
      taxBase: share(invoice.taxBase),
      otherTaxBase: share(invoice.otherTaxBase),
      vatRateBps: invoice.vatRateBps,
      vat: share(invoice.vat),
    });
    audit(tx, null, 'tax.return.create', { entityType: 'TaxInvoice', entityId: ret.id }, { original: invoice.reference, paymentId, vat: ret.vat });
  }
}

/** The tax domain listens; payments and billing never call it. */
export function registerTaxHandlers(events: DomainEvents, deps: TaxDeps) {
  events.on('payment.settled', 'tax: invoice installments paid in full', (tx, p, meta) => onSettled(tx, deps, p.orderId, meta));
  events.on('installment.invoiced', 'tax: invoice at the invoicing tax point', async (tx, p, meta) => {
    if (deps.taxPoint === 'INVOICED') await ensureTaxInvoice(tx, deps, p.installmentId, meta);
  });
  events.on('payment.refunded', 'tax: cancel or return the refunded invoices', (tx, p, meta) => onRefunded(tx, deps, p.paymentId, meta));
}
