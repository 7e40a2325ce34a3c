import { Box, Stack, Typography } from '@mui/material';
import { FunctionField, Labeled, NumberField, ReferenceField, Show, TextField, useRecordContext, useTranslate } from 'react-admin';
import { osName } from '../format';
import { DateTimeField, EnumField } from '../fields';
import type { Service } from './choices';
import { ServiceActions } from './ServiceActions';
import { LastErrorField, ProvisioningField, ServiceLabelField, ServiceStatusField } from './ServiceFields';
import { SuspensionHistory } from './SuspensionHistory';

const row = { display: 'flex', gap: 4, flexWrap: 'wrap' } as const;

const ServiceDetails = () => {
  const service = useRecordContext<Service>();
  const translate = useTranslate();
  if (!service) return null;
  return (
    <Stack spacing={3} sx={{ p: 2 }}>
      <Box sx={row}>
        <Labeled source="label">
          <ServiceLabelField />
        </Labeled>
        <Labeled source="status">
          <ServiceStatusField />
        </Labeled>
        <Labeled source="orderId">
          <ReferenceField source="orderId" reference="orders" link="show" />
        </Labeled>
        <Labeled source="driver">
          <TextField source="driver" />
        </Labeled>
        <Labeled source="hostname">
          <TextField source="hostname" emptyText="-" />
        </Labeled>
        <Labeled source="osTemplate">
          <FunctionField source="osTemplate" render={(s: { osTemplate?: string | null }) => osName(s.osTemplate) || '-'} />
        </Labeled>
        <Labeled source="externalRef">
          <TextField source="externalRef" emptyText="-" />
        </Labeled>
        <Labeled source="createdAt">
          <DateTimeField source="createdAt" />
        </Labeled>
      </Box>
      <Box sx={row}>
        <Labeled source="provisioning">
          <ProvisioningField />
        </Labeled>
        <Labeled source="pendingAction">
          <EnumField source="pendingAction" prefix="resources.services.actions" emptyText="-" />
        </Labeled>
        <Labeled source="attempts">
          <NumberField source="attempts" />
        </Labeled>
        <Labeled source="suspensionCause">
          <EnumField source="suspensionCause" prefix="resources.services.suspension.causes" emptyText="-" />
        </Labeled>
        <Labeled source="lastError">
          <LastErrorField full />
        </Labeled>
      </Box>
      <Stack spacing={1}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {translate('resources.services.suspension.title')}
        </Typography>
        <SuspensionHistory label={false} />
      </Stack>
    </Stack>
  );
};

export const ServiceShow = () => (
  <Show actions={<ServiceActions />}>
    <ServiceDetails />
  </Show>
);
