/**
 * WhatsApp message shapes and their WhatsApp Cloud API (Graph API) payloads, shared by the Cloud sender
 * and the sandbox so both refuse the same bad input. Import from './whatsapp'.
 */

export type WhatsAppMessage =
  | { to: string /* E.164 */; kind: 'template'; template: string; language: 'id' | 'en'; bodyParams: string[] }
  | { to: string; kind: 'document'; link: string; filename: string; caption?: string }
  | { to: string; kind: 'text'; text: string };

export interface WhatsAppSender {
  readonly name: 'sandbox' | 'cloud';
  send(msg: WhatsAppMessage): Promise<{ providerMessageId: string }>;
}

/**
 * Sending failed. `status` is the HTTP status (undefined when Meta could not be reached), `code` the
 * Graph API `error.code` (190 token expired, 100 invalid parameter, 131047 outside the 24-hour window,
 * 130429 throughput limit...). `retryable` is false when sending the same message again cannot succeed
 * without a change on our side (credentials, template, parameters, recipient), so the outbox should
 * give up and alert instead of retrying.
 */
export class WhatsAppError extends Error {
  override name = 'WhatsAppError';
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: number,
    readonly retryable = true,
    readonly details: { subcode?: number; type?: string; fbtraceId?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
}

/** Meta refuses a document caption longer than this. */
export const CAPTION_MAX = 1024;
/** Meta refuses a text message body longer than this. */
export const TEXT_BODY_MAX = 4096;

/** Cuts by code point so an emoji or accented letter is never split. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/** E.164 (`+6281234567890`) to the digits-only form the Graph API takes (`6281234567890`). */
export function recipientDigits(to: string): string {
  const trimmed = to.trim();
  if (!/^\+[1-9]\d{7,14}$/.test(trimmed)) {
    throw new WhatsAppError(`WhatsApp recipient ${JSON.stringify(to)} is not an E.164 number such as +6281234567890`, undefined, undefined, false);
  }
  return trimmed.slice(1);
}

/**
 * A template body parameter as Meta accepts it: no newline or tab and no run of more than four spaces
 * (error 132018), and not empty (error 131008). Anything else is sent as given.
 */
export function templateParam(value: string): string {
  const oneLine = value
    .replace(/\s*[\r\n\t]+\s*/g, ' ')
    .replace(/ {5,}/g, '    ')
    .trim();
  return oneLine === '' ? '-' : oneLine;
}

function httpUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new WhatsAppError(`WhatsApp ${what} ${JSON.stringify(value)} is not a URL`, undefined, undefined, false);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new WhatsAppError(`WhatsApp ${what} must be an http(s) URL Meta can download`, undefined, undefined, false);
  }
  return value;
}

/** The JSON body of `POST /{version}/{phone-number-id}/messages`. Throws a non-retryable WhatsAppError on bad input. */
export function graphPayload(msg: WhatsAppMessage): Record<string, unknown> {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: recipientDigits(msg.to) };
  switch (msg.kind) {
    case 'template': {
      if (!/^[a-z0-9_]{1,512}$/.test(msg.template)) {
        throw new WhatsAppError(`WhatsApp template name ${JSON.stringify(msg.template)} must be lower-case letters, digits and _`, undefined, undefined, false);
      }
      const template: Record<string, unknown> = { name: msg.template, language: { code: msg.language } };
      if (msg.bodyParams.length > 0) {
        template.components = [{ type: 'body', parameters: msg.bodyParams.map((p) => ({ type: 'text', text: templateParam(p) })) }];
      }
      return { ...base, type: 'template', template };
    }
    case 'document': {
      if (!msg.filename.trim()) throw new WhatsAppError('WhatsApp document needs a filename', undefined, undefined, false);
      const document: Record<string, unknown> = { link: httpUrl(msg.link, 'document link'), filename: msg.filename };
      if (msg.caption) document.caption = truncate(msg.caption, CAPTION_MAX);
      return { ...base, type: 'document', document };
    }
    case 'text': {
      if (!msg.text.trim()) throw new WhatsAppError('WhatsApp text message is empty', undefined, undefined, false);
      return { ...base, type: 'text', text: { body: truncate(msg.text, TEXT_BODY_MAX), preview_url: false } };
    }
    default:
      throw new WhatsAppError(`unknown WhatsApp message kind ${String((msg as { kind: unknown }).kind)}`, undefined, undefined, false);
  }
}
