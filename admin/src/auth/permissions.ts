import type { Role } from './session';

/**
 * Who may do what in the back office. The API enforces the same rules; this only keeps staff from
 * seeing buttons and pages that would end in "not allowed".
 *
 * - ADMIN: everything, including staff accounts and the audit log.
 * - FINANCE, SUPPORT: read the catalog (products, installment plans); read and edit customers.
 */
const readOnly = ['list', 'show'];

const staffRules: Record<string, string[]> = {
  products: readOnly,
  installmentPlans: readOnly,
  customers: ['list', 'show', 'edit'],
  users: ['list', 'show'],
};

export function canAccess(role: Role | null, resource: string, action: string): boolean {
  if (role === 'ADMIN') return true;
  if (role !== 'FINANCE' && role !== 'SUPPORT') return false;
  return staffRules[resource]?.includes(action) ?? false;
}

/** Editing the `active` flag or the role of an account is ADMIN's alone (the API refuses it to others). */
export const canManageAccounts = (role: unknown) => role === 'ADMIN';
