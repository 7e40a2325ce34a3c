import { describe, expect, it } from 'vitest';
import { parseStatement, parseStatementAmount, parseStatementDate, payerNameOf, StatementFormatError } from '../../server/src/payments/statements/parsers';
import { StatementSource } from '../../server/src/payments/statements/statement-line.entity';
import { statementFile } from './statement-files';

describe('statement cells', () => {
  it('reads rupiah in every export style, and refuses what is not an amount', () => {
    expect(parseStatementAmount('"700,123.00"'.replace(/"/g, ''))).toBe(700_123n);
    expect(parseStatementAmount('700.123,00')).toBe(700_123n);
    expect(parseStatementAmount('1500000')).toBe(1_500_000n);
    expect(parseStatementAmount('1500000.00')).toBe(1_500_000n);
    expect(parseStatementAmount('700,123')).toBe(700_123n);
    expect(parseStatementAmount('Rp 1.234.567')).toBe(1_234_567n);
    expect(parseStatementAmount('1.234,56')).toBe(1_234n);
    for (const bad of ['', 'abc', '1,2,3', '1.500,000.000', '12,34,567']) expect(parseStatementAmount(bad)).toBeNull();
  });

  it('reads dates, with the year of the statement period when the line has none', () => {
    expect(parseStatementDate("'04/12", 2026)).toBe('2026-12-04');
    expect(parseStatementDate('04/12/26 10:15:22', null)).toBe('2026-12-04');
    expect(parseStatementDate('04-12-2026', null)).toBe('2026-12-04');
    expect(parseStatementDate('2026-12-04', null)).toBe('2026-12-04');
    expect(parseStatementDate('31/02/2026', null)).toBeNull();
    expect(parseStatementDate('PEND', 2026)).toBeNull();
    expect(parseStatementDate('04/12', null)).toBeNull();
  });

  it('finds the sender in the description', () => {
    expect(payerNameOf('TRSF E-BANKING CR 0412/FTSCY/WS95031 700123.00 BUDI SANTOSO')).toBe('BUDI SANTOSO');
    expect(payerNameOf('TRANSFER DARI Siti Aminah')).toBe('SITI AMINAH');
    expect(payerNameOf('BUNGA')).toBeNull();
  });
});

describe('bank layouts', () => {
  const credit = { date: '2026-12-04', amount: 700_123n, name: 'BUDI SANTOSO' };
  for (const source of [StatementSource.BCA, StatementSource.MANDIRI, StatementSource.BNI, StatementSource.BRI, StatementSource.MT940]) {
    it(`${source}: credits only, pending lines and the trailer skipped, stable hashes`, () => {
      const text = statementFile(source, [credit, { date: '2026-12-04', amount: 700_123n, name: 'BUDI SANTOSO' }, { date: '2026-12-03', amount: 55_000n, name: 'ANI' }]);
      const credits = parseStatement(source, text);
      expect(credits.map((c) => [c.bookedOn, c.amount])).toEqual([['2026-12-04', 700_123n], ['2026-12-04', 700_123n], ['2026-12-03', 55_000n]]);
      expect(credits[0]!.payerName).toBe('BUDI SANTOSO');
      // Two identical lines are two lines (two equal transfers on a day), each with its own hash...
      expect(credits[0]!.lineHash).not.toBe(credits[1]!.lineHash);
      // ...and reading the file again gives the same hashes.
      expect(parseStatement(source, text).map((c) => c.lineHash)).toEqual(credits.map((c) => c.lineHash));
    });
  }

  it('a file of another bank, or not a statement, is a clear error', () => {
    expect(() => parseStatement(StatementSource.BCA, statementFile(StatementSource.BRI, [credit]))).toThrow(StatementFormatError);
    expect(() => parseStatement(StatementSource.MT940, 'hello')).toThrow(StatementFormatError);
    expect(() => parseStatement(StatementSource.BNI, '"unterminated')).toThrow(StatementFormatError);
  });
});
