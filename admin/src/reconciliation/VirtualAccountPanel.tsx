import { gql } from '@apollo/client';
import { Alert, Card, CardContent, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { callApi } from '../dataProvider';

const ORDER_VA = gql`query OrderVirtualAccount($id: ID!) { data: order(id: $id) { id virtualAccount { bankCode number name status lastError } } }`;

interface OrderVa {
  virtualAccount: { bankCode: string; number: string | null; name: string; status: 'PENDING' | 'ACTIVE' | 'FAILED'; lastError: string | null } | null;
}

/** The order's own virtual account (customer and staff alike): any amount sent to it is applied automatically. */
export const VirtualAccountPanel = ({ orderId }: { orderId: string }) => {
  const translate = useTranslate();
  const { data } = useQuery({ queryKey: ['orderVirtualAccount', orderId], queryFn: () => callApi<OrderVa>(ORDER_VA, { id: orderId }) });
  const va = data?.virtualAccount;
  if (!va) return null;
  return (
    <Card variant="outlined" data-testid="virtual-account">
      <CardContent>
        <Typography variant="subtitle2" color="text.secondary">{translate('angsur.channels.virtualAccount')}</Typography>
        {va.status === 'ACTIVE' && va.number ? (
          <>
            <Typography variant="h6" sx={{ fontFamily: 'monospace' }} data-testid="va-number">
              {va.bankCode} {va.number}
            </Typography>
            <Typography variant="body2">{va.name}</Typography>
            <Typography variant="caption" color="text.secondary">{translate('angsur.channels.vaHint')}</Typography>
          </>
        ) : va.status === 'FAILED' ? (
          <Alert severity="warning">{translate('angsur.channels.vaFailed')}{va.lastError ? `: ${va.lastError}` : ''}</Alert>
        ) : (
          <Typography variant="body2">{translate('angsur.channels.vaPending')}</Typography>
        )}
      </CardContent>
    </Card>
  );
};
