import { Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router';
import type { RecordKind } from '../gql/schema';

export interface SentencePart {
  text: string;
  kind?: RecordKind | null;
  refId?: string | null;
}

/** Where each kind of record opens in the back office (staff) and in the portal (the customer's own order). */
const STAFF_PAGES: Partial<Record<RecordKind, (id: string) => string>> = {
  ORDER: (id) => `/orders/${id}/show`,
  SPK: (id) => `/spks/${id}/show`,
  PAYMENT: (id) => `/payments/${id}/show`,
  SERVICE: (id) => `/services/${id}/show`,
  CUSTOMER: (id) => `/customers/${id}/show`,
  STAFF: (id) => `/staff/${id}`,
  PRODUCT: (id) => `/products/${id}/show`,
  PLAN: (id) => `/installmentPlans/${id}/show`,
  TAX_INVOICE: () => `/taxInvoices`,
};
const PORTAL_PAGES: Partial<Record<RecordKind, (id: string) => string>> = {
  ORDER: (id) => `/my-orders/${id}/show`,
  SERVICE: () => `/my-services`,
};

/**
 * A history entry as the server wrote it, in the reader's language: plain text with the records it
 * names (order numbers, SPKs, payments, people) as links to their pages.
 */
export const HistorySentence = ({ parts, portal = false }: { parts: readonly SentencePart[]; portal?: boolean }) => {
  const pages = portal ? PORTAL_PAGES : STAFF_PAGES;
  return (
    <Typography component="span" variant="body2" data-testid="history-sentence" sx={{ overflowWrap: 'anywhere' }}>
      {parts.map((part, i) => {
        const to = part.kind && part.refId ? pages[part.kind]?.(part.refId) : undefined;
        return to ? (
          <MuiLink key={i} component={Link} to={to} onClick={(e) => e.stopPropagation()} data-kind={part.kind}>
            {part.text}
          </MuiLink>
        ) : (
          <span key={i}>{part.text}</span>
        );
      })}
    </Typography>
  );
};
