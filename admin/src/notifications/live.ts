import { gql } from '@apollo/client';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { freshAccessToken, GRAPHQL_URL, loadSession, onSessionEnd } from '../auth/session';

/**
 * The one graphql-ws connection of the tab, for live notifications. Lazy (opened by the first
 * subscription, closed after the last), retried with graphql-ws's randomised back-off while signed
 * in, and closed when the session ends. The token travels in `connectionParams`, asked for on every
 * (re)connect so a refreshed access token is used rather than the one of the first connection.
 */

export const NOTIFICATION_FIELDS = gql`
  fragment NotificationFields on Notification { id type title body link readAt createdAt }
`;

/** Printed once: graphql-ws takes the document as text. */
const NOTIFICATIONS_RESYNC = print(gql`
  subscription NotificationsResync { notificationsResync }
`);
const NOTIFICATION_ADDED = print(gql`
  subscription NotificationAdded {
    notificationAdded { ...NotificationFields }
  }
  ${NOTIFICATION_FIELDS}
`);

export interface AppNotification {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

let client: Client | null = null;
const connectedListeners = new Set<() => void>();

const socketUrl = () => {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${GRAPHQL_URL}`;
};

function liveClient(): Client {
  if (!client) {
    client = createClient({
      url: socketUrl(),
      lazy: true,
      connectionParams: async () => {
        const token = await freshAccessToken();
        // Signed out meanwhile: the server would refuse the socket anyway; say so without a token.
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => !!loadSession(),
      keepAlive: 25_000,
    });
    // After a reconnect, events published while the socket was down were missed: listeners resync.
    client.on('connected', () => connectedListeners.forEach((listener) => listener()));
  }
  return client;
}

onSessionEnd(() => {
  const closing = client;
  client = null;
  void closing?.dispose();
});

/** Calls `onConnected` on every (re)connection, e.g. to refetch what a missed event would have changed. */
export function onLiveConnected(onConnected: () => void): () => void {
  connectedListeners.add(onConnected);
  return () => connectedListeners.delete(onConnected);
}

/** New notifications of the signed-in user, as they are created; returns the unsubscribe function. */
export function subscribeToNotifications(onNotification: (notification: AppNotification) => void): () => void {
  if (!loadSession()) return () => undefined;
  return liveClient().subscribe<{ notificationAdded: AppNotification }>(
    { query: NOTIFICATION_ADDED },
    {
      next: (result) => {
        if (result.data) onNotification(result.data.notificationAdded);
      },
      // Retries are the client's; a fatal error (e.g. signed out) just ends the live feed.
      error: () => undefined,
      complete: () => undefined,
    },
  );
}

/**
 * The server's word that it may have missed notifications (its database listener reconnected): the
 * socket stayed up, so `onLiveConnected` does not fire; refetch as after a reconnect.
 */
export function subscribeToResync(onResync: () => void): () => void {
  if (!loadSession()) return () => undefined;
  return liveClient().subscribe<{ notificationsResync: string }>(
    { query: NOTIFICATIONS_RESYNC },
    { next: () => onResync(), error: () => undefined, complete: () => undefined },
  );
}

/**
 * A notification's link inside this app: the server writes `/admin/orders/<id>/show`
 * (server/src/common/app-links.ts); the router's basename is /admin. Anything else opens as is.
 */
export function appPath(link: string | null): { to: string } | { href: string } | null {
  if (!link) return null;
  const inApp = /^\/admin\/(.*)$/.exec(link);
  if (inApp) return { to: `/${inApp[1]}` };
  if (link.startsWith('/')) return { href: link };
  return /^https?:\/\//.test(link) ? { href: link } : null;
}
