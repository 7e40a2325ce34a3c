import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Alert, Button, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DownloadFileButton, PdfObject, useProtectedFile } from '../files';
import type { Spk } from './choices';

/** The current version's PDF inline (fetched with the session's token, shown from a blob: URL). */
export const SpkPreview = () => {
  const spk = useRecordContext<Spk>();
  const translate = useTranslate();
  const { url, error, isPending } = useProtectedFile(spk?.downloadUrl);
  if (!spk?.downloadUrl) return null;
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate('resources.spks.preview.title', { version: spk.currentVersion })}
          </Typography>
          <Stack direction="row" spacing={1}>
            {url && (
              <Button size="small" component="a" href={url} target="_blank" rel="noopener" startIcon={<OpenInNewIcon />}>
                {translate('resources.spks.preview.open')}
              </Button>
            )}
            <DownloadFileButton path={`${spk.downloadUrl}?download=1`} fallbackName={`${spk.number.replace(/\//g, '-')}.pdf`} label="resources.spks.preview.download" />
          </Stack>
        </Stack>
        {isPending || (!url && !error) ? (
          <CircularProgress size={24} />
        ) : error ? (
          <Alert severity="warning">{translate(error.message, { _: error.message })}</Alert>
        ) : (
          <PdfObject url={url!} title={spk.number} fallback={translate('resources.spks.preview.noViewer')} height={720} testId="spk-pdf" />
        )}
      </CardContent>
    </Card>
  );
};
