import { Box, Button, Card, CardContent, Chip, Link as MuiLink, Skeleton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocale, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { formatDate, formatDateTime, formatPhone, formatRupiah } from '../format';
import { SPK_STATUS_COLORS, type SpkStatus } from '../orders/choices';
import { useInstallmentLabel } from '../orders/OrderFields';
import { UPCOMING_DAYS, useDashboard } from './api';
import { filtered } from './StatCard';

const TableCard = ({ title, subtitle, action, testId, children }: { title: string; subtitle?: string; action?: ReactNode; testId: string; children: ReactNode }) => (
  <Card sx={{ flex: '1 1 460px', minWidth: 0 }} data-testid={testId}>
    <CardContent>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 1 }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {action}
      </Box>
      {subtitle && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
          {subtitle}
        </Typography>
      )}
      {children}
    </CardContent>
  </Card>
);

const Empty = ({ text }: { text: string }) => (
  <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
    {text}
  </Typography>
);

/** A card's body while loading, on error, when empty, or the table. */
const CardTable = ({ failed, rows, emptyText, children }: { failed: boolean; rows: unknown[] | undefined; emptyText: string; children: ReactNode }) => {
  const translate = useTranslate();
  if (failed) return <Empty text={translate('angsur.dashboard.unavailable')} />;
  if (!rows) return <Skeleton variant="rectangular" height={120} />;
  if (!rows.length) return <Empty text={emptyText} />;
  return <Table size="small">{children}</Table>;
};

const OrderLink = ({ orderId, number }: { orderId: string; number: string }) => (
  <MuiLink component={Link} to={`/orders/${orderId}/show`} sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
    {number}
  </MuiLink>
);

/** Open installments falling due in the next seven days (today included), soonest first. */
export const UpcomingDueCard = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const installmentLabel = useInstallmentLabel();
  const { data, error } = useDashboard();
  const upcoming = data?.upcomingDue;
  const until = data?.today && new Date(Date.parse(`${data.today}T00:00:00Z`) + UPCOMING_DAYS * 86_400_000).toISOString().slice(0, 10);
  return (
    <TableCard
      testId="upcoming-due"
      title={translate('angsur.dashboard.upcoming.title', { smart_count: UPCOMING_DAYS })}
      subtitle={upcoming && translate('angsur.dashboard.upcoming.summary', { smart_count: upcoming.total, amount: formatRupiah(upcoming.amount) })}
      action={
        data?.today && (
          <Button size="small" component={Link} to={filtered('/installments', { dueFrom: data.today, dueTo: until })}>
            {translate('angsur.dashboard.viewAll')}
          </Button>
        )
      }
    >
      <CardTable failed={!!error} rows={upcoming?.items} emptyText={translate('angsur.dashboard.upcoming.empty')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.installments.fields.dueDate')}</TableCell>
              <TableCell>{translate('resources.installments.fields.order')}</TableCell>
              <TableCell>{translate('resources.orders.fields.customerName')}</TableCell>
              <TableCell align="right">{translate('resources.installments.fields.owed')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {upcoming?.items.map((i) => (
              <TableRow key={i.installmentId}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(i.dueDate, locale)}</TableCell>
                <TableCell>
                  <OrderLink orderId={i.orderId} number={i.orderNumber} />
                  <Typography variant="caption" color="text.secondary" component="div">
                    {installmentLabel(i.number)}
                  </Typography>
                </TableCell>
                <TableCell>
                  {i.customerName}
                  <Typography variant="caption" color="text.secondary" component="div" sx={{ whiteSpace: 'nowrap' }}>
                    {formatPhone(i.customerPhone)}
                  </Typography>
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatRupiah(i.amount)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
      </CardTable>
    </TableCard>
  );
};

/** SPKs whose next step is the staff's (draft to send, revision to make, signature to check), newest first. */
export const SpkQueueCard = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const { data, error } = useDashboard();
  const queue = data?.spksAwaitingStaff;
  return (
    <TableCard testId="spk-queue" title={translate('angsur.dashboard.spks.title')} subtitle={queue && translate('angsur.dashboard.spks.summary', { smart_count: queue.total })}>
      <CardTable failed={!!error} rows={queue?.items} emptyText={translate('angsur.dashboard.spks.empty')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.orders.fields.spk.number')}</TableCell>
              <TableCell>{translate('resources.installments.fields.order')}</TableCell>
              <TableCell>{translate('resources.orders.fields.spk.status')}</TableCell>
              <TableCell>{translate('angsur.dashboard.spks.since')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {queue?.items.map((s) => (
              <TableRow key={s.spkId}>
                <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{s.number}</TableCell>
                <TableCell>
                  <OrderLink orderId={s.orderId} number={s.orderNumber} />
                  <Typography variant="caption" color="text.secondary" component="div">
                    {s.customerName}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Chip size="small" label={translate(`resources.orders.spk.status.${s.status}`, { _: s.status })} color={SPK_STATUS_COLORS[s.status as SpkStatus] ?? 'default'} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.since, locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
      </CardTable>
    </TableCard>
  );
};
