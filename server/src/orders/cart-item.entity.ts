import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { User } from '../accounts/user.entity';
import { InstallmentPlan } from '../catalog/installment-plan.entity';
import { Product } from '../catalog/product.entity';
import { BaseEntity } from '../db/base.entity';

/** A product on a plan in a customer's cart; adding the same pair again raises the quantity. */
@ObjectType()
@Entity({ tableName: 'cart_items' })
@Unique({ properties: ['customer', 'product', 'plan'] })
export class CartItem extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  customer: Ref<User>;

  @Field(() => Product)
  @ManyToOne(() => Product, { ref: true, deleteRule: 'cascade' })
  product: Ref<Product>;

  @Field(() => InstallmentPlan)
  @ManyToOne(() => InstallmentPlan, { ref: true, deleteRule: 'cascade' })
  plan: Ref<InstallmentPlan>;

  @Field(() => Int)
  @Property()
  quantity: number;
}
