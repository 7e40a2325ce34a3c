import { gql } from '@apollo/client';

const REQUEST_FIELDS = gql`
  fragment PrivacyRequestFields on PrivacyRequest { id kind status details createdAt dueAt handledAt resolution overdue kept { what why } }
`;

export interface PrivacyRequestRow {
  id: string;
  kind: 'CORRECTION' | 'ERASURE';
  status: 'OPEN' | 'COMPLETED' | 'REJECTED';
  details: string | null;
  createdAt: string;
  dueAt: string;
  handledAt: string | null;
  resolution: string | null;
  overdue: boolean;
  kept: { what: string; why: string }[] | null;
  customer?: { id: string; username: string; fullName: string; email: string };
}

export const MY_REQUESTS = gql`query MyPrivacyRequests { data: myPrivacyRequests { ...PrivacyRequestFields } } ${REQUEST_FIELDS}`;
export const REQUEST = gql`mutation RequestPersonalData($input: PrivacyRequestInput!) { data: requestPersonalData(input: $input) { ...PrivacyRequestFields } } ${REQUEST_FIELDS}`;
export const QUEUE = gql`query PrivacyRequests($filter: PrivacyRequestFilter, $page: Int, $perPage: Int) {
  data: privacyRequests(filter: $filter, page: $page, perPage: $perPage) { total items { ...PrivacyRequestFields customer { id username fullName email } } }
} ${REQUEST_FIELDS}`;
export const COMPLETE = gql`mutation CompletePrivacyCorrection($id: ID!, $input: PrivacyAnswerInput!) { data: completePrivacyCorrection(id: $id, input: $input) { id } }`;
export const REJECT = gql`mutation RejectPrivacyRequest($id: ID!, $input: PrivacyAnswerInput!) { data: rejectPrivacyRequest(id: $id, input: $input) { id } }`;
export const ERASE = gql`mutation CarryOutErasure($id: ID!) { data: carryOutErasure(id: $id) { id } }`;
