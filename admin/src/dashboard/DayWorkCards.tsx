import NewOrderIcon from '@mui/icons-material/FiberNew';
import SpkIcon from '@mui/icons-material/Draw';
import ProofIcon from '@mui/icons-material/ReceiptLong';
import FailingIcon from '@mui/icons-material/ErrorOutlineOutlined';
import DeadlineIcon from '@mui/icons-material/HourglassBottom';
import type { ReactNode } from 'react';
import { usePermissions, useTranslate } from 'react-admin';
import { canAccess } from '../auth/permissions';
import type { Role } from '../auth/session';
import { STAFF_WAITING_STATUSES } from '../spk/queue';
import { useDashboard, type DayWork } from './api';
import { useCountFormat } from './FigureCards';
import { filtered, StatCard } from './StatCard';

/** Second chances ending "this week": the server's default window (SECOND_CHANCE_WINDOW_DAYS). */
const WEEK = 7;

/** Each card: the count, and the list it opens with the filter that shows exactly those records. */
const CARDS: { key: keyof DayWork; icon: ReactNode; to: string; resource: string }[] = [
  { key: 'ordersAwaitingSpk', icon: <NewOrderIcon />, to: filtered('/orders', { status: ['AWAITING_SPK'] }), resource: 'orders' },
  { key: 'spksAwaitingStaff', icon: <SpkIcon />, to: filtered('/spks', { status: [...STAFF_WAITING_STATUSES] }), resource: 'spks' },
  { key: 'proofsToVerify', icon: <ProofIcon />, to: filtered('/payments', { awaitingVerification: true }), resource: 'payments' },
  { key: 'servicesFailing', icon: <FailingIcon />, to: filtered('/services', { failing: true }), resource: 'services' },
  { key: 'secondChanceEnding', icon: <DeadlineIcon />, to: filtered('/orders', { secondChanceEndsWithinDays: WEEK }), resource: 'orders' },
];

/** The day's work first: what waits on staff, each card a way into its list (only the lists the role may open). */
export const DayWorkCards = () => {
  const translate = useTranslate();
  const count = useCountFormat();
  const { permissions } = usePermissions<Role>();
  const { data, error } = useDashboard();
  return (
    <>
      {CARDS.filter((c) => canAccess(permissions ?? null, c.resource, 'list')).map((c) => (
        <StatCard key={c.key} icon={c.icon} title={translate(`angsur.dashboard.work.${c.key}`)} to={c.to} testId={`work-${c.key}`} value={count(data?.work?.[c.key])} error={!!error} alert />
      ))}
    </>
  );
};
