import { registerEnumType } from 'type-graphql';
import { defineStateMachine } from '../common/state-machine';

export enum SpkStatus {
  DRAFT = 'DRAFT',
  UNDER_REVIEW = 'UNDER_REVIEW',
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
 * APPROVE keeps the SPK UNDER_REVIEW and records the approval, which SIGN requires.
 */
export const spkMachine = defineStateMachine<SpkStatus, SpkAction>('Spk', { entity: { id: 'SPK', en: 'SPK' } }, {
  [SpkAction.SUBMIT_FOR_REVIEW]: { from: [S.DRAFT], to: S.UNDER_REVIEW },
  [SpkAction.APPROVE]: { from: [S.UNDER_REVIEW], to: S.UNDER_REVIEW },
  [SpkAction.REQUEST_REVISION]: { from: [S.UNDER_REVIEW], to: S.REVISION_REQUESTED },
  [SpkAction.REVISE]: { from: [S.REVISION_REQUESTED, S.DRAFT], to: S.DRAFT },
  [SpkAction.SIGN]: { from: [S.UNDER_REVIEW], to: S.ADMIN_SIGNED },
  [SpkAction.UPLOAD_SIGNED]: { from: [S.ADMIN_SIGNED, S.SIGNATURE_REJECTED], to: S.CUSTOMER_SIGNED },
  [SpkAction.REJECT_SIGNATURE]: { from: [S.CUSTOMER_SIGNED], to: S.SIGNATURE_REJECTED },
  [SpkAction.CONFIRM]: { from: [S.CUSTOMER_SIGNED], to: S.CONFIRMED },
  [SpkAction.CANCEL]: { from: [S.DRAFT, S.UNDER_REVIEW, S.REVISION_REQUESTED, S.ADMIN_SIGNED, S.CUSTOMER_SIGNED, S.SIGNATURE_REJECTED], to: S.CANCELLED },
});

/** Who may take each action: the customer acts on review and signing, staff on the rest. */
export const CUSTOMER_ACTIONS = new Set([SpkAction.APPROVE, SpkAction.REQUEST_REVISION, SpkAction.UPLOAD_SIGNED]);
