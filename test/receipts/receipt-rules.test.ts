import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRupiah } from '../../server/src/money/rupiah';
import { terbilang, terbilangRupiah } from '../../server/src/money/terbilang';
import { renderReceiptPdf, type ReceiptDocument } from '../../server/src/receipts/receipt-pdf';
import { quotaWarning } from '../../server/src/tax/stamp-quota';
import { pageTexts } from '../support/pdf-reader';

describe('terbilang on receipt amounts', () => {
  it.each([
    [1_500_000n, 'satu juta lima ratus ribu rupiah'],
    [6_000_000n, 'enam juta rupiah'],
    [5_000_001n, 'lima juta satu rupiah'],
    [1_035_000n, 'satu juta tiga puluh lima ribu rupiah'],
    [11_111_000n, 'sebelas juta seratus sebelas ribu rupiah'],
    [1_000n, 'seribu rupiah'],
    [1_000_000_000n, 'satu miliar rupiah'],
  ])('%s → %s', (amount, words) => {
    expect(terbilangRupiah(amount)).toBe(words);
  });

  it('a thousand more reads as the same words plus the thousands (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 999n }), fc.bigInt({ min: 1n, max: 999n }), (millions, units) => {
        expect(terbilang(millions * 1_000_000n + units)).toBe(`${terbilang(millions)} juta ${terbilang(units)}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('stamp quota warning', () => {
  it('warns once at the threshold and on every use once the quota is spent; never without a quota', () => {
    expect([1, 2, 3, 4, 5].map((n) => quotaWarning(5, 2, n))).toEqual([null, null, 2, null, 0]);
    expect(quotaWarning(5, 2, 6)).toBe(-1);
    expect(quotaWarning(0, 2, 100)).toBeNull();
  });
});

describe('the receipt PDF', () => {
  const doc: ReceiptDocument = {
    number: 'KW/2026/7',
    date: '2026-03-05',
    company: { name: 'PT Angsur Hosting Nusantara', address: 'Jl. Sudirman 1, Jakarta', phone: '+62 21 5000 1234', email: 'billing@angsur.local', npwp: '0123456789012345', city: 'Jakarta', primaryColor: '#0b5fa5' },
    payer: { name: 'Budi Santoso', address: 'Jl. Melati 2, Bandung' },
    orderNumber: 'ORD-202603-000001',
    amount: 1_500_000n,
    lines: [{ label: 'Angsuran ke-2 / Installment 2', amount: 1_450_000n }, { label: 'Denda angsuran ke-2 / late fee', amount: 50_000n }],
    method: 'BANK_TRANSFER',
    reference: 'PAY-20260305-0001',
    vat: { taxBase: 1_306_306n, otherTaxBase: 1_197_447n, vat: 143_694n },
    signer: { name: 'Andi Pratama', title: 'Direktur Utama' },
    stamp: false,
  };

  it('shows the number, payer, amount in figures and words, what it paid, method, date, VAT and signer', async () => {
    const text = (await pageTexts((await renderReceiptPdf(doc)).bytes)).join('\n').replace(/\s+/g, ' ');
    for (const s of ['KW/2026/7', 'Budi Santoso', formatRupiah(1_500_000n), 'Satu juta lima ratus ribu rupiah', 'Angsuran ke-2', 'Rp 50.000', 'PAY-20260305-0001', '5 Maret 2026', 'PPN Rp 143.694', 'DPP Rp 1.306.306', 'Andi Pratama', 'Direktur Utama']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('e-Meterai');
  });

  it('marks the e-Meterai place inside the page when a stamp is due', async () => {
    const rendered = await renderReceiptPdf({ ...doc, stamp: true });
    expect((await pageTexts(rendered.bytes)).join(' ')).toContain('e-Meterai');
    expect(rendered.stampBox.width).toBeGreaterThanOrEqual(24);
    expect(rendered.stampBox.x + rendered.stampBox.width).toBeLessThanOrEqual(595);
  });
});
