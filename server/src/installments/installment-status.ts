import { registerEnumType } from 'type-graphql';

/**
 * A schedule line's status, apart from the entity so the pure rules (rules.ts, summary.ts) and their
 * unit tests load no ORM: the entity re-exports it.
 */
export enum InstallmentStatus {
  PENDING = 'PENDING',
  DUE = 'DUE',
  OVERDUE = 'OVERDUE',
  PAID = 'PAID',
  CANCELLED = 'CANCELLED',
  /** Replaced by a restructured schedule (orders/restructuring): kept as history, owes nothing more. */
  RESTRUCTURED = 'RESTRUCTURED',
}
registerEnumType(InstallmentStatus, { name: 'InstallmentStatus' });
