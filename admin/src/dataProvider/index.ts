import { gql, type DocumentNode } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql';
import { HttpError, type DataProvider, type GetListParams, type GetListResult, type RaRecord } from 'react-admin';
import { fetchWithSession } from '../auth/session';
import { buildQuery, stripTypename } from './buildQuery';
import { apolloClient } from './client';
import { toHttpError } from './errors';

const graphqlProvider = buildGraphQLProvider({
  client: apolloClient,
  buildQuery,
  // schema.graphql is the contract: no introspection round trip (it may be off in production).
  introspection: false,
  query: () => ({ fetchPolicy: 'no-cache' }),
  mutation: () => ({ fetchPolicy: 'no-cache' }),
});

export interface QuoteLine {
  number: number;
  dueDate: string;
  amount: string;
  /** PPN included in `amount` (0 when the product is sold without VAT). */
  vat: string;
}

export interface InstallmentQuote {
  downPayment: string;
  financedAmount: string;
  marginAmount: string;
  totalPrice: string;
  firstPayment: string;
  monthlyInstallment: string;
  /** PPN of the whole contract: the lines' vat adds up to it. */
  vatAmount: string;
  startDate: string;
  lines: QuoteLine[];
}

/** A file from one of the API's authorized HTTP routes (a transfer proof, a CSV export). */
export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition, when the server names the file. */
  fileName: string | null;
  /** The response's headers, lower-case names (e.g. x-page-number of an SPK page image). */
  headers: Record<string, string>;
}

/** What a state-changing call returns: enough to tell the user; the page refetches the rest. */
export interface ChangedRecord {
  id: string;
  status: string;
}

/** react-admin's methods plus the API calls that are not about one resource. */
export interface AngsurDataProvider extends DataProvider {
  getQuote(params: { productId: string; planId: string; quantity?: number; startDate?: string }): Promise<InstallmentQuote>;
  /** SUPPORT/ADMIN: hands the order (and its customer's data) to another staff member. */
  assignOrder(params: { id: string; assigneeId: string }): Promise<ChangedRecord>;
  /** SUPPORT/ADMIN, before the service starts. */
  cancelOrder(params: { id: string; reason: string }): Promise<ChangedRecord>;
  /** FINANCE/ADMIN: the transfer is in the bank statement. */
  settlePayment(params: { id: string }): Promise<ChangedRecord>;
  rejectPayment(params: { id: string; reason: string }): Promise<ChangedRecord>;
  refundPayment(params: { id: string; reason: string }): Promise<ChangedRecord>;
  /** GET a path such as /files/payments/<id>/proof or /exports/orders.csv with the session's token. */
  getFile(path: string): Promise<DownloadedFile>;
  /** PUT a file's bytes (a transfer proof, a signed SPK) with the session's token; resolves to the route's JSON. */
  putFile<T = unknown>(path: string, file: Blob): Promise<T>;
}

const QUOTE = gql`
  query Quote($productId: ID!, $planId: ID!, $quantity: Int!, $startDate: LocalDate) {
    installmentQuote(productId: $productId, planId: $planId, quantity: $quantity, startDate: $startDate) {
      downPayment financedAmount marginAmount totalPrice firstPayment monthlyInstallment vatAmount startDate
      lines { number dueDate amount vat }
    }
  }
`;

const MUTATIONS = {
  assignOrder: gql`
    mutation AssignOrder($id: ID!, $assigneeId: ID!) {
      data: assignOrder(id: $id, assigneeId: $assigneeId) { id status }
    }
  `,
  cancelOrder: gql`
    mutation CancelOrder($id: ID!, $reason: String!) {
      data: cancelOrder(id: $id, reason: $reason) { id status }
    }
  `,
  settlePayment: gql`
    mutation SettlePayment($id: ID!) {
      data: settlePayment(id: $id) { id status }
    }
  `,
  rejectPayment: gql`
    mutation RejectPayment($id: ID!, $input: ReasonInput!) {
      data: rejectPayment(id: $id, input: $input) { id status }
    }
  `,
  refundPayment: gql`
    mutation RefundPayment($id: ID!, $input: ReasonInput!) {
      data: refundPayment(id: $id, input: $input) { id status }
    }
  `,
};

/**
 * One GraphQL operation outside react-admin's CRUD (a state transition, a dashboard figure): the
 * result's `data` field (alias the root field as `data`), without __typename; any failure becomes an
 * HttpError with the API's localized message. Areas of the console keep their own documents and call this.
 */
export async function callApi<T>(document: DocumentNode, variables: Record<string, unknown> = {}): Promise<T> {
  const isMutation = document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'mutation');
  try {
    const result = isMutation
      ? await apolloClient.mutate({ mutation: document, variables })
      : await apolloClient.query({ query: document, variables, fetchPolicy: 'no-cache' });
    return stripTypename((result.data as { data: T }).data);
  } catch (error) {
    throw toHttpError(error);
  }
}

const mutate = (mutation: keyof typeof MUTATIONS, variables: Record<string, unknown>) => callApi<ChangedRecord>(MUTATIONS[mutation], variables);

/** "attachment; filename=\"pesanan-2026-11-24.csv\"" -> "pesanan-2026-11-24.csv". */
const fileNameOf = (disposition: string | null) => /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? null;

/** The plain HTTP routes answer errors as `{ error: { code, message } }`, the message in the UI language. */
async function fileError(response: Response): Promise<HttpError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null; // null: a proxy's error page
  return new HttpError(body?.error?.message ?? 'ra.notification.http_error', response.status, { code: body?.error?.code ?? 'HTTP' });
}

/** The API serves at most this many rows a page. */
const API_PAGE = 200;
/**
 * Rows per request when reading a long list: the API refuses an operation costing over 2000 (rows x
 * fields asked), and a list row with its nested order is ~20 fields.
 */
const LONG_LIST_PAGE = 50;

/**
 * getList for more rows than the API serves a page (ExportButton asks for all rows at once, as page 1
 * of `maxResults`): fetched a page at a time, in order, until that many rows or the end of the list.
 */
async function getLongList(resource: string, params: GetListParams): Promise<GetListResult> {
  const wanted = params.pagination?.perPage ?? 0;
  const rows: RaRecord[] = [];
  let total = 0;
  for (let page = 1; rows.length < wanted; page++) {
    const result = await graphqlProvider.getList(resource, { ...params, pagination: { page, perPage: LONG_LIST_PAGE } });
    rows.push(...result.data);
    total = result.total ?? rows.length;
    if (result.data.length < LONG_LIST_PAGE || rows.length >= total) break;
  }
  return { data: rows.slice(0, wanted), total };
}

const METHODS = ['getList', 'getOne', 'getMany', 'getManyReference', 'create', 'update', 'updateMany', 'delete', 'deleteMany'] as const;

/** The GraphQL data provider with every failure turned into a react-admin HttpError (see errors.ts). */
export const dataProvider: AngsurDataProvider = {
  ...(Object.fromEntries(
    METHODS.map((method) => [
      method,
      (resource: string, params: unknown) => {
        const long = method === 'getList' && (params as GetListParams).pagination?.page === 1 && ((params as GetListParams).pagination?.perPage ?? 0) > API_PAGE;
        const call = long
          ? getLongList(resource, params as GetListParams)
          : (graphqlProvider[method] as (resource: string, params: unknown) => Promise<unknown>)(resource, params);
        return call.catch((error: unknown) => {
          throw toHttpError(error);
        });
      },
    ]),
  ) as unknown as DataProvider),

  async getQuote({ productId, planId, quantity = 1, startDate }) {
    try {
      const result = await apolloClient.query({ query: QUOTE, variables: { productId, planId, quantity, startDate: startDate ?? null } });
      return stripTypename(result.data.installmentQuote) as InstallmentQuote;
    } catch (error) {
      throw toHttpError(error);
    }
  },

  assignOrder: ({ id, assigneeId }) => mutate('assignOrder', { id, assigneeId }),
  cancelOrder: ({ id, reason }) => mutate('cancelOrder', { id, reason }),
  settlePayment: ({ id }) => mutate('settlePayment', { id }),
  rejectPayment: ({ id, reason }) => mutate('rejectPayment', { id, input: { reason } }),
  refundPayment: ({ id, reason }) => mutate('refundPayment', { id, input: { reason } }),

  async getFile(path) {
    let response: Response;
    try {
      response = await fetchWithSession(path);
    } catch {
      throw new HttpError('angsur.errors.network', 0, { code: 'NETWORK' });
    }
    if (!response.ok) throw await fileError(response);
    return {
      blob: await response.blob(),
      fileName: fileNameOf(response.headers.get('content-disposition')),
      headers: Object.fromEntries(response.headers.entries()),
    };
  },

  async putFile<T>(path: string, file: Blob) {
    let response: Response;
    try {
      // The server reads the type from the bytes; the header only keeps proxies from guessing.
      response = await fetchWithSession(path, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: file });
    } catch {
      throw new HttpError('angsur.errors.network', 0, { code: 'NETWORK' });
    }
    if (!response.ok) throw await fileError(response);
    return (await response.json()) as T;
  },
};
