import CheckIcon from '@mui/icons-material/Check';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ActionButton } from '../../actions';
import { callApi } from '../../dataProvider';
import { StatusChipField } from '../../fields';
import { DownloadFileButton } from '../../files';
import { SPK_STATUS_COLORS } from '../../orders/choices';
import { APPROVE_SPK, REQUEST_SPK_REVISION } from '../api';
import { FileUploadButton } from '../upload/FileUploadButton';
import { ProviderSigningPanel } from './ProviderSigningPanel';
import type { CustomerOrder } from './types';

const SIGNED_MAX_BYTES = 10 * 1024 * 1024; // the API's limit for a signed SPK

/**
 * The contract (SPK) of the order, as far as the customer takes part: read the draft and approve it
 * or ask for changes, download the copy signed by the provider (with its e-Meterai), sign it and
 * upload it back. Until an admin confirms it, the order cannot be paid nor its hosting created.
 */
export const SpkPanel = ({ order }: { order: CustomerOrder }) => {
  const translate = useTranslate();
  const spk = order.spk;
  const can = (action: string) => !!spk?.allowedActions.includes(action);
  return (
    <Card variant="outlined" data-testid="spk-panel">
      <CardContent>
        <Stack spacing={1.5}>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {translate('angsur.customer.spk.title')}
            </Typography>
            {spk && (
              <>
                <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
                  {spk.number}
                </Typography>
                <StatusChipField source="spk.status" prefix="resources.orders.spk.status" colors={SPK_STATUS_COLORS} />
              </>
            )}
          </Box>
          {order.spkNotice && order.status !== 'CANCELLED' && (
            <Alert severity="warning" data-testid="spk-notice">
              {order.spkNotice}
            </Alert>
          )}
          <Typography variant="body2" data-testid="spk-explanation">
            {translate(`angsur.customer.spk.explain.${spk?.status ?? 'NONE'}`)}
          </Typography>
          {spk?.status === 'REVISION_REQUESTED' && spk.revisionComments && (
            <Typography variant="body2" color="text.secondary">
              {translate('angsur.customer.spk.yourComments')}: {spk.revisionComments}
            </Typography>
          )}
          {spk?.status === 'SIGNATURE_REJECTED' && spk.rejectionReason && (
            <Alert severity="error">
              {translate('angsur.customer.spk.rejectedBecause')}: {spk.rejectionReason}
            </Alert>
          )}
          {spk && (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}>
              <DownloadFileButton
                path={`${spk.downloadUrl}?download=1`}
                fallbackName={`${spk.number.replace(/\//g, '-')}.pdf`}
                label="angsur.customer.spk.download"
                variant="outlined"
              />
              {can('APPROVE') && (
                <ActionButton
                  label="angsur.customer.spk.approve"
                  icon={<CheckIcon />}
                  color="success"
                  title="angsur.customer.spk.approveTitle"
                  message="angsur.customer.spk.approveMessage"
                  messageArgs={{ number: spk.number }}
                  successMessage="angsur.customer.spk.approved"
                  onConfirm={() => callApi(APPROVE_SPK, { id: spk.id })}
                />
              )}
              {can('REQUEST_REVISION') && (
                <ActionButton
                  label="angsur.customer.spk.requestRevision"
                  icon={<EditNoteIcon />}
                  color="warning"
                  title="angsur.customer.spk.revisionTitle"
                  message="angsur.customer.spk.revisionMessage"
                  messageArgs={{ number: spk.number }}
                  reasonLabel="angsur.customer.spk.revisionComments"
                  successMessage="angsur.customer.spk.revisionSent"
                  onConfirm={(reason) => callApi(REQUEST_SPK_REVISION, { id: spk.id, input: { reason } })}
                />
              )}
            </Box>
          )}
          {spk && <ProviderSigningPanel spk={spk} canSign={can('UPLOAD_SIGNED')} />}
          {spk && can('UPLOAD_SIGNED') && (
            <FileUploadButton
              path={`/files/spk/${spk.id}/signed`}
              label="angsur.customer.spk.uploadSigned"
              hint="angsur.customer.spk.uploadHint"
              accept={['application/pdf']}
              maxBytes={SIGNED_MAX_BYTES}
              successMessage="angsur.customer.spk.uploaded"
              testId="spk-upload"
            />
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
