import { getMetadataStorage } from 'type-graphql';

/**
 * Plain `@Field`s without a guard resolve with graphql's default resolver instead of type-graphql's
 * wrapper (issue 14 item 4). type-graphql gives every plain field a resolver closure that allocates
 * the resolver data and runs the (empty) middleware chain before reading the property: about 2,000
 * times per `myOrders` page, for nothing, since no such field has a guard. It skips the wrapper for a
 * field marked `simple`, and for every field of a type marked `simpleResolvers`; the type-wide flag
 * would also drop a field's own `@Authorized` or `@UseMiddleware` silently, so it is not used. Instead
 * each field is marked here from the metadata, before the schema is built, only when:
 * - no `@Authorized` applies to it (on the field, or on its class, the lookup type-graphql makes);
 * - no `@UseMiddleware` applies to it (on the field or its class), and the schema has no global middlewares;
 * - the GraphQL name is the property name (the default resolver reads the GraphQL name);
 * - it does not say `simple` itself either way.
 * Field resolvers (`@FieldResolver`) are not plain fields and keep their wrapper, guards included.
 * `test/unit/field-guards.test.ts` proves a guarded field still refuses and an unguarded one is simple.
 */
export function markUnguardedFieldsSimple(buildOptions: { globalMiddlewares?: readonly unknown[] }): void {
  // A global middleware must see every field: then no field is simple.
  if (buildOptions.globalMiddlewares?.length) return;
  const storage = getMetadataStorage();
  const guardedFields = new Set(storage.authorizedFields.map((a) => key(a.target, a.fieldName)));
  for (const m of storage.middlewares) guardedFields.add(key(m.target, m.fieldName));
  const guardedClasses = new Set<Function>([...storage.authorizedResolver.map((a) => a.target), ...storage.resolverMiddlewares.map((m) => m.target)]);
  for (const field of storage.fields) {
    if (field.simple !== undefined || field.name !== field.schemaName) continue;
    if (guardedClasses.has(field.target) || guardedFields.has(key(field.target, field.name))) continue;
    field.simple = true;
  }
}

let classes = 0;
const ids = new WeakMap<Function, number>();
/** One string per (class, property): classes have no stable name to key on (two may share one). */
const key = (target: Function, name: string) => {
  let id = ids.get(target);
  if (id === undefined) ids.set(target, (id = ++classes));
  return `${id}.${name}`;
};
