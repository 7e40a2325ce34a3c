/**
 * Whose move it is, by SPK status: the console's tabs "Menunggu staf" / "Menunggu pelanggan". Mirrors
 * SPK_NEXT_PARTY in server/src/spk/spk-status.ts; test/spk/spk-queue.test.ts keeps the two equal.
 * No imports, so that test can read it outside the browser build.
 */

/** Waiting for staff: a draft to send, an approved draft to sign, changes to make, a signed copy to check. */
export const STAFF_WAITING_STATUSES = ['DRAFT', 'APPROVED', 'REVISION_REQUESTED', 'CUSTOMER_SIGNED'] as const;
/** Waiting for the customer: to review, or to sign and upload. */
export const CUSTOMER_WAITING_STATUSES = ['UNDER_REVIEW', 'ADMIN_SIGNED', 'SIGNATURE_REJECTED'] as const;
