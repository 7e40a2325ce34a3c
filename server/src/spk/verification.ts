import { PDFDocument } from 'pdf-lib';
import { checkLimits, extractText, renderPage } from '../pdf/engine';
import { readPdfSignatures, type PdfSignatureInfo } from './document/sign';
import { compareWithSignedRevision, type RevisionChange } from './document/revisions';
import { decodeAllQr } from './qr-scan';
import { chainsToAnchor } from './signature-provider/trust';

export type Derivation = 'SAME_FILE' | 'INCREMENTAL_UPDATE' | 'NOT_DERIVED';
export type Verdict = 'DIGITALLY_SIGNED' | 'NEEDS_VISUAL_CHECK' | 'MODIFIED_AFTER_SIGNING' | 'NOT_AUTHENTIC';

export interface VerificationReport {
  documentCodeInText: boolean;
  foreignDocumentCodes: string[];
  qrCodeMatches: boolean | null;
  derivation: Derivation;
  adminSignatureIntact: boolean;
  customerSignatures: {
    signer: string | null;
    organization: string | null;
    validNow: boolean;
    digestValid: boolean;
    coversWholeDocument: boolean;
    signingTime: string | null;
    /** Who issued the signer's certificate (its CN). */
    issuer: string | null;
    /** The certificate chains to the configured PSrE's CA (UploadExpectations.certifiedBy). */
    certified: boolean;
    /** The certificate names an NIK (subject serialNumber) and it is the customer's; null when it names none. */
    nikMatches: boolean | null;
  }[];
  /**
   * A customer signature that verifies, covers the whole file and chains to the configured PSrE's CA
   * (PP 71/2019: a certified electronic signature); the provider's name, else null.
   */
  certifiedBy: string | null;
  eMeteraiSerialFound: boolean;
  /** What the upload changed after our signature, beyond what signing needs; any entry means MODIFIED_AFTER_SIGNING. */
  changesAfterSigning: RevisionChange[];
  /** What it added that signing allows (signature fields, comments). */
  allowedAdditions: string[];
  pageCount: number;
  verdict: Verdict;
  notes: string[];
}

const CODE_PATTERN = /SPK-[A-Z0-9]{10}/g;

export interface UploadExpectations {
  documentCode: string;
  verifyUrl: string;
  stampSerial: string | null;
  now: Date;
  /** The configured signature provider and its CA certificates (PEM): chains to these count as certified. */
  certifiedBy?: { provider: string; anchorsPem: string[] } | null;
  /** The customer's NIK, compared with the one a PSrE certificate names. */
  customerNik?: string | null;
}

/**
 * What the admin needs to judge a signed SPK the customer sent back. Automatic: is it our document
 * (code in the text layer or the QR of a scan), does it derive from the admin-signed file (an
 * incremental update keeps our bytes as its prefix), which digital signatures it carries. A wet-ink
 * signature on a printed-and-scanned copy can only be judged by a person: NEEDS_VISUAL_CHECK.
 */
/**
 * Reads untrusted bytes with MuPDF in the calling thread: call it through the worker pool
 * (pdf/index.ts verifySignedUpload), never on the thread that answers requests.
 */
export async function verifyCustomerUpload(
  upload: Uint8Array,
  adminSigned: Uint8Array,
  expected: UploadExpectations,
): Promise<VerificationReport> {
  const notes: string[] = [];
  const text = (await extractText(upload)).join('\f');
  const codes = new Set(text.match(CODE_PATTERN) ?? []);
  const documentCodeInText = codes.has(expected.documentCode);
  const foreignDocumentCodes = [...codes].filter((c) => c !== expected.documentCode);
  const { pageCount } = await checkLimits(upload);

  const u = Buffer.from(upload);
  const a = Buffer.from(adminSigned);
  const derivation: Derivation = u.equals(a) ? 'SAME_FILE' : u.length > a.length && u.subarray(0, a.length).equals(a) ? 'INCREMENTAL_UPDATE' : 'NOT_DERIVED';

  let qrCodeMatches: boolean | null = null;
  if (!documentCodeInText) {
    // A scan has no text layer: read every QR on the first and last pages (the signature page also
    // carries the e-Meterai's QR) and look for ours. Only a verification link of another SPK is
    // suspicious; the e-Meterai's code or any other QR is not.
    const pages = [...new Set([1, pageCount])];
    // Runs inside the PDF worker (pdf/worker-ops.ts), so rendering and the QR search stay off the event loop.
    const found: string[] = [];
    for (const page of pages) {
      const rendered = await renderPage(upload, page, { dpi: 150 });
      if (rendered) found.push(...decodeAllQr(Buffer.from(rendered.png), (codes) => codes.includes(expected.verifyUrl)));
      if (found.includes(expected.verifyUrl)) break;
    }
    qrCodeMatches = found.includes(expected.verifyUrl);
    if (found.some((f) => f !== expected.verifyUrl && /\/verify\/SPK-[A-Z0-9]{10}$/.test(f))) notes.push('QR_OF_ANOTHER_DOCUMENT');
  }

  const adminSignatures: PdfSignatureInfo[] = readPdfSignatures(adminSigned);
  const allSignatures = readPdfSignatures(upload);
  const signatures = derivation === 'NOT_DERIVED' ? [] : allSignatures;
  const adminHashes = new Set(adminSignatures.map((s) => s.signedBytesSha256));
  const ourCertificates = new Set(adminSignatures.map((s) => s.certificateSha256).filter((c) => c !== null));
  const adminSignatureIntact = derivation !== 'NOT_DERIVED' && signatures.some((s) => adminHashes.has(s.signedBytesSha256) && s.digestValid);

  // After our signature, only what signing needs may be added (see document/revisions.ts).
  const changesAfterSigning: RevisionChange[] = [];
  const allowedAdditions: string[] = [];
  if (derivation === 'INCREMENTAL_UPDATE') {
    const compared = await compareWithSignedRevision(adminSigned, upload);
    changesAfterSigning.push(...compared.changes);
    allowedAdditions.push(...compared.additions);
  }
  const later = signatures.filter((s) => !adminHashes.has(s.signedBytesSha256));
  // Only we hold our key and we sign once: a later revision under our certificate is not the customer's.
  if (later.some((s) => s.certificateSha256 && ourCertificates.has(s.certificateSha256))) {
    changesAfterSigning.push({ kind: 'SIGNATURE', detail: 'revisi setelah tanda tangan kami ditandatangani lagi dengan sertifikat kami' });
  }
  // Rewritten from scratch (not our bytes plus updates) yet still carrying our signature, which no
  // longer verifies: what changed cannot be told, and our signature does not vouch for it.
  if (derivation === 'NOT_DERIVED' && allSignatures.some((s) => s.certificateSha256 && ourCertificates.has(s.certificateSha256) && !adminHashes.has(s.signedBytesSha256))) {
    changesAfterSigning.push({ kind: 'REWRITTEN', detail: 'berkas ditulis ulang: tanda tangan kami ada tetapi tidak lagi sesuai dengan isinya' });
  }
  const customerSignatures = later
    .filter((s) => !(s.certificateSha256 && ourCertificates.has(s.certificateSha256)))
    .map((s) => ({
      signer: s.signerCommonName,
      organization: s.signerOrganization,
      validNow: s.validFrom <= expected.now && expected.now <= s.validTo,
      digestValid: s.digestValid,
      coversWholeDocument: s.coversWholeDocument,
      signingTime: s.signingTime?.toISOString() ?? null,
      issuer: s.issuerCommonName,
      certified:
        !!expected.certifiedBy && !!s.certificateDer && chainsToAnchor(s.certificateDer, s.chainDer, expected.certifiedBy.anchorsPem, s.signingTime ?? expected.now).certified,
      nikMatches: s.signerSerialNumber && /^\d{16}$/.test(s.signerSerialNumber) ? s.signerSerialNumber === expected.customerNik : null,
    }));
  const certified = customerSignatures.some((s) => s.certified && s.digestValid && s.coversWholeDocument && s.nikMatches !== false);
  const certifiedBy = certified && derivation === 'INCREMENTAL_UPDATE' && adminSignatureIntact && !changesAfterSigning.length ? expected.certifiedBy!.provider : null;
  const eMeteraiSerialFound = !!expected.stampSerial && (text.includes(expected.stampSerial) || derivation !== 'NOT_DERIVED');

  let verdict: Verdict;
  if (foreignDocumentCodes.length && !documentCodeInText) verdict = 'NOT_AUTHENTIC';
  else if (!documentCodeInText && !qrCodeMatches) verdict = 'NOT_AUTHENTIC';
  else if (changesAfterSigning.length) verdict = 'MODIFIED_AFTER_SIGNING';
  else if (derivation === 'INCREMENTAL_UPDATE' && adminSignatureIntact && customerSignatures.some((s) => s.digestValid && s.validNow && s.coversWholeDocument)) verdict = 'DIGITALLY_SIGNED';
  else verdict = 'NEEDS_VISUAL_CHECK';
  if (derivation === 'SAME_FILE') notes.push('UNCHANGED_COPY_OF_ADMIN_SIGNED');
  if (!eMeteraiSerialFound) notes.push('E_METERAI_NOT_FOUND');
  if (customerSignatures.some((s) => s.nikMatches === false)) notes.push('CERTIFICATE_NIK_MISMATCH');

  return { documentCodeInText, foreignDocumentCodes, qrCodeMatches, derivation, adminSignatureIntact, customerSignatures, eMeteraiSerialFound, changesAfterSigning, allowedAdditions, pageCount, verdict, notes, certifiedBy };
}
