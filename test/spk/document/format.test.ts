import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pasal } from '../../../server/src/spk/document/clauses';
import { embedFonts } from '../../../server/src/spk/document/fonts';
import { categoryName, formatBps, formatLateFeeRate, formatSpecs, formatTanggal, formatTanggalPendek, jakartaMidnight, namaHari } from '../../../server/src/spk/document/format';
import { textWidth, wrapText } from '../../../server/src/spk/document/layout';
import { parsePdfDate } from '../../../server/src/spk/document/verify';

describe('Indonesian formats for the SPK', () => {
  it('writes dates and weekdays', () => {
    expect(formatTanggal('2026-11-24')).toBe('24 November 2026');
    expect(formatTanggal('2027-01-01')).toBe('1 Januari 2027');
    expect(formatTanggalPendek('2027-03-05')).toBe('05-03-2027');
    expect(namaHari('2026-11-24')).toBe('Selasa');
    expect(namaHari('2026-11-29')).toBe('Minggu');
    expect(jakartaMidnight('2026-11-24').toISOString()).toBe('2026-11-23T17:00:00.000Z');
    expect(() => formatTanggal('2026-02-30')).toThrow(RangeError);
    expect(() => formatTanggal('24/11/2026')).toThrow(RangeError);
  });

  it('writes basis points as percentages without floats', () => {
    expect(formatBps(10n)).toBe('0,1%');
    expect(formatBps(5n)).toBe('0,05%');
    expect(formatBps(125n)).toBe('1,25%');
    expect(formatBps(200n)).toBe('2%');
    expect(formatBps(0n)).toBe('0%');
  });

  it('describes late fees, categories and specs', () => {
    expect(formatLateFeeRate({ graceDays: 3, type: 'FIXED_PER_DAY', value: 10_000n, cap: null })).toBe('Rp 10.000 per hari keterlambatan');
    expect(formatLateFeeRate({ graceDays: 3, type: 'PERCENT_PER_DAY', value: 50n, cap: null })).toBe('0,5% dari jumlah angsuran yang terlambat per hari keterlambatan');
    expect(categoryName('DEDICATED_SERVER')).toBe('Dedicated Server');
    expect(categoryName('CLOUD_SERVER')).toBe('Cloud Server');
    // Fixed order whatever the JSON key order; nulls left out.
    expect(formatSpecs({ ipv4Count: 1, ramGb: 8, cpu: '4 vCPU', storageType: 'NVMe', storageGb: 160, rackUnits: null })).toBe('CPU 4 vCPU; RAM 8 GB; Penyimpanan 160 GB NVMe; 1 alamat IPv4');
    expect(formatSpecs({ rackUnits: 2, powerWatts: 500 })).toBe('Rak 2U; Daya 500 W');
    expect(formatSpecs({})).toBe('-');
  });

  it('numbers the pasal in print order', () => {
    expect(pasal('objek')).toBe(1);
    expect(pasal('harga')).toBe(3);
    expect(pasal('penutup')).toBe(12);
  });

  it('reads PDF dates', () => {
    expect(parsePdfDate("D:20261124101500+07'00'")?.toISOString()).toBe('2026-11-24T03:15:00.000Z');
    expect(parsePdfDate('D:20261124031500Z')?.toISOString()).toBe('2026-11-24T03:15:00.000Z');
    expect(parsePdfDate('D:2026')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parsePdfDate('yesterday')).toBeNull();
  });
});

describe('wrapping', () => {
  it('fills lines up to the width, keeps "Rp" with its amount and cuts overlong words at a separator', async () => {
    const doc = await PDFDocument.create();
    const { regular } = await embedFonts(doc, ['regular'] as const);
    const width = 120;
    const lines = wrapText('Total harga yang wajib dibayar adalah sebesar Rp 6.910.000 dengan rincian berikut', regular, 9, width);
    for (const l of lines) expect(textWidth(regular, l, 9)).toBeLessThanOrEqual(width);
    expect(lines.some((l) => l.includes('Rp 6.910.000'))).toBe(true);
    expect(lines.join(' ')).toBe('Total harga yang wajib dibayar adalah sebesar Rp 6.910.000 dengan rincian berikut');

    const email = 'siti.nurhaliza.rahmawati.putri@maju-digital-nusantara.example.co.id';
    const cut = wrapText(email, regular, 9, width);
    expect(cut.length).toBeGreaterThan(1);
    expect(cut.join('')).toBe(email);
    for (const l of cut) expect(textWidth(regular, l, 9)).toBeLessThanOrEqual(width);
    expect(cut.slice(0, -1).every((l) => /[.@/_-]$/.test(l))).toBe(true);
    expect(wrapText('baris satu\nbaris dua', regular, 9, 500)).toEqual(['baris satu', 'baris dua']);
  });
});
