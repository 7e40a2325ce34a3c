import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, StandardFonts, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSpkPdf, type RenderedSpk } from '../../server/src/spk/document';
import { IncrementalEditor } from '../../server/src/spk/document/incremental';
import { compareWithSignedRevision } from '../../server/src/spk/document/revisions';
import { generateDevIdentity, readPdfSignatures, signPdf, type SigningIdentity } from '../../server/src/spk/document/sign';
import { SandboxStampDutyProvider } from '../../server/src/spk/stamp-duty';
import { verifyCustomerUpload, type Verdict } from '../../server/src/spk/verification';
import { vpsTwelveMonths } from './document/fixtures';

/**
 * The tamper suite: the customer's copy must be what we signed. Each case starts from the
 * admin-signed (certified) SPK, changes it the way a forger would, and usually signs the result with
 * a valid customer certificate on top, since a valid signature over a forgery is the dangerous case.
 */

// The certificates are made now, valid from now on.
const NOW = () => new Date(Date.now() + 60_000);
const data = vpsTwelveMonths();

let rendered: RenderedSpk;
let provider: SigningIdentity;
let customer: SigningIdentity;
let admin: Buffer;

beforeAll(async () => {
  [provider, customer] = await Promise.all([
    generateDevIdentity({ commonName: 'Rina Kusumawardani', organization: 'PT Awan Nusantara Teknologi' }),
    generateDevIdentity({ commonName: 'Budi Santoso', organization: 'Pelanggan' }),
  ]);
  rendered = await renderSpkPdf(data);
  const stamp = await new SandboxStampDutyProvider().stamp({
    documentId: 'tamper-suite',
    fileName: 'spk.pdf',
    pdf: rendered.bytes,
    box: rendered.stampBox,
    documentNumber: data.number,
    documentDate: data.date,
  });
  admin = await signPdf(stamp.stampedPdf!, provider, {
    reason: `Persetujuan ${data.number}`,
    location: 'Jakarta',
    name: 'Rina Kusumawardani',
    signingTime: new Date('2026-11-24T03:15:00Z'),
    certify: true,
    visible: { box: rendered.providerSignatureBox, lines: ['Rina Kusumawardani', 'PT Awan Nusantara Teknologi'] },
  });
}, 60_000);

const customerSigns = (pdf: Uint8Array, identity = customer) =>
  signPdf(pdf, identity, {
    reason: 'Menyetujui',
    location: 'Bandung',
    name: 'Budi Santoso',
    signingTime: new Date('2026-11-25T02:00:00Z'),
    visible: { box: rendered.customerSignatureBox, lines: ['Budi Santoso'] },
  });

const verify = (upload: Uint8Array) =>
  verifyCustomerUpload(upload, admin, { documentCode: data.documentCode, verifyUrl: data.verifyUrl, stampSerial: null, now: NOW() });

/** One incremental update on top of the admin-signed file, made by `edit`. */
async function update(edit: (doc: PDFDocument) => Promise<void> | void): Promise<Buffer> {
  const editor = await IncrementalEditor.open(admin);
  await edit(editor.doc);
  return editor.save();
}

function contentRef(doc: PDFDocument, pageIndex: number): PDFRef {
  const contents = doc.getPage(pageIndex).node.get(PDFName.of('Contents'));
  return contents instanceof PDFArray ? (contents.get(0) as PDFRef) : (contents as PDFRef);
}

const ourWidget = (doc: PDFDocument) => {
  const fields = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
  const ref = fields.asArray().find((_, i) => fields.lookup(i, PDFDict).lookup(PDFName.of('T'), PDFString).decodeText() === 'Tanda tangan 1') as PDFRef;
  return { fields, ref, dict: doc.context.lookup(ref, PDFDict) };
};

describe('the admin signature', () => {
  it('certifies the document with DocMDP P=2 and verifies with our own PKCS#7 check', async () => {
    const doc = await PDFDocument.load(admin, { updateMetadata: false });
    const sig = doc.catalog.lookup(PDFName.of('Perms'), PDFDict).lookup(PDFName.of('DocMDP'), PDFDict);
    const ref = sig.lookup(PDFName.of('Reference'), PDFArray).lookup(0, PDFDict);
    expect(ref.get(PDFName.of('TransformMethod'))?.toString()).toBe('/DocMDP');
    expect(ref.lookup(PDFName.of('TransformParams'), PDFDict).get(PDFName.of('P'))?.toString()).toBe('2');
    // The certifying signature is the one of our field.
    expect(ourWidget(doc).dict.get(PDFName.of('V'))).toBe(doc.catalog.lookup(PDFName.of('Perms'), PDFDict).get(PDFName.of('DocMDP')));
    expect(readPdfSignatures(admin)).toEqual([expect.objectContaining({ signerCommonName: 'Rina Kusumawardani', digestValid: true, coversWholeDocument: true })]);
  });

  it('is accepted by pdfsig when poppler is installed', async () => {
    const out = await pdfsigIfPresent(admin);
    if (out === null) return; // an independent verifier is optional here; our own check above always runs
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Total document signed');
  });
});

interface Case {
  name: string;
  make: () => Promise<Uint8Array>;
  verdict: Verdict;
  /** Kinds of change the report must name. */
  kinds?: string[];
}

const overlay = async (doc: PDFDocument) => {
  const page = doc.getPage(1);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawRectangle({ x: 50, y: 300, width: 495, height: 300, color: rgb(1, 1, 1) });
  page.drawText('Total harga: Rp 1.000', { x: 60, y: 500, size: 12, font });
};

const CASES: Case[] = [
  { name: 'a clean customer signature', make: () => customerSigns(admin), verdict: 'DIGITALLY_SIGNED' },
  {
    name: 'a comment (sticky note) next to the signature',
    make: async () =>
      customerSigns(
        await update((doc) => {
          const note = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [40, 40, 60, 60], Contents: PDFString.of('Sudah saya baca') }));
          doc.getPage(0).node.set(PDFName.of('Annots'), doc.context.obj([note]));
        }),
      ),
    verdict: 'DIGITALLY_SIGNED',
  },
  { name: 'a white box and a new total over page 2 (the issue)', make: async () => customerSigns(await update(overlay)), verdict: 'MODIFIED_AFTER_SIGNING', kinds: ['PAGE_CONTENT'] },
  {
    name: 'a replaced page',
    make: async () =>
      customerSigns(
        await update(async (doc) => {
          doc.removePage(1);
          const page = doc.insertPage(1);
          page.drawText('Pasal 3: tanpa denda', { x: 60, y: 700, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
        }),
      ),
    verdict: 'MODIFIED_AFTER_SIGNING',
    kinds: ['PAGE_REPLACED', 'PAGE_CONTENT'],
  },
  {
    name: 'a new page',
    make: async () => customerSigns(await update(async (doc) => void doc.addPage().drawText('Lampiran', { x: 60, y: 700, font: await doc.embedFont(StandardFonts.Helvetica) }))),
    verdict: 'MODIFIED_AFTER_SIGNING',
    kinds: ['PAGE_ADDED'],
  },
  {
    name: 'a changed font',
    make: async () =>
      customerSigns(
        await update((doc) => {
          const fonts = doc.getPage(1).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
          const font = fonts.lookup(fonts.keys()[0]!, PDFDict);
          // Same object number, another font: every glyph may now draw a different figure.
          font.set(PDFName.of('BaseFont'), PDFName.of('Helvetica'));
        }),
      ),
    verdict: 'MODIFIED_AFTER_SIGNING',
    kinds: ['FONT'],
  },
  {
    name: 'a changed form value (our signature field now points at another signature dictionary)',
    make: async () =>
      customerSigns(
        await update((doc) => {
          const { dict } = ourWidget(doc);
          const copy = doc.context.lookup(dict.get(PDFName.of('V')), PDFDict).clone(doc.context);
          copy.set(PDFName.of('Reason'), PDFString.of('Dibatalkan'));
          dict.set(PDFName.of('V'), doc.context.register(copy));
        }),
      ),
    verdict: 'MODIFIED_AFTER_SIGNING',
    kinds: ['FORM_VALUE'],
  },
  {
    name: 'an annotation with text over the total',
    make: async () =>
      customerSigns(
        await update((doc) => {
          const ap = doc.context.register(doc.context.formXObject([], { BBox: [0, 0, 200, 20] }));
          const annot = doc.context.register(
            doc.context.obj({ Type: 'Annot', Subtype: 'FreeText', Rect: [300, 500, 500, 520], Contents: PDFString.of('Total: Rp 1.000'), DA: PDFString.of('/Helv 12 Tf 0 g'), F: 4, AP: { N: ap } }),
          );
          doc.getPage(1).node.set(PDFName.of('Annots'), doc.context.obj([annot]));
        }),
      ),
    verdict: 'MODIFIED_AFTER_SIGNING',
    kinds: ['ANNOTATION'],
  },
  {
    name: 'a rewritten cross-reference pointing page 2 at page 3’s content',
    make: async () => customerSigns(await redirectXref(admin)),
    verdict: 'MODIFIED_AFTER_SIGNING',
    kinds: ['XREF'],
  },
  {
    name: 'our signature removed from the page and the form',
    make: async () =>
      customerSigns(
        await update((doc) => {
          const { fields, ref } = ourWidget(doc);
          fields.remove(fields.indexOf(ref)!);
          for (const page of doc.getPages()) {
            const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
            const at = annots?.indexOf(ref);
            if (annots && at !== undefined) annots.remove(at);
          }
        }),
      ),
    verdict: 'MODIFIED_AFTER_SIGNING',
    kinds: ['FIELD_REMOVED', 'ANNOTATION_REMOVED'],
  },
  {
    name: 'a second revision with a new total, signed with our own certificate',
    make: async () => customerSigns(await update(overlay), provider),
    verdict: 'MODIFIED_AFTER_SIGNING',
    kinds: ['PAGE_CONTENT', 'SIGNATURE'],
  },
  {
    name: 'a full rewrite with the same text, signed by the customer',
    make: async () => customerSigns(await (await PDFDocument.load(admin, { updateMetadata: false })).save({ useObjectStreams: false })),
    verdict: 'MODIFIED_AFTER_SIGNING',
    kinds: ['REWRITTEN'],
  },
  {
    name: 'a content overlay without any customer signature',
    make: () => update(overlay),
    verdict: 'MODIFIED_AFTER_SIGNING',
    kinds: ['PAGE_CONTENT'],
  },
];

/**
 * An update holding only a cross-reference section that points page 2's content object at the body
 * of page 3's content: pdf-lib (which reads bodies in file order) sees nothing new, a reader that
 * follows the cross-reference shows page 3's text on page 2.
 */
async function redirectXref(pdf: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const victim = contentRef(doc, 1);
  const donor = contentRef(doc, 2);
  const text = pdf.toString('latin1');
  const donorAt = [...text.matchAll(new RegExp(`(?<=[\\r\\n])${donor.objectNumber} 0 obj`, 'g'))].at(-1)!.index!;
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const size = Number([...text.matchAll(/\/Size (\d+)/g)].at(-1)![1]);
  const root = doc.context.trailerInfo.Root!.toString();
  const xrefAt = pdf.length;
  const section =
    `xref\n${victim.objectNumber} 1\n${String(donorAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size} /Root ${root} /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(section, 'latin1')]);
}

describe('tamper suite: what the customer changed after our signature', () => {
  for (const c of CASES) {
    it(`${c.name} -> ${c.verdict}`, async () => {
      const upload = await c.make();
      const report = await verify(upload);
      expect(report.verdict, JSON.stringify(report.changesAfterSigning)).toBe(c.verdict);
      const kinds = new Set(report.changesAfterSigning.map((x) => x.kind));
      for (const k of c.kinds ?? []) expect([...kinds], JSON.stringify(report.changesAfterSigning)).toContain(k);
      if (c.verdict === 'DIGITALLY_SIGNED') {
        expect(report.changesAfterSigning).toEqual([]);
        expect(report.adminSignatureIntact).toBe(true);
        expect(report.allowedAdditions.some((a) => a.includes('Tanda tangan 2'))).toBe(true);
      } else {
        // Named, in words staff can read.
        for (const change of report.changesAfterSigning) expect(change.detail.length).toBeGreaterThan(5);
      }
    }, 30_000);
  }

  it('names the page of a content change', async () => {
    const { changes } = await compareWithSignedRevision(admin, await update(overlay));
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'PAGE_CONTENT', page: 2 }));
    expect(changes.every((c) => c.page === undefined || c.page === 2)).toBe(true);
  });

  it('refuses to compare a file that does not start with the signed revision', async () => {
    await expect(compareWithSignedRevision(admin, admin.subarray(0, admin.length - 10))).rejects.toThrow(RangeError);
  });
});

async function pdfsigIfPresent(pdf: Uint8Array): Promise<string | null> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'angsur-tamper-'));
  try {
    const file = path.join(dir, 'a.pdf');
    await fs.writeFile(file, pdf);
    return await new Promise((resolve, reject) =>
      execFile('pdfsig', [file], (err, stdout) => {
        if ((err as NodeJS.ErrnoException | null)?.code === 'ENOENT') resolve(null);
        else if (err && !stdout) reject(err);
        else resolve(stdout);
      }),
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
