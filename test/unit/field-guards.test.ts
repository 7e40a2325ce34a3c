import 'reflect-metadata';
import { graphql, isObjectType, type GraphQLSchema } from 'graphql';
import { Authorized, buildSchema, Field, getMetadataStorage, ObjectType, Query, Resolver, type BuildSchemaOptions } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { getSchema } from '../../server/src/app/schema';
import { markUnguardedFieldsSimple } from '../../server/src/graphql/simple-fields';

/**
 * Plain fields skip type-graphql's per-field wrapper (graphql/simple-fields.ts) only where no guard
 * applies: a field's own `@Authorized` must still refuse, whatever the other fields of its type do.
 */
@ObjectType()
class FieldGuardProbe {
  @Field() open!: string;

  @Authorized('ADMIN')
  @Field({ nullable: true })
  secret!: string;

  @Field({ name: 'renamed' }) internal!: string;
}

@Resolver()
class FieldGuardProbeResolver {
  @Query(() => FieldGuardProbe)
  fieldGuardProbe(): FieldGuardProbe {
    return { open: 'open', secret: 'secret', internal: 'internal' };
  }
}

async function probeSchema() {
  const options: BuildSchemaOptions = { resolvers: [FieldGuardProbeResolver], authChecker: ({ context }, roles) => roles.includes((context as { role: string }).role) };
  markUnguardedFieldsSimple(options);
  return buildSchema(options);
}

const fieldsOf = (schema: GraphQLSchema, type: string) => {
  const t = schema.getType(type);
  if (!isObjectType(t)) throw new Error(`${type} is not an object type`);
  return t.getFields();
};

describe('plain fields without type-graphql wrappers', () => {
  it('a field with its own @Authorized keeps its guard: refused to a customer, answered to an admin', async () => {
    const schema = await probeSchema();
    const source = `{ fieldGuardProbe { open secret renamed } }`;
    const asCustomer = await graphql({ schema, source, contextValue: { role: 'CUSTOMER' } });
    expect(asCustomer.data?.fieldGuardProbe).toEqual({ open: 'open', secret: null, renamed: 'internal' });
    expect(asCustomer.errors?.map((e) => e.path?.join('.'))).toEqual(['fieldGuardProbe.secret']);
    const asAdmin = await graphql({ schema, source, contextValue: { role: 'ADMIN' } });
    expect(asAdmin.errors).toBeUndefined();
    expect(asAdmin.data?.fieldGuardProbe).toEqual({ open: 'open', secret: 'secret', renamed: 'internal' });
  });

  it('only the unguarded field under its own name goes without a wrapper', async () => {
    const fields = fieldsOf(await probeSchema(), 'FieldGuardProbe');
    expect(fields.open!.resolve).toBeUndefined();
    expect(fields.secret!.resolve).toBeTypeOf('function');
    expect(fields.renamed!.resolve).toBeTypeOf('function');
  });

  it("in the app's schema every guarded plain field keeps its resolver, and the read path's columns have none", async () => {
    const schema = await getSchema();
    const storage = getMetadataStorage();
    // Field-level guards (`@Authorized` or `@UseMiddleware` on a field of an object type; none today): each must keep its wrapper.
    const guards = [...storage.authorizedFields, ...storage.middlewares];
    for (const type of storage.objectTypes) {
      const built = schema.getType(type.name);
      if (!isObjectType(built)) continue;
      for (const field of storage.fields.filter((f) => f.target === type.target && guards.some((g) => g.target === f.target && g.fieldName === f.name))) {
        expect(built.getFields()[field.schemaName]?.resolve, `${type.name}.${field.schemaName}`).toBeTypeOf('function');
      }
    }
    expect(fieldsOf(schema, 'Installment').amount!.resolve).toBeUndefined();
    expect(fieldsOf(schema, 'Order').number!.resolve).toBeUndefined();
    // A field resolver keeps its wrapper (its parameters, its own guards).
    expect(fieldsOf(schema, 'Order').summary!.resolve).toBeTypeOf('function');
  });
});
