/**
 * CSV as the server's exports write it (server/src/http/csv.ts): RFC 4180 quoting, CRLF, and a
 * leading apostrophe on a cell a spreadsheet would run as a formula (a customer named "=HYPERLINK(…)"
 * stays text). Money stays whole rupiah as plain digits, so spreadsheets read numbers.
 */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  /** Column header: a stable machine name (`dueDate`), as in the server's exports. */
  header: string;
  value: (row: T) => CsvValue;
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(','), ...rows.map((row) => columns.map((c) => csvCell(c.value(row))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** Shorthand for columns that are a record's own fields, read as they are. */
export const fields = <T extends object>(...names: (keyof T & string)[]): CsvColumn<T>[] =>
  names.map((name) => ({ header: name, value: (row: T) => row[name] as CsvValue }));
