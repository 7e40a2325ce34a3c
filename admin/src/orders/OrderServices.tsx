import { Card, CardContent, Stack, Typography } from '@mui/material';
import { Labeled, RecordContextProvider, TextField, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../fields';
import type { Service } from '../services/choices';
import { RecordLink } from '../spk/SpkFields';
import { LastErrorField, ProvisioningField, ServiceLabelField, ServiceStatusField } from '../services/ServiceFields';
import { SuspensionHistory } from '../services/SuspensionHistory';
import type { Order } from './choices';

/** Tab "Layanan": each hosting service of the order with its state and suspension history. */
export const OrderServices = (_props: { label?: false }) => {
  const order = useRecordContext<Order & { services?: Service[] }>();
  const translate = useTranslate();
  if (!order) return null;
  if (!order.services?.length) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
        {translate('resources.orders.servicesTab.none')}
      </Typography>
    );
  }
  return (
    <Stack spacing={2} sx={{ py: 1 }}>
      {order.services.map((service) => (
        <RecordContextProvider key={service.id} value={service}>
          <Card variant="outlined" data-testid={`service-${service.label}`}>
            <CardContent>
              <Stack direction="row" sx={{ gap: 4, flexWrap: 'wrap', mb: 2 }}>
                <Labeled label="resources.services.fields.label">
                  <ServiceLabelField />
                </Labeled>
                <Labeled label="resources.services.fields.status">
                  <ServiceStatusField />
                </Labeled>
                <Labeled label="resources.services.fields.provisioning">
                  <ProvisioningField />
                </Labeled>
                <Labeled label="resources.services.fields.driver">
                  <TextField source="driver" />
                </Labeled>
                <Labeled label="resources.services.fields.suspensionCause">
                  <EnumField source="suspensionCause" prefix="resources.services.suspension.causes" emptyText="-" />
                </Labeled>
                <Labeled label="resources.services.fields.lastError">
                  <LastErrorField />
                </Labeled>
                <Labeled label="resources.orders.servicesTab.details">
                  <RecordLink resource="services" id={service.id}>
                    {translate('resources.orders.servicesTab.open')}
                  </RecordLink>
                </Labeled>
              </Stack>
              <Typography variant="subtitle2" sx={{ mb: 1 }}>
                {translate('resources.services.suspension.title')}
              </Typography>
              <SuspensionHistory label={false} />
            </CardContent>
          </Card>
        </RecordContextProvider>
      ))}
    </Stack>
  );
};
