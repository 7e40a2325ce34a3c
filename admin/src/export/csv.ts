import { stringify, type Options } from 'csv-stringify/sync';

/**
 * CSV as the server's exports write it (server/src/http/csv.ts), written by csv-stringify: RFC 4180
 * quoting, CRLF, and a leading apostrophe on a cell a spreadsheet would run as a formula (a customer
 * named "=HYPERLINK(…)" stays text). Money stays whole rupiah as plain digits, so spreadsheets read numbers.
 */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  /** Column header: a stable machine name (`dueDate`), as in the server's exports. */
  header: string;
  value: (row: T) => CsvValue;
}

/** Text a spreadsheet would run as a formula gets a leading apostrophe; numbers (also negative) stay numbers. */
const defuseFormula = (text: string) => (/^[=+\-@\t\r]/.test(text) && !/^-?\d+$/.test(text) ? `'${text}` : text);

const OPTIONS: Options = {
  record_delimiter: 'windows',
  // csv-stringify quotes separators and quotes by itself; a line break inside a cell must be quoted too.
  quoted_match: /[\r\n]/,
  cast: { string: defuseFormula, boolean: (value) => String(value), bigint: (value) => String(value) },
};

export function csvCell(value: CsvValue): string {
  return stringify([[value]], OPTIONS).replace(/\r\n$/, '');
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  return stringify([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => c.value(row)))], OPTIONS);
}

/** Shorthand for columns that are a record's own fields, read as they are. */
export const fields = <T extends object>(...names: (keyof T & string)[]): CsvColumn<T>[] =>
  names.map((name) => ({ header: name, value: (row: T) => row[name] as CsvValue }));
