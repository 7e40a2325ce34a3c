import { CloseCode } from 'graphql-ws';
import { decodeJwt } from 'jose';
import type { WebSocket } from 'ws';
import type { AuthUser } from '../accounts/auth-user';
import type { SessionChecks } from '../accounts/session-checks';
import type { Clock } from '../common/time';

/** Longest a socket lives past a check (setTimeout's own ceiling is ~24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Session {
  userId: string;
  authorization: string;
  /** When the access token expires (ms since epoch), Infinity without an `exp`. */
  expiresAt: number;
}

/**
 * The signed-in graphql-ws sockets. A socket is authenticated once, when it opens, and may then live
 * for hours, so the session behind it is checked again:
 * - when its access token expires, the socket is closed with 4403 (graphql-ws retries that, and the
 *   back office reconnects with a refreshed token);
 * - when the user's sessions are revoked in this process (logout everywhere, new password,
 *   deactivation, role change), every socket of the user is closed with 4401 at once;
 * - before each subscription event is delivered, which also catches a revocation made by another
 *   server process and a token that expired while the timer could not run.
 */
export class LiveSockets {
  private readonly sessions = new Map<WebSocket, Session>();

  constructor(
    /** Shared by token: an event reaching many subscriptions of one session checks it once (issue 14 item 7). */
    private readonly checks: SessionChecks,
    private readonly clock: Clock,
  ) {}

  /** Remembers an authenticated socket and closes it when its token expires. */
  add(socket: WebSocket, user: AuthUser, authorization: string) {
    const exp = decodeJwt(authorization.replace(/^Bearer\s+/i, '')).exp;
    const expiresAt = exp ? exp * 1000 : Infinity;
    const ms = Math.min(Math.max(expiresAt - this.clock.now().getTime(), 0), MAX_TIMER_MS);
    const timer = setTimeout(() => socket.close(CloseCode.Forbidden, 'Token expired'), ms);
    timer.unref();
    this.sessions.set(socket, { userId: user.id, authorization, expiresAt });
    socket.once('close', () => {
      clearTimeout(timer);
      this.sessions.delete(socket);
    });
  }

  /** True while the socket's session is still valid; otherwise closes it and answers false. */
  async stillValid(socket: WebSocket): Promise<boolean> {
    const session = this.sessions.get(socket);
    if (!session) return true; // anonymous: nothing to lose
    try {
      await this.checks.check(session.authorization);
      return true;
    } catch {
      const expired = session.expiresAt <= this.clock.now().getTime();
      socket.close(expired ? CloseCode.Forbidden : CloseCode.Unauthorized, expired ? 'Token expired' : 'Session ended');
      return false;
    }
  }

  /** Checks every socket of the user again (after their sessions or role changed). */
  async recheck(userId: string) {
    const mine = [...this.sessions].filter(([, s]) => s.userId === userId).map(([socket]) => socket);
    await Promise.all(mine.map((socket) => this.stillValid(socket)));
  }

  /** Open sockets of a user (for tests and metrics). */
  countOf(userId: string) {
    return [...this.sessions.values()].filter((s) => s.userId === userId).length;
  }
}
