import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createStampDutyProvider,
  MekariStampDutyProvider,
  mekariAnnotation,
  StampDutyError,
  type MekariStampDutyOptions,
  type StampRequest,
} from '../../../server/src/spk/stamp-duty';
import { BASE_PATH, startFakeMekari, type FakeDocument } from './fake-mekari';
import { makeAgreementPdf } from './pdf-tools';

const CLIENT_ID = 'angsur-hmac-client-7f3a';
const CLIENT_SECRET = 'mk_secret_2b9c4e1d0a6f';
const NOW = new Date('2026-11-24T10:00:00Z');
const SERIAL = 'ZX8Q2KLM4N7P0R5T9V3W1Y';

let pdf: Uint8Array;
let stampedByPeruri: Buffer;
let fake: Awaited<ReturnType<typeof startFakeMekari>>;
/** What the next upload becomes; each test sets it. */
let nextDocument: () => FakeDocument;

const isInt = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v);

/** The published body: doc (base64 of our PDF), filename, annotations[{... type_of "meterai"}], callback_url. */
function checkStampBody(b: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof b.doc !== 'string' || !Buffer.from(b.doc, 'base64').equals(Buffer.from(pdf))) problems.push('doc is not the base64 of the PDF');
  if (typeof b.filename !== 'string' || b.filename === '') problems.push('filename is required');
  if (!Array.isArray(b.annotations) || b.annotations.length !== 1) problems.push('exactly one annotation expected');
  else {
    const a = b.annotations[0] as Record<string, unknown>;
    for (const f of ['page', 'position_x', 'position_y', 'element_width', 'element_height', 'canvas_width', 'canvas_height']) {
      if (!isInt(a[f]) || (a[f] as number) < 0) problems.push(`annotations[0].${f} must be a non-negative integer`);
    }
    if (a.type_of !== 'meterai') problems.push('annotations[0].type_of must be meterai');
  }
  if (b.callback_url !== undefined && typeof b.callback_url !== 'string') problems.push('callback_url must be a string');
  return problems;
}

function request(overrides: Partial<StampRequest> = {}): StampRequest {
  return {
    documentId: 'spk_01JDX8Y7Q2',
    fileName: 'SPK-2026-0042.pdf',
    pdf,
    box: { page: 2, x: 400, y: 180, width: 100, height: 100 },
    documentNumber: 'SPK/2026/0042',
    documentDate: '2026-11-24',
    callbackUrl: 'https://angsur.example.id/webhooks/e-meterai/mekari',
    ...overrides,
  };
}

function provider(overrides: Partial<MekariStampDutyOptions> = {}) {
  return new MekariStampDutyProvider({ baseUrl: fake.baseUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, now: () => NOW, ...overrides });
}

/** Computed here from the published scheme, not with the adapter's helper. */
function expectedAuthorization(method: string, path: string): string {
  const signature = createHmac('sha256', CLIENT_SECRET).update(`date: Tue, 24 Nov 2026 10:00:00 GMT\n${method} ${path} HTTP/1.1`).digest('base64');
  return `hmac username="${CLIENT_ID}", algorithm="hmac-sha256", headers="date request-line", signature="${signature}"`;
}

beforeAll(async () => {
  pdf = await makeAgreementPdf(3);
  // Stands in for the file Mekari returns (stamp image plus Peruri's signature): different bytes from ours.
  stampedByPeruri = Buffer.concat([Buffer.from(pdf), Buffer.from('\n% stamped by the fake Peruri\n')]);
  fake = await startFakeMekari({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    now: () => NOW,
    checkStampBody,
    onStamp: (_json, n) => ({ id: `b7c1e0d4-${String(n).padStart(4, '0')}`, doc: nextDocument() }),
  });
});

afterAll(() => fake.close());
afterEach(() => {
  fake.seen.length = 0;
});

const twoPolls = (): FakeDocument => ({
  statuses: ['in_progress', 'success'],
  polls: 0,
  doneAttributes: { meterai_serial_number: SERIAL },
  download: stampedByPeruri,
});

describe('Mekari e-Meterai', () => {
  it('stamps: upload, in progress, then stamped with the PDF and serial number', async () => {
    nextDocument = twoPolls;
    const mekari = provider();

    const submitted = await mekari.stamp(request());
    expect(submitted).toMatchObject({ provider: 'mekari', status: 'IN_PROGRESS', serialNumber: null, stampedPdf: null, dutyAmount: 10_000n });
    const id = submitted.providerReference;
    expect(id).toMatch(/^b7c1e0d4-\d{4}$/);

    const first = await mekari.status(id);
    expect(first).toMatchObject({ status: 'IN_PROGRESS', providerReference: id, stampedPdf: null });

    const done = await mekari.status(id);
    expect(done).toMatchObject({ status: 'STAMPED', providerReference: id, serialNumber: SERIAL, dutyAmount: 10_000n });
    expect(Buffer.from(done.stampedPdf!).equals(stampedByPeruri)).toBe(true);

    // What went over the wire.
    expect(fake.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${BASE_PATH}/documents/stamp`,
      `GET ${BASE_PATH}/documents/${id}`,
      `GET ${BASE_PATH}/documents/${id}`,
      `GET ${BASE_PATH}/documents/${id}/download`,
    ]);
    for (const r of fake.seen) {
      expect(r.headers.date).toBe('Tue, 24 Nov 2026 10:00:00 GMT');
      expect(r.headers.authorization).toBe(expectedAuthorization(r.method, r.path));
    }
    const upload = fake.seen[0]!.json as Record<string, unknown>;
    expect(upload.filename).toBe('SPK-2026-0042.pdf');
    expect(upload.callback_url).toBe('https://angsur.example.id/webhooks/e-meterai/mekari');
    // A4 is 595.28 x 841.89 pt; the box's top edge is at 280 pt from the bottom, so 561.89 from the top.
    expect(upload.annotations).toEqual([
      { page: 3, position_x: 400, position_y: 562, element_width: 100, element_height: 100, canvas_width: 595, canvas_height: 842, type_of: 'meterai' },
    ]);
  });

  it('sends positions from the bottom and 0-based pages when configured so', async () => {
    nextDocument = twoPolls;
    await provider({ origin: 'bottom-left', firstPageNumber: 0 }).stamp(request({ documentId: 'spk_bottom_left' }));
    expect((fake.seen[0]!.json as { annotations: unknown[] }).annotations).toEqual([
      { page: 2, position_x: 400, position_y: 180, element_width: 100, element_height: 100, canvas_width: 595, canvas_height: 842, type_of: 'meterai' },
    ]);
  });

  it('measures from the visible page when the CropBox does not start at 0,0', () => {
    const visible = { x: 20, y: 30, width: 500, height: 700 };
    expect(mekariAnnotation({ page: 0, x: 120, y: 130, width: 80.4, height: 79.6 }, visible)).toEqual({
      page: 1,
      position_x: 100,
      position_y: 520, // 700 - (100 + 79.6) = 520.4
      element_width: 80,
      element_height: 80,
      canvas_width: 500,
      canvas_height: 700,
      type_of: 'meterai',
    });
  });

  it('reads the serial from a configured attribute, and gives null when there is none', async () => {
    nextDocument = () => ({ statuses: ['success'], polls: 0, doneAttributes: { emeterai: { serial: 'x' }, sn_meterai: SERIAL }, download: stampedByPeruri });
    const a = await provider({ serialNumberField: 'sn_meterai' }).stamp(request({ documentId: 'spk_serial_a' }));
    expect((await provider({ serialNumberField: 'sn_meterai' }).status(a.providerReference)).serialNumber).toBe(SERIAL);
    expect((await provider().status(a.providerReference)).serialNumber).toBeNull();
  });

  it('reports a failed stamping without downloading anything', async () => {
    nextDocument = () => ({ statuses: ['failed'], polls: 0, download: Buffer.from('') });
    const mekari = provider();
    const submitted = await mekari.stamp(request({ documentId: 'spk_fails' }));
    const polled = await mekari.status(submitted.providerReference);
    expect(polled).toMatchObject({ status: 'FAILED', stampedPdf: null, serialNumber: null, failureReason: 'Mekari stamping_status "failed"' });
    expect(fake.seen.some((r) => r.path.endsWith('/download'))).toBe(false);
  });

  it('counts "pending" as in progress, and anything unknown as failed', async () => {
    nextDocument = () => ({ statuses: ['pending', 'none'], polls: 0, download: stampedByPeruri });
    const mekari = provider();
    const { providerReference } = await mekari.stamp(request({ documentId: 'spk_pending' }));
    expect((await mekari.status(providerReference)).status).toBe('IN_PROGRESS');
    expect((await mekari.status(providerReference)).status).toBe('FAILED');
  });

  it('refuses a download that is not a PDF', async () => {
    nextDocument = () => ({ statuses: ['success'], polls: 0, download: Buffer.from('{"data":{"url":"https://x"}}'), downloadType: 'application/json' });
    const mekari = provider();
    const { providerReference } = await mekari.stamp(request({ documentId: 'spk_json_download' }));
    await expect(mekari.status(providerReference)).rejects.toThrow(/not a PDF/);
  });

  it('fails with HTTP 401 when the secret is wrong', async () => {
    nextDocument = twoPolls;
    const err = await provider({ clientSecret: 'not-the-secret' }).stamp(request({ documentId: 'spk_wrong_secret' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StampDutyError);
    expect(err).toMatchObject({ status: 401, body: { errors: [{ title: 'Unauthorized', detail: 'HMAC signature does not match' }] } });
    expect((err as Error).message).toContain('HMAC signature does not match');
  });

  it('fails with HTTP 401 when its clock is far off (the Date header is signed)', async () => {
    const err = await provider({ now: () => new Date(NOW.getTime() - 60 * 60_000) }).status('b7c1e0d4-0001').catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'StampDutyError', status: 401 });
  });

  it('passes the provider status and body on for other refusals', async () => {
    const err = await provider().status('no-such-document').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StampDutyError);
    expect(err).toMatchObject({ status: 404, body: { message: 'document no-such-document not found' } });
  });

  it('gives up on a server that does not answer', async () => {
    const started = Date.now();
    const err = await provider({ timeoutMs: 300 }).status('hang').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StampDutyError);
    expect((err as StampDutyError).status).toBeUndefined();
    expect((err as Error).message).toMatch(/did not answer .* within 300 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('gives up on a server that accepts the connection but never answers the upload', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const silent = http.createServer(() => undefined);
    silent.on('connection', (s) => sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const mekari = provider({ baseUrl: `http://127.0.0.1:${port}${BASE_PATH}`, timeoutMs: 300 });
      await expect(mekari.stamp(request({ documentId: 'spk_silent' }))).rejects.toThrow(/did not answer POST \/documents\/stamp within 300 ms/);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('reports an unreachable server without an HTTP status', async () => {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const err = await provider({ baseUrl: `http://127.0.0.1:${port}${BASE_PATH}` }).status('x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StampDutyError);
    expect((err as StampDutyError).status).toBeUndefined();
    expect((err as Error).message).toMatch(/could not be reached/);
  });

  it('uploads a document once however often stamp() is called, and again only after a failure', async () => {
    let statuses = ['in_progress'];
    nextDocument = () => ({ statuses, polls: 0, download: stampedByPeruri });
    const mekari = provider();
    const [a, b] = await Promise.all([mekari.stamp(request({ documentId: 'spk_twice' })), mekari.stamp(request({ documentId: 'spk_twice' }))]);
    expect(b.providerReference).toBe(a.providerReference);
    const c = await mekari.stamp(request({ documentId: 'spk_twice' }));
    expect(c).toMatchObject({ providerReference: a.providerReference, status: 'IN_PROGRESS' });
    expect(fake.seen.filter((r) => r.method === 'POST')).toHaveLength(1);

    fake.documents.get(a.providerReference)!.statuses = ['failed'];
    statuses = ['in_progress'];
    const retried = await mekari.stamp(request({ documentId: 'spk_twice' }));
    expect(retried.providerReference).not.toBe(a.providerReference);
    expect(fake.seen.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('checks the request before uploading anything', async () => {
    await expect(provider().stamp(request({ box: { page: 7, x: 400, y: 180, width: 100, height: 100 } }))).rejects.toBeInstanceOf(RangeError);
    await expect(provider().stamp(request({ documentDate: '2026-13-01' }))).rejects.toBeInstanceOf(RangeError);
    expect(fake.seen).toHaveLength(0);
  });

  describe('callbacks', () => {
    const parse = (body: unknown) => provider().parseCallback({ 'content-type': 'application/json' }, Buffer.from(JSON.stringify(body)));

    it('reads data.id and data.attributes.status', () => {
      expect(parse({ data: { id: 'b7c1e0d4-0001', type: 'document', attributes: { status: 'success', filename: 'SPK-2026-0042.pdf' } } })).toEqual({
        providerReference: 'b7c1e0d4-0001',
        status: 'STAMPED',
      });
      expect(parse({ data: { id: 'b7c1e0d4-0002', attributes: { status: 'in_progress' } } })).toEqual({ providerReference: 'b7c1e0d4-0002', status: 'IN_PROGRESS' });
      expect(parse({ data: { id: 'b7c1e0d4-0003', attributes: { status: 'failed' } } })).toEqual({ providerReference: 'b7c1e0d4-0003', status: 'FAILED' });
    });

    it('falls back to stamping_status, as some client libraries receive', () => {
      expect(parse({ data: { id: 'b7c1e0d4-0004', attributes: { stamping_status: 'success' } } }).status).toBe('STAMPED');
    });

    it('refuses malformed bodies with status 400', () => {
      for (const body of [{}, { data: { attributes: { status: 'success' } } }, { data: { id: 'x', attributes: {} } }, []]) {
        expect(() => parse(body)).toThrow(StampDutyError);
      }
      const err = (() => {
        try {
          provider().parseCallback({}, Buffer.from('not json'));
        } catch (e) {
          return e;
        }
      })();
      expect(err).toMatchObject({ name: 'StampDutyError', status: 400 });
    });
  });

  it('is built by createStampDutyProvider', () => {
    const p = createStampDutyProvider('mekari', { mekari: { baseUrl: fake.baseUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
    expect(p).toBeInstanceOf(MekariStampDutyProvider);
    expect(p.name).toBe('mekari');
    expect(() => createStampDutyProvider('mekari', { mekari: { baseUrl: fake.baseUrl, clientId: CLIENT_ID, clientSecret: '' } })).toThrow(/secret/);
  });
});
