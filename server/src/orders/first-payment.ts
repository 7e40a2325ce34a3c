import { Field, ObjectType } from 'type-graphql';
import { RupiahScalar } from '../graphql/scalars';
import type { Installment } from '../installments/installment.entity';
import type { OrderItem } from './order-item.entity';

@ObjectType({ description: 'What the first payment (installment 0) is made of; the parts add up to `total`.' })
export class FirstPaymentBreakdown {
  @Field(() => RupiahScalar, { description: 'Uang muka: the part of the price paid up front' }) downPayment: bigint;
  @Field(() => RupiahScalar, { description: 'Biaya setup of every unit, as sold' }) setupFee: bigint;
  @Field(() => RupiahScalar, { description: 'Biaya admin of every unit, as sold' }) adminFee: bigint;
  @Field(() => RupiahScalar, { description: 'Bea meterai charged to the customer on this line (STAMP_DUTY_BORNE_BY=CUSTOMER)' }) stampDuty: bigint;
  @Field(() => RupiahScalar) total: bigint;
}

/**
 * The first installment split for the customer: its fees are the items' setup and admin fees as sold
 * (the plan terms snapshot), the rest is the down payment. The amounts come from the stored installment,
 * never recomputed, so the parts always add up to what is billed; fees the items cannot explain (an
 * order imported with its own figures) stay in the admin fee rather than being hidden.
 */
export function firstPaymentOf(items: readonly Pick<OrderItem, 'setupFee'>[], first: Pick<Installment, 'number' | 'fees' | 'amount' | 'stampDuty'> | undefined): FirstPaymentBreakdown | null {
  if (!first || first.number !== 0) return null;
  const setup = items.reduce((sum, item) => sum + item.setupFee, 0n);
  const setupFee = setup <= first.fees ? setup : first.fees;
  return {
    downPayment: first.amount - first.fees - first.stampDuty,
    setupFee,
    adminFee: first.fees - setupFee,
    stampDuty: first.stampDuty,
    total: first.amount,
  };
}
