import { csvExporter } from '../export/exporter';
import { fields, type CsvColumn } from '../export/csv';
import type { InstallmentRow } from './types';

const COLUMNS: CsvColumn<InstallmentRow>[] = [
  { header: 'order', value: (r) => r.order?.number },
  { header: 'customer', value: (r) => r.order?.customerName },
  { header: 'phone', value: (r) => r.order?.customerPhone },
  { header: 'installment', value: (r) => r.number },
  ...fields<InstallmentRow>('dueDate', 'status', 'amount', 'paidAmount', 'lateFee', 'lateFeePaid'),
  // What is still owed on the line, worked out in bigint like everywhere else.
  { header: 'owed', value: (r) => String(BigInt(r.amount) - BigInt(r.paidAmount) + BigInt(r.lateFee) - BigInt(r.lateFeePaid)) },
];

/** CSV of the listed installments (with the list's filters and sort). */
export const installmentExporter = csvExporter('angsuran', COLUMNS);
