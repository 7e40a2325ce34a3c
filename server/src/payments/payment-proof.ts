import { createHash } from 'node:crypto';
import { LockMode, type Loaded } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { accessRecord } from '../accounts/access';
import type { AuthUser } from '../accounts/auth-user';
import { audit } from '../audit/audit';
import { AppError, notFound } from '../common/errors';
import { t } from '../common/messages';
import type { Clock } from '../common/time';
import { checkPdf, checkUpload } from '../common/uploads';
import type { EventDeps } from '../events/domain-events';
import { StoredFile } from '../files/stored-file.entity';
import { PaymentMethod, PaymentStatus } from './enums';
import { Payment } from './payment.entity';

export const PROOF_MAX_BYTES = 5 * 1024 * 1024;
const PROOF_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;

export interface ProofDeps extends EventDeps {
  clock: Clock;
}

const customerOf = (p: Loaded<Payment, 'order'>) => p.order.$.customer.id;

/** The payment, if the caller may see it (its order's customer or staff); anyone else gets NOT_FOUND. */
async function visiblePayment(em: EntityManager, user: AuthUser | null, id: string, lock = false) {
  const payment = await em.findOne(Payment, id, { populate: ['order'], ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) });
  return accessRecord(user, payment, { owner: customerOf, notFound: 'payment.notFound' });
}

function assertAwaitingProof(payment: Payment) {
  if (payment.method !== PaymentMethod.BANK_TRANSFER) throw new AppError('BAD_USER_INPUT', t('payment.notTransfer'), { field: 'proof' });
  if (payment.status !== PaymentStatus.PENDING) {
    throw new AppError('CONFLICT', t('payment.orderClosed', { status: payment.status }), { currentState: payment.status });
  }
}

/**
 * The customer (or staff for them) attaches the transfer proof FINANCE checks against the bank
 * statement. The bytes are checked first with no transaction open (a PDF is opened in the worker
 * pool, which may take a while); the transaction that stores them re-checks the payment under its lock.
 */
export async function uploadTransferProof(em: EntityManager, deps: ProofDeps, user: AuthUser | null, id: string, bytes: Buffer) {
  assertAwaitingProof(await visiblePayment(em.fork(), user, id));
  const contentType = checkUpload(bytes, { field: 'proof', maxBytes: PROOF_MAX_BYTES, allowed: [...PROOF_TYPES] });
  if (contentType === 'application/pdf') await checkPdf(bytes, { field: 'proof', maxBytes: PROOF_MAX_BYTES });
  return em.transactional(async (tx) => {
    const payment = await visiblePayment(tx, user, id, true);
    assertAwaitingProof(payment);
    const file = tx.create(StoredFile, {
      owner: customerOf(payment),
      purpose: 'payment-proof',
      contentType,
      fileName: `bukti-${payment.reference}.${contentType === 'application/pdf' ? 'pdf' : contentType === 'image/png' ? 'png' : 'jpg'}`,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      data: bytes,
    });
    payment.proof = file as never;
    audit(tx, user, 'payment.upload_proof', { entityType: 'Payment', entityId: payment.id }, { size: bytes.length, contentType, sha256: file.sha256 });
    await deps.events.emit(tx, 'payment.proofUploaded', { paymentId: payment.id, orderId: payment.order.id, customerId: customerOf(payment) }, { actor: user, at: deps.clock.now() });
    return { paymentId: payment.id, contentType, size: bytes.length, sha256: file.sha256 };
  });
}

/** The stored proof, for its customer and staff only: anyone else learns nothing, not even that the payment exists. */
export async function transferProof(em: EntityManager, user: AuthUser | null, id: string): Promise<StoredFile> {
  const payment = await visiblePayment(em, user, id);
  if (!payment.proof) throw notFound('payment.notFound');
  return em.findOneOrFail(StoredFile, payment.proof.id, { populate: ['data'] });
}
