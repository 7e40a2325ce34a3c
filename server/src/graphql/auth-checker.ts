import type { AuthChecker } from 'type-graphql';
import { hasRole } from '../accounts/access';
import type { Role } from '../accounts/roles';
import { forbidden, unauthenticated } from '../common/errors';
import type { Context } from './context';

/**
 * `@Authorized()` needs a logged-in user; `@Authorized(Role.FINANCE)` needs that role (ADMIN always
 * passes). Throws coded errors itself so clients see UNAUTHENTICATED vs FORBIDDEN.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (!context.user) throw unauthenticated();
  if (roles.length && !hasRole(context.user, roles)) throw forbidden();
  return true;
};
