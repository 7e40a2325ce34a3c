import { gql } from '@apollo/client';
import { useQuery } from '@tanstack/react-query';
import { usePermissions } from 'react-admin';
import { canAccess } from '../auth/permissions';
import type { Role } from '../auth/session';
import { callApi } from '../dataProvider';

/** The dashboard's figures, all as of the server's today (Asia/Jakarta). */

export type { AgingBucket } from '../gql/schema';
import type { AgingBucket } from '../gql/schema';

export interface AgingLine {
  bucket: AgingBucket;
  amount: string;
  installments: number;
}

export interface Collections {
  month: string;
  settled: string;
  settledCount: number;
  refunded: string;
  refundedCount: number;
  net: string;
}

export interface UpcomingInstallment {
  installmentId: string;
  number: number;
  dueDate: string;
  amount: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
  customerPhone: string;
}

export interface SpkWaiting {
  spkId: string;
  number: string;
  status: string;
  since: string;
  orderId: string;
  orderNumber: string;
  customerName: string;
}

/** Open installments listed as due soon, and rows in each work table. */
export const UPCOMING_DAYS = 7;
export const DASHBOARD_ROWS = 8;

/**
 * The whole page in one request: the server answers all its cards with one statement that reads the
 * book once (seven requests read it up to four times). Money cards are asked for only where the role
 * sees them.
 */
export const DASHBOARD_PAGE = gql`
  query DashboardPage($days: Int!, $limit: Int!, $money: Boolean!, $spk: Boolean!) {
    data: dashboard {
      today
      activeOrders
      overdue { orders installments amount }
      receivables @include(if: $money) { amount installments orders }
      collections @include(if: $money) { month settled settledCount refunded refundedCount net }
      aging @include(if: $money) { bucket amount installments }
      upcomingDue(days: $days, limit: $limit) { days total amount items { installmentId number dueDate amount orderId orderNumber customerName customerPhone } }
      spksAwaitingStaff(limit: $limit) @include(if: $spk) { total items { spkId number status since orderId orderNumber customerName } }
    }
  }
`;

export interface DashboardData {
  today: string;
  activeOrders: number;
  receivables: { amount: string; installments: number; orders: number };
  overdue: { orders: number; installments: number; amount: string };
  collections: Collections;
  aging: AgingLine[];
  upcomingDue: { days: number; total: number; amount: string; items: UpcomingInstallment[] };
  spksAwaitingStaff: { total: number; items: SpkWaiting[] };
}

/**
 * The dashboard's figures for the cards of the caller's role; every card reads the same query (one
 * request a page load, refreshed every minute while the page is open).
 */
export function useDashboard() {
  const { permissions } = usePermissions<Role>();
  const variables = {
    days: UPCOMING_DAYS,
    limit: DASHBOARD_ROWS,
    money: canAccess(permissions ?? null, 'dashboard', 'money'),
    spk: canAccess(permissions ?? null, 'dashboard', 'spk'),
  };
  return useQuery({
    queryKey: ['dashboard', variables],
    queryFn: () => callApi<Partial<DashboardData>>(DASHBOARD_PAGE, variables),
    enabled: permissions !== undefined,
    refetchInterval: 60_000,
  });
}
