import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../accounts/user.entity';
import { BaseEntity } from '../db/base.entity';
import { Order } from './order.entity';

export enum ContractRequestKind {
  RENEWAL = 'RENEWAL',
  UPGRADE = 'UPGRADE',
  CANCELLATION = 'CANCELLATION',
}
registerEnumType(ContractRequestKind, { name: 'ContractRequestKind', description: 'What the customer asks for once the last installment is paid' });

export enum ContractRequestStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}
registerEnumType(ContractRequestStatus, { name: 'ContractRequestStatus' });

/**
 * At the end of the contract (every installment paid) the customer asks what comes next: renew,
 * upgrade or stop. Staff get it as a task (hosting handles 'contract.requestMade').
 */
@ObjectType()
@Entity({ tableName: 'contract_requests' })
export class ContractRequest extends BaseEntity<'status' | 'note'> {
  @ManyToOne(() => Order, { ref: true, index: true })
  order: Ref<Order>;

  @ManyToOne(() => User, { ref: true, index: true })
  customer: Ref<User>;

  @Field(() => ContractRequestKind)
  @Enum({ items: () => ContractRequestKind })
  kind: ContractRequestKind;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => ContractRequestStatus)
  @Index()
  @Enum({ items: () => ContractRequestStatus })
  status: ContractRequestStatus = ContractRequestStatus.OPEN;
}
