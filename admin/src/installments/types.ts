import type { InstallmentStatus, OrderStatus } from '../gql/schema';

/** A row of the `installments` list (see dataProvider/resources.ts). */
export interface InstallmentRow {
  id: string;
  number: number;
  dueDate: string;
  amount: string;
  paidAmount: string;
  lateFee: string;
  lateFeePaid: string;
  status: InstallmentStatus;
  orderId: string;
  order?: { id: string; number: string; customerName: string; customerPhone: string; status: OrderStatus };
}
