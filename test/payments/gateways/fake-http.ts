import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake provider saw it: the raw text too, to check how numbers were written. */
export interface Recorded {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
}

export type Reply = { status: number; body: unknown };

/** A provider stand-in on 127.0.0.1 with a random port; `handle` plays the provider's published API. */
export async function startFakeProvider(handle: (req: Recorded) => Reply) {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let json: unknown = undefined;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      const recorded: Recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, text, json };
      requests.push(recorded);
      const reply = handle(recorded);
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on, for "provider unreachable". */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function basic(user: string): string {
  return `Basic ${Buffer.from(`${user}:`).toString('base64')}`;
}
