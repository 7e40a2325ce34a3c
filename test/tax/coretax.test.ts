import { describe, expect, it } from 'vitest';
import { CORETAX_MAX_PER_FILE, coretaxFiles, coretaxXml, parseNumberRows, type CoretaxInvoice } from '../../server/src/tax/coretax';
import { validateCoretax } from './coretax/validate';

const seller = { tin: '0123456789012345', idtku: '0123456789012345000000' };
const invoice = (n: number, over: Partial<CoretaxInvoice> = {}): CoretaxInvoice => ({
  reference: `FP-202612-${String(n).padStart(6, '0')}`,
  invoiceDate: '2026-12-04',
  trxCode: '04',
  buyerTin: '3174051507900001',
  buyerIdtku: null,
  buyerName: 'PT Maju & Jaya <Tbk>',
  buyerAddress: 'Jl. Sudirman "52", Jakarta',
  buyerEmail: 'pajak@majujaya.co.id',
  description: 'Cicilan 1/12 ORD-202612-000001: VPS NVMe 4',
  taxBase: 1_000_000n,
  otherTaxBase: 916_666n,
  vatRateBps: 1200,
  vat: 109_999n,
  ...over,
});

describe('Coretax XML (TaxInvoiceBulk)', () => {
  it('validates against the published field list, escaping what the buyer typed', async () => {
    const xml = coretaxXml([invoice(1), invoice(2, { buyerIdtku: '0123456789012345000001', buyerEmail: null, vatRateBps: 1150 })], seller);
    const result = await validateCoretax(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain('<BuyerName>PT Maju &amp; Jaya &lt;Tbk&gt;</BuyerName>');
    expect(xml).toContain('<BuyerIDTKU>3174051507900001000000</BuyerIDTKU>');
    expect(xml).toContain('<VATRate>11.5</VATRate>');
    expect(xml).toContain('<OtherTaxBase>916666</OtherTaxBase>');
  });

  it('the schema catches a wrong file (so the check above can fail)', async () => {
    const bad = coretaxXml([invoice(1, { buyerTin: '12345' })], seller);
    expect((await validateCoretax(bad)).valid).toBe(false);
  });

  it('writes at most 1,000 invoices a file and several files for more', async () => {
    const many = Array.from({ length: CORETAX_MAX_PER_FILE * 2 + 5 }, (_, i) => invoice(i + 1));
    const files = coretaxFiles('2026-12', many, seller);
    expect(files.map((f) => [f.fileName, f.count])).toEqual([['coretax-2026-12-1.xml', 1000], ['coretax-2026-12-2.xml', 1000], ['coretax-2026-12-3.xml', 5]]);
    expect((await validateCoretax(files[0]!.xml)).valid).toBe(true);
    expect(() => coretaxXml(many, seller)).toThrow(RangeError);
  });

  it('reads numbers back from CSV in either column order, with a header and separators', () => {
    const { rows, problems } = parseNumberRows('Referensi;Nomor Faktur\nFP-202612-000001;04002600000000001\n"04.002-26.0000000002",fp-202612-000002\n\nFP-202612-000003\n');
    expect(rows).toEqual([
      { line: 2, reference: 'FP-202612-000001', number: '04002600000000001' },
      { line: 3, reference: 'FP-202612-000002', number: '04002260000000002' },
    ]);
    expect(problems).toEqual([{ line: 5, problem: 'columns' }]);
  });
});
