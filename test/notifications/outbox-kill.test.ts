import { spawn } from 'node:child_process';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../server/src/accounts/user.entity';
import { Channel, DeliveryStatus, Notification, NotificationDelivery } from '../../server/src/notifications/notification.entity';
import { deliverDue, OUTBOX_LEASE_MS } from '../../server/src/notifications/notifications.service';
import { startTestApp, type TestApp } from '../support/app';
import { testDatabaseUrl } from '../support/databases';

const ROOT = path.resolve(__dirname, '../..');
const TOTAL = 30;
const KILL_ON = 5;

describe.runIf(!!testDatabaseUrl)('the outbox when its process is killed mid-batch', () => {
  let smtp: SMTPServer;
  let smtpPort: number;
  let t: TestApp;
  /** Message-IDs the SMTP server accepted, in order. */
  const accepted: string[] = [];
  let onFifth: (() => void) | null = null;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, _session, cb) {
        simpleParser(stream).then((mail) => {
          if (onFifth && accepted.length === KILL_ON - 1) {
            // The sender dies while this message is in flight: it is never accepted.
            const kill = onFifth;
            onFifth = null;
            kill();
            const err = new Error('Service not available') as Error & { responseCode: number };
            err.responseCode = 421;
            return cb(err);
          }
          accepted.push(mail.messageId ?? '(none)');
          cb();
        }, cb);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as { port: number }).port;
    t = await startTestApp({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), SMTP_FROM: 'Angsur <billing@angsur.test>' } });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });

  it('sends every delivery exactly once: the dead process’s unsent rows wait for their lease, then go out once', async () => {
    const customer = await t.createUser('CUSTOMER');
    const em = t.app.orm.em.fork();
    const ids: string[] = [];
    for (let i = 0; i < TOTAL; i++) {
      const notification = em.create(Notification, { recipient: em.getReference(User, customer.id), type: 'TEST', title: `Pesan ${i}`, body: `Isi ${i}` });
      const d = em.create(NotificationDelivery, {
        notification,
        channel: Channel.EMAIL,
        target: `pelanggan${i}@example.co.id`,
        payload: { subject: `Pesan ${i}`, text: `Isi ${i}`, html: `<p>Isi ${i}</p>` },
        nextAttemptAt: new Date(Date.now() - 60_000),
      });
      ids.push(d.id);
    }
    await em.flush();

    // Another server process's outbox run, killed while it waits for the SMTP reply to its fifth message.
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'test/support/outbox-worker.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.databaseUrl!, SMTP_PORT: String(smtpPort), BATCH: '20' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    onFifth = () => child.kill('SIGKILL');
    const exit = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    expect(exit, output).toBe('SIGKILL');
    expect(accepted).toHaveLength(KILL_ON - 1);

    const rows = async () => t.app.orm.em.fork().find(NotificationDelivery, { id: { $in: ids } });
    const leased = (await rows()).filter((r) => r.status === DeliveryStatus.PENDING && r.lockedUntil && r.lockedUntil > new Date());
    // Killed mid-batch: it had claimed 20, sent 4, and holds the other 16 under its lease.
    expect(leased).toHaveLength(20 - (KILL_ON - 1));

    // Another process now: it sends what nobody holds, and leaves the dead one's rows alone.
    const deps = t.app.services.notifications;
    const first = await deliverDue(t.app.orm.em.fork(), deps);
    expect(first).toEqual({ sent: TOTAL - 20, failed: 0, retried: 0 });
    expect(new Set(accepted).size).toBe(accepted.length);

    // Once the lease has run out (the clock moved past it), the rest go out, once.
    const later = { ...deps, clock: { now: () => new Date(Date.now() + OUTBOX_LEASE_MS + 60_000) } };
    const second = await deliverDue(t.app.orm.em.fork(), later);
    expect(second).toEqual({ sent: 20 - (KILL_ON - 1), failed: 0, retried: 0 });

    expect(accepted).toHaveLength(TOTAL);
    expect([...accepted].sort()).toEqual(ids.map((id) => `<${id}@angsur.outbox>`).sort());
    const final = await rows();
    expect(final.every((r) => r.status === DeliveryStatus.SENT && r.lockedUntil === null && r.claimedBy === null)).toBe(true);
    // The interrupted one counts two attempts; every other one, one.
    expect(final.map((r) => r.attempts).sort()).toEqual([...Array(TOTAL - 1).fill(1), 2]);
  }, 120_000);

  it('a run slower than its lease does not send the rows another process has taken over since', async () => {
    const customer = await t.createUser('CUSTOMER');
    const em = t.app.orm.em.fork();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const notification = em.create(Notification, { recipient: em.getReference(User, customer.id), type: 'TEST', title: `Lambat ${i}`, body: '-' });
      ids.push(em.create(NotificationDelivery, { notification, channel: Channel.EMAIL, target: `lambat${i}@example.co.id`, payload: { subject: `Lambat ${i}`, text: '-', html: '-' }, nextAttemptAt: new Date(Date.now() - 60_000) }).id);
    }
    await em.flush();
    const before = accepted.length;
    const deps = t.app.services.notifications;
    // Both processes read one clock, which this test moves: each send "takes" minutes.
    let nowMs = Date.now();
    const clock = { now: () => new Date(nowMs) };
    let other: Awaited<ReturnType<typeof deliverDue>> | undefined;
    let sends = 0;
    const slow = {
      ...deps,
      clock,
      email: {
        name: deps.email.name,
        async send(msg: Parameters<typeof deps.email.send>[0]) {
          sends++;
          // The first send takes 4 minutes; during the second, the batch's lease (5 minutes from the
          // claim) runs out and another process claims what this run has not taken yet.
          nowMs += sends === 1 ? 4 * 60_000 : 0;
          if (sends === 2) {
            nowMs += 2 * 60_000;
            other = await deliverDue(t.app.orm.em.fork(), { ...deps, clock });
          }
          return deps.email.send(msg);
        },
      },
    };
    const mine = await deliverDue(t.app.orm.em.fork(), slow);
    expect({ mine: mine.sent, other: other!.sent }).toEqual({ mine: 2, other: 3 });
    const mail = accepted.slice(before);
    expect(mail).toHaveLength(5);
    expect([...mail].sort()).toEqual(ids.map((id) => `<${id}@angsur.outbox>`).sort());
  });
});
