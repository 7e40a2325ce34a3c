import { forbidden, notFound } from '../common/errors';
import type { MessageKey } from '../common/messages';
import { requireUser, type AuthUser } from './auth-user';
import { Role } from './roles';

/**
 * The one place that decides who may see and do what on which record. Resolvers, services, HTTP routes
 * and jobs ask here; nothing else compares roles or owner ids.
 *
 * Two questions:
 * - `requirePermission(user, 'payment.verifyProof')`: may this role do this kind of thing at all?
 *   ADMIN may do everything; the table lists the other roles.
 * - `visibleRecord(user, record, ownerOf, 'order.notFound')`: may this user see this record? Staff see
 *   every customer's records; a customer only their own. Another customer's record answers NOT_FOUND,
 *   never FORBIDDEN, so probing ids tells nothing.
 */
const GRANTS = {
  'staff.console': [Role.FINANCE, Role.SUPPORT],
  'customer.buy': [Role.CUSTOMER],
  'order.manage': [Role.SUPPORT],
  'order.suspend': [Role.SUPPORT, Role.CUSTOMER],
  // Renew, upgrade or cancel at the end of the contract: the order's own customer asks.
  'contract.request': [Role.CUSTOMER],
  'spk.manage': [Role.SUPPORT],
  'payment.manage': [Role.FINANCE],
  'payment.reconcile': [Role.FINANCE],
  'hosting.manage': [Role.SUPPORT],
  'hosting.terminate': [],
  // Start, stop or reboot a server: its customer (their own only, see visibleRecord) and SUPPORT.
  'hosting.power': [Role.SUPPORT, Role.CUSTOMER],
  'billing.run': [Role.FINANCE],
  'reports.read': [Role.FINANCE, Role.SUPPORT],
  'users.manage': [],
  'tax.manage': [Role.FINANCE],
  // Every customer's receivables at a date, for the accountant (a customer's own statement is visibleRecord's).
  'receivables.export': [Role.FINANCE],
  'order.restructure': [Role.SUPPORT],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

export function can(user: AuthUser | null, permission: Permission): boolean {
  if (!user) return false;
  return user.role === Role.ADMIN || (GRANTS[permission] as readonly Role[]).includes(user.role);
}

export function requirePermission(user: AuthUser | null, permission: Permission): AuthUser {
  const u = requireUser(user);
  if (!can(u, permission)) throw forbidden();
  return u;
}

/** Whether the user may see a record owned by `ownerId`. */
export function canSee(user: AuthUser | null, ownerId: string): boolean {
  if (!user) return false;
  return user.role !== Role.CUSTOMER || user.id === ownerId;
}

/** The record when the user may see it; otherwise NOT_FOUND with the record's own message. */
export function visibleRecord<T>(user: AuthUser | null, record: T | null | undefined, ownerOf: (r: T) => string, notFoundKey: MessageKey): T {
  const u = requireUser(user);
  if (record == null || !canSee(u, ownerOf(record))) throw notFound(notFoundKey);
  return record;
}

/**
 * For acts only the record's owner may take, not even staff (the customer's own signature): the record
 * when the user owns it; another customer gets NOT_FOUND, staff FORBIDDEN.
 */
export function ownRecord<T>(user: AuthUser | null, record: T | null | undefined, ownerOf: (r: T) => string, notFoundKey: MessageKey): T {
  const u = requireUser(user);
  const visible = visibleRecord(u, record, ownerOf, notFoundKey);
  if (ownerOf(visible) !== u.id) throw forbidden();
  return visible;
}

/** visibleRecord as an assertion, for code that keeps using its own variable afterwards. */
export function assertVisible<T>(user: AuthUser | null, record: T | null | undefined, ownerOf: (r: T) => string, notFoundKey: MessageKey): asserts record is T {
  visibleRecord(user, record, ownerOf, notFoundKey);
}

/** Limits a list query to what the user may see: customers get a filter on their own id, staff none. */
export function ownerScope(user: AuthUser | null): { customerId: string } | Record<string, never> {
  const u = requireUser(user);
  return u.role === Role.CUSTOMER ? { customerId: u.id } : {};
}
