import { randomBytes } from 'node:crypto';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { DEFAULT_BYTE_RANGE_PLACEHOLDER, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, degrees, drawRectangle, drawText, type PDFDocument, type PDFOperator, type PDFPage, type PDFRef } from 'pdf-lib';
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
  /**
   * The first party's signature certifies the document (DocMDP, P=2): after it only form filling and
   * signatures are allowed. Customer signatures are approval signatures (false).
   */
  certify?: boolean;
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
 * The visible signature as the widget's appearance stream (a form XObject in the widget's own
 * coordinates): a framed block with the signer's lines, the statement that it was signed
 * electronically, the time and the reason. The font size shrinks until everything fits the box.
 * The page's content streams are left alone: a signature that changed the page would be
 * indistinguishable from tampering (see revisions.ts), and certified documents forbid it.
 */
const STRAIGHT = { rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) };

function visibleAppearance(doc: PDFDocument, fonts: Pick<Fonts, 'regular' | 'bold'>, box: Box, lines: string[]): PDFRef {
  const pad = 6;
  const width = box.width - 2 * pad;
  let size = 8.5;
  let wrapped: { text: string; bold: boolean }[] = [];
  for (; size >= 5; size -= 0.5) {
    wrapped = lines.flatMap((line, i) => wrapText(line, i === 0 ? fonts.bold : fonts.regular, size, width).map((text) => ({ text, bold: i === 0 })));
    if (wrapped.length * lineHeight(size) <= box.height - 2 * pad) break;
  }
  const top = box.height - pad - Math.max(0, (box.height - 2 * pad - wrapped.length * lineHeight(size)) / 2);
  const ops: PDFOperator[] = [
    ...drawRectangle({ x: 0, y: 0, width: box.width, height: box.height, color: COLORS.white, borderColor: COLORS.rule, borderWidth: 0.6, ...STRAIGHT }),
  ];
  wrapped.forEach((l, i) => {
    const y = top - baselineOffset(size) - i * lineHeight(size);
    if (y < 0) return; // even at the smallest size it does not fit: cut rather than spill out of the box
    const font = l.bold ? fonts.bold : fonts.regular;
    ops.push(...drawText(font.encodeText(l.text), { x: pad, y, size, font: l.bold ? 'FB' : 'FR', color: COLORS.text, ...STRAIGHT }));
  });
  const stream = doc.context.formXObject(ops, {
    BBox: [0, 0, box.width, box.height],
    Resources: { Font: { FR: fonts.regular.ref, FB: fonts.bold.ref } },
  });
  return doc.context.register(stream);
}

/** "Tanda tangan 1", "Tanda tangan 2", ...: field names must be unique in a form. */
function nextFieldName(doc: PDFDocument, fields: PDFArray, base: string): string {
  const names = new Set<string>();
  for (let i = 0; i < fields.size(); i++) {
    const t = fields.lookupMaybe(i, PDFDict)?.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString);
    if (t) names.add(t.decodeText());
  }
  let n = 1;
  while (names.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/**
 * The signature dictionary, its field/widget with the visible block as appearance, the AcroForm
 * entry and, for the certifying signature, the DocMDP permissions (ISO 32000-1 12.8.2.2): P=2 allows
 * only form filling and further signatures, so readers flag anything else added after ours. DocMDP
 * must be the first signature of a document; when one is already there (a Peruri e-Meterai), the
 * same permission is set through the field's lock dictionary (FieldMDP with /P, ISO 32000-2 12.7.5.5).
 * The ByteRange and Contents are placeholders that @signpdf/signpdf fills in (ByteRange must come first).
 */
function addSignaturePlaceholder(doc: PDFDocument, page: PDFPage, opts: SignOptions, appearance: PDFRef, certify: boolean) {
  const ctx = doc.context;
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict) ?? ctx.obj({});
  if (!doc.catalog.has(PDFName.of('AcroForm'))) doc.catalog.set(PDFName.of('AcroForm'), ctx.register(acroForm));
  // An indirect /Fields array is edited where it is, so the fields already there (the e-Meterai's) stay.
  let fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) acroForm.set(PDFName.of('Fields'), (fields = ctx.obj([])));
  const earlierSignature = fields.asArray().some((_, i) => fields!.lookupMaybe(i, PDFDict)?.get(PDFName.of('FT'))?.toString() === '/Sig');
  const params = { Type: 'TransformParams', P: 2, V: '1.2' };
  const docMdp = certify && !earlierSignature;
  const fieldMdp = certify && earlierSignature;
  const placeholder = DEFAULT_BYTE_RANGE_PLACEHOLDER;
  const sig = ctx.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    ByteRange: [0, PDFName.of(placeholder), PDFName.of(placeholder), PDFName.of(placeholder)],
    Contents: PDFHexString.of('00'.repeat(SIGNATURE_BYTES)),
    Reason: PDFString.of(opts.reason),
    M: PDFString.fromDate(opts.signingTime),
    ContactInfo: PDFString.of(opts.contactInfo ?? ''),
    Name: PDFString.of(opts.name),
    Location: PDFString.of(opts.location),
    Prop_Build: { Filter: { Name: 'Adobe.PPKLite' }, App: { Name: 'Angsur' } },
  });
  if (docMdp) sig.set(PDFName.of('Reference'), ctx.obj([{ Type: 'SigRef', TransformMethod: 'DocMDP', TransformParams: params }]));
  if (fieldMdp) sig.set(PDFName.of('Reference'), ctx.obj([{ Type: 'SigRef', TransformMethod: 'FieldMDP', TransformParams: { ...params, Action: 'All' } }]));
  const sigRef = ctx.register(sig);
  const { box } = opts.visible;
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [box.x, box.y, box.x + box.width, box.y + box.height],
    V: sigRef,
    T: PDFString.of(nextFieldName(doc, fields, 'Tanda tangan ')),
    F: 4, // print
    P: page.ref,
    AP: { N: appearance },
  });
  if (fieldMdp) widget.set(PDFName.of('Lock'), ctx.obj({ Type: 'SigFieldLock', Action: 'All', P: 2 }));
  const widgetRef = ctx.register(widget);
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(widgetRef);
  else page.node.set(PDFName.of('Annots'), ctx.obj([widgetRef]));
  fields.push(widgetRef);
  // 1 | 2: signatures exist, append only (ISO 32000-1 table 219).
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  if (docMdp) doc.catalog.set(PDFName.of('Perms'), ctx.obj({ DocMDP: sigRef }));
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
  // Salted subset names: this subset differs from the one of the same font already in the file.
  const fonts = await embedFonts(doc, ['regular', 'bold'] as const, `sig:${opts.signingTime.toISOString()}`);
  const appearance = visibleAppearance(doc, fonts, box, [...opts.visible.lines, 'Ditandatangani secara elektronik', formatJakartaDateTime(opts.signingTime), `Alasan: ${opts.reason}`]);
  addSignaturePlaceholder(doc, page, opts, appearance, opts.certify ?? false);
  const prepared = await editor.save();
  const signer = new P12Signer(identity.p12, { passphrase: identity.passphrase });
  return new SignPdf().sign(prepared, signer, opts.signingTime);
}
