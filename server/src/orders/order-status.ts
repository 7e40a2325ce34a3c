import { registerEnumType } from 'type-graphql';
import { defineStateMachine } from '../common/state-machine';

export enum OrderStatus {
  AWAITING_SPK = 'AWAITING_SPK',
  SPK_IN_PROGRESS = 'SPK_IN_PROGRESS',
  AWAITING_DOWN_PAYMENT = 'AWAITING_DOWN_PAYMENT',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(OrderStatus, { name: 'OrderStatus' });

export enum OrderAction {
  START_SPK = 'START_SPK',
  RESET_SPK = 'RESET_SPK',
  CONFIRM_SPK = 'CONFIRM_SPK',
  ACTIVATE = 'ACTIVATE',
  SUSPEND = 'SUSPEND',
  UNSUSPEND = 'UNSUSPEND',
  COMPLETE = 'COMPLETE',
  REOPEN = 'REOPEN',
  REVERT_DOWN_PAYMENT = 'REVERT_DOWN_PAYMENT',
  CANCEL = 'CANCEL',
}
registerEnumType(OrderAction, { name: 'OrderAction' });

const S = OrderStatus;

/** Orders that owe money now: the SPK is confirmed and the order is not closed. */
export const PAYABLE_STATUSES: readonly OrderStatus[] = [S.AWAITING_DOWN_PAYMENT, S.ACTIVE, S.SUSPENDED];

/**
 * AWAITING_SPK -> SPK_IN_PROGRESS -> AWAITING_DOWN_PAYMENT -> ACTIVE -> COMPLETED, with SUSPENDED
 * (and back) while active, and CANCELLED before the service starts.
 */
export const orderMachine = defineStateMachine<OrderStatus, OrderAction>('Order', { entity: { id: 'pesanan', en: 'order' } }, {
  [OrderAction.START_SPK]: { from: [S.AWAITING_SPK], to: S.SPK_IN_PROGRESS },
  [OrderAction.RESET_SPK]: { from: [S.SPK_IN_PROGRESS], to: S.AWAITING_SPK },
  [OrderAction.CONFIRM_SPK]: { from: [S.SPK_IN_PROGRESS], to: S.AWAITING_DOWN_PAYMENT },
  [OrderAction.ACTIVATE]: { from: [S.AWAITING_DOWN_PAYMENT], to: S.ACTIVE },
  [OrderAction.SUSPEND]: { from: [S.ACTIVE], to: S.SUSPENDED },
  [OrderAction.UNSUSPEND]: { from: [S.SUSPENDED], to: S.ACTIVE },
  [OrderAction.COMPLETE]: { from: [S.ACTIVE, S.SUSPENDED], to: S.COMPLETED },
  // A refund after the last installment reopens the order: money is owed again.
  [OrderAction.REOPEN]: { from: [S.COMPLETED], to: S.ACTIVE },
  // A refund of the down payment takes the order back to awaiting it: the money says it is not paid.
  [OrderAction.REVERT_DOWN_PAYMENT]: { from: [S.ACTIVE, S.SUSPENDED, S.COMPLETED], to: S.AWAITING_DOWN_PAYMENT },
  [OrderAction.CANCEL]: { from: [S.AWAITING_SPK, S.SPK_IN_PROGRESS, S.AWAITING_DOWN_PAYMENT], to: S.CANCELLED },
});

/** Whether the order owes money now (payments are accepted, installments can be late). */
export const isPayable = (status: OrderStatus) => PAYABLE_STATUSES.includes(status);
/** Whether the order may still be cancelled: the machine says, nothing else. */
export const isCancellable = (status: OrderStatus) => orderMachine.can(status, OrderAction.CANCEL);
