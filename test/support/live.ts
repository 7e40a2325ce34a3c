import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** The `notificationAdded` subscription over graphql-ws, as the bell opens it; collects what arrives. */
export async function listenForNotifications(url: string, token: string) {
  const client = createClient({ url: url.replace(/^http/, 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  const received: { type: string; title: string; link: string | null; data: Record<string, unknown> | null }[] = [];
  const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  const dispose = client.subscribe<{ notificationAdded: (typeof received)[number] }>(
    { query: `subscription { notificationAdded { type title link data } }` },
    { next: (v) => v.data && received.push(v.data.notificationAdded), error: () => {}, complete: () => {} },
  );
  await connected;
  return {
    received,
    /** Resolves once `n` notifications arrived (the test's own timeout bounds the wait). */
    async waitFor(n: number) {
      while (received.length < n) await new Promise((r) => setTimeout(r, 20));
      return received;
    },
    close: async () => {
      dispose();
      await client.dispose();
    },
  };
}
