import { Entity, Enum, Index, ManyToOne, OneToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../accounts/user.entity';
import { BaseEntity } from '../db/base.entity';
import { LocalDateScalar } from '../graphql/scalars';
import { OrderItem } from '../orders/order-item.entity';
import { Order } from '../orders/order.entity';
import { ServiceStatus, SuspensionCause, type DriverAction } from './service-status';

export enum ProvisioningState {
  IN_SYNC = 'IN_SYNC',
  PENDING = 'PENDING',
  WAITING_FOR_STAFF = 'WAITING_FOR_STAFF',
  FAILED = 'FAILED',
}
registerEnumType(ProvisioningState, { name: 'ProvisioningState', description: 'Whether the real server matches the status: PENDING/FAILED are retried by a job; WAITING_FOR_STAFF is a manual task' });

/**
 * A customer's hosting service, one per order item. `status` is what the service should be;
 * `provisioning` says whether the driver has made it so (failures keep the reason and are retried).
 */
@ObjectType()
@Entity({ tableName: 'services' })
export class Service extends BaseEntity<
  'status' | 'provisioning' | 'pendingAction' | 'externalRef' | 'lastError' | 'attempts' | 'nextAttemptAt' | 'suspensionCause' | 'hostname' | 'osTemplate'
> {
  @ManyToOne(() => Order, { ref: true, index: true })
  order: Ref<Order>;

  @OneToOne(() => OrderItem, { ref: true, owner: true, unique: true })
  orderItem: Ref<OrderItem>;

  @ManyToOne(() => User, { ref: true, index: true })
  customer: Ref<User>;

  @Field({ description: 'DNS-safe name; the local driver serves /hosting/<label>' })
  @Unique()
  @Property({ length: 40 })
  label: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 253, nullable: true })
  hostname: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  osTemplate: string | null = null;

  @Field({ description: 'local, manual or proxmox' })
  @Property({ length: 16 })
  driver: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  externalRef: string | null = null;

  @Field(() => ServiceStatus)
  @Index()
  @Enum({ items: () => ServiceStatus })
  status: ServiceStatus = ServiceStatus.PENDING_SETUP;

  @Field(() => ProvisioningState)
  @Index()
  @Enum({ items: () => ProvisioningState })
  provisioning: ProvisioningState = ProvisioningState.PENDING;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 16, nullable: true })
  pendingAction: DriverAction | null = 'create';

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Field(() => Int)
  @Property()
  attempts: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null = null;

  @Field(() => SuspensionCause, { nullable: true })
  @Enum({ items: () => SuspensionCause, nullable: true })
  suspensionCause: SuspensionCause | null = null;
}

/** Every suspension and unsuspension: who, why, and the payment deadline given with a second chance. */
@ObjectType()
@Entity({ tableName: 'suspension_events' })
export class SuspensionEvent extends BaseEntity<'actor' | 'reason' | 'payUntil' | 'cause'> {
  @ManyToOne(() => Service, { ref: true, index: true })
  service: Ref<Service>;

  @Field(() => String, { description: 'SUSPEND or UNSUSPEND' })
  @Property({ type: 'string', length: 16 })
  action: 'SUSPEND' | 'UNSUSPEND';

  @Field(() => SuspensionCause, { nullable: true })
  @Enum({ items: () => SuspensionCause, nullable: true })
  cause: SuspensionCause | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  actor: Ref<User> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 16, nullable: true })
  actorRole: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  payUntil: string | null = null;
}

export enum StaffTaskStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(StaffTaskStatus, { name: 'StaffTaskStatus' });

/**
 * Work for people: what the manual driver hands over (rack a server, shut a switch port) before the
 * service's state follows, and a customer's request at the end of the contract (`contract`, on the order).
 */
@ObjectType()
@Entity({ tableName: 'staff_tasks' })
export class StaffTask extends BaseEntity<'status' | 'assignedTo' | 'completedBy' | 'completedAt' | 'note' | 'service' | 'order' | 'contractRequestId'> {
  @ManyToOne(() => Service, { ref: true, index: true, nullable: true })
  service: Ref<Service> | null = null;

  @ManyToOne(() => Order, { ref: true, index: true, nullable: true })
  order: Ref<Order> | null = null;

  /** The orders domain's ContractRequest this task answers (an id: hosting does not load it). */
  @Property({ type: 'uuid', nullable: true })
  contractRequestId: string | null = null;

  @Field(() => String, { description: 'create, suspend, unsuspend or terminate (a driver action), or contract (an end-of-contract request)' })
  @Property({ type: 'string', length: 16 })
  action: DriverAction | 'contract';

  @Field()
  @Property({ type: 'text' })
  instructions: string;

  @Field(() => StaffTaskStatus)
  @Index()
  @Enum({ items: () => StaffTaskStatus })
  status: StaffTaskStatus = StaffTaskStatus.OPEN;

  @ManyToOne(() => User, { ref: true, nullable: true })
  assignedTo: Ref<User> | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true })
  completedBy: Ref<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  completedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}

/** A service whose driver failed and waits for a retry: the services list's `failing` filter and the dashboard's count. */
export const FAILING = { provisioning: ProvisioningState.FAILED } as const satisfies FilterQuery<Service>;
