import { gql, type DocumentNode } from '@apollo/client';
import { useQuery } from '@tanstack/react-query';
import { callApi } from '../dataProvider';

/**
 * The dashboard's figures, one small query per card so each card loads (and fails) on its own and
 * the server computes only what is shown. All figures are as of the server's today (Asia/Jakarta).
 */

export type AgingBucket = 'CURRENT' | 'DAYS_1_30' | 'DAYS_31_60' | 'DAYS_61_90' | 'OVER_90';

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

export const DASHBOARD_QUERIES = {
  activeOrders: gql`
    query DashboardActiveOrders {
      data: dashboard { activeOrders }
    }
  `,
  receivables: gql`
    query DashboardReceivables {
      data: dashboard { receivables { amount installments orders } }
    }
  `,
  overdue: gql`
    query DashboardOverdue {
      data: dashboard { overdue { orders installments amount } }
    }
  `,
  collections: gql`
    query DashboardCollections {
      data: dashboard { collections { month settled settledCount refunded refundedCount net } }
    }
  `,
  aging: gql`
    query DashboardAging {
      data: dashboard { today aging { bucket amount installments } }
    }
  `,
  upcomingDue: gql`
    query DashboardUpcomingDue($days: Int!, $limit: Int!) {
      data: dashboard { today upcomingDue(days: $days, limit: $limit) { days total amount items { installmentId number dueDate amount orderId orderNumber customerName customerPhone } } }
    }
  `,
  spks: gql`
    query DashboardSpks($limit: Int!) {
      data: dashboard { spksAwaitingStaff(limit: $limit) { total items { spkId number status since orderId orderNumber customerName } } }
    }
  `,
} satisfies Record<string, DocumentNode>;

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

/** One card's slice of the dashboard; refreshed every minute while the page is open. */
export function useDashboard(card: keyof typeof DASHBOARD_QUERIES, variables: Record<string, unknown> = {}) {
  return useQuery({
    queryKey: ['dashboard', card, variables],
    queryFn: () => callApi<Partial<DashboardData>>(DASHBOARD_QUERIES[card], variables),
    refetchInterval: 60_000,
  });
}
