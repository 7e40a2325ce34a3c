import { gql } from '@apollo/client';
import { callApi } from '../dataProvider';
import type { RunBillingPassMutation } from '../gql/graphql';

/** What one billing pass did: the fields of the API's BillingPassSummary the documents below ask for. */
export type BillingPassSummary = RunBillingPassMutation['data'];

const RUN_BILLING_PASS = gql`
  mutation RunBillingPass {
    data: runBillingPass { date statusChanges feesChanged reminders staffNotices graceExpired suspendedOrders }
  }
`;

/** ADMIN: the daily billing pass for today (Asia/Jakarta), now. Idempotent. */
export const runBillingPass = () => callApi<BillingPassSummary>(RUN_BILLING_PASS);

const PREVIEW_BILLING_PASS = gql`
  query PreviewBillingPass {
    data: previewBillingPass { date statusChanges feesChanged reminders staffNotices graceExpired suspendedOrders }
  }
`;

/** ADMIN: what the billing pass for today would do; the server rolls it back and sends nothing. */
export const previewBillingPass = () => callApi<BillingPassSummary>(PREVIEW_BILLING_PASS);
