import type { EntityClass, EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';
import { Role } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import { InstallmentPlan } from '../catalog/installment-plan.entity';
import { Product } from '../catalog/product.entity';
import { DateTime } from 'luxon';
import type { Locale } from '../common/request-context';
import { formatDateID } from '../common/time';
import { Service } from '../hosting/service.entity';
import { formatRupiah } from '../money/rupiah';
import { Notification } from '../notifications/notification.entity';
import { Order } from '../orders/order.entity';
import { Payment } from '../payments/payment.entity';
import { Spk } from '../spk/spk.entity';
import { TaxInvoice } from '../tax/tax-invoice.entity';
import { AuditLog } from './audit-log.entity';
import { AUDIT_SENTENCES, customerSees, isAuditAction, VALUE_WORDS } from './sentences';

/** The kinds of record a sentence can name and the app can link to. */
export enum RecordKind {
  ORDER = 'ORDER',
  SPK = 'SPK',
  PAYMENT = 'PAYMENT',
  SERVICE = 'SERVICE',
  CUSTOMER = 'CUSTOMER',
  STAFF = 'STAFF',
  PRODUCT = 'PRODUCT',
  PLAN = 'PLAN',
  TAX_INVOICE = 'TAX_INVOICE',
}

/** A piece of a sentence: plain text, or a record's name the app shows as a link to it. */
export interface SentencePart {
  text: string;
  kind: RecordKind | null;
  refId: string | null;
}

export interface HistoryEntryView {
  id: string;
  at: Date;
  /** The audit action, or `notice` for a notification sent about the order. */
  action: string;
  sentence: string;
  parts: SentencePart[];
}

export interface Reader {
  user: AuthUser;
  locale: Locale;
  /** Names the staff to a customer: they see the company act, not its employees. */
  companyName: string;
}

const WORDS = {
  id: { system: 'Sistem', reason: ': alasan ', deleted: '(sudah dihapus)', notice: 'Pemberitahuan kepada {recipient}: {title}' },
  en: { system: 'System', reason: ': reason ', deleted: '(deleted)', notice: 'Notice to {recipient}: {title}' },
} as const;

interface Named {
  text: string;
  kind: RecordKind;
  refId: string;
  orderId?: string | null;
}

const ENTITY_KINDS: Record<string, { kind: RecordKind | ((row: never) => RecordKind); entity: EntityClass<object>; name: (row: never) => string; orderOf?: (row: never) => string }> = {
  Order: { kind: RecordKind.ORDER, entity: Order, name: (o: Order) => o.number },
  Spk: { kind: RecordKind.SPK, entity: Spk, name: (s: Spk) => s.number, orderOf: (s: Spk) => s.order.id },
  Payment: { kind: RecordKind.PAYMENT, entity: Payment, name: (p: Payment) => p.reference, orderOf: (p: Payment) => p.order.id },
  Service: { kind: RecordKind.SERVICE, entity: Service, name: (s: Service) => s.hostname ?? s.label, orderOf: (s: Service) => s.order.id },
  User: { kind: (u: User) => (u.role === Role.CUSTOMER ? RecordKind.CUSTOMER : RecordKind.STAFF), entity: User, name: (u: User) => u.fullName },
  Product: { kind: RecordKind.PRODUCT, entity: Product, name: (p: Product) => p.name },
  InstallmentPlan: { kind: RecordKind.PLAN, entity: InstallmentPlan, name: (p: InstallmentPlan) => p.name },
  TaxInvoice: { kind: RecordKind.TAX_INVOICE, entity: TaxInvoice, name: (t: TaxInvoice) => t.reference },
};

const isUuid = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/**
 * Loads the names of every record the rows mention, a query per kind of record (a page of the audit log
 * or an order's history is a handful of queries, whatever its length).
 */
async function loadNames(em: EntityManager, rows: AuditLog[]): Promise<Map<string, Named>> {
  const wanted = new Map<string, Set<string>>();
  const want = (type: string, id: unknown) => {
    if (!isUuid(id) || !ENTITY_KINDS[type]) return;
    (wanted.get(type) ?? wanted.set(type, new Set()).get(type)!).add(id);
  };
  for (const row of rows) {
    want(row.entityType, row.entityId);
    want('User', row.actorId);
    want('Order', row.data?.orderId);
    want('User', row.data?.to); // order.assign: the new assignee
  }
  const names = new Map<string, Named>();
  const load = async (type: string, ids: Iterable<string>) => {
    const spec = ENTITY_KINDS[type]!;
    const found = await em.find(spec.entity, { id: { $in: [...ids] } } as never);
    for (const row of found as { id: string }[]) {
      names.set(row.id, { text: spec.name(row as never), kind: typeof spec.kind === 'function' ? spec.kind(row as never) : spec.kind, refId: row.id, orderId: spec.orderOf?.(row as never) ?? null });
    }
  };
  await Promise.all([...wanted].filter(([type]) => type !== 'Order').map(([type, ids]) => load(type, ids)));
  // The orders named by SPKs, payments and services come after them.
  const orders = new Set(wanted.get('Order'));
  for (const named of names.values()) if (named.orderId) orders.add(named.orderId);
  if (orders.size) await load('Order', orders);
  return names;
}

const PLACEHOLDER = /\{([a-z]+)(?::([A-Za-z]+))?\}/g;

function linkable(reader: Reader, kind: RecordKind): boolean {
  // A customer opens only their own order's pages; people and the catalog's back office are staff's.
  if (reader.user.role !== Role.CUSTOMER) return true;
  return kind === RecordKind.ORDER || kind === RecordKind.SPK || kind === RecordKind.PAYMENT || kind === RecordKind.SERVICE;
}

function plainValue(value: unknown, locale: Locale): string {
  if (value == null || value === '') return '-';
  // audit() writes money (bigint) as a string of digits: that is rupiah.
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return formatRupiah(BigInt(value));
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return locale === 'id' ? formatDateID(value) : DateTime.fromISO(value).setLocale('en').toFormat('d LLLL yyyy');
  if (typeof value === 'object') return Array.isArray(value) ? String(value.length) : '-';
  if (isUuid(value)) return WORDS[locale].deleted;
  return String(value as string | number | boolean);
}

/** One audit row as a sentence in the reader's language, with links to the records it names. */
export function describeRow(row: AuditLog, names: Map<string, Named>, reader: Reader): HistoryEntryView {
  const { locale } = reader;
  const words = WORDS[locale];
  const data = row.data ?? {};
  const template: string = isAuditAction(row.action) ? AUDIT_SENTENCES[row.action][locale] : row.action;
  const own = names.get(row.entityId);
  const orderId = own?.kind === RecordKind.ORDER ? own.refId : (own?.orderId ?? (isUuid(data.orderId) ? data.orderId : null));
  const record = (named: Named | undefined, fallback: unknown): SentencePart => {
    if (!named) return { text: typeof fallback === 'string' && fallback && !isUuid(fallback) ? fallback : words.deleted, kind: null, refId: null };
    return linkable(reader, named.kind) ? { text: named.text, kind: named.kind, refId: named.refId } : { text: named.text, kind: null, refId: null };
  };
  const ofKind = (kind: RecordKind) => (own?.kind === kind ? own : undefined);
  const actor = (): SentencePart => {
    if (!row.actorId) return { text: words.system, kind: null, refId: null };
    const person = names.get(row.actorId);
    const staff = row.actorRole !== null && row.actorRole !== Role.CUSTOMER;
    if (reader.user.role === Role.CUSTOMER && staff) return { text: reader.companyName, kind: null, refId: null };
    return record(person, null);
  };
  const fill = (name: string, field: string | undefined): SentencePart | string => {
    switch (name) {
      case 'actor':
        return actor();
      case 'order':
        return record(orderId ? names.get(orderId) : undefined, data.number);
      case 'spk':
        return record(ofKind(RecordKind.SPK), data.number);
      case 'payment':
        return record(ofKind(RecordKind.PAYMENT), data.reference);
      case 'service':
        return record(ofKind(RecordKind.SERVICE), data.label);
      case 'user':
        return record(own?.kind === RecordKind.CUSTOMER || own?.kind === RecordKind.STAFF ? own : undefined, null);
      case 'target':
        return record(own, data.label);
      case 'subject':
        return record(own, data.name ?? data.reference);
      case 'p':
        return record(names.get(String(data[field!])), null);
      case 'reason': {
        const reason = data.reason ?? data.note;
        return typeof reason === 'string' && reason.trim() ? `${words.reason}${reason.trim()}` : '';
      }
      case 'amount':
        return plainValue(data.amount ?? (data.totalPrice as unknown), locale);
      case 'd':
        return plainValue(data[field!], locale);
      case 'v': {
        const value = String(data[field!] ?? '');
        return VALUE_WORDS[locale][`${field}.${value}`] ?? value;
      }
      default:
        return `{${name}}`;
    }
  };
  const parts: SentencePart[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ text: template.slice(last, match.index), kind: null, refId: null });
    const value = fill(match[1]!, match[2]);
    parts.push(typeof value === 'string' ? { text: value, kind: null, refId: null } : value);
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last), kind: null, refId: null });
  const merged = parts.filter((p) => p.text !== '');
  return { id: row.id, at: row.at, action: row.action, sentence: merged.map((p) => p.text).join(''), parts: merged };
}

export async function describeRows(em: EntityManager, rows: AuditLog[], reader: Reader): Promise<HistoryEntryView[]> {
  const names = await loadNames(em, rows);
  return rows.map((row) => describeRow(row, names, reader));
}

function describeNotice(n: Notification, recipient: User | undefined, reader: Reader): HistoryEntryView {
  const [before, after] = WORDS[reader.locale].notice.split('{recipient}') as [string, string];
  const who: SentencePart =
    recipient && reader.user.role !== Role.CUSTOMER
      ? { text: recipient.fullName, kind: recipient.role === Role.CUSTOMER ? RecordKind.CUSTOMER : RecordKind.STAFF, refId: recipient.id } : { text: recipient?.fullName ?? '-', kind: null, refId: null };
  const parts = [{ text: before, kind: null, refId: null }, who, { text: after.replace('{title}', n.title), kind: null, refId: null }].filter((p) => p.text !== '');
  return { id: n.id, at: n.createdAt, action: 'notice', sentence: parts.map((p) => p.text).join(''), parts };
}

/**
 * The order's whole story in time order: the audit rows of the order and of its SPKs, payments and
 * services, and the notices sent about it. A customer (the caller checked it is their order) sees only
 * what `customer: true` marks in the sentence table and the notices addressed to them.
 */
export async function orderTimeline(em: EntityManager, order: Order, reader: Reader): Promise<HistoryEntryView[]> {
  const [spks, payments, services] = await Promise.all([
    em.find(Spk, { order: order.id }, { fields: ['id'] }),
    em.find(Payment, { order: order.id }, { fields: ['id'] }),
    em.find(Service, { order: order.id }, { fields: ['id'] }),
  ]);
  const ids = [order.id, ...spks.map((s) => s.id), ...payments.map((p) => p.id), ...services.map((s) => s.id)];
  const customer = reader.user.role === Role.CUSTOMER;
  const rows = (await em.find(AuditLog, { entityId: { $in: ids } }, { orderBy: { at: 'asc', id: 'asc' } })).filter((r) => !customer || customerSees(r.action));
  // Notices name the order by number in their data, or link to its page.
  const notices = await em.find(
    Notification,
    {
      $and: [
        { $or: [{ data: { orderNumber: order.number } }, { link: { $like: `%/orders/${order.id}/show` } }] },
        customer ? { recipient: reader.user.id } : {},
      ],
    },
    { orderBy: { createdAt: 'asc' }, populate: ['recipient'] },
  );
  const entries = [...(await describeRows(em, rows, reader)), ...notices.map((n) => describeNotice(n, n.recipient.getEntity(), reader))];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
