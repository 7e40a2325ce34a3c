import { gql } from '@apollo/client';
import { print, type DocumentNode } from 'graphql';
import { currentLocale } from '../i18n';

/**
 * The signed-in staff session: the token pair from `login`/`refreshToken`, kept in localStorage so a
 * reload (or another tab) stays signed in, and the one place that talks HTTP to the GraphQL API.
 */

export const GRAPHQL_URL = '/graphql';
const STORAGE_KEY = 'angsur.session';
/** Refresh a little before the 15-minute access token runs out rather than wait for a 401. */
const REFRESH_MARGIN_MS = 30_000;

export type { Role } from '../gql/schema';
import type { Role } from '../gql/schema';
export const STAFF_ROLES: readonly Role[] = ['ADMIN', 'FINANCE', 'SUPPORT'];

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  locale: 'id' | 'en';
}

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: SessionUser;
}

/** The user a session carries, as every sign-in mutation selects it (codegen checks the fragments). */
export const SESSION_USER = gql`
  fragment SessionUserFields on User { id username fullName role locale }
`;
export const AUTH_PAYLOAD = gql`
  fragment AuthPayloadFields on AuthPayload { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { ...SessionUserFields } }
  ${SESSION_USER}
`;
const REFRESH = gql`
  mutation RefreshToken($refreshToken: String!) { refreshToken(refreshToken: $refreshToken) { ...AuthPayloadFields } }
  ${AUTH_PAYLOAD}
`;

export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const session = raw ? (JSON.parse(raw) as Session) : null;
    return session?.accessToken && session.refreshToken && session.user ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

const endListeners = new Set<() => void>();

/** Called whenever the session ends (logout, a failed refresh): long-lived connections close then. */
export function onSessionEnd(listener: () => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

export function clearSession(): void {
  localStorage.removeItem(STORAGE_KEY);
  for (const listener of [...endListeners]) listener();
}

/** A GraphQL error as the API sends it: a localized message plus a stable code (and field for bad input). */
export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; field?: string | null; [key: string]: unknown };
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

/** An error of the auth calls, carrying the API's code so callers never parse messages. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const hasCode = (body: GraphQLResponse<unknown> | null, code: string) => !!body?.errors?.some((e) => e.extensions?.code === code);

/**
 * The API answers a bad token with HTTP 401 and a complexity refusal with 400, both with a normal
 * GraphQL body. Apollo would turn those into opaque "status code 401" network errors, so give them
 * back as 200: the caller then sees the localized message and `extensions.code` like any other error.
 */
async function normalize(response: Response): Promise<Response> {
  if (response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return response;
  const text = await response.text();
  try {
    const body = JSON.parse(text) as GraphQLResponse<unknown>;
    if (Array.isArray(body.errors)) return new Response(text, { status: 200, headers: response.headers });
  } catch {
    // not a GraphQL body: keep the original status
  }
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function peek(response: Response): Promise<GraphQLResponse<unknown> | null> {
  try {
    return (await response.clone().json()) as GraphQLResponse<unknown>;
  } catch {
    return null;
  }
}

function withToken(init: RequestInit, accessToken: string | null): RequestInit {
  const headers = new Headers(init.headers);
  headers.set('accept-language', currentLocale());
  if (accessToken) headers.set('authorization', `Bearer ${accessToken}`);
  else headers.delete('authorization');
  return { ...init, headers };
}

function send(init: RequestInit, accessToken: string | null): Promise<Response> {
  return fetch(GRAPHQL_URL, withToken(init, accessToken)).then(normalize);
}

/** One GraphQL call without Apollo (login, refresh, logout); throws ApiError on network failure. */
/** One GraphQL call without Apollo (sign-in happens before any client exists); `document` is a gql document, checked by codegen. */
export async function graphqlRequest<T>(document: DocumentNode, variables: Record<string, unknown>, accessToken: string | null = null): Promise<GraphQLResponse<T>> {
  let response: Response;
  try {
    response = await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: print(document), variables }) }, accessToken);
  } catch {
    throw new ApiError('angsur.errors.network', 'NETWORK');
  }
  const body = await peek(response);
  if (!body) throw new ApiError('ra.notification.http_error', 'HTTP');
  return body as GraphQLResponse<T>;
}

let refreshing: Promise<Session | null> | null = null;

/**
 * Trades the stored refresh token for a new pair (the old one stops working) and stores it.
 * Concurrent callers share one call; if another tab already rotated the pair, its result is used.
 */
export function refreshSession(): Promise<Session | null> {
  refreshing ??= (async () => {
    const before = loadSession();
    if (!before) return null;
    try {
      const result = await graphqlRequest<{ refreshToken: Omit<Session, 'user'> & { user: SessionUser } }>(
        REFRESH,
        { refreshToken: before.refreshToken },
      );
      if (result.data?.refreshToken) {
        saveSession(result.data.refreshToken);
        return result.data.refreshToken;
      }
    } catch {
      // Network trouble: keep the session, the next request tries again.
      return loadSession();
    }
    const now = loadSession();
    if (now && now.refreshToken !== before.refreshToken) return now; // another tab won the race
    clearSession();
    return null;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

const expiresSoon = (session: Session) => Date.parse(session.accessTokenExpiresAt) - Date.now() < REFRESH_MARGIN_MS;

/**
 * An access token good for at least the refresh margin (refreshed first if needed), or null without a
 * session: for connections that carry the token themselves, like the subscription socket.
 */
export async function freshAccessToken(): Promise<string | null> {
  let session = loadSession();
  if (session && expiresSoon(session)) session = await refreshSession();
  return session?.accessToken ?? null;
}

/**
 * `fetch` for Apollo's HttpLink: adds the bearer token and Accept-Language, refreshes the access token
 * before it expires, and on UNAUTHENTICATED refreshes once and retries. If the refresh fails the
 * session is cleared and the UNAUTHENTICATED answer goes through, so react-admin logs out.
 */
export const authorizedFetch: typeof fetch = async (_input, init = {}) => {
  let session = loadSession();
  if (session && expiresSoon(session)) session = await refreshSession();
  const response = await send(init, session?.accessToken ?? null);
  if (!session || !hasCode(await peek(response), 'UNAUTHENTICATED')) return response;
  const latest = loadSession();
  const renewed = latest && latest.accessToken !== session.accessToken ? latest : await refreshSession();
  return renewed ? send(init, renewed.accessToken) : response;
};

/**
 * `fetch` for the API's plain HTTP routes (transfer proofs under /files, CSV under /exports): the
 * bearer token goes in the Authorization header, never in a URL. Refreshes like authorizedFetch;
 * these routes answer a bad token with HTTP 401, which is retried once after a refresh.
 */
export async function fetchWithSession(url: string, init: RequestInit = {}): Promise<Response> {
  let session = loadSession();
  if (session && expiresSoon(session)) session = await refreshSession();
  const response = await fetch(url, withToken(init, session?.accessToken ?? null));
  if (!session || response.status !== 401) return response;
  const latest = loadSession();
  const renewed = latest && latest.accessToken !== session.accessToken ? latest : await refreshSession();
  return renewed ? fetch(url, withToken(init, renewed.accessToken)) : response;
}
