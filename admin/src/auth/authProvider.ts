import { gql } from '@apollo/client';
import type { AuthProvider } from 'react-admin';
import { canAccess } from './permissions';
import {
  ApiError,
  AUTH_PAYLOAD,
  SESSION_USER,
  clearSession,
  graphqlRequest,
  loadSession,
  saveSession,
  type Session,
} from './session';

/** What `register` takes (schema.graphql RegisterInput): a customer signs up and is logged in at once. */
export interface RegisterInput {
  username: string;
  email: string;
  fullName: string;
  phone: string;
  password: string;
}

type LoginParams = { username: string; password: string } | { register: RegisterInput } | { session: Session };

/**
 * The password was right but the account signs in with a second step (TOTP code, or setting up the
 * authenticator when the role requires it): the login page takes over with the token (auth/TwoFactorLogin.tsx).
 */
export class SecondStepRequired extends Error {
  constructor(
    readonly step: 'TOTP' | 'ENROL',
    readonly token: string,
  ) {
    super('angsur.twoFactor.secondStep');
    this.name = 'SecondStepRequired';
  }
}

/**
 * Staff and customers sign in on the same page with their username or email; the role decides what
 * they see (App.tsx gives each role its own resources, permissions.ts what each may open). Signing
 * up goes through `login` too (`{ register }`), so react-admin treats the new customer like any login.
 */
const REGISTER = gql`
  mutation Register($input: RegisterInput!) { data: register(input: $input) { ...AuthPayloadFields } }
  ${AUTH_PAYLOAD}
`;
/** LoginPayload is not an AuthPayload (its tokens are absent while a second step is due): the same fields, listed. */
const LOGIN = gql`
  mutation Login($input: LoginInput!) {
    data: login(input: $input) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { ...SessionUserFields } secondStep secondStepToken }
  }
  ${SESSION_USER}
`;
const LOGOUT = gql`
  mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }
`;

export const authProvider: AuthProvider = {
  async login(params: LoginParams) {
    // A session the login page already obtained through the second step.
    if ('session' in params) return void saveSession(params.session);
    const result =
      'register' in params
        ? await graphqlRequest<{ data: Session }>(REGISTER, { input: params.register })
        : await graphqlRequest<{ data: Session & { secondStep?: 'TOTP' | 'ENROL' | null; secondStepToken?: string | null } }>(
            LOGIN,
            { input: { login: String(params.username ?? '').trim(), password: params.password ?? '' } },
          );
    const answer = result.data?.data as (Session & { secondStep?: 'TOTP' | 'ENROL' | null; secondStepToken?: string | null }) | undefined;
    if (answer?.secondStep && answer.secondStepToken) throw new SecondStepRequired(answer.secondStep, answer.secondStepToken);
    const session = answer?.accessToken ? answer : undefined;
    if (!session) {
      // Already in the UI language (Accept-Language): wrong password, disabled account, rate limit,
      // email taken... `field` lets the sign-up form put it under the input concerned.
      const first = result.errors?.[0];
      throw new ApiError(first?.message ?? 'ra.auth.sign_in_error', first?.extensions?.code ?? 'UNKNOWN', first?.extensions?.field);
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
    if (!session) throw new Error('ra.auth.auth_check_error');
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
    await graphqlRequest(LOGOUT, { refreshToken: session.refreshToken }, session.accessToken);
  } catch {
    // offline: the refresh token expires on its own
  }
}
