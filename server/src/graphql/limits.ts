import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { t } from '../common/messages';

/** A list field costs its page size times what each item asks for. */
export const pageComplexity = ({ args, childComplexity }: ComplexityEstimatorArgs) =>
  1 + childComplexity * Math.min(Number(args.perPage ?? 25), 200);

/** Refuses operations whose estimated cost is above `max` before any resolver runs. */
export function complexityLimit(schema: GraphQLSchema, max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Bad variables: execution reports them as BAD_USER_INPUT with the field, before any resolver runs.
            return;
          }
          if (complexity > max) {
            throw new GraphQLError(t('query.tooComplex', { complexity, max }), {
              extensions: { code: 'QUERY_TOO_COMPLEX', complexity, max, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
