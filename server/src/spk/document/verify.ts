import { X509Certificate, constants, createHash, verify as cryptoVerify } from 'node:crypto';
import forge from 'node-forge';

export interface PdfSignatureInfo {
  signerCommonName: string | null;
  signerOrganization: string | null;
  issuerCommonName: string | null;
  validFrom: Date;
  validTo: Date;
  /** The signingTime attribute of the PKCS#7, else the /M entry of the signature dictionary. */
  signingTime: Date | null;
  /** The signed ranges start at byte 0 and run to the end of the file, leaving out only /Contents. */
  coversWholeDocument: boolean;
  /** messageDigest equals the hash of the signed ranges, and the signature over the attributes verifies. */
  digestValid: boolean;
  byteRange: [number, number, number, number];
  /** hex SHA-256 of the signed ranges: identifies what a signature covers across derived files. */
  signedBytesSha256: string;
  /** hex SHA-256 of the signer's certificate (DER): who signed, across files. */
  certificateSha256: string | null;
  /** The subject's serialNumber attribute: Indonesian PSrE certificates carry the signer's NIK there. */
  signerSerialNumber: string | null;
  /** The signer's certificate and every other one the signature carries (DER), for the chain check. */
  certificateDer: Buffer | null;
  chainDer: Buffer[];
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  rsaPss: '1.2.840.113549.1.1.10',
};

const DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

type Asn1 = forge.asn1.Asn1;
// node-forge 1.x takes an options object here; @types/node-forge only knows the older boolean.
const fromDer = forge.asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: { parseAllBytes: boolean; decodeBitStrings: boolean }) => Asn1;
const { Class, Type } = forge.asn1;

const children = (node: Asn1 | undefined): Asn1[] => (node && Array.isArray(node.value) ? (node.value as Asn1[]) : []);
const bytesOf = (node: Asn1 | undefined): Buffer => Buffer.from(node && typeof node.value === 'string' ? node.value : '', 'binary');
const oidOf = (node: Asn1 | undefined): string => (node && node.type === Type.OID ? forge.asn1.derToOid(node.value as string) : '');
const isContext = (node: Asn1 | undefined, tag: number) => !!node && node.tagClass === Class.CONTEXT_SPECIFIC && node.type === tag;
const derOf = (node: Asn1): Buffer => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');

/** "CN=Budi\nO=PT Contoh" (Node's X509Certificate format) -> the first value of `key`. */
function nameField(name: string, key: string): string | null {
  for (const line of name.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && line.slice(0, eq) === key) return line.slice(eq + 1);
  }
  return null;
}

function asn1Time(node: Asn1 | undefined): Date | null {
  if (!node || typeof node.value !== 'string') return null;
  if (node.type === Type.UTCTIME) return forge.asn1.utcTimeToDate(node.value);
  if (node.type === Type.GENERALIZEDTIME) return forge.asn1.generalizedTimeToDate(node.value);
  return null;
}

/** D:YYYYMMDDHHmmSS+07'00' (ISO 32000-1, 7.9.4); the later parts are optional. */
export function parsePdfDate(s: string): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', tz] = m;
  let offsetMinutes = 0;
  if (tz && tz !== 'Z') {
    const digits = tz.replace(/'/g, '');
    offsetMinutes = (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  return new Date(utc - offsetMinutes * 60_000);
}

interface ParsedSignature {
  certificates: X509Certificate[];
  serialHex: string | null;
  digest: string;
  signedAttrs: Buffer | null;
  messageDigest: Buffer | null;
  signingTime: Date | null;
  signatureAlgorithm: string;
  signature: Buffer;
}

/** Walks a CMS SignedData (RFC 5652, 5.1 and 5.3) far enough to check its first signer. */
function parsePkcs7(der: Buffer): ParsedSignature {
  // parseAllBytes: false because /Contents is zero-padded after the DER structure.
  const root = fromDer(forge.util.createBuffer(der.toString('binary')), { parseAllBytes: false, decodeBitStrings: false });
  const [contentType, wrapped] = children(root);
  if (oidOf(contentType) !== OID.signedData) throw new Error('not a PKCS#7 SignedData');
  const signedData = children(wrapped)[0];
  const parts = children(signedData);
  const certsNode = parts.find((p) => isContext(p, 0));
  const signerInfos = parts[parts.length - 1];
  const signerInfo = children(signerInfos)[0];
  if (!signerInfo) throw new Error('no SignerInfo');

  const fields = children(signerInfo);
  let i = 1;
  const sid = fields[i++];
  const digest = DIGESTS[oidOf(children(fields[i++])[0])];
  if (!digest) throw new Error('unsupported digest algorithm');
  let attrsNode: Asn1 | undefined;
  if (isContext(fields[i], 0)) attrsNode = fields[i++];
  const signatureAlgorithm = oidOf(children(fields[i++])[0]);
  const signature = bytesOf(fields[i++]);

  let messageDigest: Buffer | null = null;
  let signingTime: Date | null = null;
  let signedAttrs: Buffer | null = null;
  if (attrsNode) {
    for (const attr of children(attrsNode)) {
      const [type, values] = children(attr);
      const first = children(values)[0];
      if (oidOf(type) === OID.messageDigest) messageDigest = bytesOf(first);
      if (oidOf(type) === OID.signingTime) signingTime = asn1Time(first);
    }
    // The signature covers the attributes DER-encoded with an explicit SET tag (RFC 5652, 5.4). Use
    // the exact bytes from the file when they can be found, so a non-canonical encoding is not
    // silently "fixed" by re-encoding.
    const reencoded = derOf(attrsNode);
    const at = der.indexOf(reencoded);
    signedAttrs = Buffer.from(at >= 0 ? der.subarray(at, at + reencoded.length) : reencoded);
    signedAttrs[0] = 0x31;
  }

  const serial = sid && sid.type === Type.SEQUENCE ? bytesOf(children(sid)[1]) : null;
  return {
    certificates: children(certsNode).map((c) => new X509Certificate(derOf(c))),
    serialHex: serial ? serial.toString('hex').replace(/^(00)+/, '').toUpperCase() : null,
    digest,
    signedAttrs,
    messageDigest,
    signingTime,
    signatureAlgorithm,
    signature,
  };
}

function verifiesWith(cert: X509Certificate, p: ParsedSignature, data: Buffer): boolean {
  const key = p.signatureAlgorithm === OID.rsaPss ? { key: cert.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO } : cert.publicKey;
  try {
    return cryptoVerify(p.digest, data, key, p.signature);
  } catch {
    return false;
  }
}

/** The /M of the signature dictionary around a /ByteRange, the fallback for signingTime. */
function dictionaryTime(text: string, byteRangeAt: number, holeStart: number, holeEnd: number): Date | null {
  const objStart = Math.max(text.lastIndexOf(' obj', byteRangeAt), 0);
  const objEnd = text.indexOf('endobj', holeEnd);
  const around = text.slice(objStart, holeStart) + text.slice(holeEnd, objEnd < 0 ? holeEnd + 4096 : objEnd);
  const m = /\/M\s*\((D:[^)]*)\)/.exec(around);
  return m ? parsePdfDate(m[1]!) : null;
}

/**
 * Every signature in the file, found by its /ByteRange: the bytes left out between the two ranges
 * must be exactly the hex string of /Contents, which holds the PKCS#7. For each one: is the hash of
 * the signed bytes the one the signer signed, does the signature verify with the certificate it
 * carries, and does it cover the whole file (a later incremental update leaves it covering only a
 * prefix). Certificate trust is not judged here. A signature that cannot be parsed is reported with
 * digestValid false and no signer.
 */
export function readPdfSignatures(pdf: Uint8Array): PdfSignatureInfo[] {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length);
  const text = buf.toString('latin1');
  const out: PdfSignatureInfo[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const byteRange = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    const [a, b, c, d] = byteRange;
    const fits = a + b <= c && c + d <= buf.length;
    const signed = fits ? Buffer.concat([buf.subarray(a, a + b), buf.subarray(c, c + d)]) : Buffer.alloc(0);
    const hole = fits ? /^<([0-9A-Fa-f\s]*)>$/.exec(text.slice(a + b, c)) : null;
    // A file rewritten after signing keeps the signature dictionary but not the bytes it covered:
    // the PKCS#7 is still read (who signed) from the dictionary, and the signature counts as broken.
    let contentsHex = hole?.[1] ?? null;
    if (!contentsHex) {
      const objStart = Math.max(text.lastIndexOf(' obj', m.index!), 0);
      const objEnd = text.indexOf('endobj', m.index!);
      contentsHex = /\/Contents\s*<([0-9A-Fa-f\s]*)>/.exec(text.slice(objStart, objEnd < 0 ? undefined : objEnd))?.[1] ?? null;
    }
    // Bytes after the last range may only be the end-of-line after %%EOF.
    const rest = text.slice(c + d);
    const coversWholeDocument = fits && a === 0 && !!hole && /^(\r\n|\r|\n)?$/.test(rest);
    const info: PdfSignatureInfo = {
      signerCommonName: null,
      signerOrganization: null,
      issuerCommonName: null,
      validFrom: new Date(0),
      validTo: new Date(0),
      signingTime: fits ? dictionaryTime(text, m.index!, a + b, c) : null,
      coversWholeDocument,
      digestValid: false,
      byteRange,
      signedBytesSha256: createHash('sha256').update(signed).digest('hex'),
      certificateSha256: null,
      signerSerialNumber: null,
      certificateDer: null,
      chainDer: [],
    };
    out.push(info);
    if (!contentsHex) continue;
    let p: ParsedSignature;
    try {
      p = parsePkcs7(Buffer.from(contentsHex.replace(/\s/g, ''), 'hex'));
    } catch {
      continue;
    }
    const contentDigest = createHash(p.digest).update(signed).digest();
    const digestMatches = p.signedAttrs ? !!p.messageDigest && p.messageDigest.equals(contentDigest) : true;
    const data = p.signedAttrs ?? signed;
    // The signer is the certificate whose serial the SignerInfo names; if none matches, any
    // certificate in the bag whose key verifies the signature.
    const bySerial = p.certificates.find((cert) => cert.serialNumber.replace(/^(00)+/, '').toUpperCase() === p.serialHex);
    const verifying = [bySerial, ...p.certificates].find((cert) => cert && verifiesWith(cert, p, data));
    const cert = verifying ?? bySerial ?? p.certificates[0];
    info.digestValid = !!hole && digestMatches && !!verifying;
    info.signingTime = p.signingTime ?? info.signingTime;
    if (cert) {
      info.signerCommonName = nameField(cert.subject, 'CN');
      info.signerOrganization = nameField(cert.subject, 'O');
      info.issuerCommonName = nameField(cert.issuer, 'CN');
      info.validFrom = new Date(cert.validFrom);
      info.validTo = new Date(cert.validTo);
      info.certificateSha256 = createHash('sha256').update(cert.raw).digest('hex');
      info.signerSerialNumber = nameField(cert.subject, 'serialNumber');
      info.certificateDer = Buffer.from(cert.raw);
      info.chainDer = p.certificates.map((c) => Buffer.from(c.raw));
    }
  }
  return out;
}
