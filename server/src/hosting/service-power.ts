import type { EntityManager } from '@mikro-orm/postgresql';
import { requirePermission, accessRecord } from '../accounts/access';
import type { AuthUser } from '../accounts/auth-user';
import { audit } from '../audit/audit';
import { AppError, conflict } from '../common/errors';
import { t } from '../common/messages';
import { DriverError, type PowerAction, type ServiceDetails } from './drivers/driver';
import type { HostingDeps } from './hosting.service';
import { Service } from './service.entity';
import { ServiceStatus } from './service-status';
import { specOf } from './hosting.service';
import type { Readable } from '../db/plain-rows';

/**
 * What the customer sees of and does to the running server behind a service, through its driver:
 * details (power, addresses, access, console) and power actions. The service's own state (ACTIVE,
 * SUSPENDED for arrears) governs: a suspended server is not powered on by its customer.
 */

/** The actions the service's driver offers now: none unless the service is active and made. */
export function powerActionsOf(deps: HostingDeps, service: Pick<Readable<Service>, 'status' | 'externalRef' | 'driver'>): readonly PowerAction[] {
  if (service.status !== ServiceStatus.ACTIVE || !service.externalRef) return [];
  return deps.driverByName(service.driver).powerActions ?? [];
}

/**
 * The driver's report, or null when it has none (manual driver, not made yet, terminated). A driver
 * that cannot answer right now gives `unavailable` instead of failing the whole page.
 */
export async function detailsOf(em: EntityManager, deps: HostingDeps, service: Service): Promise<(ServiceDetails & { unavailable: string | null }) | null> {
  const driver = deps.driverByName(service.driver);
  if (!driver.details || !service.externalRef || service.status === ServiceStatus.TERMINATED || service.status === ServiceStatus.PENDING_SETUP) return null;
  const item = await service.orderItem.loadOrFail({ dataloader: true });
  try {
    return { ...(await driver.details(service.externalRef, specOf(service, item))), unavailable: null };
  } catch (err) {
    return { power: 'unknown', ipAddresses: [], access: [], consoleUrl: null, unavailable: err instanceof Error ? err.message.slice(0, 300) : String(err) };
  }
}

/**
 * Starts, stops or reboots the server. The customer's own service only (another's is NOT_FOUND), only
 * while ACTIVE, only what the driver supports; the driver runs outside any transaction (it talks to
 * the network), then the audit log records who did what and how it ended.
 */
export async function powerService(em: EntityManager, deps: HostingDeps, user: AuthUser | null, id: string, action: PowerAction) {
  const actor = requirePermission(user, 'hosting.power');
  const service = accessRecord(actor, await em.findOne(Service, id, { populate: ['orderItem'] }), { owner: (s) => s.customer.id, notFound: 'service.notFound' });
  if (service.status !== ServiceStatus.ACTIVE || !service.externalRef) {
    throw conflict('service.powerNotActive', { status: service.status }, { currentState: service.status, reason: 'SERVICE_NOT_ACTIVE' });
  }
  const driver = deps.driverByName(service.driver);
  if (!driver.power || !(driver.powerActions ?? []).includes(action)) {
    throw conflict('service.powerNotSupported', { action }, { reason: 'POWER_NOT_SUPPORTED' });
  }
  let failure: string | null = null;
  try {
    await driver.power(service.externalRef, action, specOf(service, service.orderItem.$));
  } catch (err) {
    if (!(err instanceof DriverError)) throw err;
    failure = err.message.slice(0, 500);
  }
  await em.transactional(async (tx) => {
    audit(tx, actor, 'service.power', { entityType: 'Service', entityId: service.id }, { action, label: service.label, ok: !failure, ...(failure ? { error: failure } : {}) });
  });
  if (failure) throw new AppError('CONFLICT', t('service.powerFailed', { action, reason: failure }), { reason: 'POWER_FAILED' });
  return service;
}
