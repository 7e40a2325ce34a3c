import { Alert, CircularProgress } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router';
import { callApi } from '../dataProvider';
import { SPK_ORDER } from './api';

/** `/my-spk/<id>/show` (the SPK notifications' link): the SPK lives on its order's page. */
export const SpkRedirect = () => {
  const { id } = useParams();
  const { data, error } = useQuery({ queryKey: ['customer', 'spkOrder', id], queryFn: () => callApi<{ orderId: string }>(SPK_ORDER, { id }), enabled: !!id });
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return <CircularProgress />;
  return <Navigate to={`/my-orders/${data.orderId}/show`} replace />;
};
