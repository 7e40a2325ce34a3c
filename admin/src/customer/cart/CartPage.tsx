import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import ShoppingCartCheckoutIcon from '@mui/icons-material/ShoppingCartCheckout';
import { Alert, Box, Button, Card, CardContent, CircularProgress, IconButton, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import { Link, useNavigate } from 'react-router';
import { ActionButton } from '../../actions';
import { callApi, type AngsurDataProvider } from '../../dataProvider';
import { formatRupiah } from '../../format';
import { specsSummary, type ProductCategory, type ProductSpecs } from '../../products/choices';
import { CHECKOUT, MY_CART, SET_CART_QUANTITY } from '../api';

interface CartLine {
  id: string;
  quantity: number;
  product: { id: string; name: string; category: ProductCategory; cashPrice: string; specs: ProductSpecs };
  plan: { id: string; name: string; tenorMonths: number };
}

const CART_KEY = ['customer', 'myCart'];

/** What the line costs: the API's quote for the line's product, plan and quantity. */
const LineQuote = ({ line }: { line: CartLine }) => {
  const dataProvider = useDataProvider<AngsurDataProvider>();
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ['installmentQuote', line.product.id, line.plan.id, line.quantity],
    queryFn: () => dataProvider.getQuote({ productId: line.product.id, planId: line.plan.id, quantity: line.quantity }),
  });
  if (!data) return <CircularProgress size={16} />;
  return (
    <Box data-testid="cart-line-quote">
      <Typography variant="body2">
        {translate('angsur.customer.cart.firstPayment')}: <strong>{formatRupiah(data.firstPayment)}</strong>
      </Typography>
      <Typography variant="body2">
        {translate('angsur.customer.cart.monthly', { tenor: line.plan.tenorMonths })}: <strong>{formatRupiah(data.monthlyInstallment)}</strong>
      </Typography>
      <Typography variant="body2">
        {translate('angsur.customer.cart.lineTotal')}: <strong>{formatRupiah(data.totalPrice)}</strong>
      </Typography>
    </Box>
  );
};

const Line = ({ line }: { line: CartLine }) => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [quantity, setQuantity] = useState(String(line.quantity));
  const change = useMutation<unknown, Error, number>({
    mutationFn: (value) => callApi(SET_CART_QUANTITY, { id: line.id, quantity: value }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: CART_KEY }),
  });
  const save = () => {
    const value = Number(quantity);
    if (Number.isInteger(value) && value >= 1 && value !== line.quantity) change.mutate(value);
    else setQuantity(String(line.quantity));
  };
  return (
    <Card variant="outlined" data-testid="cart-line">
      <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <Box sx={{ flex: '1 1 220px', minWidth: 0 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {line.product.name}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {specsSummary(line.product)}
          </Typography>
          <Typography variant="body2">
            {line.plan.name} · {formatRupiah(line.product.cashPrice)} / {translate('angsur.customer.cart.unit')}
          </Typography>
        </Box>
        <Box sx={{ flex: '1 1 200px' }}>
          <LineQuote line={line} />
        </Box>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <TextField
            name={`quantity-${line.id}`}
            type="number"
            size="small"
            label={translate('angsur.customer.catalog.quantity')}
            value={quantity}
            onChange={(event) => setQuantity(event.target.value)}
            onBlur={save}
            onKeyDown={(event) => event.key === 'Enter' && save()}
            disabled={change.isPending}
            slotProps={{ htmlInput: { min: 1, step: 1, inputMode: 'numeric' } }}
            sx={{ width: 96 }}
          />
          <IconButton aria-label={translate('angsur.customer.cart.remove')} title={translate('angsur.customer.cart.remove')} onClick={() => change.mutate(0)} disabled={change.isPending}>
            <DeleteIcon />
          </IconButton>
        </Box>
        {change.error && (
          <Alert severity="error" sx={{ flexBasis: '100%' }}>
            {change.error.message}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
};

/**
 * Keranjang: the lines with their quote, quantities to change or remove, and checkout, which turns
 * each line into its own order (one schedule, one SPK) and opens the new order(s).
 */
export const CartPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data: lines, error, isPending } = useQuery({ queryKey: CART_KEY, queryFn: () => callApi<CartLine[]>(MY_CART) });
  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, display: 'grid', gap: 2 }}>
      <Title title="angsur.customer.cart.title" />
      {isPending ? (
        <CircularProgress />
      ) : error ? (
        <Alert severity="error">{error.message}</Alert>
      ) : !lines?.length ? (
        <Alert
          severity="info"
          action={
            <Button component={Link} to="/catalog" color="inherit" size="small">
              {translate('angsur.customer.cart.toCatalog')}
            </Button>
          }
        >
          {translate('angsur.customer.cart.empty')}
        </Alert>
      ) : (
        <>
          {lines.map((line) => (
            <Line key={`${line.id}-${line.quantity}`} line={line} />
          ))}
          <Card variant="outlined">
            <CardContent sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', justifyContent: 'space-between' }}>
              <Typography variant="body2" color="text.secondary" sx={{ flex: '1 1 260px' }}>
                {translate('angsur.customer.cart.checkoutHelp', { smart_count: lines.length })}
              </Typography>
              <ActionButton
                label="angsur.customer.cart.checkout"
                icon={<ShoppingCartCheckoutIcon />}
                title="angsur.customer.cart.checkoutTitle"
                message="angsur.customer.cart.checkoutMessage"
                messageArgs={{ smart_count: lines.length }}
                successMessage="angsur.customer.cart.checkedOut"
                onConfirm={async () => {
                  const orders = await callApi<{ id: string; number: string }[]>(CHECKOUT);
                  // Navigation is fire-and-forget: nothing waits for the next page to render.
                  void navigate(orders.length === 1 ? `/my-orders/${orders[0]!.id}/show` : '/my-orders');
                }}
              />
            </CardContent>
          </Card>
        </>
      )}
    </Box>
  );
};
