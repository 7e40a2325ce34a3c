/**
 * The hosting company's letterhead on every email: its name on a band in its colour above the message
 * and under the signature. Applied when the outbox sends (the stored message stays the plain rendering),
 * so every template gets it the same way and a change of COMPANY_* settings reaches queued mail too.
 */
export interface Letterhead {
  companyName: string;
  primaryColor: string;
}

/** Where templates.ts leaves room for the letterhead in the HTML. */
export const LETTERHEAD_SLOT = '<!--letterhead-->';
export const SIGNATURE_SLOT = '<!--signature-->';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function withLetterhead<T extends { text: string; html: string }>(email: T, head: Letterhead | undefined): T {
  if (!head) return email;
  const color = /^#[0-9a-fA-F]{6}$/.test(head.primaryColor) ? head.primaryColor : '#0b5fa5';
  const name = escapeHtml(head.companyName);
  return {
    ...email,
    text: `${email.text.replace(/\n+$/, '')}\n${head.companyName}\n`,
    html: email.html
      .replace(LETTERHEAD_SLOT, `<div style="margin:-24px -24px 24px -24px;padding:16px 24px;background-color:${color};color:#ffffff;font-size:18px;font-weight:bold;border-radius:8px 8px 0 0;">${name}</div>`)
      .replace(SIGNATURE_SLOT, `<br>${name}`),
  };
}
