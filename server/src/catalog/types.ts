import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, RupiahScalar } from '../graphql/scalars';
import { InstallmentPlan } from './installment-plan.entity';
import { Product } from './product.entity';

@ObjectType()
export class QuoteLine {
  @Field(() => Int, { description: '0 = down payment with setup and admin fees; 1..N monthly installments' }) number: number;
  @Field(() => LocalDateScalar) dueDate: string;
  @Field(() => RupiahScalar) principal: bigint;
  @Field(() => RupiahScalar) margin: bigint;
  @Field(() => RupiahScalar) fees: bigint;
  @Field(() => RupiahScalar, { description: 'Harga jual (without PPN)' }) taxBase: bigint;
  @Field(() => RupiahScalar, { description: 'DPP nilai lain' }) otherTaxBase: bigint;
  @Field(() => RupiahScalar, { description: 'PPN in this installment (included in amount)' }) vat: bigint;
  @Field(() => RupiahScalar) amount: bigint;
}

@ObjectType({ description: 'A full installment schedule preview; the lines add up exactly to totalPrice.' })
export class InstallmentQuote {
  @Field(() => Product) product: Product;
  @Field(() => InstallmentPlan) plan: InstallmentPlan;
  @Field(() => Int) quantity: number;
  @Field(() => LocalDateScalar) startDate: string;
  @Field(() => RupiahScalar) cashPrice: bigint;
  @Field(() => RupiahScalar) setupFee: bigint;
  @Field(() => RupiahScalar) adminFee: bigint;
  @Field(() => RupiahScalar) downPayment: bigint;
  @Field(() => RupiahScalar) financedAmount: bigint;
  @Field(() => RupiahScalar) marginAmount: bigint;
  @Field(() => RupiahScalar, { description: 'PPN of the whole contract: the lines’ vat adds up to it exactly' }) vatAmount: bigint;
  @Field(() => RupiahScalar) totalPrice: bigint;
  @Field(() => RupiahScalar, { description: 'What the first payment (installment 0) costs' }) firstPayment: bigint;
  @Field(() => RupiahScalar, { description: 'The usual monthly installment (the last one may differ by the remainder)' }) monthlyInstallment: bigint;
  @Field(() => [QuoteLine]) lines: QuoteLine[];
}
