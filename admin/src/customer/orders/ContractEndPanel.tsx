import RenewIcon from '@mui/icons-material/Autorenew';
import UpgradeIcon from '@mui/icons-material/Upgrade';
import StopIcon from '@mui/icons-material/DoNotDisturbOn';
import { gql } from '@apollo/client';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { ActionButton } from '../../actions';
import { callApi } from '../../dataProvider';
import { formatDateTime } from '../../format';
import type { CustomerOrder } from './types';

const REQUEST_CONTRACT_CHANGE = gql`
  mutation RequestContractChange($orderId: ID!, $input: ContractRequestInput!) {
    data: requestContractChange(orderId: $orderId, input: $input) { id kind status }
  }
`;

const KINDS = [
  { kind: 'RENEWAL', icon: <RenewIcon />, color: 'primary' },
  { kind: 'UPGRADE', icon: <UpgradeIcon />, color: 'primary' },
  { kind: 'CANCELLATION', icon: <StopIcon />, color: 'error' },
] as const;

/**
 * The contract is paid off: what happens next (the products' terms: ownership, renewal), and asking
 * to renew, upgrade or stop, each with an optional note. Staff get the request as a task; a request
 * of a kind still open cannot be sent twice.
 */
export const ContractEndPanel = ({ order }: { order: CustomerOrder }) => {
  const translate = useTranslate();
  const locale = useLocale();
  if (order.status !== 'COMPLETED') return null;
  const requests = order.contractRequests ?? [];
  const open = (kind: string) => requests.some((r) => r.kind === kind && r.status === 'OPEN');
  return (
    <Box data-testid="contract-end" sx={{ border: 1, borderColor: 'success.light', borderRadius: 1, p: 2, display: 'grid', gap: 1.5 }}>
      <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate('angsur.customer.contractEnd.title')}
      </Typography>
      {(order.contractEndTerms?.length ? order.contractEndTerms : [translate('angsur.customer.contractEnd.noTerms')]).map((terms) => (
        <Typography key={terms} variant="body2">
          {terms}
        </Typography>
      ))}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {KINDS.map(({ kind, icon, color }) => (
          <ActionButton
            key={kind}
            label={`angsur.customer.contractEnd.action.${kind}`}
            icon={icon}
            color={color}
            disabledReason={open(kind) ? 'angsur.customer.contractEnd.alreadyAsked' : null}
            title={`angsur.customer.contractEnd.action.${kind}`}
            message={`angsur.customer.contractEnd.message.${kind}`}
            reasonLabel="angsur.customer.contractEnd.note"
            reasonOptional
            successMessage="angsur.customer.contractEnd.sent"
            onConfirm={(note) => callApi(REQUEST_CONTRACT_CHANGE, { orderId: order.id, input: { kind, note: note || null } })}
          />
        ))}
      </Box>
      {requests.length > 0 && (
        <Stack spacing={0.5} data-testid="contract-requests">
          {requests.map((request) => (
            <Box key={request.id} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
              <Typography variant="body2">{translate(`angsur.customer.contractEnd.kind.${request.kind}`)}</Typography>
              <Typography variant="caption" color="text.secondary">
                {formatDateTime(request.createdAt, locale)}
              </Typography>
              <Chip size="small" color={request.status === 'OPEN' ? 'warning' : 'success'} label={translate(`angsur.customer.contractEnd.status.${request.status}`)} />
            </Box>
          ))}
        </Stack>
      )}
    </Box>
  );
};
