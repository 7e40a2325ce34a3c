import type { DomainEvents } from '../events/domain-events';
import type { AppServices } from '../app/services';
import type { SettleDeps } from './payments.service';
import { requestVirtualAccount } from './virtual-accounts';

/** What settling a payment needs, from the app's services (one place, for resolvers, routes and jobs). */
export function paymentSettleDeps(app: Pick<AppServices, 'clock' | 'notifications' | 'config' | 'events'>): SettleDeps {
  return { clock: app.clock, bus: app.notifications.bus, events: app.events, uniqueCode: app.config.TRANSFER_UNIQUE_CODE };
}

/**
 * The payments domain's reactions to other domains' moves. The gateway is read when the event fires:
 * the app replaces it once it knows the port it listens on.
 */
export function registerPaymentHandlers(events: DomainEvents, app: Pick<AppServices, 'gateway' | 'config'>) {
  events.on('spk.confirmed', 'payments: open the order\'s virtual account', (em, { orderId }) =>
    requestVirtualAccount(em, { gateway: () => app.gateway, bankCode: app.config.VIRTUAL_ACCOUNT_BANK }, orderId),
  );
}
