import { randomBytes } from 'node:crypto';
import { requirePermission } from '../accounts/access';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';
import { hashPassword } from '../accounts/password';
import { RecoveryCode } from '../accounts/recovery-code.entity';
import { RefreshToken } from '../accounts/refresh-token.entity';
import { Role } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import { audit } from '../audit/audit';
import { conflict, notFound } from '../common/errors';
import type { Clock } from '../common/time';
import { findPage, type ListArgs } from '../graphql/pagination';
import { Notification } from '../notifications/notification.entity';
import { OrderStatus } from '../orders/order-status';
import { Order } from '../orders/order.entity';
import { KeptRecord, PrivacyRequest, PrivacyRequestKind, PrivacyRequestStatus } from './privacy-request.entity';

/** UU PDP 27/2022 Art. 30(2) and 43(2): correction and erasure are carried out within 3 x 24 hours. */
export const RESPONSE_HOURS = 72;

const ref = (r: PrivacyRequest) => ({ entityType: 'PrivacyRequest', entityId: r.id });

export async function createRequest(em: EntityManager, clock: Clock, actor: AuthUser, kind: PrivacyRequestKind, details: string | null) {
  requirePermission(actor, 'privacy.request');
  if (await em.count(PrivacyRequest, { customer: actor.id, kind, status: PrivacyRequestStatus.OPEN })) throw conflict('privacy.requestOpen');
  const now = clock.now();
  const request = em.create(PrivacyRequest, {
    customer: actor.id,
    kind,
    details: details?.trim() || null,
    createdAt: now,
    dueAt: new Date(now.getTime() + RESPONSE_HOURS * 3_600_000),
  });
  audit(em, actor, kind === PrivacyRequestKind.ERASURE ? 'privacy.erasure_requested' : 'privacy.correction_requested', ref(request), { customerId: actor.id });
  await em.flush();
  return request;
}

export const myRequests = (em: EntityManager, actor: AuthUser) => em.find(PrivacyRequest, { customer: actor.id }, { orderBy: { createdAt: 'desc' } });

export interface PrivacyRequestQuery {
  status?: PrivacyRequestStatus | null;
  kind?: PrivacyRequestKind | null;
  overdue?: boolean | null;
  ids?: string[] | null;
}

export function listRequests(em: EntityManager, clock: Clock, filter: PrivacyRequestQuery | undefined, args: ListArgs) {
  const where: FilterQuery<PrivacyRequest> = {};
  if (filter?.status) where.status = filter.status;
  if (filter?.kind) where.kind = filter.kind;
  if (filter?.ids?.length) where.id = { $in: filter.ids };
  if (filter?.overdue === true) Object.assign(where, { status: PrivacyRequestStatus.OPEN, dueAt: { $lt: clock.now() } });
  if (filter?.overdue === false) where.$or = [{ status: { $ne: PrivacyRequestStatus.OPEN } }, { dueAt: { $gte: clock.now() } }];
  return findPage(em, PrivacyRequest, where, args, { dueAt: 'dueAt', createdAt: 'createdAt', status: 'status', kind: 'kind' }, 'dueAt', ['customer']);
}

async function openRequest(em: EntityManager, id: string, kind: PrivacyRequestKind) {
  const request = await em.findOne(PrivacyRequest, id, { populate: ['customer'] });
  if (!request) throw notFound('privacy.notFound');
  if (request.status !== PrivacyRequestStatus.OPEN) throw conflict('privacy.notOpen', {}, { currentState: request.status });
  if (request.kind !== kind) throw conflict('privacy.wrongKind');
  return request;
}

function close(em: EntityManager, request: PrivacyRequest, actor: AuthUser, clock: Clock, status: PrivacyRequestStatus, resolution: string) {
  request.status = status;
  request.handledBy = em.getReference(User, actor.id, { wrapped: true });
  request.handledAt = clock.now();
  request.resolution = resolution.trim();
}

/** Staff corrected the data (through updateUser, itself audited) and say what they did. */
export async function completeCorrection(em: EntityManager, clock: Clock, actor: AuthUser, id: string, resolution: string) {
  const request = await openRequest(em, id, PrivacyRequestKind.CORRECTION);
  close(em, request, actor, clock, PrivacyRequestStatus.COMPLETED, resolution);
  audit(em, actor, 'privacy.correction_completed', ref(request), { customerId: request.customer.id, resolution: request.resolution });
  await em.flush();
  return request;
}

/** A request refused with its reason (for example, an erasure while a contract still runs: UU PDP Art. 8, 44). */
export async function rejectRequest(em: EntityManager, clock: Clock, actor: AuthUser, id: string, reason: string) {
  const request = await em.findOne(PrivacyRequest, id, { populate: ['customer'] });
  if (!request) throw notFound('privacy.notFound');
  await openRequest(em, id, request.kind);
  close(em, request, actor, clock, PrivacyRequestStatus.REJECTED, reason);
  audit(em, actor, 'privacy.request_rejected', ref(request), { customerId: request.customer.id, reason: request.resolution });
  await em.flush();
  return request;
}

/**
 * What erasure keeps, and the rule that keeps it. Tax law wants the books (UU KUP 6/1983 as amended,
 * Art. 28(11): records and supporting documents for 10 years), so the transactions stay, identified by
 * number and amount only; the contract stays as signed, because it is the evidence of the debt.
 */
export const KEPT: KeptRecord[] = [
  {
    what: 'Pesanan, angsuran dan pembayaran: nomor, tanggal, jumlah dan status (orders, installments, payments: numbers, dates, amounts, states)',
    why: 'UU KUP Pasal 28 ayat (11): pembukuan dan dokumen pendukung disimpan 10 tahun (tax records kept for 10 years)',
  },
  {
    what: 'Dokumen SPK yang ditandatangani dan bukti transfer (signed SPK documents and payment proofs), hanya untuk staf',
    why: 'Bukti perjanjian dan pembayaran untuk masa retensi pajak yang sama; UU PDP Pasal 8 dan 43 ayat (1) huruf b (evidence of the contract and payments for the same retention period)',
  },
  {
    what: 'Catatan audit: siapa melakukan apa dan kapan, tanpa nilai data pribadi (audit log: who did what and when, without personal values)',
    why: 'UU PDP Pasal 31: pengendali wajib merekam kegiatan pemrosesan (records of processing)',
  },
];

// Profile fields the audit trail may have copied from a profile change; erasure strips them.
const AUDITED_PERSONAL_KEYS = ['username', 'email', 'fullName', 'phone', 'nik', 'address', 'company', 'note', 'ip'];
const CLOSED_ORDER_STATES = [OrderStatus.COMPLETED, OrderStatus.CANCELLED];

/**
 * Carries out an erasure: every personal value of the customer is replaced or removed, the account is
 * closed, and the request records what was kept and why. One transaction, so it happens whole or not at all.
 */
export async function carryOutErasure(em: EntityManager, clock: Clock, actor: AuthUser, id: string) {
  const request = await openRequest(em, id, PrivacyRequestKind.ERASURE);
  const user = request.customer.getEntity();
  if (user.role !== Role.CUSTOMER) throw conflict('privacy.staffAccount');
  const running = await em.count(Order, { customer: user.id, status: { $nin: CLOSED_ORDER_STATES } });
  if (running) throw conflict('privacy.contractsRunning', { count: running });

  const now = clock.now();
  const tag = user.id.slice(0, 8);
  const erasedName = `Data dihapus ${tag}`;
  const erasedEmail = `erased-${user.id}@erased.invalid`;
  const erasedPhone = '+620000000000';
  await em.transactional(async (tx) => {
    const u = await tx.findOneOrFail(User, user.id);
    Object.assign(u, {
      username: `erased-${tag}`,
      email: erasedEmail,
      fullName: erasedName,
      phone: erasedPhone,
      nik: null,
      address: null,
      company: null,
      note: null,
      active: false,
      notifyByEmail: false,
      notifyByWhatsApp: false,
      totpSecret: null,
      totpPendingSecret: null,
      totpEnabledAt: null,
      passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
      tokenVersion: u.tokenVersion + 1,
      erasedAt: now,
    });
    await tx.nativeUpdate(RefreshToken, { user: u.id }, { revokedAt: now, ip: null, userAgent: null });
    await tx.nativeDelete(RecoveryCode, { user: u.id });
    await tx.nativeUpdate(Order, { customer: u.id }, { customerName: erasedName, customerPhone: erasedPhone, customerEmail: erasedEmail });
    await tx.nativeUpdate(Notification, { recipient: u.id }, { body: '(dihapus)', data: null });
    const conn = tx.getConnection();
    await conn.execute(`update notification_deliveries set target = '(dihapus)', payload = '{}' where notification_id in (select id from notifications where recipient_id = ?)`, [u.id]);
    await conn.execute(`delete from cart_items where customer_id = ?`, [u.id]);
    await conn.execute(`update audit_log set data = data - ?::text[] where entity_type = 'User' and entity_id = ? and data is not null`, [`{${AUDITED_PERSONAL_KEYS.join(',')}}`, u.id]);
    const r = await tx.findOneOrFail(PrivacyRequest, request.id);
    r.status = PrivacyRequestStatus.COMPLETED;
    r.handledBy = tx.getReference(User, actor.id, { wrapped: true });
    r.handledAt = now;
    r.resolution = 'Data pribadi dianonimkan (personal data anonymised)';
    r.kept = KEPT;
    audit(tx, actor, 'privacy.erasure_completed', ref(r), { customerId: u.id, kept: KEPT.map((k) => k.what) });
  });
  await em.refresh(request);
  return request;
}
