import { createParameterDecorator } from 'type-graphql';
import { requireUser } from '../accounts/access';
import type { AuthUser } from '../accounts/auth-user';
import type { Context } from './context';

/**
 * The signed-in caller as a resolver argument: `@CurrentUser() user: AuthUser`. Anonymous callers get
 * UNAUTHENTICATED (decided in accounts/access.ts), so the resolver's own code never sees null.
 * `@CurrentUser({ optional: true }) user: AuthUser | null` is for operations open to everyone.
 */
export function CurrentUser(options: { optional?: boolean } = {}) {
  return createParameterDecorator<Context>(({ context }): AuthUser | null => (options.optional ? context.user : requireUser(context.user)));
}
