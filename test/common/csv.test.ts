import { describe, expect, it } from 'vitest';
import { csvCell as adminCsvCell } from '../../admin/src/export/csv';
import { csvCell, csvRow } from '../../server/src/http/csv';

describe('CSV cells', () => {
  it('quotes separators and quotes, and defuses spreadsheet formulas but not negative numbers', () => {
    expect(csvCell('PT "Maju", Tbk')).toBe('"PT ""Maju"", Tbk"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-5000')).toBe('-5000');
    expect(csvCell(1500000n)).toBe('1500000');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', 'b\nc'])).toBe('a,"b\nc"\r\n');
  });

  it('writes dates as ISO instants, booleans and numbers as text, and empty cells for missing values', () => {
    expect(csvRow([new Date('2026-12-04T13:17:00Z'), true, -5, 0, undefined, '+6281234567890', '\tx'])).toBe("2026-12-04T13:17:00.000Z,true,-5,0,,'+6281234567890,'\tx\r\n");
  });

  it('writes what the web app writes for the same cells (one library, one set of options)', () => {
    for (const cell of ['PT "Maju", Tbk', '=1+1', '-5000', '@SUM(A1)', 'baris 1\nbaris 2', null, false]) expect(csvCell(cell)).toBe(adminCsvCell(cell));
  });
});
