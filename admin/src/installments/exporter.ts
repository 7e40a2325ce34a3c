import { downloadCSV, type Exporter } from 'react-admin';
import { todayInJakarta } from '../format';
import type { InstallmentRow } from './types';

/** One CSV field: quoted when it holds a separator, a quote or a line break (RFC 4180). */
const field = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const COLUMNS = ['order', 'customer', 'phone', 'installment', 'dueDate', 'status', 'amount', 'paidAmount', 'lateFee', 'lateFeePaid', 'owed'] as const;

/**
 * CSV of the listed installments (with the list's filters and sort). Money stays whole rupiah as
 * plain digits (no "Rp", no dots) so spreadsheets read numbers; `owed` is worked out in bigint.
 */
export const installmentExporter: Exporter<InstallmentRow> = (records) => {
  const lines = records.map((r) => {
    const row: Record<(typeof COLUMNS)[number], string | number> = {
      order: r.order?.number ?? '',
      customer: r.order?.customerName ?? '',
      phone: r.order?.customerPhone ?? '',
      installment: r.number,
      dueDate: r.dueDate,
      status: r.status,
      amount: r.amount,
      paidAmount: r.paidAmount,
      lateFee: r.lateFee,
      lateFeePaid: r.lateFeePaid,
      owed: String(BigInt(r.amount) - BigInt(r.paidAmount) + BigInt(r.lateFee) - BigInt(r.lateFeePaid)),
    };
    return COLUMNS.map((c) => field(row[c])).join(',');
  });
  downloadCSV([COLUMNS.join(','), ...lines].join('\r\n'), `angsuran-${todayInJakarta()}`);
};
