import type { Role } from './roles';

/**
 * The caller, as resolved from a valid access token and a live, active account. What this user may
 * do is decided in access.ts.
 */
export interface AuthUser {
  id: string;
  role: Role;
}
