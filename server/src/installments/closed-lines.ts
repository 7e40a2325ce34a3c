/**
 * Lines that are history and never owe anything again: cancelled with the order, or replaced by a
 * restructuring. The one home of that rule for the server (re-exported by rules.ts, with its SQL) and
 * the console, which bundles this file: so it imports nothing.
 */
export const CLOSED_LINE_STATUSES = ['CANCELLED', 'RESTRUCTURED'] as const;
export const isClosedLine = (status: string) => (CLOSED_LINE_STATUSES as readonly string[]).includes(status);
