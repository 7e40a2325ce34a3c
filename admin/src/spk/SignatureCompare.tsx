import { Alert, Box, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useProtectedFile } from '../files';
import type { SpkVersion } from './choices';

const pagePath = (spkId: string, version: number, page: number | 'last') => `/files/spk/${spkId}/versions/${version}/pages/${page}.png`;

/** One rendered page (PNG from the server's poppler), or why it is not there. */
const PageImage = ({ path, caption, testId }: { path: string | null; caption: string; testId: string }) => {
  const translate = useTranslate();
  const { url, error, isPending } = useProtectedFile(path);
  return (
    <Box sx={{ flex: '1 1 360px', minWidth: 0 }}>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {caption}
      </Typography>
      {error ? (
        <Alert severity="warning">{translate(error.message, { _: error.message })}</Alert>
      ) : isPending || !url ? (
        <CircularProgress size={24} />
      ) : (
        <Box
          component="img"
          src={url}
          alt={caption}
          data-testid={testId}
          sx={{ display: 'block', width: '100%', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'common.white' }}
        />
      )}
    </Box>
  );
};

/**
 * The signature page of the admin-signed version (its last page, where the signature blocks and the
 * e-Meterai are) beside the same page of the customer's upload, for judging a wet-ink signature.
 * The upload's page is asked for once the admin page's number is known; a shorter upload shows its last page.
 */
export const SignatureCompare = ({ spkId, adminSigned, upload }: { spkId: string; adminSigned: SpkVersion; upload: SpkVersion }) => {
  const translate = useTranslate();
  const admin = useProtectedFile(pagePath(spkId, adminSigned.version, 'last'));
  const signaturePage = Number(admin.headers?.['x-page-number']) || null;
  const uploadPages = upload.verification?.pageCount ?? null;
  const uploadPage = signaturePage === null ? null : uploadPages !== null && uploadPages < signaturePage ? 'last' : signaturePage;
  return (
    <Card variant="outlined" data-testid="signature-compare">
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('resources.spks.compare.title', { page: signaturePage ?? '…' })}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <PageImage path={pagePath(spkId, adminSigned.version, 'last')} caption={translate('resources.spks.compare.adminSigned', { version: adminSigned.version })} testId="page-admin-signed" />
          <PageImage
            path={uploadPage === null ? null : pagePath(spkId, upload.version, uploadPage)}
            caption={translate('resources.spks.compare.upload', { version: upload.version })}
            testId="page-customer-signed"
          />
        </Box>
      </CardContent>
    </Card>
  );
};
