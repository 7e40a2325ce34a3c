import RunIcon from '@mui/icons-material/PlayCircleOutlined';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Link as MuiLink, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link, useCreatePath, useGetMany, useLocale, usePermissions, useTranslate } from 'react-admin';
import { ActionButton } from '../actions';
import { canAccess } from '../auth/permissions';
import type { Role } from '../auth/session';
import { formatDate } from '../format';
import { previewBillingPass, runBillingPass, type BillingPassSummary } from './api';

/** The summary's counts, in the order the pass works: statuses, fees, reminders, notices, second chances. */
const COUNTS = ['statusChanges', 'feesChanged', 'reminders', 'staffNotices', 'graceExpired'] as const;

/** What the confirmation dialog says the pass does, in order. */
const STEPS = ['statuses', 'fees', 'reminders', 'suspension', 'safe'] as const;

/** The orders the pass suspended, by number (each links to its order). */
const SuspendedOrders = ({ ids }: { ids: string[] }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data } = useGetMany('orders', { ids }, { enabled: ids.length > 0 });
  if (!ids.length) return <>{translate('resources.installments.billingPass.none')}</>;
  const numbers = new Map((data ?? []).map((order) => [String(order.id), order.number as string]));
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1.5 }}>
      {ids.map((id) => (
        <MuiLink key={id} component={Link} to={createPath({ resource: 'orders', type: 'show', id })} sx={{ fontFamily: 'monospace' }}>
          {numbers.get(id) ?? id}
        </MuiLink>
      ))}
    </Box>
  );
};

const SummaryDialog = ({ summary, onClose }: { summary: BillingPassSummary | null; onClose: () => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  return (
    <Dialog open={!!summary} onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="billing-pass-summary-title">
      {summary && (
        <>
          <DialogTitle id="billing-pass-summary-title">{translate('resources.installments.billingPass.summaryTitle', { date: formatDate(summary.date, locale) })}</DialogTitle>
          <DialogContent data-testid="billing-pass-summary">
            <DialogContentText sx={{ mb: 1 }}>{translate('resources.installments.billingPass.summaryIntro')}</DialogContentText>
            <Table size="small">
              <TableBody>
                {COUNTS.map((key) => (
                  <TableRow key={key} data-testid={`billing-pass-${key}`}>
                    <TableCell component="th" scope="row">
                      {translate(`resources.installments.billingPass.counts.${key}`)}
                    </TableCell>
                    <TableCell align="right">{summary[key]}</TableCell>
                  </TableRow>
                ))}
                <TableRow data-testid="billing-pass-suspendedOrders">
                  <TableCell component="th" scope="row">
                    {translate('resources.installments.billingPass.counts.suspendedOrders')}
                  </TableCell>
                  <TableCell align="right">
                    <SuspendedOrders ids={summary.suspendedOrders} />
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{translate('ra.action.close')}</Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
};

/** What the pass would do now, asked when the confirmation dialog opens (a dry run on the server). */
const Preview = () => {
  const translate = useTranslate();
  const [preview, setPreview] = useState<BillingPassSummary | null>(null);
  useEffect(() => {
    let live = true;
    previewBillingPass().then((p) => live && setPreview(p), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (
    <Box sx={{ mt: 2 }} data-testid="billing-pass-preview">
      <DialogContentText sx={{ mb: 1 }}>{translate(preview ? 'resources.installments.billingPass.preview' : 'resources.installments.billingPass.previewLoading')}</DialogContentText>
      {preview && (
        <Table size="small">
          <TableBody>
            {COUNTS.map((key) => (
              <TableRow key={key} data-testid={`billing-pass-preview-${key}`}>
                <TableCell component="th" scope="row">
                  {translate(`resources.installments.billingPass.counts.${key}`)}
                </TableCell>
                <TableCell align="right">{preview[key]}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell component="th" scope="row">
                {translate('resources.installments.billingPass.counts.suspendedOrders')}
              </TableCell>
              <TableCell align="right">{preview.suspendedOrders.length}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

/**
 * ADMIN: runs the daily billing pass now (it also runs on its own every morning), after a dialog
 * saying what it does, then shows what it did; the list is refetched (ActionButton refreshes).
 */
export const BillingPassButton = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const [summary, setSummary] = useState<BillingPassSummary | null>(null);
  if (!canAccess(permissions ?? null, 'installments', 'billingPass')) return null;
  return (
    <>
      <ActionButton
        label="resources.installments.billingPass.action"
        icon={<RunIcon />}
        title="resources.installments.billingPass.title"
        message="resources.installments.billingPass.message"
        onConfirm={async () => setSummary(await runBillingPass())}
        successMessage="resources.installments.billingPass.done"
      >
        <Box component="ul" sx={{ m: 0, pl: 3, typography: 'body2' }}>
          {STEPS.map((step) => (
            <li key={step}>{translate(`resources.installments.billingPass.steps.${step}`)}</li>
          ))}
        </Box>
        <Preview />
      </ActionButton>
      <SummaryDialog summary={summary} onClose={() => setSummary(null)} />
    </>
  );
};
