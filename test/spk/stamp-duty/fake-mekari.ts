import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Mekari Sign's e-Meterai API on 127.0.0.1, written from the published protocol and not
 * from our adapter: HMAC over "date: <Date>\n<METHOD> <path> HTTP/1.1" with the shared secret (401
 * otherwise), POST {base}/documents/stamp, GET {base}/documents/{id}, GET {base}/documents/{id}/download.
 */
export const BASE_PATH = '/v2/esign/v1';

export interface SeenRequest {
  method: string;
  /** Path and query as sent on the request line. */
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  json: unknown;
}

export interface FakeDocument {
  /** stamping_status answered by successive GETs; the last one repeats. */
  statuses: string[];
  polls: number;
  /** Extra attributes on a GET once the status is success. */
  doneAttributes?: Record<string, unknown>;
  /** Bytes of GET .../download. */
  download: Buffer;
  downloadType?: string;
}

export interface FakeMekariOptions {
  clientId: string;
  clientSecret: string;
  /** The server's clock, to refuse stale Date headers (5 minutes either way). */
  now: () => Date;
  /** Checks a stamp upload; returns problems (empty when the body is acceptable). */
  checkStampBody?: (json: Record<string, unknown>) => string[];
  /** Decides the id and statuses of each accepted upload. */
  onStamp: (json: Record<string, unknown>, count: number) => { id: string; doc: FakeDocument };
}

const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const AUTH = /^hmac username="([^"]*)", algorithm="hmac-sha256", headers="date request-line", signature="([^"]*)"$/;

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startFakeMekari(opts: FakeMekariOptions) {
  const seen: SeenRequest[] = [];
  const documents = new Map<string, FakeDocument>();
  let stamps = 0;

  function authProblem(req: http.IncomingMessage): string | null {
    const date = req.headers.date;
    const auth = req.headers.authorization;
    if (typeof date !== 'string' || !IMF_FIXDATE.test(date)) return 'Date header missing or not an IMF-fixdate';
    if (Math.abs(Date.parse(date) - opts.now().getTime()) > 5 * 60_000) return 'Date header is too far from the server clock';
    const m = typeof auth === 'string' ? AUTH.exec(auth) : null;
    if (!m) return 'Authorization header is not an hmac header';
    if (m[1] !== opts.clientId) return 'unknown username';
    const expected = createHmac('sha256', opts.clientSecret).update(`date: ${date}\n${req.method} ${req.url} HTTP/1.1`).digest();
    const given = Buffer.from(m[2]!, 'base64');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'HMAC signature does not match';
    return null;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let parsed: unknown;
      try {
        parsed = body.length ? JSON.parse(body.toString('utf8')) : undefined;
      } catch {
        parsed = undefined;
      }
      seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json: parsed });

      const problem = authProblem(req);
      if (problem) return json(res, 401, { errors: [{ title: 'Unauthorized', detail: problem }] });

      const url = req.url ?? '';
      if (req.method === 'POST' && url === `${BASE_PATH}/documents/stamp`) {
        if (req.headers['content-type'] !== 'application/json') return json(res, 415, { message: 'content-type must be application/json' });
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return json(res, 422, { message: 'body is not a JSON object' });
        const problems = opts.checkStampBody?.(parsed as Record<string, unknown>) ?? [];
        if (problems.length) return json(res, 422, { errors: problems.map((detail) => ({ title: 'Unprocessable Entity', detail })) });
        const { id, doc } = opts.onStamp(parsed as Record<string, unknown>, ++stamps);
        documents.set(id, doc);
        return json(res, 201, { data: { id, type: 'document', attributes: { filename: (parsed as { filename?: unknown }).filename, stamping_status: 'in_progress' } } });
      }
      const m = /^\/v2\/esign\/v1\/documents\/([^/?]+)(\/download)?$/.exec(url);
      if (req.method === 'GET' && m) {
        const id = decodeURIComponent(m[1]!);
        const doc = documents.get(id);
        if (id === 'hang') return; // never answers
        if (!doc) return json(res, 404, { message: `document ${id} not found` });
        if (m[2]) {
          res.writeHead(200, { 'content-type': doc.downloadType ?? 'application/pdf' });
          return res.end(doc.download);
        }
        const status = doc.statuses[Math.min(doc.polls, doc.statuses.length - 1)]!;
        doc.polls++;
        const attributes: Record<string, unknown> = { filename: 'x.pdf', stamping_status: status, doc_url: `${BASE_PATH}/documents/${id}/download` };
        if (status === 'success') Object.assign(attributes, doc.doneAttributes ?? {});
        return json(res, 200, { data: { id, type: 'document', attributes } });
      }
      return json(res, 404, { message: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    baseUrl: `http://127.0.0.1:${port}${BASE_PATH}`,
    seen,
    documents,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
