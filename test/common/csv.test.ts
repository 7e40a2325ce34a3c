import { describe, expect, it } from 'vitest';
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
});
