import { checkLimits, extractText } from '../pdf/engine';
import { readQrCodes } from '../pdf/qr';
import { readPdfSignatures, type PdfSignatureInfo } from './document/sign';

export type Derivation = 'SAME_FILE' | 'INCREMENTAL_UPDATE' | 'NOT_DERIVED';
export type Verdict = 'DIGITALLY_SIGNED' | 'NEEDS_VISUAL_CHECK' | 'NOT_AUTHENTIC';

export interface VerificationReport {
  documentCodeInText: boolean;
  foreignDocumentCodes: string[];
  qrCodeMatches: boolean | null;
  derivation: Derivation;
  adminSignatureIntact: boolean;
  customerSignatures: { signer: string | null; organization: string | null; validNow: boolean; digestValid: boolean; coversWholeDocument: boolean; signingTime: string | null }[];
  eMeteraiSerialFound: boolean;
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
    // A scan has no text layer: look for our QR on the first and last pages.
    const pages = [...new Set([1, pageCount])];
    const found = await readQrCodes(upload, pages, 150);
    qrCodeMatches = found.includes(expected.verifyUrl);
    if (found.some((f) => f && f !== expected.verifyUrl)) notes.push('QR_OF_ANOTHER_DOCUMENT');
  }

  const adminSignatures: PdfSignatureInfo[] = readPdfSignatures(adminSigned);
  const signatures = derivation === 'NOT_DERIVED' ? [] : readPdfSignatures(upload);
  const adminHashes = new Set(adminSignatures.map((s) => s.signedBytesSha256));
  const adminSignatureIntact = derivation !== 'NOT_DERIVED' && signatures.some((s) => adminHashes.has(s.signedBytesSha256) && s.digestValid);
  const customerSignatures = signatures
    .filter((s) => !adminHashes.has(s.signedBytesSha256))
    .map((s) => ({
      signer: s.signerCommonName,
      organization: s.signerOrganization,
      validNow: s.validFrom <= expected.now && expected.now <= s.validTo,
      digestValid: s.digestValid,
      coversWholeDocument: s.coversWholeDocument,
      signingTime: s.signingTime?.toISOString() ?? null,
    }));
  const eMeteraiSerialFound = !!expected.stampSerial && (text.includes(expected.stampSerial) || derivation !== 'NOT_DERIVED');

  let verdict: Verdict;
  if (foreignDocumentCodes.length && !documentCodeInText) verdict = 'NOT_AUTHENTIC';
  else if (!documentCodeInText && !qrCodeMatches) verdict = 'NOT_AUTHENTIC';
  else if (derivation === 'INCREMENTAL_UPDATE' && adminSignatureIntact && customerSignatures.some((s) => s.digestValid && s.validNow && s.coversWholeDocument)) verdict = 'DIGITALLY_SIGNED';
  else verdict = 'NEEDS_VISUAL_CHECK';
  if (derivation === 'SAME_FILE') notes.push('UNCHANGED_COPY_OF_ADMIN_SIGNED');
  if (!eMeteraiSerialFound) notes.push('E_METERAI_NOT_FOUND');

  return { documentCodeInText, foreignDocumentCodes, qrCodeMatches, derivation, adminSignatureIntact, customerSignatures, eMeteraiSerialFound, pageCount, verdict, notes };
}
