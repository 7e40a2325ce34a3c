import { forbidden, unauthenticated } from '../common/errors';
import { Role, isStaff } from './roles';

/** The caller, as resolved from a valid access token and a live, active account. */
export interface AuthUser {
  id: string;
  role: Role;
}

export function requireUser(user: AuthUser | null): AuthUser {
  if (!user) throw unauthenticated();
  return user;
}

export function requireStaff(user: AuthUser | null): AuthUser {
  const u = requireUser(user);
  if (!isStaff(u.role)) throw forbidden();
  return u;
}

/** Buying is for customers: staff act on customers' orders, they do not place their own. */
export function requireCustomer(user: AuthUser | null): AuthUser {
  const u = requireUser(user);
  if (u.role !== Role.CUSTOMER) throw forbidden();
  return u;
}

/** ADMIN may do everything any staff role may. */
export function hasRole(user: AuthUser, roles: readonly Role[]): boolean {
  return user.role === Role.ADMIN || roles.includes(user.role);
}

/** Customers reach only their own records; staff reach everyone's. */
export function assertOwnerOrStaff(user: AuthUser | null, ownerId: string): AuthUser {
  const u = requireUser(user);
  if (u.role === Role.CUSTOMER && u.id !== ownerId) throw forbidden();
  return u;
}
