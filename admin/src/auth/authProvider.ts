import type { AuthProvider } from 'react-admin';
import { canAccess } from './permissions';
import {
  ApiError,
  AUTH_PAYLOAD,
  clearSession,
  graphqlRequest,
  loadSession,
  saveSession,
  STAFF_ROLES,
  type Session,
} from './session';

/**
 * Staff sign in with their username or email; the role decides what they see (see permissions.ts).
 * Customers have accounts too, but the back office is not for them: their login is refused and the
 * session the API just opened is ended at once.
 */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const result = await graphqlRequest<{ login: Session }>(
      `mutation Login($input: LoginInput!) { login(input: $input) { ${AUTH_PAYLOAD} } }`,
      { input: { login: String(username ?? '').trim(), password: password ?? '' } },
    );
    const session = result.data?.login;
    if (!session) {
      // Already in the UI language (Accept-Language): wrong password, disabled account, rate limit...
      throw new ApiError(result.errors?.[0]?.message ?? 'ra.auth.sign_in_error', result.errors?.[0]?.extensions?.code ?? 'UNKNOWN');
    }
    if (!STAFF_ROLES.includes(session.user.role)) {
      await endSession(session);
      throw new ApiError('angsur.auth.customer_refused', 'FORBIDDEN');
    }
    saveSession(session);
  },

  async logout() {
    const session = loadSession();
    clearSession();
    if (session) await endSession(session);
  },

  async checkAuth() {
    const session = loadSession();
    if (!session || !STAFF_ROLES.includes(session.user.role)) throw new Error('ra.auth.auth_check_error');
    if (Date.parse(session.refreshTokenExpiresAt) <= Date.now()) {
      clearSession();
      throw new Error('ra.notification.logged_out');
    }
  },

  /** UNAUTHENTICATED reaches here only after a refresh already failed: log out. FORBIDDEN only notifies. */
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      clearSession();
      throw new Error('ra.notification.logged_out');
    }
  },

  async getIdentity() {
    const session = loadSession();
    if (!session) throw new Error('ra.auth.auth_check_error');
    return { id: session.user.id, fullName: session.user.fullName || session.user.username, role: session.user.role };
  },

  async getPermissions() {
    return loadSession()?.user.role ?? null;
  },

  async canAccess({ resource, action }) {
    return canAccess(loadSession()?.user.role ?? null, resource, action);
  },
};

/** Best effort: revoke the refresh token on the server; the local session is gone either way. */
async function endSession(session: Session) {
  try {
    await graphqlRequest(`mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }`, { refreshToken: session.refreshToken }, session.accessToken);
  } catch {
    // offline: the refresh token expires on its own
  }
}
