import fs from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

/**
 * DJP publishes the Coretax import format as an XML template and converter (pajak.go.id/reformdjp/coretax)
 * without the TaxInvoice.xsd it names, so generated files are validated against the published field
 * list, transcribed as a schema in TaxInvoice.fieldlist.xsd (sources cited in that file).
 */
const FIELD_LIST_XSD = fs.readFileSync(path.join(__dirname, 'TaxInvoice.fieldlist.xsd'), 'utf8');

export function validateCoretax(xml: string) {
  return validateXML({ xml: [{ fileName: 'export.xml', contents: xml }], schema: [{ fileName: 'TaxInvoice.xsd', contents: FIELD_LIST_XSD }] });
}
