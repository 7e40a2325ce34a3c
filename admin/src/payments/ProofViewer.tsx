import DownloadIcon from '@mui/icons-material/Download';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { PdfObject, saveBlob, useProtectedFile } from '../files';
import type { Payment } from './choices';

/**
 * The customer's transfer proof, shown inline: an image as <img>, a PDF in an <object>. It is
 * fetched with the session's token and shown from a blob: URL (the token never goes into a URL).
 */
export const ProofViewer = () => {
  const payment = useRecordContext<Payment>();
  const translate = useTranslate();
  const { url, contentType, fileName, blob, error, isPending } = useProtectedFile(payment?.proofUrl);
  if (!payment || payment.method !== 'BANK_TRANSFER') return null;
  const name = fileName ?? `bukti-${payment.reference}`;
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate('resources.payments.proof.title')}
          </Typography>
          {url && blob && (
            <Stack direction="row" spacing={1}>
              <Button size="small" component="a" href={url} target="_blank" rel="noopener" startIcon={<OpenInNewIcon />}>
                {translate('resources.payments.proof.open')}
              </Button>
              <Button size="small" startIcon={<DownloadIcon />} onClick={() => saveBlob(blob, name)}>
                {translate('resources.payments.proof.download')}
              </Button>
            </Stack>
          )}
        </Stack>
        {!payment.proofUrl ? (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.payments.proof.notUploaded')}
          </Typography>
        ) : isPending || (!url && !error) ? (
          <CircularProgress size={24} />
        ) : error ? (
          <Alert severity="warning">{translate(error.message, { _: error.message })}</Alert>
        ) : contentType === 'application/pdf' ? (
          <PdfObject url={url!} title={translate('resources.payments.proof.title')} fallback={translate('resources.payments.proof.noPreview')} />
        ) : contentType?.startsWith('image/') ? (
          <Box
            component="img"
            src={url!}
            alt={translate('resources.payments.proof.alt', { reference: payment.reference })}
            data-testid="payment-proof"
            sx={{ display: 'block', maxWidth: '100%', maxHeight: 560, minWidth: 48, minHeight: 48, objectFit: 'contain', border: 1, borderColor: 'divider', borderRadius: 1, imageRendering: 'auto' }}
          />
        ) : (
          <Typography variant="body2">{translate('resources.payments.proof.noPreview')}</Typography>
        )}
      </CardContent>
    </Card>
  );
};
