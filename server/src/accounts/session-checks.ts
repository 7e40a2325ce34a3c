import type { Clock } from '../common/time';
import type { Orm } from '../db/orm';
import type { AuthUser } from './auth-user';
import { authenticate } from './authenticate';
import type { TokenService } from './tokens';

/**
 * The session check behind every request and every live event: `authenticate` against the account
 * row, shared by the callers that ask about the same token at the same moment (issue 14 items 4 and
 * 7). Concurrent requests of one session (the back office loads a page with several queries at once;
 * an event reaches several subscriptions of a customer's tabs) wait on one read of the account, not one
 * each. Nothing is kept: the entry goes when the check settles, so the next caller reads the account
 * afresh and a revocation (logout everywhere, deactivation, role change, in this process or another)
 * is seen by every request that starts after it committed, bar those that join a check already
 * reading (at most one read's time older than the request).
 */
export class SessionChecks {
  private readonly checking = new Map<string, Promise<AuthUser | null>>();

  constructor(
    private readonly orm: Orm,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
  ) {}

  /** The signed-in user for `Bearer <token>` (null without a header), or the authentication error. */
  check(authorization: string | undefined | null): Promise<AuthUser | null> {
    if (!authorization) return Promise.resolve(null);
    let running = this.checking.get(authorization);
    if (!running) {
      running = authenticate(this.orm.em.fork(), this.tokens, authorization, this.clock.now()).finally(() => this.checking.delete(authorization));
      this.checking.set(authorization, running);
    }
    return running;
  }
}
