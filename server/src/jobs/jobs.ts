import { runBillingPass } from '../billing/billing-pass';
import type { AppServices } from '../app/services';
import { deliverDue } from '../notifications/notifications.service';
import { ProvisioningState, Service } from '../hosting/service.entity';
import { runClaimedAction } from '../hosting/hosting.service';
import { pollProviderSignings } from '../spk/provider-signing';
import { invoiceDueInstallments } from '../installments/invoicing';
import { provisionVirtualAccounts } from '../payments/virtual-accounts';
import { renderDueReceipts } from '../receipts/receipts';
import { compactDashboardBook } from '../reports/dashboard-book';
import { InProcessRunner, PgBossRunner, type JobDefinition, type JobRunner } from './scheduler';

/**
 * Services whose driver action is pending or failed and due for a retry. Picking is only a hint:
 * each one is claimed (SKIP LOCKED plus a lease) before its driver runs, so two processes never both
 * call the driver; returns how many this run actually synced.
 */
export async function retryPendingServices(app: Pick<AppServices, 'orm' | 'clock' | 'hosting'>): Promise<number> {
  const em = app.orm.em.fork();
  const now = app.clock.now();
  const due = await em.find(
    Service,
    {
      pendingAction: { $ne: null },
      $or: [
        { provisioning: ProvisioningState.PENDING, $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }] },
        { provisioning: ProvisioningState.FAILED, nextAttemptAt: { $lte: now } },
      ],
    },
    { limit: 50, orderBy: { updatedAt: 'asc' } },
  );
  let synced = 0;
  for (const s of due) if ((await runClaimedAction(app.orm.em.fork(), app.hosting, s.id)).ran) synced++;
  return synced;
}

export function jobDefinitions(app: AppServices): JobDefinition[] {
  return [
    { name: 'notification-outbox', everyMs: 5_000, run: (signal) => deliverDue(app.orm.em.fork(), app.notifications, { signal }) },
    { name: 'virtual-accounts', everyMs: 15_000, run: () => provisionVirtualAccounts(app.orm.em.fork(), { clock: app.clock, gateway: app.gateway, logger: app.logger }) },
    // Kwitansi numbered at settlement: rendered (and above the threshold stamped) here, off the payment's transaction.
    { name: 'receipts', everyMs: 10_000, run: () => renderDueReceipts(app.orm.em.fork(), { clock: app.clock, config: app.config, events: app.events, stampDuty: app.spk.stampDuty, signingIdentity: app.spk.signingIdentity }) },
    // The dashboard's book is kept by insert-only deltas (so writers never wait on a shared row); folding them keeps a page load's read small.
    { name: 'dashboard-book', everyMs: 60_000, run: () => compactDashboardBook(app.orm.em.fork()) },
    { name: 'service-driver-retries', everyMs: 60_000, run: () => retryPendingServices(app) },
    // Signatures at the PSrE whose callback did not arrive (lost, or the provider sends none).
    { name: 'psre-signing-poll', everyMs: 60_000, run: () => pollProviderSignings(app) },
    // The invoicing moment (and, under TAX_POINT=INVOICED, the tax point): claims are exactly-once, so every process may run it.
    {
      name: 'installment-invoicing',
      everyMs: 10 * 60_000,
      run: (signal) => invoiceDueInstallments(app.orm.em.fork(), { clock: app.clock, events: app.events, leadDays: app.config.INVOICE_LEAD_DAYS }, signal),
    },
    {
      name: 'billing-pass',
      dailyAt: app.config.BILLING_PASS_TIME,
      run: () => runBillingPass(app.orm.em.fork(), { clock: app.clock, bus: app.notifications.bus, billing: app.billing, events: app.events }),
    },
  ];
}

export function createJobRunner(app: AppServices, databaseUrl: string | null): JobRunner {
  const jobs = jobDefinitions(app);
  return databaseUrl ? new PgBossRunner(databaseUrl, jobs, app.clock, app.logger) : new InProcessRunner(jobs, app.clock, app.logger);
}
