/**
 * The status lists, actions and kinds of the app are the schema's enums, generated into gql/schema.ts.
 * Codegen orders enum values alphabetically; screens show them in the order of their life cycle, which
 * is the key order of a record that must name every value (the compiler checks it against the enum).
 */
export const inDisplayOrder = <T extends string>(record: Record<T, unknown>): T[] => Object.keys(record) as T[];
