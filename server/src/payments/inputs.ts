import { IsOptional, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsMoney, MaxChars, NotBlank } from '../common/validators';
import { RupiahScalar } from '../graphql/scalars';
import { PaymentMethod, PaymentStatus } from './enums';

@InputType()
export class CreatePaymentInput {
  @Field(() => ID) orderId: string;
  @Field(() => PaymentMethod) method: PaymentMethod;
  @Field(() => RupiahScalar, { nullable: true, description: 'Defaults to what is due now (all overdue and due today, or the next installment). Partial payments are allowed.' })
  @IsOptional() @IsMoney({ positive: true }) amount?: bigint | null;
  @Field(() => Boolean, { nullable: true, description: 'Pay everything still open (pelunasan); amount is then ignored' }) @IsOptional() payoff?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Retrying with the same key returns the same payment instead of a second one' })
  @IsOptional() @Matches(/^[\w.:-]{8,64}$/) idempotencyKey?: string | null;
}

@InputType()
export class ReasonInput {
  @Field() @NotBlank() @MaxChars(1000) reason: string;
}

@InputType()
export class ResolutionInput {
  @Field({ description: 'What was done with the money (refunded, applied by hand, ...)' }) @NotBlank() @MaxChars(1000) resolution: string;
}

@InputType()
export class PaymentFilter {
  @Field(() => [PaymentStatus], { nullable: true }) status?: PaymentStatus[];
  @Field(() => PaymentMethod, { nullable: true }) method?: PaymentMethod;
  @Field(() => ID, { nullable: true }) orderId?: string;
  @Field(() => Boolean, { nullable: true, description: 'Bank transfers with a proof uploaded, waiting for FINANCE' }) awaitingVerification?: boolean;
  @Field(() => [ID], { nullable: true }) ids?: string[];
}
