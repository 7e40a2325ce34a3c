/**
 * Addresses of pages in the web app (admin/, served at /admin), for notifications, emails, WhatsApp
 * messages, the hosting page and the payment gateway's return address. One place, so a route the app
 * renames is renamed here once. They are paths the app routes directly.
 */
export const appLinks = {
  /** The customer's own order page (schedule, arrears, pay or suspend, the SPK). */
  customerOrder: (orderId: string) => `/admin/my-orders/${orderId}/show`,
  /** The staff order page. */
  staffOrder: (orderId: string) => `/admin/orders/${orderId}/show`,
  /** The staff SPK page (versions, verification, actions). */
  staffSpk: (spkId: string) => `/admin/spks/${spkId}/show`,
  /** The staff payment page (proof viewer, verify or reject). */
  staffPayment: (paymentId: string) => `/admin/payments/${paymentId}/show`,
};

