import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';

/**
 * E-mail channel: one message to one recipient, a plain-text and an HTML version of the same content
 * (see templates.ts). Senders only deliver; retrying is the outbox's job, helped by
 * `EmailSendError.retryable`.
 */

export interface EmailMessage {
  /** One address, e.g. `budi@example.co.id` or `"Budi Santoso" <budi@example.co.id>`. */
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  /** `<unique@domain>`; the outbox uses the delivery's id, so a message sent twice is recognisably one. */
  messageId?: string;
}

export interface EmailSender {
  readonly name: 'smtp' | 'log';
  send(msg: EmailMessage): Promise<{ messageId: string }>;
}

export interface SmtpOptions {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (port 465). With false, STARTTLS is used when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  /** `"Angsur Billing <billing@example.co.id>"` */
  from: string;
  /** Refuse to send unless the connection is upgraded with STARTTLS (for port 587 without `secure`). */
  requireTls?: boolean;
  /** Accept any server certificate. Tests only. */
  ignoreTlsErrors?: boolean;
  /** Open connections at most (pooled transport); default 3. */
  maxConnections?: number;
  /** Upper bound for one send, queueing in the pool included; default 120 000 ms. */
  sendTimeoutMs?: number;
}

/** A pooled SMTP sender also has to be closed when the process stops. */
export interface SmtpEmailSender extends EmailSender {
  readonly name: 'smtp';
  /** Connects and authenticates once; throws EmailSendError when that fails (for a start-up check). */
  verify(): Promise<void>;
  /** Closes the pool's idle connections; a delivery in progress finishes first. */
  close(): void;
}

/**
 * Sending failed. `responseCode` is the SMTP reply code when the server answered (535 bad credentials,
 * 550 recipient refused, 421/451 try later...), undefined for connection failures and timeouts.
 * `code` is nodemailer's error code (EAUTH, EENVELOPE, ECONNECTION, ETIMEDOUT, ESOCKET, ...).
 * `retryable` is false only for a permanent SMTP reply (5xx except 503, per RFC 5321): sending the same
 * message again would be refused again, so the outbox should give up (a 535 means fixing the credentials).
 */
export class EmailSendError extends Error {
  override name = 'EmailSendError';
  constructor(
    message: string,
    readonly responseCode?: number,
    readonly code?: string,
    readonly retryable = true,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const DEFAULT_SEND_TIMEOUT_MS = 120_000;

interface NodemailerErrorLike {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  permanent?: boolean;
  rejectedErrors?: NodemailerErrorLike[];
}

/** Permanent per RFC 5321: every 5yz reply except 503 (bad sequence: the same message can go through on a new session). */
function isPermanent(responseCode: number | undefined): boolean {
  return responseCode !== undefined && responseCode >= 500 && responseCode < 600 && responseCode !== 503;
}

function toSendError(err: unknown): EmailSendError {
  if (err instanceof EmailSendError) return err;
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as NodemailerErrorLike;
  // "all recipients were rejected": the reply that matters is the recipient's own.
  const source = typeof e.responseCode === 'number' ? e : (e.rejectedErrors?.find((r) => typeof r.responseCode === 'number') ?? e);
  const responseCode = typeof source.responseCode === 'number' ? source.responseCode : undefined;
  const permanent = typeof source.permanent === 'boolean' ? source.permanent : isPermanent(responseCode);
  const command = source.command ?? e.command;
  // `response` is the server's reply with its code ("550 5.1.1 ..."); without one, nodemailer's message.
  const detail = source.response ?? (responseCode !== undefined ? `${responseCode} ${e.message}` : e.message) ?? 'unknown error';
  const message = `SMTP ${command ? `${command} ` : ''}failed: ${detail}${e.code ? ` [${e.code}]` : ''}`;
  return new EmailSendError(message, responseCode, e.code, !permanent, { cause: err });
}

export function createSmtpSender(opts: SmtpOptions): SmtpEmailSender {
  if (!opts.host) throw new RangeError('SMTP host is empty');
  if (!Number.isInteger(opts.port) || opts.port <= 0 || opts.port > 65_535) throw new RangeError(`SMTP port ${opts.port} is invalid`);
  if (!opts.from) throw new RangeError('SMTP from address is empty');
  if (opts.password && !opts.user) throw new RangeError('SMTP password given without a user');
  const sendTimeoutMs = opts.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;

  const transport = nodemailer.createTransport({
    pool: true,
    host: opts.host,
    port: opts.port,
    secure: opts.secure,
    requireTLS: opts.requireTls ?? false,
    auth: opts.user ? { user: opts.user, pass: opts.password ?? '' } : undefined,
    tls: opts.ignoreTlsErrors ? { rejectUnauthorized: false } : { minVersion: 'TLSv1.2' },
    maxConnections: opts.maxConnections ?? 3,
    maxMessages: 100,
    // Give up on a dead server quickly; the outbox retries later anyway.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    dnsTimeout: 10_000,
    socketTimeout: 60_000,
    // Providers drop idle sessions after a minute or so; close ours first rather than find out mid-send.
    idleTimeout: 30_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });

  // Failures reach the caller of send() through its promise; an 'error' event without a listener would
  // crash the process instead.
  transport.on('error', () => {});

  return {
    name: 'smtp',
    async send(msg) {
      let info: { messageId: string; rejected?: unknown[]; rejectedErrors?: NodemailerErrorLike[] };
      try {
        info = await transport.sendMail({
          from: opts.from,
          to: msg.to,
          replyTo: msg.replyTo,
          ...(msg.messageId ? { messageId: msg.messageId } : {}),
          subject: msg.subject,
          text: msg.text,
          html: msg.html,
          signal: AbortSignal.timeout(sendTimeoutMs),
        });
      } catch (err) {
        throw toSendError(err);
      }
      // With several addresses in `to`, some may be refused while the rest went out.
      if (info.rejected && info.rejected.length > 0) {
        const first = info.rejectedErrors?.[0];
        const err = toSendError(first ?? { message: `recipient refused: ${info.rejected.join(', ')}`, code: 'EENVELOPE' });
        throw new EmailSendError(`${err.message} (message ${info.messageId} went to the other recipients)`, err.responseCode, err.code, false, { cause: first });
      }
      return { messageId: info.messageId };
    },
    async verify() {
      try {
        await transport.verify();
      } catch (err) {
        throw toSendError(err);
      }
    },
    close() {
      transport.close();
    },
  };
}

/** For development without an SMTP server: hands each message to `log` and sends nothing. */
export function createLogSender(log: (msg: EmailMessage) => void): EmailSender {
  return {
    name: 'log',
    async send(msg) {
      log({ ...msg });
      return { messageId: msg.messageId ?? `<log.${randomUUID()}@angsur.invalid>` };
    },
  };
}
