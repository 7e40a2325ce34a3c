import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The back office's GraphQL types come from schema.graphql (printed from the server's resolvers), never
 * by hand: `npm run codegen` writes admin/src/gql/. Codegen validates every document in admin/src against
 * the schema, so `npm run typecheck` (which runs it with --check) fails when a document asks for a field,
 * argument or type the server does not have, or when admin/src/gql/ is stale.
 */
// Rupiah travels as a decimal string (bigint on the server), dates as ISO strings.
const scalars = { Rupiah: 'string', LocalDate: 'string', DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  // buildQuery.ts assembles the resource documents at run time from resources.ts: test/unit/admin-documents.test.ts
  // builds each of them and validates it against the same schema.
  documents: ['admin/src/**/*.{ts,tsx}', '!admin/src/gql/**', '!admin/src/dataProvider/buildQuery.ts'],
  ignoreNoDocuments: false,
  generates: {
    'admin/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, scalars },
    },
    // Every type and enum of the schema, documents or not: the app's status lists, actions and result
    // types come from here. Enums are `const` objects plus a union type, usable as values (choices,
    // comparisons) under isolatedModules and erased to the plain strings the API sends.
    'admin/src/gql/schema.ts': {
      plugins: ['typescript'],
      config: { enumsAsConst: true, useTypeImports: true, scalars },
    },
  },
};

export default config;
