import { registerEnumType } from 'type-graphql';
import { defineStateMachine } from '../common/state-machine';

export enum SpkStatus {
  DRAFT = 'DRAFT',
  UNDER_REVIEW = 'UNDER_REVIEW',
  /** The customer approved the draft; staff stamp and sign it next. */
  APPROVED = 'APPROVED',
  REVISION_REQUESTED = 'REVISION_REQUESTED',
  ADMIN_SIGNED = 'ADMIN_SIGNED',
  CUSTOMER_SIGNED = 'CUSTOMER_SIGNED',
  SIGNATURE_REJECTED = 'SIGNATURE_REJECTED',
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SpkStatus, { name: 'SpkStatus' });

export enum SpkAction {
  SUBMIT_FOR_REVIEW = 'SUBMIT_FOR_REVIEW',
  APPROVE = 'APPROVE',
  REQUEST_REVISION = 'REQUEST_REVISION',
  REVISE = 'REVISE',
  SIGN = 'SIGN',
  UPLOAD_SIGNED = 'UPLOAD_SIGNED',
  REJECT_SIGNATURE = 'REJECT_SIGNATURE',
  CONFIRM = 'CONFIRM',
  CANCEL = 'CANCEL',
}
registerEnumType(SpkAction, { name: 'SpkAction' });

const S = SpkStatus;

/**
 * The SPK's life, from the seed's flow: the admin drafts it, the customer checks it (approves, or asks
 * for changes and the admin revises), the admin stamps the e-Meterai and signs, the customer signs and
 * uploads, the admin verifies the signature (rejects, and the customer uploads again) and confirms.
 * Every open state has exactly one party whose move it is (SPK_NEXT_PARTY); APPROVE hands the SPK
 * to staff (APPROVED), so the customer no longer sees approve/request-revision once they approved.
 */
export const spkMachine = defineStateMachine<SpkStatus, SpkAction>('Spk', { entity: { id: 'SPK', en: 'SPK' } }, {
  [SpkAction.SUBMIT_FOR_REVIEW]: { from: [S.DRAFT], to: S.UNDER_REVIEW },
  [SpkAction.APPROVE]: { from: [S.UNDER_REVIEW], to: S.APPROVED },
  [SpkAction.REQUEST_REVISION]: { from: [S.UNDER_REVIEW], to: S.REVISION_REQUESTED },
  // Staff may still change an approved draft; the new version needs a new approval.
  [SpkAction.REVISE]: { from: [S.REVISION_REQUESTED, S.DRAFT, S.APPROVED], to: S.DRAFT },
  [SpkAction.SIGN]: { from: [S.APPROVED], to: S.ADMIN_SIGNED },
  [SpkAction.UPLOAD_SIGNED]: { from: [S.ADMIN_SIGNED, S.SIGNATURE_REJECTED], to: S.CUSTOMER_SIGNED },
  [SpkAction.REJECT_SIGNATURE]: { from: [S.CUSTOMER_SIGNED], to: S.SIGNATURE_REJECTED },
  [SpkAction.CONFIRM]: { from: [S.CUSTOMER_SIGNED], to: S.CONFIRMED },
  [SpkAction.CANCEL]: { from: [S.DRAFT, S.UNDER_REVIEW, S.APPROVED, S.REVISION_REQUESTED, S.ADMIN_SIGNED, S.CUSTOMER_SIGNED, S.SIGNATURE_REJECTED], to: S.CANCELLED },
});

/** Who may take each action: the customer acts on review and signing, staff on the rest. */
export const CUSTOMER_ACTIONS = new Set([SpkAction.APPROVE, SpkAction.REQUEST_REVISION, SpkAction.UPLOAD_SIGNED]);

export enum SpkParty {
  STAFF = 'STAFF',
  CUSTOMER = 'CUSTOMER',
}
registerEnumType(SpkParty, { name: 'SpkParty', description: 'Whose move it is on an SPK' });

/**
 * Whose move it is in each state: the one place the API's allowedActions, the staff console's tabs,
 * the dashboard's queue and the customer's page agree on (null: nothing left to do).
 */
export const SPK_NEXT_PARTY: Record<SpkStatus, SpkParty | null> = {
  [S.DRAFT]: SpkParty.STAFF,
  [S.UNDER_REVIEW]: SpkParty.CUSTOMER,
  [S.APPROVED]: SpkParty.STAFF,
  [S.REVISION_REQUESTED]: SpkParty.STAFF,
  [S.ADMIN_SIGNED]: SpkParty.CUSTOMER,
  [S.CUSTOMER_SIGNED]: SpkParty.STAFF,
  [S.SIGNATURE_REJECTED]: SpkParty.CUSTOMER,
  [S.CONFIRMED]: null,
  [S.CANCELLED]: null,
};

export const spkStatusesWaitingFor = (party: SpkParty): SpkStatus[] => Object.values(SpkStatus).filter((s) => SPK_NEXT_PARTY[s] === party);
