import forge from 'node-forge';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSpkPdf, type RenderedSpk } from '../../../server/src/spk/document';
import { formatJakartaDateTime, generateDevIdentity, readPdfSignatures, signPdf, type SigningIdentity } from '../../../server/src/spk/document/sign';
import { vpsTwelveMonths } from './fixtures';
import { checkSignatures, pageTexts, pdfSigIfPresent } from '../../support/pdf-reader';

const SIGNING_TIME = new Date('2026-11-24T03:15:00Z'); // 10:15 WIB

/** pdfsig's report split per signature ("Signature #1:", "Signature #2:", ...); null without pdfsig. */
async function pdfsigBlocks(pdf: Uint8Array): Promise<string[] | null> {
  const out = await pdfSigIfPresent(pdf);
  return out === null ? null : out.split(/^Signature #\d+:$/m).slice(1);
}

/** Flips one byte in the middle of the first stream's data: inside the signed range, harmless to parsers. */
function tamper(pdf: Buffer): Buffer {
  const copy = Buffer.from(pdf);
  const at = copy.indexOf('stream\n', 1000) + 'stream\n'.length + 10;
  copy[at] = copy[at]! ^ 0xff;
  return copy;
}

describe('PDF signatures', () => {
  let provider: SigningIdentity;
  let customer: SigningIdentity;
  let rendered: RenderedSpk;
  let signed: Buffer;

  const adminOpts = () => ({
    reason: 'Persetujuan SPK/2026/11/000123',
    location: 'Jakarta',
    name: 'Rina Kusumawardani (PT Awan Nusantara Teknologi)',
    contactInfo: 'billing@awannusantara.co.id',
    signingTime: SIGNING_TIME,
    visible: { box: rendered.providerSignatureBox, lines: ['Rina Kusumawardani', 'PT Awan Nusantara Teknologi'] },
  });

  beforeAll(async () => {
    [provider, customer] = await Promise.all([
      generateDevIdentity({ commonName: 'Rina Kusumawardani', organization: 'PT Awan Nusantara Teknologi', email: 'rina@awannusantara.co.id' }),
      generateDevIdentity({ commonName: 'Budi Santoso', organization: 'Pelanggan', validDays: 30 }),
    ]);
    rendered = await renderSpkPdf(vpsTwelveMonths());
    signed = await signPdf(rendered.bytes, provider, adminOpts());
  });

  it('makes a self-signed RSA-2048 identity whose PKCS#12 opens with its passphrase only', () => {
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(provider.p12.toString('binary')), provider.passphrase);
    const cert = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag]![0]!.cert!;
    expect(cert.subject.getField('CN').value).toBe('Rina Kusumawardani');
    expect(cert.subject.getField('O').value).toBe('PT Awan Nusantara Teknologi');
    expect(cert.issuer.getField('CN').value).toBe('Rina Kusumawardani');
    expect((cert.publicKey as forge.pki.rsa.PublicKey).n.bitLength()).toBe(2048);
    expect(() => forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(provider.p12.toString('binary')), 'wrong')).toThrow();
  });

  it('signs as an incremental update that an independent reader reports valid, by the right signer, over the whole file', async () => {
    // The rendered bytes are kept as they are: an earlier signature (the e-Meterai's) would stay valid.
    expect(signed.subarray(0, rendered.bytes.length).equals(Buffer.from(rendered.bytes))).toBe(true);
    expect(await checkSignatures(signed)).toEqual([
      { field: 'Tanda tangan 1', subFilter: 'adbe.pkcs7.detached', signerCommonName: 'Rina Kusumawardani', digestAlgorithm: 'SHA-256', valid: true, wholeDocument: true },
    ]);
    const blocks = await pdfsigBlocks(signed);
    if (!blocks) return;
    const [block] = blocks;
    expect(blocks).toHaveLength(1);
    expect(block).toContain('Signer Certificate Common Name: Rina Kusumawardani');
    expect(block).toContain('Signature Validation: Signature is Valid.');
    expect(block).toContain('Total document signed');
    expect(block).toContain('Signature Type: adbe.pkcs7.detached');
    expect(block).toContain('Signing Hash Algorithm: SHA-256');
    // Self-signed: the signature is valid, the issuer is not trusted. That is expected in dev mode.
    expect(block).toMatch(/Certificate Validation: (Certificate issuer is unknown|Certificate issuer isn't Trusted|.*[Uu]ntrusted)/);
  });

  it('reads its own signature back: digest valid, whole document, signer and time', () => {
    const [sig, ...more] = readPdfSignatures(signed);
    expect(more).toHaveLength(0);
    expect(sig).toMatchObject({
      signerCommonName: 'Rina Kusumawardani',
      signerOrganization: 'PT Awan Nusantara Teknologi',
      issuerCommonName: 'Rina Kusumawardani',
      digestValid: true,
      coversWholeDocument: true,
    });
    expect(sig!.signingTime?.toISOString()).toBe(SIGNING_TIME.toISOString());
    expect(sig!.validFrom.getTime()).toBeLessThan(Date.now());
    expect(sig!.validTo.getTime()).toBeGreaterThan(Date.now());
    const [a, b, c, d] = sig!.byteRange;
    expect(a).toBe(0);
    expect(c + d).toBe(signed.length);
    expect(signed.subarray(b, c).toString('latin1')).toMatch(/^<[0-9a-f]+>$/);
  });

  it('draws the visible signature block into the provider box', async () => {
    const pages = await pageTexts(signed);
    const last = pages[pages.length - 1]!.replace(/\s+/g, ' ');
    expect(last).toContain('Ditandatangani secara elektronik');
    expect(last).toContain('24-11-2026 10:15 WIB');
    expect(last).toContain('Alasan: Persetujuan SPK/2026/11/000123');
    expect(formatJakartaDateTime(new Date('2026-12-31T17:05:00Z'))).toBe('01-01-2027 00:05 WIB');
  });

  it('reports a changed byte inside the signed range as invalid, in an independent reader and in readPdfSignatures', async () => {
    const broken = tamper(signed);
    expect(await checkSignatures(broken)).toMatchObject([{ field: 'Tanda tangan 1', valid: false }]);
    const [block] = (await pdfsigBlocks(broken)) ?? [];
    if (block !== undefined) {
      expect(block).not.toContain('Signature is Valid.');
      expect(block).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
    }
    const [sig] = readPdfSignatures(broken);
    expect(sig!.digestValid).toBe(false);
    expect(sig!.signerCommonName).toBe('Rina Kusumawardani');
  });

  it('keeps the first signature valid under a second one, which alone covers the whole file', async () => {
    const customerBox = rendered.customerSignatureBox;
    const twice = await signPdf(signed, customer, {
      reason: 'Menyetujui SPK/2026/11/000123',
      location: 'Jakarta',
      name: 'Budi Santoso',
      signingTime: new Date('2026-11-25T02:00:00Z'),
      visible: { box: customerBox, lines: ['Budi Santoso'] },
    });
    expect(twice.subarray(0, signed.length).equals(signed)).toBe(true);
    expect(await checkSignatures(twice)).toMatchObject([
      { field: 'Tanda tangan 1', signerCommonName: 'Rina Kusumawardani', valid: true, wholeDocument: false },
      { field: 'Tanda tangan 2', signerCommonName: 'Budi Santoso', valid: true, wholeDocument: true },
    ]);
    const blocks = await pdfsigBlocks(twice);
    if (blocks) {
      expect(blocks).toHaveLength(2);
      for (const b of blocks) expect(b).toContain('Signature Validation: Signature is Valid.');
      expect(blocks[0]).not.toContain('Total document signed');
      expect(blocks[1]).toContain('Signer Certificate Common Name: Budi Santoso');
      expect(blocks[1]).toContain('Total document signed');
      expect(blocks[1]).toContain('Signature Field Name: Tanda tangan 2');
    }

    const [first, second] = readPdfSignatures(twice);
    expect(first).toMatchObject({ signerCommonName: 'Rina Kusumawardani', digestValid: true, coversWholeDocument: false });
    expect(second).toMatchObject({ signerCommonName: 'Budi Santoso', signerOrganization: 'Pelanggan', digestValid: true, coversWholeDocument: true });
    // What the admin signed is recognisable in any file derived from it.
    expect(first!.signedBytesSha256).toBe(readPdfSignatures(signed)[0]!.signedBytesSha256);
  });

  it('signs a file whose last cross-reference section is a stream', async () => {
    const doc = await PDFDocument.load(rendered.bytes, { updateMetadata: false });
    const compact = await doc.save({ useObjectStreams: true, updateFieldAppearances: false });
    const out = await signPdf(compact, provider, adminOpts());
    expect(await checkSignatures(out)).toMatchObject([{ valid: true, wholeDocument: true }]);
    const [block] = (await pdfsigBlocks(out)) ?? [];
    if (block !== undefined) {
      expect(block).toContain('Signature Validation: Signature is Valid.');
      expect(block).toContain('Total document signed');
    }
    expect((await PDFDocument.load(out)).getPageCount()).toBe(rendered.pageCount);
    expect(readPdfSignatures(out)[0]).toMatchObject({ digestValid: true, coversWholeDocument: true });
  });

  it('keeps the fields already in the form when their list is an indirect object', async () => {
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    acroForm.set(PDFName.of('Fields'), doc.context.register(acroForm.lookup(PDFName.of('Fields'), PDFArray)));
    const indirect = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
    const out = await signPdf(indirect, customer, { ...adminOpts(), visible: { box: rendered.customerSignatureBox, lines: ['Budi Santoso'] } });
    const fields = (await PDFDocument.load(out)).catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
    const names = fields.asArray().map((_, i) => fields.lookup(i, PDFDict).lookup(PDFName.of('T'), PDFString).decodeText());
    expect(names).toEqual(['Tanda tangan 1', 'Tanda tangan 2']);
  });

  it('finds no signature in an unsigned document, and refuses a box on a page that does not exist', async () => {
    expect(readPdfSignatures(rendered.bytes)).toEqual([]);
    await expect(signPdf(rendered.bytes, provider, { ...adminOpts(), visible: { box: { ...rendered.providerSignatureBox, page: 99 }, lines: ['x'] } })).rejects.toThrow(
      /page 99/,
    );
  });
});
