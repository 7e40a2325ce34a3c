/**
 * Addresses of pages in the web app (admin/, served at /admin), for notifications, emails, WhatsApp
 * messages, the hosting page and the payment gateway's return address. One place, so a route the app
 * renames is renamed here once. They are paths the app routes directly; the app still understands the
 * older `/admin/#/...` form for links sent before.
 */
export const appLinks = {
  /** The customer's own order page (schedule, arrears, pay or suspend, the SPK). */
  customerOrder: (orderId: string) => `/admin/my-orders/${orderId}/show`,
  /** The customer's SPK (opens the order page at its SPK section). */
  customerSpk: (spkId: string) => `/admin/my-spk/${spkId}/show`,
  /** The staff order page. */
  staffOrder: (orderId: string) => `/admin/orders/${orderId}/show`,
};

