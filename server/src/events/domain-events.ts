import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';

/**
 * What one domain tells the others happened. A domain that must react to another's move registers a
 * handler here instead of importing the other's service, so the arrow points from the reacting domain to
 * this map, never sideways.
 *
 * Add an event here before emitting it; the payload carries ids (handlers load what they need in the same
 * transaction) and the few facts every handler would otherwise re-derive.
 */
export interface DomainEventMap {
  'contract.requestMade': { requestId: string; orderId: string; customerId: string; kind: 'RENEWAL' | 'UPGRADE' | 'CANCELLATION'; note: string | null };
  'contract.requestHandled': { requestId: string; orderId: string; note: string | null };
  'order.placed': { orderId: string; customerId: string };
  /** The down payment is paid: the order starts (AWAITING_DOWN_PAYMENT → ACTIVE). */
  'order.activated': { orderId: string; customerId: string };
  /** A refund took the down payment back: the order awaits it again. */
  'order.downPaymentReverted': { orderId: string; customerId: string };
  /** A payment or refund moved the order's money and its installments follow; the order may still complete after. */
  'order.balanceChanged': { orderId: string; customerId: string; paymentId: string | null; refund: boolean; restructuringRound: number | null };
  'order.suspended': { orderId: string; customerId: string; cause: string; reason: string | null };
  'order.unsuspended': { orderId: string; customerId: string; payUntil: string | null };
  'order.completed': { orderId: string; customerId: string };
  'order.cancelled': { orderId: string; customerId: string; reason: string | null };
  'spk.created': { spkId: string; orderId: string; customerId: string };
  'spk.approved': { spkId: string; orderId: string; customerId: string };
  'spk.revisionRequested': { spkId: string; orderId: string; customerId: string; note: string | null };
  'spk.customerSigned': { spkId: string; orderId: string; customerId: string; via: 'UPLOAD' | 'PROVIDER' };
  'spk.confirmed': { spkId: string; orderId: string; customerId: string };
  /** An SPK was refused because the customer is in arrears on other orders (committed on its own: the refusal rolls back). */
  'spk.blockedByArrears': { orderId: string; customerId: string; overdueOrderNumbers: string[] };
  'payment.proofUploaded': { paymentId: string; orderId: string; customerId: string };
  'payment.settled': { paymentId: string; orderId: string; customerId: string; amount: bigint; method: string };
  /** An e-Meterai was put on one of our documents (the SPK when signed, a receipt above the threshold). */
  'stampDuty.used': { documentKind: 'SPK' | 'RECEIPT'; documentId: string; documentNumber: string; serial: string | null; provider: string; amount: bigint; orderId: string; customerId: string };
  'payment.refunded': { paymentId: string; orderId: string; customerId: string; amount: bigint };
  'installment.invoiced': { installmentId: string; orderId: string; customerId: string };
  /** The billing pass found the order overdue past its plan's automatic-suspension limit. */
  'installment.autoSuspendDue': { orderId: string; customerId: string; afterDays: number };
  'service.activated': { serviceId: string; orderId: string; customerId: string };
  /** One failed driver call; `retrying` says whether a retry is scheduled (false: staff must act). */
  'service.failed': { serviceId: string; orderId: string; customerId: string; error: string; action: string; retrying: boolean };
}

export type DomainEventType = keyof DomainEventMap;

/** What a service that makes a move needs to tell the others: part of every domain's deps object. */
export interface EventDeps {
  events: DomainEvents;
}

/** Who caused the event (null for the system: billing pass, gateway webhook, job) and when. */
export interface EventMeta {
  actorId: string | null;
  /** The actor with their role, when the emitter has it (a reaction may act in their name). */
  actor: AuthUser | null;
  at: Date;
}

/** Runs inside the emitter's transaction: a handler that throws rolls the whole move back. */
export type EventHandler<K extends DomainEventType> = (
  em: EntityManager,
  payload: DomainEventMap[K],
  meta: EventMeta,
) => Promise<void> | void;

interface Registered {
  /** Who listens, for logs, errors and the architecture test ("hosting: resume services"). */
  name: string;
  handle: EventHandler<DomainEventType>;
}

/**
 * Typed, in-transaction domain events. One instance per app (tests start several apps in one process,
 * so this is not a module singleton). Handlers run in registration order on the emitter's entity
 * manager; whatever must leave the process (email, WhatsApp, live sockets) goes through the outbox and
 * the notification bus, which publish only after commit.
 */
export class DomainEvents {
  private readonly handlers = new Map<DomainEventType, Registered[]>();

  on<K extends DomainEventType>(type: K, name: string, handle: EventHandler<K>): () => void {
    const entry: Registered = { name, handle: handle as EventHandler<DomainEventType> };
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), entry]);
    return () => this.handlers.set(type, (this.handlers.get(type) ?? []).filter((h) => h !== entry));
  }

  async emit<K extends DomainEventType>(em: EntityManager, type: K, payload: DomainEventMap[K], meta: Partial<EventMeta> = {}): Promise<void> {
    const full: EventMeta = { actorId: meta.actorId ?? meta.actor?.id ?? null, actor: meta.actor ?? null, at: meta.at ?? new Date() };
    for (const h of this.handlers.get(type) ?? []) {
      try {
        await h.handle(em, payload, full);
      } catch (err) {
        if (err instanceof Error) err.message = `${type} → ${h.name}: ${err.message}`;
        throw err;
      }
    }
  }

  /** Names of the handlers of an event, in the order they run. */
  listeners(type: DomainEventType): string[] {
    return (this.handlers.get(type) ?? []).map((h) => h.name);
  }
}
