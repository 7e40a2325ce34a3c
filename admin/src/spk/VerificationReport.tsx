import CheckIcon from '@mui/icons-material/CheckCircle';
import CrossIcon from '@mui/icons-material/Cancel';
import InfoIcon from '@mui/icons-material/Info';
import { Alert, Box, Card, CardContent, Chip, List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocale, useTranslate } from 'react-admin';
import { formatDateTime } from '../format';
import { VERDICT_COLORS, type SpkVersion, type VerificationReport as Report } from './choices';

/** One finding: a tick or a cross (or neutral), the statement, and details under it. */
const Finding = ({ ok, text, detail, testId }: { ok: boolean | null; text: string; detail?: ReactNode; testId?: string }) => (
  <ListItem disableGutters data-testid={testId} data-ok={ok === null ? 'n/a' : String(ok)} sx={{ alignItems: 'flex-start' }}>
    <ListItemIcon sx={{ minWidth: 36, mt: 0.5 }}>
      {ok === null ? <InfoIcon color="action" /> : ok ? <CheckIcon color="success" /> : <CrossIcon color="error" />}
    </ListItemIcon>
    <ListItemText primary={text} secondary={detail} slotProps={{ secondary: { component: 'div' } }} />
  </ListItem>
);

/** The customer's signatures found in the upload: who, when, and whether each holds. */
const CustomerSignatures = ({ report }: { report: Report }) => {
  const translate = useTranslate();
  const locale = useLocale();
  if (!report.customerSignatures.length) return <>{translate('resources.spks.verification.noCustomerSignature')}</>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {report.customerSignatures.map((s, index) => (
        <li key={index} data-testid="customer-signature">
          <strong>{s.signer ?? translate('resources.spks.verification.unknownSigner')}</strong>
          {s.organization ? ` (${s.organization})` : ''}
          {s.signingTime ? ` · ${formatDateTime(s.signingTime, locale)}` : ''}
          {' · '}
          {translate(s.digestValid ? 'resources.spks.verification.digestValid' : 'resources.spks.verification.digestInvalid')}
          {' · '}
          {translate(s.validNow ? 'resources.spks.verification.certValid' : 'resources.spks.verification.certInvalid')}
          {' · '}
          {translate(s.coversWholeDocument ? 'resources.spks.verification.coversAll' : 'resources.spks.verification.coversPart')}
          {s.issuer ? ` · ${translate('resources.spks.psre.issuer')}: ${s.issuer}` : ''}
          {' · '}
          <span data-testid="customer-signature-certified">
            {s.certified && report.certifiedBy ? translate('resources.spks.psre.certified', { provider: report.certifiedBy }) : translate('resources.spks.psre.notCertified')}
          </span>
        </li>
      ))}
    </Box>
  );
};

/**
 * What the server found in the customer's signed upload, as statements staff can check one by one,
 * with the verdict first: DIGITALLY_SIGNED can be confirmed as it is; NEEDS_VISUAL_CHECK (a printed,
 * wet-ink signed and scanned copy) needs a look at the signature page beside ours.
 */
export const VerificationReport = ({ upload }: { upload: SpkVersion }) => {
  const translate = useTranslate();
  const report = upload.verification;
  const k = 'resources.spks.verification';
  if (!report) return <Alert severity="info">{translate(`${k}.missing`)}</Alert>;
  const signatureOk = report.customerSignatures.some((s) => s.digestValid && s.validNow && s.coversWholeDocument);
  return (
    <Card variant="outlined" data-testid="verification-report">
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate(`${k}.title`, { version: upload.version })}
          </Typography>
          <Chip label={translate(`${k}.verdicts.${report.verdict}`)} color={VERDICT_COLORS[report.verdict]} data-testid="verdict" data-verdict={report.verdict} />
        </Box>
        <Typography variant="body2" color="text.secondary">
          {translate(`${k}.verdictHelp.${report.verdict}`)}
        </Typography>
        <List dense>
          <Finding
            testId="finding-code"
            ok={report.documentCodeInText || report.qrCodeMatches === true}
            text={translate(report.documentCodeInText ? `${k}.codeInText` : report.qrCodeMatches ? `${k}.codeInQr` : `${k}.codeMissing`)}
            detail={report.foreignDocumentCodes.length ? translate(`${k}.foreignCodes`, { codes: report.foreignDocumentCodes.join(', ') }) : undefined}
          />
          <Finding testId="finding-derivation" ok={report.derivation !== 'NOT_DERIVED'} text={translate(`${k}.derivation.${report.derivation}`)} />
          <Finding testId="finding-admin-signature" ok={report.adminSignatureIntact} text={translate(report.adminSignatureIntact ? `${k}.adminIntact` : `${k}.adminBroken`)} />
          <Finding
            testId="finding-customer-signature"
            ok={report.customerSignatures.length ? signatureOk : null}
            text={
              report.customerSignatures.length
                ? translate(`${k}.customerSignatures`, { smart_count: report.customerSignatures.length })
                : translate(`${k}.noCustomerSignatures`)
            }
            detail={<CustomerSignatures report={report} />}
          />
          <Finding
            testId="finding-changes"
            ok={report.changesAfterSigning ? report.changesAfterSigning.length === 0 : null}
            text={translate(report.changesAfterSigning?.length ? `${k}.changed` : `${k}.unchanged`)}
            detail={
              report.changesAfterSigning?.length || report.allowedAdditions?.length ? (
                <Box component="ul" sx={{ m: 0, pl: 2 }}>
                  {report.changesAfterSigning?.map((c, i) => (
                    <li key={`c${i}`} data-testid="change-after-signing">
                      {c.detail}
                    </li>
                  ))}
                  {report.allowedAdditions?.map((a, i) => <li key={`a${i}`}>{translate(`${k}.allowedAddition`, { what: a })}</li>)}
                </Box>
              ) : undefined
            }
          />
          <Finding testId="finding-emeterai" ok={report.eMeteraiSerialFound} text={translate(report.eMeteraiSerialFound ? `${k}.stampFound` : `${k}.stampMissing`)} />
          <Finding ok={null} text={translate(`${k}.pages`, { smart_count: report.pageCount })} />
        </List>
        {report.notes.map((note) => (
          <Alert key={note} severity="warning" sx={{ mt: 1 }}>
            {translate(`${k}.notes.${note}`, { _: note })}
          </Alert>
        ))}
      </CardContent>
    </Card>
  );
};
