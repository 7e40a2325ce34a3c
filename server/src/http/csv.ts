import { stringify, type Options } from 'csv-stringify/sync';

/**
 * CSV for the exports, written by csv-stringify (the web app's exports use the same library's browser
 * build, admin/src/export/csv.ts, with the same options): RFC 4180 quoting, CRLF, and a leading
 * apostrophe on a cell a spreadsheet would run as a formula (a customer named "=HYPERLINK(…)" stays
 * text). Money stays whole rupiah as plain digits and negative numbers stay numbers.
 */
const defuseFormula = (text: string) => (/^[=+\-@\t\r]/.test(text) && !/^-?\d+$/.test(text) ? `'${text}` : text);

const OPTIONS: Options = {
  record_delimiter: 'windows',
  // csv-stringify quotes separators and quotes by itself; a line break inside a cell must be quoted too.
  quoted_match: /[\r\n]/,
  cast: {
    string: defuseFormula,
    boolean: (value) => String(value),
    bigint: (value) => String(value),
    // The library's default is epoch milliseconds; exports carry ISO 8601 instants.
    date: (value) => value.toISOString(),
  },
};

/** One cell as it appears in a row (without the line end). */
export function csvCell(value: unknown): string {
  return stringify([[value]], OPTIONS).replace(/\r\n$/, '');
}

/** One CRLF-terminated line; the routes stream an export row by row. */
export function csvRow(values: unknown[]): string {
  return stringify([values], OPTIONS);
}
