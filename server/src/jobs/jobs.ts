import { LockMode } from '@mikro-orm/core';
import { runBillingPass } from '../billing/billing-pass';
import type { AppServices } from '../graphql/context';
import { deliverDue } from '../notifications/notifications.service';
import { ProvisioningState, Service } from '../services/service.entity';
import { syncService } from '../services/services.service';
import { InProcessRunner, PgBossRunner, type JobDefinition, type JobRunner } from './scheduler';

/** Services whose driver action is pending or failed and due for a retry. */
export async function retryPendingServices(app: AppServices): Promise<number> {
  const em = app.orm.em.fork();
  const due = await em.find(
    Service,
    {
      pendingAction: { $ne: null },
      $or: [{ provisioning: ProvisioningState.PENDING }, { provisioning: ProvisioningState.FAILED, nextAttemptAt: { $lte: app.clock.now() } }],
    },
    { limit: 50, orderBy: { updatedAt: 'asc' }, lockMode: LockMode.NONE },
  );
  for (const s of due) await syncService(app.orm.em.fork(), app.services, s.id);
  return due.length;
}

export function jobDefinitions(app: AppServices): JobDefinition[] {
  return [
    { name: 'notification-outbox', everyMs: 5_000, run: (signal) => deliverDue(app.orm.em.fork(), app.notifications, { signal }) },
    { name: 'service-driver-retries', everyMs: 60_000, run: () => retryPendingServices(app) },
    {
      name: 'billing-pass',
      dailyAt: app.config.BILLING_PASS_TIME,
      run: () => runBillingPass(app.orm.em.fork(), { clock: app.clock, bus: app.notifications.bus, billing: app.billing }),
    },
  ];
}

export function createJobRunner(app: AppServices, databaseUrl: string | null): JobRunner {
  const jobs = jobDefinitions(app);
  return databaseUrl ? new PgBossRunner(databaseUrl, jobs, app.clock, app.logger) : new InProcessRunner(jobs, app.clock, app.logger);
}
