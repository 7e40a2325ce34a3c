import { randomBytes } from 'node:crypto';
import { graphPayload, type WhatsAppMessage, type WhatsAppSender } from './whatsapp-message';

export type SandboxWhatsAppRecord = WhatsAppMessage & { providerMessageId: string; at: Date };

export interface SandboxWhatsAppSender extends WhatsAppSender {
  readonly name: 'sandbox';
  /** Every accepted message, oldest first. */
  readonly sent: SandboxWhatsAppRecord[];
}

/**
 * The default WhatsApp channel: records messages in memory and never leaves the machine. It refuses the
 * same malformed messages as the Cloud sender (non-E.164 recipient, bad template name, non-http link),
 * so such bugs show up in development too. Ids look like Meta's (`wamid.` + base64).
 */
export function createSandboxSender(opts: { now?: () => Date } = {}): SandboxWhatsAppSender {
  const now = opts.now ?? (() => new Date());
  const sent: SandboxWhatsAppRecord[] = [];
  return {
    name: 'sandbox',
    sent,
    async send(msg) {
      graphPayload(msg);
      const providerMessageId = `wamid.SANDBOX${randomBytes(18).toString('base64url')}`;
      const copy = msg.kind === 'template' ? { ...msg, bodyParams: [...msg.bodyParams] } : { ...msg };
      sent.push({ ...copy, providerMessageId, at: now() });
      return { providerMessageId };
    },
  };
}
