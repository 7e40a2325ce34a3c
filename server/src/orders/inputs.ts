import { IsOptional } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IntRange, IsPhoneID, MaxChars, NotBlank } from '../common/validators';
import { LocalDateScalar, RupiahScalar } from '../graphql/scalars';
import { OrderStatus } from './order-status';

@InputType()
export class AddToCartInput {
  @Field(() => ID) productId: string;
  @Field(() => ID) planId: string;
  @Field(() => Int, { defaultValue: 1 }) @IntRange(1, 20) quantity: number = 1;
}

@InputType()
export class CheckoutInput {
  @Field(() => String, { nullable: true, description: 'Defaults to the profile’s full name' }) @IsOptional() @NotBlank() @MaxChars(120) customerName?: string | null;
  @Field(() => String, { nullable: true, description: 'Defaults to the profile’s phone; 08..., +62... or 62...' }) @IsOptional() @IsPhoneID() customerPhone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxChars(2000) notes?: string | null;
}

@InputType()
export class OrderFilter {
  @Field(() => [OrderStatus], { nullable: true }) status?: OrderStatus[];
  @Field(() => Boolean, { nullable: true, description: 'Only orders with an installment past its due date and unpaid' }) overdue?: boolean;
  @Field(() => ID, { nullable: true }) assignedTo?: string;
  @Field(() => Boolean, { nullable: true, description: 'true: orders nobody is assigned to' }) unassigned?: boolean;
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => String, { nullable: true, description: 'Order number, customer name, phone or email' }) @IsOptional() @MaxChars(100) q?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => Int, { nullable: true, description: 'Orders whose second chance (pay-until date after an unsuspension) ends within this many days from today, arrears still unpaid' })
  @IsOptional() @IntRange(1, 31) secondChanceEndsWithinDays?: number;
}

@ObjectType()
export class NextDue {
  @Field(() => Int) number: number;
  @Field(() => LocalDateScalar) dueDate: string;
  @Field(() => RupiahScalar) amount: bigint;
}

@ObjectType({ description: 'Derived from the installments at today’s date in Asia/Jakarta' })
export class OrderSummary {
  @Field(() => Int) installmentsCount: number;
  @Field(() => Int) paidCount: number;
  @Field(() => Int) remainingCount: number;
  @Field(() => Int) overdueCount: number;
  @Field(() => RupiahScalar) paidAmount: bigint;
  @Field(() => RupiahScalar) outstandingAmount: bigint;
  @Field(() => RupiahScalar, { description: 'Overdue principal plus unpaid late fees' }) arrearsAmount: bigint;
  @Field(() => NextDue, { nullable: true }) nextDue: NextDue | null;
}
