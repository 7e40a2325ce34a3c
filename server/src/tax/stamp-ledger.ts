import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import { nextCounterValue } from '../db/counter.entity';
import type { DomainEvents } from '../events/domain-events';
import type { NotificationBus } from '../notifications/bus';
import { notify } from '../notifications/notifications.service';
import { quotaWarning } from './stamp-quota';
import { StampDocumentKind, StampDutyBearer, StampDutyUse } from './stamp-ledger.entity';

export interface StampLedgerDeps {
  bus: NotificationBus;
  config: { STAMP_DUTY_BORNE_BY: 'COMPANY' | 'CUSTOMER'; STAMP_QUOTA: number; STAMP_QUOTA_LOW: number; publicUrl: string };
}

/** The counter whose value is how many e-Meterai the installation has used: taken under its row lock. */
const USED_COUNTER = 'stamp-duty-used';

/** Records one e-Meterai in the ledger (idempotent per document and serial) and warns ADMIN when the quota runs low. */
export async function recordStampUse(em: EntityManager, deps: StampLedgerDeps, use: Omit<StampDutyUse, 'id' | 'createdAt' | 'updatedAt' | 'ordinal' | 'borneBy'>) {
  const seen = await em.findOne(StampDutyUse, { documentKind: use.documentKind, documentId: use.documentId, serial: use.serial });
  if (seen) return seen;
  const ordinal = await nextCounterValue(em, USED_COUNTER);
  const row = em.create(StampDutyUse, { ...use, ordinal, borneBy: deps.config.STAMP_DUTY_BORNE_BY as StampDutyBearer });
  em.persist(row);
  const remaining = quotaWarning(deps.config.STAMP_QUOTA, deps.config.STAMP_QUOTA_LOW, ordinal);
  if (remaining !== null) {
    const admins = await em.find(User, { role: Role.ADMIN, active: true });
    for (const admin of admins) {
      await notify(em, deps, admin, 'STAMP_QUOTA_LOW', {
        staffName: admin.fullName ?? admin.username,
        remaining,
        quota: deps.config.STAMP_QUOTA,
        url: `${deps.config.publicUrl}/admin/payments`,
      });
    }
  }
  return row;
}

export function registerStampLedgerHandlers(events: DomainEvents, deps: StampLedgerDeps) {
  events.on('stampDuty.used', 'tax: stamp-duty ledger', (tx, p, meta) =>
    recordStampUse(tx, deps, {
      serial: p.serial,
      provider: p.provider,
      documentKind: p.documentKind as StampDocumentKind,
      documentId: p.documentId,
      documentNumber: p.documentNumber,
      customerId: p.customerId,
      usedAt: meta.at,
      amount: p.amount,
    }).then(() => undefined),
  );
}
