import { Alert, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { signedPair, type Spk } from './choices';
import { SignatureCompare } from './SignatureCompare';
import { VerificationReport } from './VerificationReport';

/** Tab "Tanda tangan pelanggan": the report on the latest upload and the signature pages side by side. */
export const SpkVerification = (_props: { label?: false }) => {
  const spk = useRecordContext<Spk>();
  const translate = useTranslate();
  if (!spk) return null;
  const pair = signedPair(spk);
  if (!pair) return <Alert severity="info" sx={{ my: 1 }}>{translate('resources.spks.verification.noUpload')}</Alert>;
  return (
    <Stack spacing={2} sx={{ py: 1 }}>
      <VerificationReport upload={pair.upload} />
      {pair.adminSigned && <SignatureCompare spkId={spk.id} adminSigned={pair.adminSigned} upload={pair.upload} />}
    </Stack>
  );
};
