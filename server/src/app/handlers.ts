import type { AppServices } from '../graphql/context';
import { registerBillingHandlers } from '../billing/handlers';
import { registerHostingHandlers } from '../hosting/handlers';
import { registerInstallmentHandlers } from '../installments/handlers';
import { registerOrderHandlers } from '../orders/order-money';

/**
 * Every domain's reactions to the others' moves, registered once per app. The order is the order in
 * which handlers of one event run: the order follows a payment's money before anything else reacts.
 */
export function registerDomainHandlers(services: AppServices) {
  const { events, clock, notifications, config } = services;
  registerOrderHandlers(events);
  registerInstallmentHandlers(events, { clock });
  registerHostingHandlers(events, services.hosting);
  registerBillingHandlers(events, { clock, bus: notifications.bus, config });
}
