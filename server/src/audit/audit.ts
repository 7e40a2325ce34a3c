import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';
import { currentScope } from '../common/request-context';
import { AuditLog } from './audit-log.entity';
import type { AuditAction } from './sentences';

/** JSON cannot hold bigint: money is written as a string of digits, like the API does. */
function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  return value;
}

/**
 * Queues an audit row on the same entity manager as the change, so both are flushed in one
 * transaction: there is never a change without its "who did what", nor the other way round. The action
 * must have its sentence in sentences.ts (the type says so), so every entry reads as a sentence.
 */
export function audit(
  em: EntityManager,
  actor: AuthUser | null,
  action: AuditAction,
  entity: { entityType: string; entityId: string },
  data?: Record<string, unknown>,
): AuditLog {
  const row = em.create(AuditLog, {
    actorId: actor?.id ?? null,
    actorRole: actor?.role ?? null,
    action,
    entityType: entity.entityType,
    entityId: entity.entityId,
    data: data ? (jsonSafe(data) as Record<string, unknown>) : null,
    requestId: currentScope()?.requestId ?? null,
  });
  return row;
}
