import { forbidden, notFound, unauthenticated } from '../common/errors';
import type { MessageKey } from '../common/messages';
import { currentScope } from '../common/request-context';
import type { AuthUser } from './auth-user';
import { Role } from './roles';

/**
 * The one place that decides who may see and do what on which record. Resolvers (through
 * `@Authorized`, whose checker asks here), services, HTTP routes and jobs ask here; nothing else
 * compares roles or owner ids.
 *
 * Three questions:
 * - `requireUser(user)`: is someone signed in? (UNAUTHENTICATED)
 * - `requirePermission(user, 'payment.verifyProof')`: may this role do this kind of thing at all?
 *   ADMIN may do everything staff may; the table lists the other roles. (FORBIDDEN)
 * - `accessRecord(user, record, { owner, notFound })`: may this user see (and, with `permission`, act
 *   on) this record? Staff see every customer's records; a customer only their own. Another
 *   customer's record answers NOT_FOUND, never FORBIDDEN, exactly like an id that does not exist, so
 *   probing ids tells nothing.
 */
const GRANTS = {
  'staff.console': [Role.FINANCE, Role.SUPPORT],
  // Buying is for customers: staff act on customers' orders, they do not place their own.
  'customer.buy': [Role.CUSTOMER],
  // A privacy request (UU PDP) is about the asker's own data: staff accounts have none to ask about.
  'privacy.request': [Role.CUSTOMER],
  'order.manage': [Role.SUPPORT],
  // Cancel before the SPK is confirmed: the order's customer, or SUPPORT.
  'order.cancel': [Role.SUPPORT, Role.CUSTOMER],
  'order.suspend': [Role.SUPPORT, Role.CUSTOMER],
  // Renew, upgrade or cancel at the end of the contract: the order's own customer asks.
  'contract.request': [Role.CUSTOMER],
  'spk.manage': [Role.SUPPORT],
  // Pay an order (a transfer, VA or gateway payment): its customer, or FINANCE recording one.
  'payment.create': [Role.FINANCE, Role.CUSTOMER],
  'payment.manage': [Role.FINANCE],
  'payment.reconcile': [Role.FINANCE],
  // Create the hosting of an order item: its customer, once the gate is open, or SUPPORT.
  'hosting.create': [Role.SUPPORT, Role.CUSTOMER],
  'hosting.manage': [Role.SUPPORT],
  'hosting.terminate': [],
  // Start, stop or reboot a server: its customer (their own only, see accessRecord) and SUPPORT.
  'hosting.power': [Role.SUPPORT, Role.CUSTOMER],
  'billing.run': [Role.FINANCE],
  'reports.read': [Role.FINANCE, Role.SUPPORT],
  'users.manage': [],
  'tax.manage': [Role.FINANCE],
  // Recording (and voiding) e-Meterai quota bought from the distributor: ADMIN only (what the company paid for).
  'stampDuty.quota': [],
  // Every customer's receivables at a date, for the accountant (a customer's own statement is accessRecord's).
  'receivables.export': [Role.FINANCE],
  'order.restructure': [Role.SUPPORT],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

/**
 * GraphQL operations anyone may call, signed in or not, and why: nothing else is reachable without a
 * decision made here. test/accounts/access-coverage.test.ts calls every operation and route and fails
 * on one that neither asks this module nor is listed here.
 */
export const PUBLIC_OPERATIONS: Readonly<Record<string, string>> = {
  products: 'the catalog is the shop window (inactive products only for staff, decided by isStaffUser)',
  installmentPlans: 'the plans are part of the catalog',
  osTemplates: 'the operating systems a buyer may choose from',
  register: 'creates a customer account',
  login: 'the password is the credential',
  verifyTwoFactorLogin: "the second-step token from login is the credential",
  beginTwoFactorEnrolment: 'signed in, or the ENROL token from login is the credential',
  confirmTwoFactorEnrolment: 'signed in, or the ENROL token from login is the credential',
  refreshToken: 'the refresh token is the credential',
  logout: 'the refresh token is the credential',
  requestPasswordReset: 'answers the same whether the address exists',
  resetPassword: 'the single-use token from the e-mail is the credential',
};

/** Plain HTTP routes anyone may call (`METHOD path` as express declares them), and why. */
export const PUBLIC_ROUTES: Readonly<Record<string, string>> = {
  'GET /healthz': 'liveness for the process manager',
  'GET /readyz': 'readiness for the load balancer',
  'GET /': 'redirects to the web app',
  'GET /branding.json': "the company's public name, colours and contacts",
  'GET /branding/logo': "the company's logo",
  'GET /admin/index.html': 'the web app shell (it signs in through the API)',
  'POST /webhooks/payments/:provider/virtual-account': "the gateway's signature is the credential",
  'POST /webhooks/payments/:provider': "the gateway's signature is the credential",
  'POST /webhooks/statements': "the bank feed's signature is the credential",
  'POST /hooks/psre/:provider': "the signing provider's signature is the credential",
  'GET /verify/:code': "anyone holding a signed SPK checks it by the code printed on it",
  'GET /hosting/:label': "the suspended site's page; what is owed is shown only when canSee allows it",
  'GET /payments/sandbox/:reference': 'the sandbox gateway page (development; the reference is the credential)',
  'POST /payments/sandbox/:reference/pay': 'the sandbox gateway page (development)',
  'POST /payments/sandbox/:reference/fail': 'the sandbox gateway page (development)',
  'GET /payments/sandbox/va/:number': 'the sandbox virtual-account page (development)',
  'POST /payments/sandbox/va/:number/pay': 'the sandbox virtual-account page (development)',
};

type DecisionListener = (requestId: string, decision: string) => void;
const listeners = new Set<DecisionListener>();

/**
 * Hears every decision this module makes, with the request it was made for (the request scope's id).
 * Only the coverage test listens; with no listener, recording costs one size check.
 */
export function observeDecisions(listener: DecisionListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

function decided(decision: string) {
  if (!listeners.size) return;
  const requestId = currentScope()?.requestId;
  if (requestId) for (const listener of listeners) listener(requestId, decision);
}

/** Acts that are a customer's own: ADMIN does not get them by being ADMIN. */
const CUSTOMER_ONLY: ReadonlySet<Permission> = new Set(['customer.buy', 'privacy.request']);

export function requireUser(user: AuthUser | null): AuthUser {
  decided('user');
  if (!user) throw unauthenticated();
  return user;
}

/** ADMIN may do everything any staff role may (what `@Authorized(Role.X)` asks). */
export function hasRole(user: AuthUser, roles: readonly Role[]): boolean {
  decided('role');
  return user.role === Role.ADMIN || roles.includes(user.role);
}

/**
 * What `@Authorized(...roles)` asks (the GraphQL auth checker): signed in, and with no roles listed
 * any role; otherwise one of them (ADMIN always).
 */
export function requireRoles(user: AuthUser | null, roles: readonly Role[]): AuthUser {
  const u = requireUser(user);
  if (roles.length && !hasRole(u, roles)) throw forbidden();
  return u;
}

/** Whether the role is one of the staff's (the console is theirs; customers have the portal). */
export function isStaffUser(user: AuthUser | null): boolean {
  decided('role');
  return !!user && user.role !== Role.CUSTOMER;
}

export function can(user: AuthUser | null, permission: Permission): boolean {
  decided(`permission:${permission}`);
  if (!user) return false;
  const grants = GRANTS[permission] as readonly Role[];
  return CUSTOMER_ONLY.has(permission) ? grants.includes(user.role) : hasRole(user, grants);
}

export function requirePermission(user: AuthUser | null, permission: Permission): AuthUser {
  const u = requireUser(user);
  if (!can(u, permission)) throw forbidden();
  return u;
}

/** Whether the user may see a record owned by `ownerId`. */
export function canSee(user: AuthUser | null, ownerId: string): boolean {
  decided('record');
  if (!user) return false;
  return user.role !== Role.CUSTOMER || user.id === ownerId;
}

export interface RecordRule<T> {
  /** The customer whose record it is. */
  owner: (record: T) => string;
  /** The record's own NOT_FOUND message ("Pesanan tidak ditemukan"). */
  notFound: MessageKey;
  /** What the user means to do with it, checked first: a role without it gets FORBIDDEN. */
  permission?: Permission;
  /**
   * Acts only the record's owner may take, not even staff (the customer's own signature): staff get
   * FORBIDDEN, another customer NOT_FOUND.
   */
  ownerOnly?: boolean;
}

/**
 * The record when the user may reach it under `rule`; otherwise UNAUTHENTICATED, FORBIDDEN (a role
 * that may not do this at all, or staff on an owner-only act) or NOT_FOUND (missing, or another
 * customer's: a customer never learns that someone else's record exists).
 */
export function accessRecord<T>(user: AuthUser | null, record: T | null | undefined, rule: RecordRule<T>): T {
  const u = rule.permission ? requirePermission(user, rule.permission) : requireUser(user);
  if (record == null || !canSee(u, rule.owner(record))) throw notFound(rule.notFound);
  if (rule.ownerOnly && rule.owner(record) !== u.id) throw forbidden();
  return record;
}

/** accessRecord as a yes/no, for what the caller may do (allowedActions), where nothing is thrown. */
export function allows<T>(user: AuthUser | null, record: T, rule: Omit<RecordRule<T>, 'notFound'>): boolean {
  try {
    accessRecord(user, record, { ...rule, notFound: 'validation.invalid' });
    return true;
  } catch {
    return false;
  }
}

/** Limits a list query to what the user may see: customers get a filter on their own id, staff none. */
export function ownerScope(user: AuthUser | null): { customerId: string } | Record<string, never> {
  decided('scope');
  const u = requireUser(user);
  return u.role === Role.CUSTOMER ? { customerId: u.id } : {};
}

/**
 * Whether an event addressed to `recipientId` (a new notification) goes to this user: to its
 * recipient only, staff included (an admin does not get other people's notifications pushed).
 */
export function isRecipient(user: AuthUser | null, recipientId: string): boolean {
  decided('recipient');
  return !!user && user.id === recipientId;
}

/**
 * Everything the decisions above read about a user, as a key: two callers with the same key get the
 * same answer to every question here, so a result computed for one may be handed to the other (the
 * shared subscription execution, graphql/shared-subscriptions.ts). Anyone else gets a different key.
 */
export function viewerKey(user: AuthUser | null): string {
  return user ? `${user.id}:${user.role}` : 'anonymous';
}
