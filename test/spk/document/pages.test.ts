import { beforeAll, describe, expect, it } from 'vitest';
import { renderSpkPdf, type RenderedSpk, type SpkDocumentData } from '../../../server/src/spk/document';
import { PARAF_LABELS } from '../../../server/src/spk/document/footer';
import { STAMP_SIDE } from '../../../server/src/spk/document/signatures';
import { generateDevIdentity, signPdf } from '../../../server/src/spk/document/sign';
import { SandboxStampDutyProvider } from '../../../server/src/spk/stamp-duty';
import { vpsTwelveMonths } from './fixtures';

/**
 * The pages as a reader shows them, checked in-process with MuPDF (WASM, no system tools): the
 * people named, the company represented, the stamp box, the initials boxes and the signature page.
 */

type MuPdf = typeof import('mupdf');
let mupdf: MuPdf;

interface Line {
  text: string;
  /** top-left origin, y down (MuPDF's page space) */
  x: number;
  y: number;
  w: number;
  h: number;
}

function pageLines(pdf: Uint8Array): Line[][] {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  const out: Line[][] = [];
  for (let i = 0; i < doc.countPages(); i++) {
    // Through a display list with the annotations, so the visible signature (a widget) is read too.
    const json = JSON.parse(doc.loadPage(i).toDisplayList(true).toStructuredText('preserve-whitespace').asJSON()) as {
      blocks: { type: string; lines?: { text: string; bbox: { x: number; y: number; w: number; h: number } }[] }[];
    };
    out.push(json.blocks.flatMap((b) => (b.lines ?? []).map((l) => ({ text: l.text, ...l.bbox }))));
  }
  return out;
}

const pageText = (lines: Line[]) => lines.map((l) => l.text).join('\n');
const PAGE_HEIGHT = 841.89;

const companyCustomer = (): SpkDocumentData =>
  vpsTwelveMonths({
    customer: {
      ...vpsTwelveMonths().customer,
      company: 'PT Maju Bersama Digital',
      companyTitle: 'Direktur Operasional',
      companyAddress: 'Jl. Gatot Subroto No. 1, Bandung 40262',
    },
  });

describe('SPK pages as rendered by MuPDF', () => {
  let draft: RenderedSpk;
  let signed: Uint8Array;
  let stamped: RenderedSpk;

  beforeAll(async () => {
    mupdf = await import('mupdf');
    draft = await renderSpkPdf(companyCustomer());
    // The version that is stamped and signed: no placeholder in the stamp box.
    stamped = await renderSpkPdf({ ...companyCustomer(), stampPlaceholder: false });
    const stamp = await new SandboxStampDutyProvider().stamp({
      documentId: 'pages-test',
      fileName: 'spk.pdf',
      pdf: stamped.bytes,
      box: stamped.stampBox,
      documentNumber: 'SPK/2026/11/000123',
      documentDate: '2026-11-24',
    });
    const provider = vpsTwelveMonths().provider;
    signed = await signPdf(stamp.stampedPdf!, await generateDevIdentity({ commonName: provider.representativeName, organization: provider.companyName }), {
      reason: 'Persetujuan SPK/2026/11/000123',
      location: 'Jakarta',
      name: provider.representativeName,
      signingTime: new Date('2026-11-24T03:15:00Z'),
      certify: true,
      visible: { box: stamped.providerSignatureBox, lines: [provider.representativeName, provider.representativeTitle, provider.companyName] },
    });
  }, 60_000);

  it('names one person for the first party, in the parties, the signature block and the electronic signature', () => {
    const { representativeName, representativeTitle } = vpsTwelveMonths().provider;
    const pages = pageLines(signed);
    const all = pages.map(pageText).join('\n');
    expect(all).toMatch(new RegExp(`Nama\\s*:?\\s*${representativeName}`));
    const last = pageText(pages.at(-1)!);
    // Under the box (underlined name, title) and inside the visible signature.
    expect(last.split(representativeName).length - 1).toBeGreaterThanOrEqual(2);
    expect(last).toContain(representativeTitle);
    expect(last).toContain('Ditandatangani secara elektronik');
  });

  it('says the customer acts for the company, with its data, in the parties and under the signature', () => {
    const all = pageLines(draft.bytes).map(pageText).join('\n');
    expect(all).toMatch(/Bertindak untuk dan atas nama\s*:?\s*PT Maju Bersama Digital/);
    expect(all).toContain('Direktur Operasional');
    expect(all).toContain('Jl. Gatot Subroto No. 1, Bandung 40262');
    const last = pageText(pageLines(draft.bytes).at(-1)!);
    expect(last).toContain('untuk dan atas nama PT Maju Bersama Digital');
  });

  it('shows "Tempat e-Meterai" on the draft only; nothing of it is under or around the stamp', () => {
    expect(pageText(pageLines(draft.bytes).at(-1)!)).toContain('Tempat e-Meterai');
    const last = pageLines(signed).at(-1)!;
    expect(pageText(last)).not.toContain('Tempat e-Meterai');
    // No text of ours inside the stamp box other than the stamp's own.
    const box = stamped.stampBox;
    const top = PAGE_HEIGHT - box.y - box.height;
    const inside = last.filter((l) => l.x >= box.x - 1 && l.x + l.w <= box.x + box.width + 1 && l.y >= top - 1 && l.y + l.h <= top + box.height + 1);
    expect(inside.map((l) => l.text).join(' ')).not.toMatch(/Tempat|Rp 10\.000$/);
  });

  it('has initials boxes for both parties on every page, drawn in the footer', () => {
    const doc = mupdf.Document.openDocument(signed, 'application/pdf');
    const pages = pageLines(signed);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((lines, i) => {
      for (const label of PARAF_LABELS) {
        const line = lines.find((l) => l.text.includes(label));
        expect(line, `page ${i + 1}: ${label}`).toBeTruthy();
        expect(line!.y, `page ${i + 1}: ${label} sits in the footer`).toBeGreaterThan(PAGE_HEIGHT - 112);
      }
      // The box is drawn: a dark border just left of the first label's box, seen in the rendering.
      const label = lines.find((l) => l.text.includes(PARAF_LABELS[0]))!;
      const pix = doc.loadPage(i).toPixmap(mupdf.Matrix.scale(2, 2), mupdf.ColorSpace.DeviceGray, false, true);
      const samples = pix.getPixels();
      const width = pix.getWidth();
      const column = Math.round(label.x * 2);
      const darkest = Math.min(...Array.from({ length: 16 }, (_, k) => samples[Math.round((label.y + label.h + 6) * 2) * width + column - 16 + k]!));
      expect(darkest, `page ${i + 1}: box border`).toBeLessThan(200);
    });
  });

  it('gives the signature boxes the room left on the signature page', () => {
    expect(stamped.customerSignatureBox.height).toBeGreaterThan(STAMP_SIDE);
    expect(stamped.customerSignatureBox.height).toBeLessThanOrEqual(2 * STAMP_SIDE);
    expect(stamped.providerSignatureBox.height).toBe(stamped.customerSignatureBox.height);
    // Everything stays above the footer.
    expect(stamped.customerSignatureBox.y).toBeGreaterThan(112);
  });
});
