import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

/**
 * A stand-in for PrivyID's merchant API v3 on 127.0.0.1, written from the published protocol ("PrivyID
 * API Documentation v1.9", "Privy API Standard Documentation – non RA rev 2.1"), not from our adapter:
 * HTTP Basic + Merchant-Key on every call (401 otherwise), multipart/form-data bodies,
 * POST /v3/merchant/document/upload (documentTitle, docType, owner JSON, recipients JSON, document file;
 * 422 with {code, errors:[{field, messages}], message} when a field is wrong),
 * GET /v3/merchant/document/status/{docToken} (404 for an unknown token), and a short-lived download link.
 */
export const PRIVY_PATH = '/v3/merchant';

export interface FakePrivyOptions {
  username: string;
  password: string;
  merchantKey: string;
}

export interface FakePrivyDocument {
  docToken: string;
  title: string;
  docType: string;
  owner: { privyId?: string; enterpriseToken?: string };
  recipients: { privyId?: string; type?: string }[];
  pdf: Buffer;
  fileName: string;
  documentStatus: 'In Progress' | 'Completed';
  signatoryStatus: 'In Progress' | 'Completed' | 'Rejected';
  signedPdf: Buffer | null;
}

export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const readBody = (req: http.IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const parseJson = (v: FormDataEntryValue | null): unknown => {
  if (typeof v !== 'string') return undefined;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
};

export async function startFakePrivy(opts: FakePrivyOptions) {
  const seen: SeenRequest[] = [];
  const documents = new Map<string, FakePrivyDocument>();
  /** The next N API calls answer 500, as an outage would. */
  let failNext = 0;
  let base = '';

  function authorised(req: http.IncomingMessage): boolean {
    const expected = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`;
    return req.headers.authorization === expected && req.headers['merchant-key'] === opts.merchantKey;
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    seen.push({ method: req.method ?? '', path: url.pathname, headers: req.headers });
    const body = await readBody(req);

    const download = /^\/download\/([\w-]+)$/.exec(url.pathname);
    if (download && req.method === 'GET') {
      const doc = documents.get(download[1]!);
      if (!doc?.signedPdf || url.searchParams.get('sig') !== `s-${doc.docToken}`) return json(res, 403, { message: 'link expired' });
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return void res.end(doc.signedPdf);
    }
    if (!url.pathname.startsWith(PRIVY_PATH)) return json(res, 404, { code: 404, errors: [], message: 'Not found' });
    if (!authorised(req)) return json(res, 401, { code: 401, errors: [], message: 'Unauthorized' });
    if (failNext > 0) {
      failNext--;
      return json(res, 500, { code: 500, errors: [], message: 'Internal Server Error' });
    }
    const path = url.pathname.slice(PRIVY_PATH.length);

    if (req.method === 'POST' && path === '/document/upload') {
      if (!String(req.headers['content-type']).startsWith('multipart/form-data')) return json(res, 415, { code: 415, errors: [], message: 'form-data expected' });
      const form = await new Request('http://fake/upload', { method: 'POST', headers: { 'content-type': String(req.headers['content-type']) }, body: new Uint8Array(body) }).formData();
      const errors: { field: string; messages: string[] }[] = [];
      const title = form.get('documentTitle');
      const docType = form.get('docType');
      const owner = parseJson(form.get('owner')) as FakePrivyDocument['owner'] | undefined;
      const recipients = parseJson(form.get('recipients')) as FakePrivyDocument['recipients'] | undefined;
      const file = form.get('document');
      if (typeof title !== 'string' || !title) errors.push({ field: 'documentTitle', messages: ['cannot be blank'] });
      if (docType !== 'Serial' && docType !== 'Parallel') errors.push({ field: 'docType', messages: ['must be Serial or Parallel'] });
      if (!owner?.privyId || !owner.enterpriseToken) errors.push({ field: 'owner', messages: ['privyId and enterpriseToken are required'] });
      if (!Array.isArray(recipients) || !recipients.length || recipients.some((r) => !r.privyId || !['Signer', 'Reviewer'].includes(r.type ?? ''))) {
        errors.push({ field: 'recipients', messages: ['each recipient needs a privyId and a type (Signer or Reviewer)'] });
      }
      let pdf = Buffer.alloc(0);
      if (!(file instanceof File)) errors.push({ field: 'document', messages: ['cannot be blank'] });
      else {
        pdf = Buffer.from(await file.arrayBuffer());
        if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) errors.push({ field: 'document', messages: ['must be a PDF'] });
      }
      if (errors.length) return json(res, 422, { code: 422, errors, message: 'Validation Failed' });
      const docToken = randomBytes(20).toString('hex');
      documents.set(docToken, {
        docToken,
        title: title as string,
        docType: docType as string,
        owner: owner!,
        recipients: recipients!,
        pdf,
        fileName: (file as File).name,
        documentStatus: 'In Progress',
        signatoryStatus: 'In Progress',
        signedPdf: null,
      });
      return json(res, 201, {
        code: 201,
        data: { docToken, urlDocument: `https://sign-sandbox.privy.id/doc/${docToken}`, recipients: recipients!.map((r) => ({ ...r, enterpriseToken: '' })) },
        message: 'Document successfully upload and shared',
      });
    }

    const status = /^\/document\/status\/([\w-]+)$/.exec(path);
    if (req.method === 'GET' && status) {
      const doc = documents.get(status[1]!);
      if (!doc) return json(res, 404, { code: 404, errors: [], message: 'Document not found' });
      return json(res, 200, {
        code: 200,
        data: {
          docToken: doc.docToken,
          documentStatus: doc.documentStatus,
          urlDocument: `https://sign-sandbox.privy.id/doc/${doc.docToken}`,
          recipients: doc.recipients.map((r) => ({ privyId: r.privyId, type: r.type, signatoryStatus: doc.signatoryStatus })),
          ...(doc.signedPdf ? { download: { url: `${base}/download/${doc.docToken}?sig=s-${doc.docToken}`, expiredAt: new Date(Date.now() + 600_000).toISOString() } } : {}),
        },
        message: 'Successfully get document status',
      });
    }
    return json(res, 404, { code: 404, errors: [], message: 'Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl: `${base}${PRIVY_PATH}`,
    seen,
    documents,
    failNext(n: number) {
      failNext = n;
    },
    /** The recipient signed on Privy's page: the document is Completed with this PDF. */
    complete(docToken: string, signedPdf: Uint8Array) {
      const doc = documents.get(docToken)!;
      doc.signedPdf = Buffer.from(signedPdf);
      doc.documentStatus = 'Completed';
      doc.signatoryStatus = 'Completed';
    },
    reject(docToken: string) {
      documents.get(docToken)!.signatoryStatus = 'Rejected';
    },
    /** Privy's document callback to the merchant's registered URL. */
    callback(url: string, doc: { docToken: string; documentStatus: string }) {
      return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...doc, recipients: [{ privyId: 'X', type: 'Signer', signatoryStatus: doc.documentStatus }] }) });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
