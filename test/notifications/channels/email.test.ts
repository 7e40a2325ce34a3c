import type { AddressInfo } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer, type SMTPServerAuthentication } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogSender, createSmtpSender, EmailSendError, type EmailMessage, type SmtpEmailSender } from '../../../server/src/notifications/channels/email';
import { renderNotification } from '../../../server/src/notifications/channels/templates';

const USER = 'billing@example.co.id';
const PASSWORD = 'rahasia-Sekali-123';
const FROM = 'Angsur Billing <billing@example.co.id>';
const REFUSED = 'tidak-ada@example.co.id';
const DEFERRED = 'penuh@example.co.id';

interface Received {
  mailFrom: string | false;
  rcptTo: string[];
  user: unknown;
  raw: Buffer;
}

/** A real SMTP server on 127.0.0.1: AUTH required, no TLS, refuses one recipient for good and defers another. */
async function startSmtp(authMethods: string[]) {
  const received: Received[] = [];
  const auths: Array<Pick<SMTPServerAuthentication, 'method' | 'username' | 'password'>> = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authMethods,
    authOptional: false,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      auths.push({ method: auth.method, username: auth.username, password: auth.password });
      if (auth.username === USER && auth.password === PASSWORD) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED) return callback(Object.assign(new Error('5.1.1 Mailbox tidak ditemukan'), { responseCode: 550 }));
      if (address.address === DEFERRED) return callback(Object.assign(new Error('4.2.2 Mailbox penuh, coba lagi nanti'), { responseCode: 452 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : false,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          user: session.user,
          raw: Buffer.concat(chunks),
        });
        callback(null, 'OK: queued as 42');
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, auths, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const firstAddress = (v: AddressObject | AddressObject[] | undefined) => (Array.isArray(v) ? v[0] : v)?.value[0];

describe('SMTP sender against a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const senders: SmtpEmailSender[] = [];
  const sender = (overrides: { password?: string; requireTls?: boolean } = {}) => {
    const s = createSmtpSender({ host: '127.0.0.1', port: smtp.port, secure: false, user: USER, password: PASSWORD, from: FROM, ...overrides });
    senders.push(s);
    return s;
  };

  beforeAll(async () => {
    smtp = await startSmtp(['PLAIN', 'LOGIN']);
  });
  afterEach(() => {
    for (const s of senders.splice(0)) s.close();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('authenticates and delivers the rendered Indonesian e-mail: From, To, Reply-To, Subject, text and HTML parts', async () => {
    const rendered = renderNotification('INSTALLMENT_REMINDER', 'id', {
      customerName: 'Ni Made Ayu Pratiwi',
      orderNumber: 'ORD-202602-000123',
      installmentNumber: 3,
      dueDate: '2026-02-28',
      amount: 1_035_000n,
      daysBefore: 3,
    });
    const before = smtp.received.length;
    const { messageId } = await sender().send({ to: 'ayu@example.co.id', replyTo: 'cs@example.co.id', ...rendered.email });

    expect(smtp.received.length).toBe(before + 1);
    const got = smtp.received.at(-1)!;
    expect(smtp.auths.at(-1)).toEqual({ method: 'PLAIN', username: USER, password: PASSWORD });
    expect(got.user).toBe(USER);
    expect(got.mailFrom).toBe('billing@example.co.id');
    expect(got.rcptTo).toEqual(['ayu@example.co.id']);

    const mail = await simpleParser(got.raw);
    expect(firstAddress(mail.from)).toEqual({ address: 'billing@example.co.id', name: 'Angsur Billing' });
    expect(firstAddress(mail.to)?.address).toBe('ayu@example.co.id');
    expect(mail.replyTo?.value[0]?.address).toBe('cs@example.co.id');
    expect(mail.messageId).toBe(messageId);
    expect(mail.subject).toBe('Pengingat: angsuran ke-3 pesanan ORD-202602-000123 jatuh tempo 28 Februari 2026');
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });

    expect(mail.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(rendered.email.text.trimEnd());
    expect(mail.text).toContain('Yth. Bapak/Ibu Ni Made Ayu Pratiwi,');
    expect(mail.text).toContain('Pengingat: angsuran ke-3 pesanan ORD-202602-000123 sebesar Rp 1.035.000 jatuh tempo 28 Februari 2026 (3 hari lagi).');
    expect(typeof mail.html).toBe('string');
    expect((mail.html as string).replace(/\r\n/g, '\n').trim()).toBe(rendered.email.html.trim());
    expect(mail.html).toContain('sebesar Rp 1.035.000 jatuh tempo 28 Februari 2026');
    expect(mail.html).toContain('<html lang="id">');
  });

  it('falls back to AUTH LOGIN when that is all the server offers', async () => {
    const loginOnly = await startSmtp(['LOGIN']);
    const s = createSmtpSender({ host: '127.0.0.1', port: loginOnly.port, secure: false, user: USER, password: PASSWORD, from: FROM });
    try {
      await s.send({ to: 'ayu@example.co.id', subject: 'Tes', text: 'Halo', html: '<p>Halo</p>' });
      expect(loginOnly.auths).toEqual([{ method: 'LOGIN', username: USER, password: PASSWORD }]);
      expect(loginOnly.received).toHaveLength(1);
    } finally {
      s.close();
      await loginOnly.close();
    }
  });

  it('throws with the SMTP code when the server refuses the recipient (550: permanent)', async () => {
    const err = await sender()
      .send({ to: REFUSED, subject: 'Tes', text: 'Halo', html: '<p>Halo</p>' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmailSendError);
    expect(err).toMatchObject({ responseCode: 550, code: 'EENVELOPE', retryable: false });
    expect((err as Error).message).toBe('SMTP RCPT TO failed: 550 5.1.1 Mailbox tidak ditemukan [EENVELOPE]');
  });

  it('marks a temporary refusal (452) as retryable', async () => {
    const err = await sender()
      .send({ to: DEFERRED, subject: 'Tes', text: 'Halo', html: '<p>Halo</p>' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmailSendError);
    expect(err).toMatchObject({ responseCode: 452, code: 'EENVELOPE', retryable: true });
  });

  it('throws with 535 on a wrong password, and nothing is delivered', async () => {
    const before = smtp.received.length;
    const s = sender({ password: 'salah' });
    const err = await s.send({ to: 'ayu@example.co.id', subject: 'Tes', text: 'Halo', html: '<p>Halo</p>' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmailSendError);
    expect(err).toMatchObject({ responseCode: 535, code: 'EAUTH', retryable: false });
    expect(smtp.auths.at(-1)).toEqual({ method: 'PLAIN', username: USER, password: 'salah' });
    expect(smtp.received.length).toBe(before);
    await expect(s.verify()).rejects.toMatchObject({ responseCode: 535 });
  });

  it('refuses to send in clear text when TLS is required and the server offers no STARTTLS', async () => {
    const before = smtp.received.length;
    const err = await sender({ requireTls: true })
      .send({ to: 'ayu@example.co.id', subject: 'Tes', text: 'Halo', html: '<p>Halo</p>' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmailSendError);
    // nodemailer insists on STARTTLS, the server does not know the command: nothing goes out in clear text.
    expect(err).toMatchObject({ code: 'ETLS', responseCode: 500, retryable: false });
    expect((err as Error).message).toBe('SMTP STARTTLS failed: 500 Error: command not recognized [ETLS]');
    expect(smtp.received.length).toBe(before);
  });

  it('surfaces an unreachable server as a retryable error without a response code', async () => {
    const closed = await startSmtp(['PLAIN']);
    await closed.close();
    const s = createSmtpSender({ host: '127.0.0.1', port: closed.port, secure: false, user: USER, password: PASSWORD, from: FROM });
    try {
      const err = await s.send({ to: 'ayu@example.co.id', subject: 'Tes', text: 'Halo', html: '<p>Halo</p>' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(EmailSendError);
      expect(err).toMatchObject({ responseCode: undefined, retryable: true });
    } finally {
      s.close();
    }
  });
});

describe('log sender', () => {
  it('records the message instead of sending it', async () => {
    const logged: EmailMessage[] = [];
    const s = createLogSender((m) => logged.push(m));
    const msg = { to: 'ayu@example.co.id', subject: 'Tes', text: 'Halo', html: '<p>Halo</p>' };
    const { messageId } = await s.send(msg);
    expect(s.name).toBe('log');
    expect(logged).toEqual([msg]);
    expect(messageId).toMatch(/^<log\.[0-9a-f-]{36}@angsur\.invalid>$/);
  });
});
