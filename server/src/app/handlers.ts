import type { AppServices } from './services';
import { registerBillingHandlers } from '../billing/handlers';
import { registerContractTaskHandlers } from '../hosting/contract-tasks';
import { registerHostingHandlers } from '../hosting/handlers';
import { registerInstallmentHandlers } from '../installments/handlers';
import { registerStaffAlertHandlers } from '../notifications/staff-alerts';
import { registerContractHandlers } from '../orders/contract-handlers';
import { registerOrderHandlers } from '../orders/order-money';
import { registerPaymentHandlers } from '../payments/channels';
import { registerReceiptHandlers } from '../receipts/receipts';
import { registerStampLedgerHandlers } from '../tax/stamp-ledger';
import { createTaxDeps, registerTaxHandlers } from '../tax/tax-invoices';

/**
 * Every domain's reactions to the others' moves, registered once per app. The order is the order in
 * which handlers of one event run: the core reactions first, following a payment's money, then those
 * that read the result (tax, staff alerts, payment channels, contract tasks).
 */
export function registerDomainHandlers(services: AppServices) {
  const { events, clock, notifications, config } = services;
  registerOrderHandlers(events);
  registerInstallmentHandlers(events, { clock });
  registerHostingHandlers(events, services.hosting);
  registerBillingHandlers(events, { clock, bus: notifications.bus, config });
  registerTaxHandlers(events, createTaxDeps(config));
  registerReceiptHandlers(events, { config });
  registerStampLedgerHandlers(events, { bus: notifications.bus, config });
  registerStaffAlertHandlers(events, { bus: notifications.bus, publicUrl: () => config.publicUrl });
  // Reads `services.gateway` when an event arrives: createApp re-points the gateway once it listens.
  registerPaymentHandlers(events, services);
  registerContractTaskHandlers(events);
  registerContractHandlers(events);
}
