import { PAYABLE_STATUSES } from '../orders/order-status';

/**
 * SQL fragments for what is still owed, for the dashboard and the installments list. The rules
 * themselves live in installments/rules.ts (TypeScript and SQL side by side, proven to agree); this
 * module only adds the payable order states from the order state machine.
 */
export { OPEN_SQL, OWED_SQL } from './rules';

/** Orders that owe money now (the SPK is confirmed and the order is not closed). */
export const PAYABLE_SQL = `(${PAYABLE_STATUSES.map((s) => `'${s}'`).join(', ')})`;
