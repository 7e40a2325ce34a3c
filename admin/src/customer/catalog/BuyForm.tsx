import AddShoppingCartIcon from '@mui/icons-material/AddShoppingCart';
import { Alert, Button, Card, CardContent, FormControlLabel, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useTranslate } from 'react-admin';
import { Link } from 'react-router';
import { callApi } from '../../dataProvider';
import { formatPercentBps, formatRupiah } from '../../format';
import type { InstallmentPlan } from '../../plans/choices';
import { InstallmentQuoteCard } from '../../plans/QuotePreview';
import type { Product } from '../../products/choices';
import { ADD_TO_CART } from '../api';

/** The API takes up to this many units in one cart line. */
const MAX_QUANTITY = 100;

/** "12 bulan · uang muka 10%" */
const usePlanText = () => {
  const translate = useTranslate();
  const locale = useLocale();
  return (plan: InstallmentPlan) => {
    const downPayment = plan.downPaymentType === 'PERCENT' ? formatPercentBps(plan.downPaymentValue, locale) : formatRupiah(plan.downPaymentValue);
    // "Cicilan 6 bulan" already says the tenor: do not say it twice ("Cicilan 6 bulan — 6 bulan").
    const named = new RegExp(`\\b${plan.tenorMonths}\\b`).test(plan.name);
    return translate(named ? 'angsur.customer.catalog.planLineNamed' : 'angsur.customer.catalog.planLine', { smart_count: plan.tenorMonths, tenor: plan.tenorMonths, downPayment });
  };
};

/**
 * Choose a plan and a quantity, see the whole schedule as the API computes it (down payment and
 * every installment with its due date), then add the line to the cart.
 */
export const BuyForm = ({ product, plans }: { product: Product; plans: InstallmentPlan[] }) => {
  const translate = useTranslate();
  const planText = usePlanText();
  const [planId, setPlanId] = useState<string | undefined>(plans[0]?.id);
  const [quantityText, setQuantityText] = useState('1');
  const quantity = Number(quantityText);
  const quantityValid = Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY;
  const add = useMutation<unknown, Error>({
    mutationFn: () => callApi(ADD_TO_CART, { input: { productId: product.id, planId, quantity } }),
  });

  if (!plans.length) {
    return <Alert severity="info">{translate('angsur.customer.catalog.noPlans')}</Alert>;
  }
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {translate('angsur.customer.catalog.choosePlan')}
        </Typography>
        <RadioGroup
          name="planId"
          value={planId ?? ''}
          onChange={(event) => {
            setPlanId(event.target.value);
            add.reset();
          }}
        >
          {plans.map((plan) => (
            <FormControlLabel
              key={plan.id}
              value={plan.id}
              control={<Radio size="small" />}
              label={
                <span>
                  <strong>{plan.name}</strong> — {planText(plan)}
                </span>
              }
            />
          ))}
        </RadioGroup>
        <TextField
          name="quantity"
          type="number"
          label={translate('angsur.customer.catalog.quantity')}
          value={quantityText}
          onChange={(event) => {
            setQuantityText(event.target.value);
            add.reset();
          }}
          error={!quantityValid}
          helperText={quantityValid ? translate('angsur.customer.catalog.quantityHelp') : translate('angsur.customer.catalog.quantityInvalid', { max: MAX_QUANTITY })}
          slotProps={{ htmlInput: { min: 1, max: MAX_QUANTITY, step: 1, inputMode: 'numeric' } }}
          size="small"
          sx={{ mt: 1, width: 200, maxWidth: '100%' }}
        />
        {quantityValid && <InstallmentQuoteCard productId={product.id} planId={planId} quantity={quantity} />}
        {add.error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {translate(add.error.message, { _: add.error.message })}
          </Alert>
        )}
        {add.isSuccess ? (
          <Alert
            severity="success"
            sx={{ mt: 2 }}
            action={
              <Button component={Link} to="/cart" color="inherit" size="small">
                {translate('angsur.customer.catalog.viewCart')}
              </Button>
            }
          >
            {translate('angsur.customer.catalog.added')}
          </Alert>
        ) : (
          <Button
            variant="contained"
            sx={{ mt: 2 }}
            startIcon={<AddShoppingCartIcon />}
            disabled={!planId || !quantityValid || add.isPending}
            onClick={() => add.mutate()}
          >
            {translate('angsur.customer.catalog.addToCart')}
          </Button>
        )}
      </CardContent>
    </Card>
  );
};
