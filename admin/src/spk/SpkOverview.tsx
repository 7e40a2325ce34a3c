import { Alert, Box, Link as MuiLink, Stack } from '@mui/material';
import { Labeled, NumberField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, RupiahField } from '../fields';
import type { Spk } from './choices';
import { SpkCustomerField, SpkNumberField, SpkOrderField, SpkStatusField } from './SpkFields';
import { SpkPreview } from './SpkPreview';
import { SpkProviderSigning } from './SpkProviderSigning';

const row = { display: 'flex', gap: 4, flexWrap: 'wrap' } as const;

/** Ringkasan: the contract's identity, its e-Meterai, what the customer last said, and the PDF. */
export const SpkOverview = (_props: { label?: false }) => {
  const spk = useRecordContext<Spk>();
  const translate = useTranslate();
  if (!spk) return null;
  return (
    <Stack spacing={3} sx={{ py: 1 }}>
      <Box sx={row}>
        <Labeled source="number">
          <SpkNumberField />
        </Labeled>
        <Labeled source="status">
          <SpkStatusField />
        </Labeled>
        <Labeled source="order">
          <SpkOrderField />
        </Labeled>
        <Labeled source="customer">
          <SpkCustomerField />
        </Labeled>
        <Labeled source="currentVersion">
          <NumberField source="currentVersion" />
        </Labeled>
        <Labeled source="updatedAt">
          <DateTimeField source="updatedAt" />
        </Labeled>
      </Box>
      <Box sx={row}>
        <Labeled source="approvedAt">
          <DateTimeField source="approvedAt" emptyText="-" />
        </Labeled>
        <Labeled source="stampSerial">
          <TextField source="stampSerial" emptyText="-" sx={{ fontFamily: 'monospace' }} data-testid="stamp-serial" />
        </Labeled>
        <Labeled source="stampDuty">
          <RupiahField source="stampDuty" emptyText="-" />
        </Labeled>
        <Labeled source="stampProvider">
          <TextField source="stampProvider" emptyText="-" />
        </Labeled>
        <Labeled source="confirmedAt">
          <DateTimeField source="confirmedAt" emptyText="-" />
        </Labeled>
      </Box>
      <Box sx={row}>
        <Labeled source="documentCode">
          <TextField source="documentCode" sx={{ fontFamily: 'monospace' }} />
        </Labeled>
        <Labeled source="verifyUrl">
          <MuiLink href={spk.verifyUrl} target="_blank" rel="noopener noreferrer" variant="body2">
            {spk.verifyUrl}
          </MuiLink>
        </Labeled>
      </Box>
      {spk.status === 'REVISION_REQUESTED' && spk.revisionComments && (
        <Alert severity="warning" data-testid="revision-comments">
          {translate('resources.spks.revisionRequested')}: {spk.revisionComments}
        </Alert>
      )}
      {spk.status === 'SIGNATURE_REJECTED' && spk.rejectionReason && (
        <Alert severity="warning">
          {translate('resources.spks.signatureRejected')}: {spk.rejectionReason}
        </Alert>
      )}
      <SpkProviderSigning />
      <SpkPreview />
    </Stack>
  );
};
