import { describe, expect, it } from 'vitest';
import { withLetterhead } from '../../../server/src/notifications/channels/letterhead';
import { renderNotification } from '../../../server/src/notifications/channels/templates';

describe('the company letterhead on emails', () => {
  const rendered = renderNotification('PAYMENT_SETTLED', 'id', { customerName: 'Budi Santoso', orderNumber: 'ORD-202602-000123', amount: 1_035_000n, reference: 'PAY-0001' });

  it('puts the company name on a band in its colour and under the signature, escaped', () => {
    const email = withLetterhead(rendered.email, { companyName: 'PT Awan & <Biru>', primaryColor: '#123456' });
    expect(email.html).toContain('background-color:#123456');
    expect(email.html.match(/PT Awan &amp; &lt;Biru&gt;/g)).toHaveLength(2);
    expect(email.html).not.toContain('<Biru>');
    expect(email.text.trimEnd().endsWith('PT Awan & <Biru>')).toBe(true);
    expect(email.subject).toBe(rendered.email.subject);
  });

  it('names no software: the plain rendering says nothing of Angsur', () => {
    for (const part of [rendered.email.text, rendered.email.html]) expect(part).not.toMatch(/Angsur\b/);
  });

  it('refuses a colour that is not #rrggbb (it lands in a style attribute)', () => {
    const email = withLetterhead(rendered.email, { companyName: 'PT X', primaryColor: 'red;background:url(x)' });
    expect(email.html).not.toContain('url(x)');
  });
});
