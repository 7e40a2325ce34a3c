import { StampDutyResolver } from './stamp-duty.resolver';
import { TaxInvoiceResolver } from './tax.resolver';

/** What the tax domain offers the GraphQL API (assembled in app/schema.ts). */
export const taxResolvers = [TaxInvoiceResolver, StampDutyResolver] as const;
