import { gql } from '@apollo/client';
import { HttpError } from 'react-admin';
import { callApi, type ChangedRecord } from '../dataProvider';
import type { StaffSpkAction } from './choices';

/** Asks the certified signature provider (PSrE) now; the SPK's customer and staff both may. */
export const REFRESH_PROVIDER_SIGNING = gql`
  mutation RefreshProviderSigning($id: ID!) {
    data: refreshProviderSigning(spkId: $id) { id status }
  }
`;

/** The SPK's state transitions and its creation from an order (SUPPORT/ADMIN). */

const TRANSITIONS: Record<StaffSpkAction, ReturnType<typeof gql>> = {
  SUBMIT_FOR_REVIEW: gql`
    mutation SubmitSpk($id: ID!) {
      data: submitSpkForReview(id: $id) { id status }
    }
  `,
  REVISE: gql`
    mutation ReviseSpk($id: ID!, $input: SpkNoteInput) {
      data: reviseSpk(id: $id, input: $input) { id status }
    }
  `,
  SIGN: gql`
    mutation SignSpk($id: ID!) {
      data: signSpk(id: $id) { id status }
    }
  `,
  CONFIRM: gql`
    mutation ConfirmSpk($id: ID!) {
      data: confirmSpk(id: $id) { id status }
    }
  `,
  REJECT_SIGNATURE: gql`
    mutation RejectSpkSignature($id: ID!, $input: SpkReasonInput!) {
      data: rejectSpkSignature(id: $id, input: $input) { id status }
    }
  `,
  CANCEL: gql`
    mutation CancelSpk($id: ID!, $input: SpkReasonInput!) {
      data: cancelSpk(id: $id, input: $input) { id status }
    }
  `,
};

/** `text` is the note (REVISE) or the reason (REJECT_SIGNATURE, CANCEL); ignored by the others. */
export function runSpkAction(id: string, action: StaffSpkAction, text: string) {
  const input = action === 'REVISE' ? { note: text || null } : action === 'REJECT_SIGNATURE' || action === 'CANCEL' ? { reason: text } : undefined;
  return callApi<ChangedRecord>(TRANSITIONS[action], input ? { id, input } : { id });
}

const CREATE = gql`
  mutation CreateSpk($orderId: ID!) {
    data: createSpk(orderId: $orderId) { id status }
  }
`;

/**
 * Drafts the SPK of an order. A profile that misses data answers with the fields' API names
 * (nik, address); they are named in the UI language instead, through `fieldName`.
 */
export async function createSpk(orderId: string, fieldName: (field: string) => string, incomplete: (fields: string) => string) {
  try {
    return await callApi<ChangedRecord>(CREATE, { orderId });
  } catch (error) {
    const body = (error as HttpError).body as { code?: string; details?: { missing?: string[] } } | undefined;
    if (body?.code === 'PROFILE_INCOMPLETE' && body.details?.missing?.length) {
      throw new HttpError(incomplete(body.details.missing.map(fieldName).join(', ')), 409, body);
    }
    throw error;
  }
}
