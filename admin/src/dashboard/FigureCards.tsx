import type { ReactNode } from 'react';
import ActiveIcon from '@mui/icons-material/TaskAlt';
import CollectionsIcon from '@mui/icons-material/Savings';
import OverdueIcon from '@mui/icons-material/EventBusy';
import ReceivablesIcon from '@mui/icons-material/AccountBalanceWallet';
import { useGetList, useLocale, useTranslate } from 'react-admin';
import { formatRupiah, intlLocale } from '../format';
import { useDashboard } from './api';
import { filtered, StatCard } from './StatCard';

/** The dashboard's figure cards; each fetches its own slice (see api.ts). */

export const useCountFormat = () => {
  const locale = useLocale();
  return (n: number | undefined) => (n === undefined ? undefined : new Intl.NumberFormat(intlLocale(locale)).format(n));
};

/** A count from a list's total (a one-row page is enough). */
export const ListCountCard = (props: { resource: string; filter?: Record<string, unknown>; title: string; to: string; testId: string; icon: ReactNode; alert?: boolean; detail?: string }) => {
  const { resource, filter = {}, ...card } = props;
  const count = useCountFormat();
  const { total, error } = useGetList(resource, { pagination: { page: 1, perPage: 1 }, filter });
  return <StatCard {...card} value={count(total)} error={!!error} />;
};

export const ActiveOrdersCard = () => {
  const translate = useTranslate();
  const count = useCountFormat();
  const { data, error } = useDashboard();
  return (
    <StatCard
      icon={<ActiveIcon />}
      title={translate('angsur.dashboard.activeOrders')}
      to={filtered('/orders', { status: ['ACTIVE'] })}
      testId="active-orders"
      value={count(data?.activeOrders)}
      error={!!error}
    />
  );
};

export const ReceivablesCard = () => {
  const translate = useTranslate();
  const { data, error } = useDashboard();
  const r = data?.receivables;
  return (
    <StatCard
      icon={<ReceivablesIcon />}
      title={translate('angsur.dashboard.receivables')}
      to="/installments"
      testId="receivables"
      value={r && formatRupiah(r.amount)}
      detail={r && translate('angsur.dashboard.receivablesDetail', { orders: translate('angsur.dashboard.ordersCount', { smart_count: r.orders }), smart_count: r.installments })}
      error={!!error}
    />
  );
};

/** Overdue orders and their arrears (principal still unpaid past its due date, plus late fees). */
export const OverdueCard = () => {
  const translate = useTranslate();
  const count = useCountFormat();
  const { data, error } = useDashboard();
  const o = data?.overdue;
  return (
    <StatCard
      icon={<OverdueIcon />}
      title={translate('angsur.dashboard.overdueOrders')}
      to={filtered('/orders', { overdue: true })}
      testId="overdue-orders"
      value={count(o?.orders)}
      detail={o && <span data-testid="overdue-amount">{translate('angsur.dashboard.overdueDetail', { amount: formatRupiah(o.amount), smart_count: o.installments })}</span>}
      error={!!error}
      alert
    />
  );
};

/** This month's collections (Jakarta calendar), net of refunds made this month. */
export const CollectionsCard = () => {
  const translate = useTranslate();
  const { data, error } = useDashboard();
  const c = data?.collections;
  return (
    <StatCard
      icon={<CollectionsIcon />}
      title={translate('angsur.dashboard.collections')}
      to={filtered('/payments', { status: ['SETTLED'] })}
      testId="collections"
      value={c && formatRupiah(c.net)}
      detail={
        c &&
        (c.refundedCount
          ? translate('angsur.dashboard.collectionsDetailRefunds', { smart_count: c.settledCount, settled: formatRupiah(c.settled), refunded: formatRupiah(c.refunded) })
          : translate('angsur.dashboard.collectionsDetail', { smart_count: c.settledCount }))
      }
      error={!!error}
    />
  );
};
