import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPool } from '../../server/src/pdf';
import type { StampDutyProvider, StampRequest } from '../../server/src/spk/stamp-duty';
import { startTestApp, type TestApp, type TestUser } from '../support/app';
import { completeCustomer } from '../support/console-steps';
import { checkoutOrder } from '../support/orders';
import { processAlive } from '../support/processes';

/**
 * Issue 14 item 6: the SPK's PDFs are made in the PDF worker pool, from data read with no database
 * transaction open, and stored by a short transaction that refuses a document made from data that
 * changed meanwhile. The e-Meterai provider (an outside service) is held at a gate, so the test can
 * look at the database while a signing is under way; nothing here measures time.
 */

let t: TestApp;
let support: TestUser;

const SPK = `id status currentVersion versions { version kind }`;
const act = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { ${SPK} } }`;

beforeAll(async () => {
  t = await startTestApp();
  support = await t.createUser('SUPPORT');
}, 120_000);
afterAll(() => t?.close());

async function approvedSpk() {
  const customer = await completeCustomer(t);
  const order = await checkoutOrder(t, customer);
  const id = (await t.ok(`mutation($o: ID!) { createSpk(orderId: $o) { id } }`, { o: order.id }, support.token)).createSpk.id as string;
  await t.ok(act('submitSpkForReview'), { id }, support.token);
  await t.ok(act('approveSpk'), { id }, customer.token);
  return { id, customer };
}

/** The app's e-Meterai provider, held before it stamps until the test lets it go (or made to run `instead`). */
function holdStamps(instead?: (req: StampRequest) => Promise<never>) {
  const provider: StampDutyProvider = t.app.services.spk.stampDuty;
  const stamp = provider.stamp.bind(provider);
  let entered!: () => void;
  let release!: () => void;
  const gate = { entered: new Promise<void>((r) => (entered = r)), released: new Promise<void>((r) => (release = r)) };
  provider.stamp = async (req) => {
    entered();
    await gate.released;
    if (instead) return instead(req);
    return stamp(req);
  };
  return { entered: gate.entered, release, restore: () => (provider.stamp = stamp) };
}

/** Sessions of the app's database that are inside a transaction and waiting for the app. */
async function sessionsIdleInTransaction(): Promise<number> {
  const c = new pg.Client({ connectionString: t.databaseUrl! });
  await c.connect();
  try {
    const r = await c.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`);
    return r.rows[0].n as number;
  } finally {
    await c.end();
  }
}

const versions = async (id: string) => (await t.ok(`query($id: ID!) { spk(id: $id) { ${SPK} } }`, { id }, support.token)).spk;

describe('signing an SPK', () => {
  it.runIf(!!process.env.TEST_DATABASE_URL)('renders, stamps and signs in the PDF worker pool while no database transaction is open', async () => {
    const { id } = await approvedSpk();
    const started = { ...pdfPool().started };
    const held = holdStamps();
    try {
      const signing = t.gql(act('signSpk'), { id }, support.token);
      await held.entered;
      // The draft for this signature is rendered (in a worker) and the e-Meterai is under way: the
      // database has no transaction of ours waiting meanwhile.
      expect((pdfPool().started.renderSpk ?? 0) - (started.renderSpk ?? 0)).toBe(1);
      expect(await sessionsIdleInTransaction()).toBe(0);
      held.release();
      const res = await signing;
      expect(res.errors).toBeUndefined();
      expect(res.data.signSpk.status).toBe('ADMIN_SIGNED');
      const ran = (op: 'renderSpk' | 'stampSandbox' | 'signPdf') => (pdfPool().started[op] ?? 0) - (started[op] ?? 0);
      expect({ renderSpk: ran('renderSpk'), stampSandbox: ran('stampSandbox'), signPdf: ran('signPdf') }).toEqual({ renderSpk: 1, stampSandbox: 1, signPdf: 1 });
    } finally {
      held.restore();
    }
  }, 180_000);

  it('refuses (CONFLICT) a document made from data that changed while it was made, and stores nothing', async () => {
    const { id, customer } = await approvedSpk();
    const before = await versions(id);
    const held = holdStamps();
    try {
      const signing = t.gql(act('signSpk'), { id }, support.token);
      await held.entered;
      await t.ok(`mutation($i: ProfileInput!) { updateMyProfile(input: $i) { id } }`, { i: { address: 'Jl. Gatot Subroto Kav. 52, Jakarta Selatan' } }, customer.token);
      held.release();
      const res = await signing;
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CHANGED_WHILE_RENDERING', currentState: 'APPROVED' });
      expect(await versions(id)).toEqual(before);
    } finally {
      held.restore();
    }
    // Signing again makes the document from the new address.
    expect((await t.ok(act('signSpk'), { id }, support.token)).signSpk.status).toBe('ADMIN_SIGNED');
  }, 180_000);

  it('answers PDF_WORKER_FAILED (CRASHED) when a worker dies under the e-Meterai placement, stores nothing, and the next signing works', async () => {
    const { id } = await approvedSpk();
    const before = await versions(id);
    // What the sandbox's placement would meet if its worker died mid-job: the pool loses the worker.
    const held = holdStamps(() => pdfPool().run('crash', [], { timeoutMs: 60_000 }) as Promise<never>);
    try {
      const signing = t.gql(act('signSpk'), { id }, support.token);
      await held.entered;
      held.release();
      const res = await signing;
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'PDF_WORKER_FAILED', failure: 'CRASHED' });
      expect(await versions(id)).toEqual(before);
    } finally {
      held.restore();
    }
    expect((await t.ok(act('signSpk'), { id }, support.token)).signSpk.status).toBe('ADMIN_SIGNED');
  }, 180_000);
});

describe('drafting SPKs', () => {
  it('gives SPKs drafted at the same time consecutive numbers, each with its draft', async () => {
    const customers = await Promise.all([completeCustomer(t), completeCustomer(t), completeCustomer(t)]);
    const orders = await Promise.all(customers.map((c) => checkoutOrder(t, c)));
    const made = await Promise.all(orders.map((o) => t.ok(`mutation($o: ID!) { createSpk(orderId: $o) { id number ${'versions { version kind }'} } }`, { o: o.id }, support.token)));
    const seqs = made.map((m) => Number((m.createSpk.number as string).split('/').at(-1))).sort((a, b) => a - b);
    expect(seqs).toEqual([seqs[0]!, seqs[0]! + 1, seqs[0]! + 2]);
    for (const m of made) expect(m.createSpk.versions).toEqual([{ version: 1, kind: 'DRAFT' }]);
  }, 180_000);
});

describe('stopping the server', () => {
  // Last in this file: it stops the app the tests above share.
  it('closes the PDF pool: a job still running fails as CLOSED and every worker has exited when the stop returns', async () => {
    const { pid } = await pdfPool().run('workerInfo', [0], { timeoutMs: 60_000 });
    const running = pdfPool().run('workerInfo', [600_000], { timeoutMs: 900_000 }).catch((e: unknown) => e);
    const result = await t.app.shutdown();
    expect(result).toEqual({ ok: true, unfinished: [] });
    expect(await running).toMatchObject({ name: 'PdfPoolClosedError', failure: 'CLOSED' });
    expect(processAlive(pid)).toBe(false);
  }, 120_000);
});
