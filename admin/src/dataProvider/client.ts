import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { authorizedFetch, GRAPHQL_URL } from '../auth/session';

/**
 * Apollo as a transport only: react-admin (react-query) already caches records, so every operation
 * goes to the network without Apollo's normalized cache. Tokens, their refresh and Accept-Language
 * are handled by authorizedFetch.
 */
export const apolloClient = new ApolloClient({
  link: new HttpLink({ uri: GRAPHQL_URL, fetch: authorizedFetch }),
  cache: new InMemoryCache(),
  defaultOptions: {
    query: { fetchPolicy: 'no-cache' },
    mutate: { fetchPolicy: 'no-cache' },
  },
});
