import { describe, expect, it } from 'vitest';
import { csvCell, fields, toCsv } from '../../admin/src/export/csv';

/** The web app's CSV exports: what a spreadsheet opens must be the data, never a formula. */
describe('CSV exports of the web app', () => {
  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('PT Maju, Tbk')).toBe('"PT Maju, Tbk"');
    expect(csvCell('Jl. "Merdeka"')).toBe('"Jl. ""Merdeka"""');
    expect(csvCell('baris 1\nbaris 2')).toBe('"baris 1\nbaris 2"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(false)).toBe('false');
  });

  it('keeps formula-like text as text but numbers as numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+6281234567890')).toBe("'+6281234567890");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('1500000')).toBe('1500000');
  });

  it('writes a header and one CRLF line per row, in column order', () => {
    const rows = [
      { id: '1', name: 'VPS NVMe 4', cashPrice: '6000000', specs: { cpu: 4 } },
      { id: '2', name: '=evil', cashPrice: '18000000', specs: null },
    ];
    const csv = toCsv(rows, [...fields<(typeof rows)[number]>('name', 'cashPrice'), { header: 'specs', value: (r) => (r.specs ? JSON.stringify(r.specs) : null) }]);
    expect(csv).toBe('name,cashPrice,specs\r\nVPS NVMe 4,6000000,"{""cpu"":4}"\r\n\'=evil,18000000,\r\n');
  });
});
