import type { TestApp, TestUser } from './app';
import { completeCustomer } from './console-steps';
import { checkoutOrder } from './orders';

/** The NIK completeCustomer gives every test customer. */
export const TEST_NIK = '3171014501900001';

/**
 * An SPK the admin has stamped and signed (ADMIN_SIGNED), waiting for the customer's signature:
 * drafted, reviewed and approved along the way. `fields` selects what signSpk returns.
 */
export async function adminSignedSpk(t: TestApp, staff: TestUser, fields: string) {
  const c = await completeCustomer(t);
  const order = await checkoutOrder(t, c, 'vps-nvme-4', 12);
  const id = (await t.ok(`mutation($o: ID!) { createSpk(orderId: $o) { id } }`, { o: order.id }, staff.token)).createSpk.id as string;
  await t.ok(`mutation($id: ID!) { submitSpkForReview(id: $id) { id } }`, { id }, staff.token);
  await t.ok(`mutation($id: ID!) { approveSpk(id: $id) { id } }`, { id }, c.token);
  const spk = (await t.ok(`mutation($id: ID!) { signSpk(id: $id) { ${fields} } }`, { id }, staff.token)).signSpk;
  return { c, spk, order };
}
