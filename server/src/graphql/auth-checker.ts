import type { AuthChecker } from 'type-graphql';
import { requireRoles } from '../accounts/access';
import type { Role } from '../accounts/roles';
import type { Context } from './context';

/**
 * `@Authorized()` needs a logged-in user; `@Authorized(Role.FINANCE)` needs that role (ADMIN always
 * passes). Decided in accounts/access.ts, which throws coded errors so clients see UNAUTHENTICATED vs FORBIDDEN.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  requireRoles(context.user, roles);
  return true;
};
