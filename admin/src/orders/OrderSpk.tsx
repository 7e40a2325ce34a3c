import AddIcon from '@mui/icons-material/NoteAdd';
import { Alert, Box, Stack } from '@mui/material';
import { Labeled, RecordContextProvider, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { ActionButton } from '../actions';
import { canAccess } from '../auth/permissions';
import { DateTimeField } from '../fields';
import { createSpk } from '../spk/api';
import { RecordLink, SpkStatusField } from '../spk/SpkFields';
import type { Order } from './choices';

/** Profile fields an SPK needs, as the API names them when they are missing. */
const PROFILE_FIELDS = ['fullName', 'nik', 'address', 'phone', 'email'];

/**
 * Tab "SPK": the order's current contract (link to its page) or, when there is none, "Buat SPK".
 * The API refuses a customer with an incomplete profile or arrears on another order; the dialog
 * says which fields are missing, in the UI language.
 */
export const OrderSpk = (_props: { label?: false }) => {
  const order = useRecordContext<Order>();
  const { permissions } = usePermissions();
  const translate = useTranslate();
  if (!order) return null;
  const spk = order.spk;
  const mayWork = canAccess(permissions, 'spks', 'work');
  const fieldName = (field: string) => (PROFILE_FIELDS.includes(field) ? translate(`resources.customers.fields.${field}`) : field);
  return (
    <Stack spacing={2} sx={{ py: 1 }}>
      {spk ? (
        <RecordContextProvider value={spk}>
          <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
            <Labeled label="resources.spks.fields.number">
              <RecordLink resource="spks" id={spk.id} testId="order-spk-link">
                {spk.number}
              </RecordLink>
            </Labeled>
            <Labeled label="resources.spks.fields.status">
              <SpkStatusField />
            </Labeled>
            <Labeled label="resources.spks.fields.currentVersion">
              <span data-testid="order-spk-version">{translate('resources.spks.versionLabel', { version: spk.currentVersion })}</span>
            </Labeled>
            <Labeled label="resources.spks.fields.confirmedAt">
              <DateTimeField source="confirmedAt" emptyText="-" />
            </Labeled>
          </Box>
        </RecordContextProvider>
      ) : (
        <Alert severity="info">{translate('resources.orders.spkTab.none')}</Alert>
      )}
      {!spk && (
        <Box>
          <ActionButton
            label="resources.orders.spkTab.create.action"
            icon={<AddIcon />}
            disabledReason={
              !mayWork ? 'resources.spks.blocked.role' : order.allowedActions?.includes('START_SPK') ? null : 'resources.orders.spkTab.create.state'
            }
            title="resources.orders.spkTab.create.title"
            message="resources.orders.spkTab.create.message"
            messageArgs={{ number: order.number, customer: order.customerName }}
            onConfirm={() => createSpk(order.id, fieldName, (fields) => translate('resources.orders.spkTab.create.incomplete', { fields }))}
            successMessage="resources.orders.spkTab.create.done"
          />
        </Box>
      )}
    </Stack>
  );
};
