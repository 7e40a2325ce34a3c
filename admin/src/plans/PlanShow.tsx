import { Box, Stack } from '@mui/material';
import { BooleanField, EditButton, Labeled, NumberField, ReferenceField, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, EnumField, PercentField, RupiahField } from '../fields';
import type { InstallmentPlan } from './choices';
import { DownPaymentField, LateFeeField } from './DownPaymentField';
import { QuotePreview } from './QuotePreview';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const row = { display: 'flex', gap: 4, flexWrap: 'wrap' } as const;

const Optional = ({ source, empty }: { source: 'lateFeeCap' | 'autoSuspendAfterDays'; empty: string }) => {
  const plan = useRecordContext<InstallmentPlan>();
  const translate = useTranslate();
  const value = plan?.[source];
  if (value === null || value === undefined) return <TextField source={source} emptyText={translate(empty)} />;
  return source === 'lateFeeCap' ? <RupiahField source={source} /> : <NumberField source={source} />;
};

export const PlanShow = () => (
  <Show actions={<Actions />}>
    <Stack spacing={2} sx={{ p: 2 }}>
      <Box sx={row}>
        <Labeled source="name">
          <TextField source="name" variant="h6" />
        </Labeled>
        <Labeled source="productId">
          <ReferenceField source="productId" reference="products" link="show" />
        </Labeled>
        <Labeled source="active">
          <BooleanField source="active" />
        </Labeled>
      </Box>
      <Box sx={row}>
        <Labeled source="tenorMonths">
          <NumberField source="tenorMonths" />
        </Labeled>
        <Labeled source="downPaymentType">
          <EnumField source="downPaymentType" prefix="resources.installmentPlans.downPaymentType" />
        </Labeled>
        <Labeled source="downPaymentValue">
          <DownPaymentField />
        </Labeled>
        <Labeled source="marginBpsPerMonth">
          <PercentField source="marginBpsPerMonth" />
        </Labeled>
        <Labeled source="adminFee">
          <RupiahField source="adminFee" />
        </Labeled>
      </Box>
      <Box sx={row}>
        <Labeled source="lateFeeValue">
          <LateFeeField />
        </Labeled>
        <Labeled source="lateFeeGraceDays">
          <NumberField source="lateFeeGraceDays" />
        </Labeled>
        <Labeled source="lateFeeCap">
          <Optional source="lateFeeCap" empty="resources.installmentPlans.summary.noCap" />
        </Labeled>
        <Labeled source="autoSuspendAfterDays">
          <Optional source="autoSuspendAfterDays" empty="resources.installmentPlans.summary.never" />
        </Labeled>
        <Labeled source="updatedAt">
          <DateTimeField source="updatedAt" />
        </Labeled>
      </Box>
      <QuotePreview />
    </Stack>
  </Show>
);
