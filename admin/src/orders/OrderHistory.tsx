import { gql } from '@apollo/client';
import { Box, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import { HistorySentence } from '../audit/HistorySentence';
import { callApi } from '../dataProvider';
import { formatDateTime } from '../format';
import { useApiLocale } from '../i18n';
import type { OrderTimelineQuery } from '../gql/graphql';

const ORDER_TIMELINE = gql`
  query OrderTimeline($orderId: ID!) {
    data: orderTimeline(orderId: $orderId) { id at action sentence parts { text kind refId } }
  }
`;

/**
 * Riwayat: the order's whole story in time order (the order's, its SPKs', payments' and services'
 * events and the notices sent about it), each a sentence in the reader's language with links. Staff
 * see everything; in the portal the customer sees their part (the server decides which).
 */
export const OrderHistory = ({ portal = false }: { label?: false; portal?: boolean }) => {
  const order = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const { locale, ready } = useApiLocale();
  const timeline = useQuery({
    // The sentences come in the UI language: a switch of language asks again.
    queryKey: ['orderTimeline', order?.id, locale],
    queryFn: () => callApi<OrderTimelineQuery['data']>(ORDER_TIMELINE, { orderId: order!.id }),
    enabled: !!order && ready,
  });
  if (!order || !timeline.data) return null;
  if (!timeline.data.length) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
        {translate('resources.orders.history.empty')}
      </Typography>
    );
  }
  return (
    <Stack component="ol" spacing={1} data-testid="order-history" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {timeline.data.map((entry) => (
        <Box component="li" key={entry.id} data-action={entry.action} sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1.5, alignItems: 'baseline' }}>
          <Typography variant="caption" color="text.secondary" sx={{ minWidth: 150 }}>
            {formatDateTime(entry.at, locale)}
          </Typography>
          <Box sx={{ flex: '1 1 240px', minWidth: 0 }}>
            <HistorySentence parts={entry.parts} portal={portal} />
          </Box>
        </Box>
      ))}
    </Stack>
  );
};
