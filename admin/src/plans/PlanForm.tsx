import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  FormDataConsumer,
  Labeled,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceField,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
  useTranslate,
  type SimpleFormProps,
} from 'react-admin';
import { PercentInput, RupiahInput } from '../fields';
import { downPaymentTypeChoices, lateFeeTypeChoices, type InstallmentPlan } from './choices';

const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" sx={{ fontWeight: 600, mt: 2, mb: 1 }}>
      {translate(title)}
    </Typography>
  );
};

const row = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%', alignItems: 'flex-start', '& > *': { flex: '1 1 200px' } } as const;

/** Basis points in [min, max], checked on the stored value (the input shows percent). */
const bpsRange = (min: number, max: number, message: string) => (value: unknown) =>
  value === null || value === undefined || value === '' || (Number(value) >= min && Number(value) <= max) ? undefined : message;

/**
 * The terms of a plan. Rates are typed as percentages and stored in basis points; the down payment
 * and the late fee are a percentage or rupiah depending on their type.
 */
export const PlanForm = ({ isCreate = false, children, ...props }: Omit<SimpleFormProps, 'children'> & { isCreate?: boolean; children?: ReactNode }) => (
  <SimpleForm {...props} sx={{ maxWidth: 880 }}>
    {isCreate ? (
      <ReferenceInput source="productId" reference="products" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput validate={required()} filterToQuery={(q: string) => ({ q })} />
      </ReferenceInput>
    ) : (
      <Labeled source="productId">
        <ReferenceField source="productId" reference="products" link="show" />
      </Labeled>
    )}
    <Section title="resources.installmentPlans.sections.terms" />
    <Box sx={row}>
      <TextInput source="name" validate={[required(), maxLength(120)]} />
      <NumberInput source="tenorMonths" step={1} validate={[required(), minValue(1), maxValue(60)]} />
    </Box>
    <RadioButtonGroupInput source="downPaymentType" choices={downPaymentTypeChoices} validate={required()} />
    <Box sx={row}>
      <FormDataConsumer<InstallmentPlan>>
        {({ formData }) =>
          formData.downPaymentType === 'FIXED' ? (
            <RupiahInput source="downPaymentValue" validate={required()} helperText="resources.installmentPlans.helper.downPaymentFixed" />
          ) : (
            <PercentInput
              asString
              source="downPaymentValue"
              step={0.01}
              validate={[required(), bpsRange(0, 9000, 'angsur.validation.percent_0_90')]}
              helperText="resources.installmentPlans.helper.downPaymentPercent"
            />
          )
        }
      </FormDataConsumer>
      <PercentInput
        source="marginBpsPerMonth"
        step={0.01}
        validate={[required(), bpsRange(0, 1000, 'angsur.validation.percent_0_10')]}
        helperText="resources.installmentPlans.helper.margin"
      />
      <RupiahInput source="adminFee" />
    </Box>
    <Section title="resources.installmentPlans.sections.lateFees" />
    <RadioButtonGroupInput source="lateFeeType" choices={lateFeeTypeChoices} validate={required()} />
    <Box sx={row}>
      <FormDataConsumer<InstallmentPlan>>
        {({ formData }) =>
          formData.lateFeeType === 'PERCENT_PER_DAY' ? (
            <PercentInput
              asString
              source="lateFeeValue"
              step={0.01}
              validate={[required(), bpsRange(0, 1000, 'angsur.validation.percent_0_10')]}
              helperText="resources.installmentPlans.helper.lateFeePercent"
            />
          ) : (
            <RupiahInput source="lateFeeValue" validate={required()} helperText="resources.installmentPlans.helper.lateFeeFixed" />
          )
        }
      </FormDataConsumer>
      <NumberInput source="lateFeeGraceDays" step={1} validate={[required(), minValue(0), maxValue(90)]} />
      <RupiahInput source="lateFeeCap" helperText="resources.installmentPlans.helper.lateFeeCap" />
      <NumberInput source="autoSuspendAfterDays" step={1} validate={[minValue(1), maxValue(365)]} helperText="resources.installmentPlans.helper.autoSuspend" />
    </Box>
    <BooleanInput source="active" />
    {children}
  </SimpleForm>
);
