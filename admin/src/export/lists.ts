import type { RaRecord } from 'react-admin';
import { fields, type CsvColumn } from './csv';
import { csvExporter } from './exporter';

/**
 * The CSV exports of the lists that have no server export (orders and payments have /exports/*.csv).
 * Columns are the list's own fields (dataProvider/resources.ts), money as whole rupiah, times as ISO
 * 8601 with their offset, JSON details as JSON.
 */
type Row = RaRecord & Record<string, any>;

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

export const spkExporter = csvExporter<Row>('spk', [
  ...fields<Row>('number', 'status', 'currentVersion'),
  { header: 'order', value: (r) => r.order?.number },
  { header: 'customer', value: (r) => r.customer?.fullName },
  { header: 'phone', value: (r) => r.customer?.phone },
  ...fields<Row>('createdAt', 'updatedAt'),
]);

export const serviceExporter = csvExporter<Row>('layanan', fields<Row>('label', 'status', 'provisioning', 'driver', 'hostname', 'orderId', 'pendingAction', 'attempts', 'lastError', 'suspensionCause', 'createdAt'));

export const staffTaskExporter = csvExporter<Row>('tugas-staf', [
  ...fields<Row>('createdAt', 'action', 'status'),
  { header: 'service', value: (r) => r.service?.label },
  ...fields<Row>('instructions', 'note', 'completedAt'),
]);

export const deliveryExporter = csvExporter<Row>('log-pengiriman', fields<Row>('createdAt', 'channel', 'target', 'status', 'attempts', 'lastError', 'nextAttemptAt', 'sentAt', 'providerMessageId'));

export const anomalyExporter = csvExporter<Row>('anomali-pembayaran', [
  ...fields<Row>('createdAt', 'kind', 'provider', 'reference', 'expected', 'received', 'resolvedAt', 'resolution'),
  { header: 'details', value: (r) => json(r.details) },
]);

export const auditExporter = csvExporter<Row>('log-audit', [...fields<Row>('at', 'sentence', 'action', 'actorId', 'actorRole', 'entityType', 'entityId', 'requestId'), { header: 'data', value: (r) => json(r.data) }]);

const userColumns: CsvColumn<Row>[] = fields<Row>('username', 'fullName', 'email', 'phone', 'company', 'role', 'active', 'locale', 'lastLoginAt', 'createdAt');
export const customerExporter = csvExporter<Row>('pelanggan', userColumns);
export const staffExporter = csvExporter<Row>('staf', userColumns);

export const productExporter = csvExporter<Row>('produk', [
  ...fields<Row>('name', 'slug', 'category', 'cashPrice', 'setupFee', 'active'),
  { header: 'specs', value: (r) => json(r.specs) },
]);

export const planExporter = csvExporter<Row>(
  'paket-cicilan',
  fields<Row>('name', 'productId', 'tenorMonths', 'downPaymentType', 'downPaymentValue', 'marginBpsPerMonth', 'adminFee', 'lateFeeGraceDays', 'lateFeeType', 'lateFeeValue', 'lateFeeCap', 'autoSuspendAfterDays', 'active'),
);
