import { Entity, Index, OptionalProps, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { PrimaryKey } from '@mikro-orm/core';

/** Who did what, when: one row per change made through the API, written in the change's transaction. */
@ObjectType()
@Entity({ tableName: 'audit_log' })
@Index({ properties: ['entityType', 'entityId'] })
export class AuditLog {
  [OptionalProps]?: 'at';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Index()
  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @Field(() => ID, { nullable: true })
  @Index()
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 32, nullable: true })
  actorRole: string | null;

  @Field()
  @Property({ length: 64 })
  action: string;

  @Field()
  @Property({ length: 64 })
  entityType: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  entityId: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Property({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  requestId: string | null;
}
