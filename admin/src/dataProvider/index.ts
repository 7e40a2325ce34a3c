import { gql } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql';
import type { DataProvider } from 'react-admin';
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
}

export interface InstallmentQuote {
  downPayment: string;
  financedAmount: string;
  marginAmount: string;
  totalPrice: string;
  firstPayment: string;
  monthlyInstallment: string;
  startDate: string;
  lines: QuoteLine[];
}

/** react-admin's methods plus the API calls that are not about one resource. */
export interface AngsurDataProvider extends DataProvider {
  getQuote(params: { productId: string; planId: string; quantity?: number; startDate?: string }): Promise<InstallmentQuote>;
}

const QUOTE = gql`
  query Quote($productId: ID!, $planId: ID!, $quantity: Int!, $startDate: LocalDate) {
    installmentQuote(productId: $productId, planId: $planId, quantity: $quantity, startDate: $startDate) {
      downPayment financedAmount marginAmount totalPrice firstPayment monthlyInstallment startDate
      lines { number dueDate amount }
    }
  }
`;

const METHODS = ['getList', 'getOne', 'getMany', 'getManyReference', 'create', 'update', 'updateMany', 'delete', 'deleteMany'] as const;

/** The GraphQL data provider with every failure turned into a react-admin HttpError (see errors.ts). */
export const dataProvider: AngsurDataProvider = {
  ...(Object.fromEntries(
    METHODS.map((method) => [
      method,
      (resource: string, params: unknown) =>
        (graphqlProvider[method] as (resource: string, params: unknown) => Promise<unknown>)(resource, params).catch((error: unknown) => {
          throw toHttpError(error);
        }),
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
};
