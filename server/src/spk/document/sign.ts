import { randomBytes } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { PDFArray, PDFDict, PDFName, PDFRef, PDFString, type PDFPage } from 'pdf-lib';
import { embedFonts, type Fonts } from './fonts';
import { IncrementalEditor } from './incremental';
import { COLORS, baselineOffset, lineHeight, wrapText } from './layout';
import type { Box } from './types';

export { readPdfSignatures, type PdfSignatureInfo } from './verify';

export interface SigningIdentity {
  /** PKCS#12 holding the private key and its certificate (chain). */
  p12: Buffer;
  passphrase: string;
}

export interface SignOptions {
  reason: string;
  location: string;
  name: string;
  contactInfo?: string;
  signingTime: Date;
  /** The box is drawn on its page before the placeholder is added, so the signature covers it. */
  visible: { box: Box; lines: string[] };
}

/**
 * Room for the PKCS#7 in /Contents. A self-signed RSA-2048 signature is about 1.2 KB; a production
 * chain of three RSA-4096 certificates stays under 8 KB. The placeholder is written in hex, so the file
 * grows by twice this.
 */
const SIGNATURE_BYTES = 16_384;

/**
 * A self-signed RSA-2048 certificate and key as PKCS#12, for the embedded/dev mode where no
 * certificate from a CA is configured. Readers will show the signature as valid but the signer as
 * untrusted, which is the truth.
 */
export async function generateDevIdentity(opts: { commonName: string; organization: string; email?: string; validDays?: number }): Promise<SigningIdentity> {
  // With a callback, forge uses Node's native key generation (crypto.generateKeyPair) off the main thread.
  const keys = await new Promise<forge.pki.rsa.KeyPair>((resolve, reject) =>
    forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }, (err, pair) => (err ? reject(err) : resolve(pair))),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  // Positive serial (first byte below 0x80), 128 bits of randomness as CAs use.
  cert.serialNumber = `01${randomBytes(16).toString('hex')}`;
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 5 * 60_000); // tolerate clocks a little behind
  cert.validity.notAfter = new Date(now + (opts.validDays ?? 730) * 86_400_000);
  const subject: forge.pki.CertificateField[] = [
    { name: 'countryName', value: 'ID' },
    { name: 'organizationName', value: opts.organization },
    { name: 'commonName', value: opts.commonName },
    ...(opts.email ? [{ name: 'emailAddress', value: opts.email }] : []),
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    // emailProtection for readers that check it; 1.3.6.1.5.5.7.3.36 is id-kp-documentSigning (RFC 9336).
    { name: 'extKeyUsage', emailProtection: true, '1.3.6.1.5.5.7.3.36': true },
    { name: 'subjectKeyIdentifier' },
    ...(opts.email ? [{ name: 'subjectAltName', altNames: [{ type: 1, value: opts.email }] }] : []),
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const passphrase = randomBytes(18).toString('base64url');
  // 3DES key bags: what OpenSSL, NSS and forge all read.
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], passphrase, { algorithm: '3des', friendlyName: opts.commonName });
  return { p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), passphrase };
}

/** '24-11-2026 10:15 WIB'. Asia/Jakarta is UTC+7 all year (no daylight saving). */
export function formatJakartaDateTime(date: Date): string {
  const t = new Date(date.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getUTCDate())}-${p(t.getUTCMonth() + 1)}-${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())} WIB`;
}

/**
 * The visible signature: a framed block with the signer's lines, the statement that it was signed
 * electronically, the time and the reason. The font size shrinks until everything fits the box.
 */
function drawVisibleBlock(page: PDFPage, fonts: Pick<Fonts, 'regular' | 'bold'>, box: Box, lines: string[]) {
  const pad = 6;
  const width = box.width - 2 * pad;
  page.drawRectangle({ x: box.x, y: box.y, width: box.width, height: box.height, color: COLORS.white, borderColor: COLORS.rule, borderWidth: 0.6 });
  let size = 8.5;
  let wrapped: { text: string; bold: boolean }[] = [];
  for (; size >= 5; size -= 0.5) {
    wrapped = lines.flatMap((line, i) => wrapText(line, i === 0 ? fonts.bold : fonts.regular, size, width).map((text) => ({ text, bold: i === 0 })));
    if (wrapped.length * lineHeight(size) <= box.height - 2 * pad) break;
  }
  const top = box.y + box.height - pad - Math.max(0, (box.height - 2 * pad - wrapped.length * lineHeight(size)) / 2);
  wrapped.forEach((l, i) => {
    const y = top - baselineOffset(size) - i * lineHeight(size);
    if (y < box.y) return; // even at the smallest size it does not fit: cut rather than spill over the page
    page.drawText(l.text, { x: box.x + pad, y, size, font: l.bold ? fonts.bold : fonts.regular, color: COLORS.text });
  });
}

/**
 * pdflibAddPlaceholder replaces an AcroForm /Fields array that is an indirect object with a new empty
 * one, which would drop the fields already there, such as the e-Meterai's signature. Making the
 * array direct lets it append to the existing list instead.
 */
function keepExistingFields(editor: IncrementalEditor) {
  const acroForm = editor.doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acroForm?.get(PDFName.of('Fields'));
  if (acroForm && fields instanceof PDFRef) acroForm.set(PDFName.of('Fields'), acroForm.lookup(PDFName.of('Fields'), PDFArray));
}

/** pdflibAddPlaceholder always names the field "Signature1"; field names must be unique in a form. */
function renameNewestField(editor: IncrementalEditor, base: string) {
  const acroForm = editor.doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields || fields.size() === 0) return;
  const names = new Set<string>();
  for (let i = 0; i < fields.size() - 1; i++) {
    const t = fields.lookupMaybe(i, PDFDict)?.lookupMaybe(PDFName.of('T'), PDFString);
    if (t) names.add(t.decodeText());
  }
  let n = 1;
  while (names.has(`${base}${n}`)) n++;
  fields.lookup(fields.size() - 1, PDFDict).set(PDFName.of('T'), PDFString.of(`${base}${n}`));
}

/**
 * Signs a PDF with a detached PKCS#7 (SubFilter adbe.pkcs7.detached) whose ByteRange covers the whole
 * file except the /Contents hole. The signature is added as an incremental update, so earlier
 * signatures (the e-Meterai's) stay valid. ETSI.CAdES.detached is not used: CAdES requires the
 * signing-certificate-v2 attribute, which @signpdf/signer-p12 (node-forge) cannot add.
 */
export async function signPdf(pdf: Uint8Array, identity: SigningIdentity, opts: SignOptions): Promise<Buffer> {
  const editor = await IncrementalEditor.open(pdf);
  const doc = editor.doc;
  const { box } = opts.visible;
  if (!Number.isInteger(box.page) || box.page < 0 || box.page >= doc.getPageCount()) throw new RangeError(`page ${box.page} does not exist`);
  const page = doc.getPage(box.page);

  // Earlier content may leave the graphics state changed (an unbalanced cm): wrap it in q ... Q so
  // the block lands where the box says.
  page.node.normalize();
  page.node.wrapContentStreams(doc.context.getPushGraphicsStateContentStream(), doc.context.getPopGraphicsStateContentStream());
  // Salted subset names: this subset differs from the one of the same font already in the file.
  const fonts = await embedFonts(doc, ['regular', 'bold'] as const, `sig:${opts.signingTime.toISOString()}`);
  drawVisibleBlock(page, fonts, box, [...opts.visible.lines, 'Ditandatangani secara elektronik', formatJakartaDateTime(opts.signingTime), `Alasan: ${opts.reason}`]);

  keepExistingFields(editor);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    pdfPage: page,
    reason: opts.reason,
    contactInfo: opts.contactInfo ?? '',
    name: opts.name,
    location: opts.location,
    signingTime: opts.signingTime,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    widgetRect: [box.x, box.y, box.x + box.width, box.y + box.height],
    appName: 'Angsur',
  });
  renameNewestField(editor, 'Tanda tangan ');
  const prepared = await editor.save();
  const signer = new P12Signer(identity.p12, { passphrase: identity.passphrase });
  return new SignPdf().sign(prepared, signer, opts.signingTime);
}
