import { gql } from '@apollo/client';
import { callApi } from '../dataProvider';

/** What one billing pass did (the API's BillingPassSummary). */
export interface BillingPassSummary {
  /** The day it billed for (Asia/Jakarta). */
  date: string;
  /** Installments whose status moved (not yet due -> due -> overdue). */
  statusChanges: number;
  /** Installments whose late fee changed (grew, or was cut back to what today justifies). */
  feesChanged: number;
  /** Reminders to customers (before and after the due date). */
  reminders: number;
  /** Notices to staff about newly overdue installments. */
  staffNotices: number;
  /** Orders whose second chance (pay-until date) ran out. */
  graceExpired: number;
  /** Orders suspended automatically (plans with auto-suspend). */
  suspendedOrders: string[];
}

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
